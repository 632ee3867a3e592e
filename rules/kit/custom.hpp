// Rules a user defines in .dhrlint.toml, in the spirit of Vale's existence
// and substitution rules: a pattern (RE2) or a word list, where to look, a
// message, a severity and an optional replacement. Id "custom/<name>".
//
//   [custom.named-refuge]
//   words = ["Rosewood Refuge", "Oakfield House"]
//   message = "Names the refuge; describe it instead"
//   replacement = "a refuge in the area"
//   scope = ["body", "tables", "notes"]
//   severity = "error"
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dhrlint/finding.hpp"
#include "dhrlint/rule.hpp"

namespace dhrlint::kit {

// Where a custom rule looks. Body is running text and lists outside
// headings and tables; headings, tables, notes (footnotes and endnotes),
// comments, headers (headers and footers) as named.
enum CustomScope : unsigned {
  kScopeBody = 1,
  kScopeHeadings = 2,
  kScopeTables = 4,
  kScopeNotes = 8,
  kScopeComments = 16,
  kScopeHeaders = 32,
};
// The scope names configuration accepts, in order.
const std::vector<std::string>& custom_scope_names();

struct CustomRuleSpec {
  std::string name;                // "named-refuge": the id is "custom/named-refuge"
  std::string pattern;             // RE2 syntax, on the paragraph's visible text; or
  std::vector<std::string> words;  // whole words or phrases, case-insensitive
  std::string message;
  std::string replacement;  // optional: the wording to use instead
  Severity severity = Severity::kWarning;
  unsigned scope = kScopeBody | kScopeHeadings | kScopeTables | kScopeNotes;
  std::string defined_in;  // the configuration file, for --explain
};

// True when `name` is a valid custom rule name: lower case letters and
// digits in words joined by '-'.
bool valid_custom_rule_name(const std::string& name);

// Builds the rule, compiling its pattern. On a pattern RE2 rejects, or a
// spec with neither pattern nor words, returns null and sets `error` to the
// reason (RE2's own words for a bad pattern).
std::shared_ptr<const Rule> make_custom_rule(CustomRuleSpec spec, std::string& error);

}  // namespace dhrlint::kit
