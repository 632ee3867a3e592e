// Internals of the reader shared by reader.cpp (the story walker) and
// sections.cpp (the whole-document indexes computed after all stories are
// read). Not a public interface.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "dhrlint/document.hpp"
#include "dhrlint/result.hpp"
#include "lint/ooxml/styles.hpp"
#include "lint/package/package.hpp"

namespace dhrlint::ooxml {

// w:footnotePr / w:endnotePr: how note marks are numbered.
struct NoteNumbering {
  int start = 1;
  std::string format;  // w:numFmt; "" = the default (decimal / lowerRoman)
};

// State shared by the stories of one document while it is read.
struct ReaderShared {
  Document doc;
  StyleSheet styles;
  std::map<std::string, std::vector<package::Relationship>> rels;  // source part -> rels

  // w:headerReference / w:footerReference of every w:sectPr, in body order.
  struct HeaderRef {
    Story story = Story::kHeader;
    std::string type;
    std::string rel_id;
  };
  std::vector<HeaderRef> header_refs;

  // Note references in the body, in reading order (they give display numbers).
  struct BodyNoteRef {
    NoteKind kind = NoteKind::kFootnote;
    std::string id;
    std::size_t paragraph = kNoIndex;  // Document::paragraphs index
    bool custom = false;               // w:customMarkFollows
    std::string custom_mark;           // the mark text that followed
  };
  std::vector<BodyNoteRef> note_refs;

  // Set when the document passes one of the reader's size limits (more
  // paragraphs or more text than any report): reading stops and the read
  // ends in this error instead of spending memory on a hostile file.
  std::string over_limit;
  std::size_t text_bytes = 0;  // visible and invisible text read so far

  NoteNumbering footnote_numbering;
  NoteNumbering endnote_numbering;

  const package::Relationship* find_rel(const std::string& source, const std::string& id) const;
  void read_note_pr(pugi::xml_node pr, NoteKind kind);
};

// Reads the package into the model (the body of read_document).
Result<Document> read_package(package::Package& pkg, std::string name);

// After all stories are read: note numbers and anchors, comment anchors,
// report numbers (typed or labelled), sections and enclosing headings.
void index_document(ReaderShared& shared);

// The report paragraph number typed at the start of `text` ("1.6.5 The ..."),
// or "" when the text does not start with one; `end` receives the code point
// offset where the rest of the text begins. `heading` relaxes the test (a
// heading may read "3 Background" with no full stop).
std::string typed_report_number(std::string_view text, bool heading, std::size_t* end);
// A typed number standing alone or before only a bracket, an ellipsis or a date
// ("5.1.3", "5. [insert IMR summary]", "3.3 2020: ...") that continues `current`, the section so
// far;
// "" otherwise. *end is set as for typed_report_number.
std::string bare_report_number(std::string_view text, std::string_view current, std::size_t* end);
// A list label that is a report paragraph number ("1.6.5." -> "1.6.5"), or "".
std::string label_report_number(std::string_view label);

}  // namespace dhrlint::ooxml
