// Which paragraphs a rule should read, asked one way everywhere. Each
// predicate names exactly what it tests; rules combine them rather than
// testing Paragraph fields by hand.
//
//   printed body   the body story as the printed report shows it: not a
//                  paragraph whose mark is a tracked deletion, not wholly
//                  hidden (tables, text boxes and table-of-contents lines
//                  included: a TOC line reading "Error! Bookmark not
//                  defined." is printed)
//   report text    printed body that is the report's own text: not a
//                  table-of-contents line
//   running text   report text outside tables and text boxes
//   heading        printed body with a heading level, outside tables and
//                  text boxes
//   note           a footnote's or endnote's own paragraph
//   carried only   text the file carries that the printed report does not
//                  show (wholly hidden, or its mark deleted)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"

namespace dhrlint::kit {

class TermList;

bool is_printed_body(const Paragraph& p);
bool is_report_text(const Paragraph& p);
bool is_running_text(const Paragraph& p);
bool is_heading(const Paragraph& p);
bool is_note(const Paragraph& p);
bool is_comment(const Paragraph& p);
bool is_carried_only(const Paragraph& p);
// Running text whose own number is a report paragraph number ("1.6.5").
bool is_numbered_report_paragraph(const Paragraph& p);
// A sub-list or bullet item: a label that is not a report number, a list
// style, or a typed "(a)", "a)", "i.", "-", "•" at its start.
bool is_list_item(const Paragraph& p);
// A line of a table of contents: a TOC line of the model (Word's TOC field or
// style, or contents typed by hand: Paragraph::is_toc), or a cell of a table
// whose header row has a "Page" column.
bool is_contents_line(const Document& doc, std::size_t p);
// A quotation paragraph (a style whose name contains "quot").
bool is_quote_style(const Paragraph& p);

// The code point where a paragraph's own text starts: after a typed report
// number ("1.6.5 The children ...") when there is one, else 0.
std::size_t content_start(const Paragraph& p);
// The paragraph's report number: its label without trailing punctuation when
// the label is a report number, else its typed number; "" when neither.
std::string own_report_number(const Paragraph& p);

// The body paragraph a note, comment or text-box paragraph hangs on, or `p`
// itself.
std::size_t body_anchor(const Document& doc, std::size_t p);
// The order a reader meets the text in: the body paragraphs that `reads`
// accepts, each followed by the paragraphs of the notes it references (the
// first reference places a note), then the notes nobody references.
std::vector<std::size_t> reading_order_with_notes(const Document& doc,
                                                  bool (*reads)(const Paragraph&));

// The next body paragraph after `p` that a reader sees as content: skips
// empty paragraphs, text-box paragraphs and carried-only paragraphs. kNoIndex
// at the end of the body.
std::size_t next_content_paragraph(const Document& doc, std::size_t p);

// The enclosing headings of paragraph `p` (and `p` itself when it is a
// heading), innermost first, as texts.
std::vector<std::string_view> heading_texts(const Document& doc, std::size_t p);
// True when paragraph `p` (or the body paragraph a note hangs on) sits under a
// heading that group `group` of `headings` matches.
bool under_heading(const Document& doc, std::size_t p, const TermList& headings,
                   std::string_view group);
// True when paragraph `p` (or the body paragraph a note hangs on) is in a
// panel-membership or glossary table: a table under a "panel" heading, or one
// whose header row names panel columns (two or more) or glossary columns, as
// the groups "panel", "panel-table" and "glossary-table" of `sections` say.
// Naming a service or a term there says nothing about the case.
bool in_reference_table(const Document& doc, std::size_t p, const TermList& sections);

}  // namespace dhrlint::kit
