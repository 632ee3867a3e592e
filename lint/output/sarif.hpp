// SARIF 2.1.0 (--format sarif), as GitHub code scanning ingests it.
//
// A .docx has no lines: a result's region is the paragraph. `startLine` is
// the paragraph's 1-based ordinal among the w:p elements of its part (the
// contract's `paragraph`), `startColumn`/`endColumn` are 1-based code-point
// columns into its visible text (run.columnKind "unicodeCodePoints"); the
// part and the report section number go into the result's logical location
// and the location's properties. Whole-document findings have no region.
//
// SARIF is uploaded to a code host, so it carries as little of the draft as
// it can: no excerpts, no snippets, messages without quoted text
// (Finding::message_without_text), and the baseline fingerprint (hashes) in
// partialFingerprints.
#pragma once

#include <string>
#include <vector>

#include "dhrlint/rule.hpp"
#include "lint/engine/linter.hpp"

namespace dhrlint {

// `rules`: every rule a result may name (the build's and the configurations'
// custom ones), for tool.driver.rules with the --explain text as help.
std::string format_sarif(const std::vector<FileResult>& results,
                         const std::vector<const RuleInfo*>& rules);

}  // namespace dhrlint
