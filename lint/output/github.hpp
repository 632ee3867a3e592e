// The GitHub Actions format (--format github): one workflow command a
// finding, which GitHub shows as an annotation on the file in the run and the
// pull request. `line` is the paragraph's 1-based ordinal in its part and
// `col` the span's first code point + 1 (the same convention SARIF will use);
// the title is the rule id. Document text in the message is escaped as the
// workflow-command syntax requires.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/engine/linter.hpp"

namespace dhrlint {

// Workflow-command escaping: in a message '%', CR and LF; in a property
// value also ':' and ','.
std::string escape_workflow_data(std::string_view text);
std::string escape_workflow_property(std::string_view text);

// "::error file=…,line=…,col=…,title=…::message", without the newline.
std::string format_github_annotation(const std::string& path, const Finding& finding,
                                     const Document* doc);

// Every finding as an annotation; an unreadable file as one error on the file.
void write_github(std::ostream& out, const std::vector<FileResult>& results);

}  // namespace dhrlint
