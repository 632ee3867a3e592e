// The compact rule-fixture format (.dhr, /tmp/dhrlint/fixture-format.md and
// fixtures/README.md): one paragraph a line, inline markup for notes, comments,
// tracked changes and run formatting, and `!expect` lines saying which
// findings the fixture must produce. build_docx() turns a .dhr text into the
// bytes of a real .docx written the way Word writes one (headings and a
// "Body Numbered" style linked to one multilevel list, separator notes,
// comment ranges, w:ins/w:del, text boxes with a VML fallback, ...), so the
// real reader and rules run on it unchanged.
//
// Nothing here depends on the reader or the rules except the matcher's view of
// a Finding (describe_finding), which reads the model to recover span text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"

namespace dhrlint::testing {

// The bytes of a .docx built from `dhr_source`. On a malformed source returns
// "" and sets *error (when given) to "line N: reason".
std::string build_docx(std::string_view dhr_source, std::string* error);

// One `!expect` line.
//   !expect RULE SECTION "span text" [in=...] [vis=...] [sev=...] [property=NAME]
//   !expect RULE - -                  whole-document finding
//   !expect RULE - property=creator   property finding (implies in=property)
struct Expectation {
  std::string rule;
  std::optional<std::string> section;  // nullopt: "-" (the contract's null)
  std::optional<std::string> span;     // nullopt: "-" (no span, or a zero-width one)
  std::string in = "body";             // body|footnote|endnote|comment|header|footer|property
  std::string vis;                     // ""(visible)|hidden|deleted (as the finding's visibility)
  std::string sev;                     // ""(any)|error|warning|info
  std::string property;                // ""(any) or the property name
  int line = 0;                        // 1-based line in the .dhr file
};

// The `!expect` lines of a fixture, in file order. On a malformed line returns
// what it parsed so far and sets *error to "line N: reason".
std::vector<Expectation> parse_expectations(std::string_view dhr_source, std::string* error);

// The rule ids or patterns ("hba/*") of the fixture's `@rules` lines, in order;
// empty when it has none (the runner then compares the folder's category).
std::vector<std::string> parse_rules_directive(std::string_view dhr_source);

// A finding as the matcher compares it: the same fields an Expectation names,
// plus where it is for the failure message.
struct ActualFinding {
  std::string rule;
  std::optional<std::string> section;
  std::string span;  // visible text of [start,end), or deleted_text; "" if none
  std::string in;    // as Expectation::in
  std::string vis;
  std::string sev;
  std::string property;
  std::string part;
  std::optional<std::uint32_t> paragraph;
  std::optional<std::size_t> start, end;
  std::string message;
};

// Reads the span text of `finding` out of `doc` (code point offsets into the
// visible text of the paragraph at (part, paragraph)).
ActualFinding describe_finding(const Finding& finding, const Document& doc);

// True when `actual` satisfies every field `expected` names.
bool expectation_matches(const Expectation& expected, const ActualFinding& actual);

// One-to-one (multiset) matching of expectations against findings: a maximum
// bipartite matching, so a loosely written expectation (no sev=) cannot steal
// the only finding a stricter one could take.
struct MatchReport {
  std::vector<Expectation> missing;       // expected, not found
  std::vector<ActualFinding> unexpected;  // found, not expected
  bool ok() const { return missing.empty() && unexpected.empty(); }
};
MatchReport match_findings(const std::vector<Expectation>& expected,
                           const std::vector<ActualFinding>& actual);

// Lines for failure messages, in the !expect syntax so they can be pasted.
std::string format_expectation(const Expectation& e);
std::string format_actual(const ActualFinding& a);

}  // namespace dhrlint::testing
