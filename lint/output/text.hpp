// The text format (output-contract.md): one finding a line,
// `path:section: severity: message [rule-id]`, a summary line last.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "lint/engine/linter.hpp"

namespace dhrlint {

// Where a finding is when not in the body: "footnote 6", "endnote 2",
// "comment 3", "header", "footer", "properties: creator"; "" for the body.
std::string finding_place(const Finding& finding, const Document* doc);

// One finding's line, without the newline. `colour` adds ANSI colour to the
// severity.
std::string format_finding_line(const std::string& path, const Finding& finding,
                                const Document* doc, bool colour);

// "3 files, 1 unreadable, 12 findings (4 errors, 6 warnings, 2 info)".
std::string summary_line(const std::vector<FileResult>& results);

// Every file's findings (an unreadable file as `path: unreadable: reason
// (kind)`), then the summary line unless `summary` is false (--quiet).
void write_text(std::ostream& out, const std::vector<FileResult>& results, bool colour,
                bool summary = true);

}  // namespace dhrlint
