// The compact rule-fixture format (.dhr), as fixed by the lead in
// fixtures/README.md (line kinds TITLE H1 H2 H3 HU1 HU2 P T A B Q |row| HEADER
// FOOTER BOX, @rules @core @app @custom @author @settings, inline [^..] [^^..] {ins:..}
// {del:..} {hidden:..} {hl:..} {comment:anchor|body} {b:..} {i:..}, !expect).
// build_docx() turns a .dhr text into the bytes of a real .docx written the
// way Word writes one (headings and a "Body Numbered" style linked to one
// multilevel list, separator notes, comment ranges, w:ins/w:del, text boxes
// with a VML fallback, ...), so the real reader and rules run on it unchanged.
//
// Decisions the format left open (additions only; nothing in it changed):
// * Text after the keyword is trimmed; a keyword alone ("P") is an empty
//   paragraph. A tab in the text becomes w:tab. Unknown line kinds are errors.
// * Escapes: \{ \} \[ \] \| \\ \^ give the character; any other backslash is
//   literal. '{' not followed by a known "key:" and '[' not followed by '^'
//   are literal text, so "[insert date]" needs no escape.
// * Markup nests freely except: no note inside a note or a comment body, no
//   comment inside a comment body, no tracked change inside a tracked change
//   (errors). A comment body may use {b:} {i:}.
// * HU1/HU2: the heading style with numId 0 on the paragraph (how Word removes
//   a heading's number); heading level stays 1/2.
// * A: own list (lowerLetter "(%1)"); every run of A lines gets a new w:num
//   with startOverride 1. A run ends at P, H1-H3, HU1-HU2 and TITLE lines
//   only; T, B, Q, BOX and table rows between A lines continue it.
// * B: Symbol-font U+F0B7, as Word writes a bullet (the reader shows "•").
// * Tables: a blank line ends a table; %% and !expect lines do not. Cells split
//   at '|' outside {...} and [...] (write \{ for a lone literal brace in a
//   cell). Short rows are padded with empty cells. The separator row is cells
//   of '-' and ':' only. A table that ends the body gets Word's trailing empty
//   paragraph.
// * BOX: consecutive BOX lines are the paragraphs of one text box, anchored in
//   the last paragraph line (an error after a table row or at the start).
// * HEADER/FOOTER: all lines go, in order, to one default header1.xml /
//   footer1.xml; those parts exist only when such lines do.
// * Notes are written as Word writes them: w:footnoteRef run, then a " " run,
//   then the text, so a note paragraph's visible text starts with a space.
// * @identifiers VALUE (may repeat, one identifier a line, anywhere in the
//   file): the private identifiers the fixture is linted with, as if given by
//   --identifiers FILE (Config::identifiers; identifying/private-identifier).
//   The value is taken as written after the keyword, trimmed: no escapes and
//   no '#' comments. Nothing of it goes into the .docx. An empty value is an
//   error.
// * @config KEY = VALUE (may repeat): a configuration setting the fixture is
//   linted with, as .dhrlint.toml would give it; the runner knows `edition`
//   and `document_kind` and fails a fixture naming another key. Nothing of it
//   goes into the .docx.
// * @settings trackRevisions: word/settings.xml gets <w:trackRevisions/>
//   (Review > Track Changes switched on). Any other setting is an error.
// * @author (default "Author") applies to later {ins:} {del:} {comment:};
//   comment initials are the first letters of its words.
// * @core accepts title subject creator keywords description lastModifiedBy
//   revision created modified category contentStatus language identifier
//   version lastPrinted. Defaults: revision 3 and fixed created/modified
//   dates; creator and lastModifiedBy are absent unless given. @app takes any
//   element name (defaults: Microsoft Office Word, Normal.dotm, ...). @custom
//   values are vt:lpwstr; custom.xml exists only when one is given.
// * Revision ids count from 1, comment ids from 0, note ids from 1 in order of
//   appearance; dates and zip timestamps are fixed: same source, same bytes.
// * !expect: after SECTION, the span and key=value options in any order. Span
//   "-" or omitted: the finding has no span or a zero-width one. In a quoted
//   span, \" and \\ escape. in= defaults to body, but property=NAME without
//   in= leaves the story unchecked (a metadata finding may sit in docProps or
//   on body text, e.g. property=author on a comment's anchor). vis= omitted
//   means the finding has no visibility (visible text); vis= also accepts
//   "unreferenced" (contract). sev= and property= omitted mean any.
// * A finding's in= comes from its location's part: docProps/ (or no part
//   with `property` set) -> property; footnotes/endnotes/comments/headerN/
//   footerN parts by name; anything else -> body.
// * @rules lines accumulate; entries may be patterns ("hba/*"). Without @rules
//   the first folder under fixtures/rules/ names the category (nested folders
//   allowed); a fixture directly in fixtures/rules/ compares all rules. The
//   runner fails a fixture whose @rules entry selects no rule of the build or
//   whose !expect names a rule it does not compare (either would let a
//   look-alike fixture pass by comparing nothing), and one where a rule threw.
//
// Nothing here depends on the reader or the rules (dhrlint-mkfixture links
// only libzip); describe_finding reads the model to recover span text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"

namespace dhrlint::testing {

// The parts of a .docx (name, bytes), in the order they are zipped.
using DocxParts = std::vector<std::pair<std::string, std::string>>;

// The parts build_docx() zips, for tests that alter one before zipping
// (hostile numbering, say). Empty on a malformed source (*error set).
DocxParts build_docx_parts(std::string_view dhr_source, std::string* error);
// Zips `parts` as build_docx() does (deflated, fixed timestamps); "" on
// failure (*error set when given).
std::string zip_parts(const DocxParts& parts, std::string* error);

// The bytes of a .docx built from `dhr_source`. On a malformed source returns
// "" and sets *error (when given) to "line N: reason".
std::string build_docx(std::string_view dhr_source, std::string* error);

// One `!expect` line.
//   !expect RULE SECTION "span text" [in=...] [vis=...] [sev=...] [property=NAME]
//   !expect RULE - -                  whole-document finding
//   !expect RULE - property=creator   property finding (in= unchecked unless given)
struct Expectation {
  std::string rule;
  std::optional<std::string> section;  // nullopt: "-" (the contract's null)
  std::optional<std::string> span;     // nullopt: "-" (no span, or a zero-width one)
  std::string in = "body";  // body|footnote|endnote|comment|header|footer|property; "" = any
  std::string vis;          // ""(visible)|hidden|deleted (as the finding's visibility)
  std::string sev;          // ""(any)|error|warning|info
  std::string property;     // ""(any) or the property name
  int line = 0;             // 1-based line in the .dhr file
};

// The `!expect` lines of a fixture, in file order. On a malformed line returns
// what it parsed so far and sets *error to "line N: reason".
std::vector<Expectation> parse_expectations(std::string_view dhr_source, std::string* error);

// The rule ids or patterns ("hba/*") of the fixture's `@rules` lines, in order;
// empty when it has none (the runner then compares the folder's category).
std::vector<std::string> parse_rules_directive(std::string_view dhr_source);

// The values of the fixture's `@identifiers` lines, in order (one private
// identifier a line, as written after the keyword, trimmed); empty when it has
// none. The runner lints the fixture with them as Config::identifiers.
std::vector<std::string> parse_identifiers_directive(std::string_view dhr_source);

// The fixture's `@config KEY = VALUE` lines, in order (key and value trimmed):
// configuration settings the runner lints the fixture with (`edition`,
// `document_kind`, as .dhrlint.toml would set them).
std::vector<std::pair<std::string, std::string>> parse_config_directive(
    std::string_view dhr_source);

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
