// The document model: what a reader of the draft sees, plus what the file
// carries that the reader does not (hidden text, tracked deletions, comments,
// properties), each marked as such. Rules see only this, never XML.
//
// Text and offsets: every `text` is UTF-8. Every offset (`start`, `end`, `at`,
// `text_begin`, ...) counts Unicode code points into the paragraph's visible
// text, end exclusive, as output-contract.md fixes for findings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dhrlint {

inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

// Where a paragraph lives: the body story or one of the side stories.
enum class Story {
  kBody,      // main document part (text-box paragraphs too: see in_text_box)
  kFootnote,  // word/footnotes.xml
  kEndnote,   // word/endnotes.xml
  kComment,   // word/comments.xml
  kHeader,    // word/headerN.xml
  kFooter,    // word/footerN.xml
};

// One stretch of visible text that came from one run (w:r) of the XML. Kept
// so a finding's span can be written back as a Word comment on those runs.
struct RunSpan {
  std::size_t text_begin = 0;  // code points into Paragraph::text
  std::size_t text_end = 0;
  std::uint32_t run = 0;         // 0-based ordinal of the w:r among the paragraph's
                                 // descendant runs in document order (all runs,
                                 // including deleted and hidden ones)
  std::uint32_t run_offset = 0;  // code points into that run's own text
};

// Text the file carries at a point of the paragraph that the printed report
// does not show.
enum class InvisibleKind {
  kHidden,     // w:vanish (effective, through styles) or w:specVanish
  kDeleted,    // tracked deletion (w:del, w:delText)
  kMovedFrom,  // tracked move source (w:moveFrom)
  kFieldCode,  // w:instrText of a field (metadata, e.g. HYPERLINK "mailto:...")
};

struct InvisibleText {
  InvisibleKind kind = InvisibleKind::kHidden;
  std::size_t at = 0;     // insertion point in Paragraph::text (zero-width)
  std::string text;       // the invisible text itself, UTF-8
  std::string author;     // revisions only
  std::string date;       // revisions only
  std::uint32_t run = 0;  // first run it came from (RunSpan::run numbering)
};

enum class RevisionKind {
  kInsertion,          // w:ins: visible text [start, end)
  kDeletion,           // w:del: zero-width at `start`, text in `text`
  kMoveTo,             // w:moveTo: visible text [start, end)
  kMoveFrom,           // w:moveFrom: zero-width at `start`, text in `text`
  kParagraphInserted,  // w:pPr/w:rPr/w:ins
  kParagraphDeleted,   // w:pPr/w:rPr/w:del (mark deleted; paragraph keeps its index)
  kFormatChange,       // w:rPrChange / w:pPrChange / ...: zero width
};

struct Revision {
  RevisionKind kind = RevisionKind::kInsertion;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;  // deleted / moved-from text; empty for insertions
  std::string author;
  std::string date;
  std::string id;  // w:id
};

enum class NoteKind { kFootnote, kEndnote };

// A footnote or endnote reference mark inside a paragraph. The mark itself is
// not part of the visible text; `at` is where it stands.
struct NoteRef {
  NoteKind kind = NoteKind::kFootnote;
  std::string id;  // w:id of the note
  std::size_t at = 0;
};

// The part of a comment's range that falls in this paragraph.
struct CommentRange {
  std::string id;  // w:id of the comment
  std::size_t start = 0;
  std::size_t end = 0;  // == start when only a w:commentReference exists
};

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string value;  // e.g. the highlight colour
};

struct TableCoord {
  std::uint32_t table = 0;  // 1-based ordinal of the w:tbl in its part (nested tables count)
  std::uint32_t row = 0;    // 0-based
  std::uint32_t col = 0;    // 0-based grid column of the cell (gridBefore and gridSpan respected)
  std::uint32_t depth = 1;  // 1 for a top-level table, 2 for a table in a cell, ...
};

struct Paragraph {
  Story story = Story::kBody;
  std::string part;         // "word/document.xml", "word/footnotes.xml", ...
  std::uint32_t index = 0;  // 1-based ordinal of the w:p in its part (contract: `paragraph`)
  std::string style_id;     // w:pStyle (or the default paragraph style's id)
  std::string style_name;   // that style's w:name ("heading 1", "Body Numbered")
  std::optional<int> heading_level;  // 1..9 for headings ("Title" counts as 1? no: see reader)
  std::optional<int> outline_level;  // effective w:outlineLvl 0..8, when set

  // Numbering, as Word displays it.
  std::string label;  // exactly what Word shows: "1.6.5.", "(a)", "•", "" if none
  bool label_is_bullet = false;
  std::optional<int> list_level;  // effective ilvl when numbered
  int num_id = 0;                 // effective numId (0 = not numbered)
  std::string label_suffix;       // "\t", " " or "" (w:suff)

  std::string text;  // visible text (contract "Visible text"), UTF-8

