// The JSON format (output-contract.md "JSON").
#pragma once

#include <string>
#include <vector>

#include "dhrlint/finding.hpp"
#include "lint/engine/linter.hpp"

namespace dhrlint {

// The whole run as the contract's JSON document (files in sorted path order,
// findings in (part, paragraph, start, rule) order), pretty-printed, with a
// trailing newline.
std::string format_json(const std::vector<FileResult>& results);

// One finding as a JSON object (compact), for tests and other formats.
std::string format_finding_json(const Finding& finding);

}  // namespace dhrlint
