// Helpers shared by the incomplete/*, advocacy/* and hba/* rules: term lists
// read from data files and matched with RE2 on folded text (offsets mapped
// back to the paragraph's visible text), and the outline context of a
// paragraph (which heading it sits under, which kind of table it is in).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "lint/text/text.hpp"

namespace re2 {
class RE2;
}

namespace dhrlint::rulekit {

// One match of a term list in a paragraph: code points into the visible text
// (start, end) and bytes into the folded text (folded_begin, folded_end).
struct TermMatch {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t folded_begin = 0;
  std::size_t folded_end = 0;
  std::string group;  // the [group] of the data file the term came from
};

// A term list from data/<name>. Each line is a term; `[group]` lines start a
// group (terms before any group line belong to group ""). A term is either a
// phrase, matched on folded text at word boundaries, with spaces and hyphens
// matching any run of spaces, hyphens and quotes and a trailing `*` matching
// any word ending ("shame*"), or `re:` followed by an RE2 pattern written for
// folded (lower-case) text. All groups compile once, at construction.
class TermList {
 public:
  explicit TermList(std::string_view data_name);
  ~TermList();
  TermList(TermList&&) noexcept;
  TermList& operator=(TermList&&) noexcept;

  // True when every line compiled (a data error is a build-time bug: tests
  // check it).
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool empty() const { return groups_.empty(); }
  std::vector<std::string> group_names() const;

  // All non-overlapping matches in `folded`, in text order; `group` "" means
  // every group.
  std::vector<TermMatch> find(const text::FoldedText& folded, std::string_view group = {}) const;
  // Matches inside the folded byte range [begin, end) only.
  std::vector<TermMatch> find_in(const text::FoldedText& folded, std::size_t begin, std::size_t end,
                                 std::string_view group = {}) const;
  bool contains(const text::FoldedText& folded, std::string_view group = {}) const;
  bool contains_in(const text::FoldedText& folded, std::size_t begin, std::size_t end,
                   std::string_view group = {}) const;
  // For short strings that are not paragraphs (headings, table headers).
  bool contains(std::string_view utf8, std::string_view group = {}) const;

 private:
  struct Group {
    std::string name;
    std::unique_ptr<re2::RE2> re;
  };
  std::vector<Group> groups_;
  std::string error_;
};

// The RE2 source for one data line (exposed for tests).
std::string term_to_pattern(std::string_view line);

// The code points of `utf8` (malformed bytes give U+FFFD).
std::vector<char32_t> code_points(std::string_view utf8);
// Unicode white space (and zero-width space / BOM).
bool is_space(char32_t c);
// Trims ASCII/Unicode white space from a code-point range of `utf8`.
text::Range trim(std::string_view utf8, text::Range r);

// The code point where a paragraph's own text starts: after a typed report
// number ("1.6.5 The children ...") when there is one, else 0.
std::size_t content_start(const Paragraph& p);
// The paragraph's report number: its label without trailing punctuation when
// the label is a report number, else its typed number; "" when neither.
std::string own_report_number(const Paragraph& p);

// Body paragraphs a reader reads as report prose or headings: body story,
// not a table-of-contents line, not deleted, not all hidden.
bool is_readable_body(const Paragraph& p);

// The enclosing headings of paragraph `p` (and `p` itself when it is a
// heading), innermost first, as texts.
std::vector<std::string_view> heading_texts(const Document& doc, std::size_t p);
// True when paragraph `p` (or the body paragraph a note hangs on) sits under a
// heading matched by `headings` (group `group`).
bool under_heading(const Document& doc, std::size_t p, const TermList& headings,
                   std::string_view group);
// The text of the first row of the table paragraph `p` is in ("" when it is not
// in a table), cells joined with " | ".
std::string table_header_text(const Document& doc, std::size_t p);
// The text of the whole table row paragraph `p` is in ("" when it is not in
// a table), cells joined with " | ".
std::string table_row_text(const Document& doc, std::size_t p);
// The body paragraph a note or comment paragraph hangs on, or `p` itself.
std::size_t body_anchor(const Document& doc, std::size_t p);
// True when paragraph `p` (or the body paragraph a note hangs on) is in a
// panel-membership or glossary table: a table under a "panel" heading, or one
// whose header row names panel columns (two or more) or glossary columns, as
// the groups "panel", "panel-table" and "glossary-table" of `sections` say.
// Naming a service or a term there says nothing about the case.
bool in_reference_table(const Document& doc, std::size_t p, const TermList& sections);

// A Location for paragraph `p`, span [start, end) when given (for
// Location::related): part, paragraph ordinal, section, note id.
Location location_of(const Document& doc, std::size_t p, std::optional<std::size_t> start = {},
                     std::optional<std::size_t> end = {});

}  // namespace dhrlint::rulekit

namespace dhrlint::rulekit {

// The lines of group `group` of data/<name> (see TermList for the format),
// folded; for plain word lists.
std::vector<std::string> data_group(std::string_view data_name, std::string_view group);

// Code points that close a quotation or bracket after the final punctuation.
bool is_closer(char32_t c);
// Sentence-final punctuation (. ! ? and the ellipsis).
bool is_terminal(char32_t c);

}  // namespace dhrlint::rulekit

namespace dhrlint::rulekit {

// The next body paragraph after `p` that a reader sees as content: skips
// empty paragraphs, text-box paragraphs and deleted or hidden paragraphs.
// kNoIndex at the end of the body.
std::size_t next_content_paragraph(const Document& doc, std::size_t p);
// A sub-list or bullet item: a label that is not a report number, a list
// style, or a typed "(a)", "a)", "i.", "-", "•" at its start.
bool is_list_item(const Paragraph& p);
// A quotation paragraph (a style whose name contains "quote").
bool is_quote_style(const Paragraph& p);

}  // namespace dhrlint::rulekit

namespace dhrlint::rulekit {

// The first byte of `folded` that comes from code point `cp` or later.
std::size_t folded_byte_of(const text::FoldedText& folded, std::size_t cp);
// The sentence of paragraph `p` (ICU boundaries, from the analysis cache)
// holding code point `cp`, as a code-point range; the whole text when none.
struct SentenceSpan {
  text::Range cps;               // code points
  std::size_t folded_begin = 0;  // the same range in the folded text (bytes)
  std::size_t folded_end = 0;
};
SentenceSpan sentence_at(const std::vector<text::Range>& sentences, const text::FoldedText& folded,
                         std::size_t cp);
SentenceSpan to_span(const text::FoldedText& folded, text::Range r);

}  // namespace dhrlint::rulekit