  // Set when the paragraph's report number is typed at the start of `text`
  // ("1.6.5 The children ..."): the number without trailing punctuation, and
  // where the rest of the text begins (code points).
  std::string typed_number;
  std::size_t typed_number_end = 0;

  // The contract's `section`: the report paragraph number this paragraph belongs
  // to ("1.6.5"), "" when none (before the first numbered paragraph, headers,
  // footers). For notes and comments: the section of the anchoring paragraph.
  std::string section;
  bool is_report_number = false;      // this paragraph's own label/typed number is a
                                      // report paragraph number (defines a section)
  std::vector<std::size_t> headings;  // indices into Document::paragraphs of the
                                      // enclosing headings, outermost first

  std::optional<TableCoord> table;  // set for a table cell's paragraph
  bool in_text_box = false;
  std::size_t anchor = kNoIndex;  // text boxes, notes, comments: index into
                                  // Document::paragraphs of the anchoring paragraph
  std::string owner_id;           // note id / comment id for note & comment paragraphs
  bool is_toc = false;            // table-of-contents entry: TOC field or TOC style, or one
                                  // of two or more consecutive lines typed as contents
                                  // (a title, a tab or dot leaders, a page number)
  bool mark_deleted = false;      // paragraph mark is a tracked deletion
  bool mark_hidden = false;       // paragraph mark hidden (w:vanish in mark rPr)
  bool all_hidden = false;        // every character of the paragraph is hidden

  std::vector<RunSpan> runs;
  std::vector<InvisibleText> invisible;
  std::vector<Revision> revisions;
  std::vector<NoteRef> note_refs;
  std::vector<CommentRange> comment_ranges;
  std::vector<Span> highlights;  // w:highlight / run shading, visible offsets
};

struct Note {
  NoteKind kind = NoteKind::kFootnote;
  std::string id;                       // w:id
  std::string number;                   // displayed mark ("6"), by order of reference in the body
  std::string part;                     // "word/footnotes.xml"
  std::size_t anchor = kNoIndex;        // Document::paragraphs index of the referencing paragraph
  std::vector<std::size_t> paragraphs;  // the note's own paragraphs
};

struct Comment {
  std::string id;
  std::string author;
  std::string initials;
  std::string date;
  std::string part;               // "word/comments.xml"
  std::size_t anchor = kNoIndex;  // first paragraph its range (or reference) touches
  std::vector<std::size_t> paragraphs;
  std::string parent_id;  // reply-to (commentsExtended), "" if top-level
  bool done = false;      // resolved (commentsExtended w15:done)
};

struct HeaderFooter {
  Story story = Story::kHeader;
  std::string part;  // "word/header1.xml"
  std::string type;  // "default", "first", "even"
  std::vector<std::size_t> paragraphs;
};

struct Table {
  std::string part;
  std::uint32_t number = 0;  // TableCoord::table
  std::uint32_t depth = 1;
  std::size_t anchor = kNoIndex;  // paragraph index before which it stands (first cell paragraph)
  // rows -> cells -> paragraph indices; merged continuation cells (vMerge continue)
  // are present with their (usually empty) paragraphs and `merged_from_above`.
  struct Cell {
    std::uint32_t col = 0;
    std::uint32_t span = 1;
    bool merged_from_above = false;
    std::vector<std::size_t> paragraphs;
  };
  struct Row {
    bool header = false;  // w:tblHeader
    std::vector<Cell> cells;
  };
  std::vector<Row> rows;
};

struct Properties {
  std::map<std::string, std::string> core;    // "creator", "lastModifiedBy", "title", ...
  std::map<std::string, std::string> app;     // "Application", "Company", "Template", ...
  std::map<std::string, std::string> custom;  // custom property name -> value as text
};

// Document-wide settings (word/settings.xml; the part is optional, and a
// document without it has the defaults).
struct Settings {
  bool track_revisions = false;  // w:trackRevisions: Review > Track Changes is on
};

// The names --dump and the tests use for these kinds ("deleted", "move-to", ...).
std::string_view invisible_kind_name(InvisibleKind kind);
std::string_view revision_kind_name(RevisionKind kind);

struct Document {
  std::string path;       // as given on the command line
  std::string main_part;  // e.g. "word/document.xml"
  bool strict = false;    // ISO/IEC 29500 Strict namespaces

  // All paragraphs. Body first, in reading order (table cells row by row where
  // the table stands, text-box paragraphs right after their anchoring
  // paragraph); then footnotes, endnotes, comments, headers, footers, each in
  // part order. Use `story` to tell them apart.
  std::vector<Paragraph> paragraphs;
  std::vector<Note> notes;
  std::vector<Comment> comments;
  std::vector<HeaderFooter> headers_footers;
  std::vector<Table> tables;
  Properties properties;
  Settings settings;
  std::vector<std::string> reader_notes;  // things read but not analysed (altChunk, ...)

  const Paragraph* find(std::string_view part, std::uint32_t index) const;
};

}  // namespace dhrlint
