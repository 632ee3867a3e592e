// read_document: package -> parts -> the document model (include/dhrlint/document.hpp).
//
// One StoryReader walks one story (the body, the footnotes part, a header, ...)
// in document order, emitting paragraphs with their visible text and the
// invisible text, revisions, note references and comment ranges at their
// points. After all stories are read, the section index, note numbers and
// comment anchors are computed over the whole model (lint/ooxml/sections.cpp).
#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "dhrlint/dhrlint.hpp"
#include "lint/ooxml/numbering.hpp"
#include "lint/ooxml/reader_internal.hpp"
#include "lint/ooxml/story_nodes.hpp"
#include "lint/ooxml/styles.hpp"
#include "lint/ooxml/symbols.hpp"
#include "lint/ooxml/xml.hpp"
#include "lint/package/package.hpp"
#include "lint/text/utf8.hpp"

namespace dhrlint {
namespace {

using pugi::xml_node;
using text::append_utf8;

// Trees deeper than this (tables in tables, sdt in sdt, text boxes in text
// boxes) are bad input: their inner content is skipped with a reader note.
constexpr int kMaxDepth = 256;
// More paragraphs, or more text, than any real report holds (a 150-page
// report has a few thousand paragraphs and well under 1 MiB of text): past
// these a file is refused, so that any input stays within 2 s and 256 MiB.
constexpr std::size_t kMaxParagraphs = 50000;
constexpr std::size_t kMaxTextBytes = std::size_t{2} << 20;

bool is(xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

std::size_t cp_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

std::optional<int> int_attr(xml_node el, const char* attr = "w:val") {
  pugi::xml_attribute a = el.attribute(attr);
  if (!a) {
    return std::nullopt;
  }
  std::string_view s = a.value();
  if (s.empty()) {
    return std::nullopt;
  }
  bool neg = false;
  std::size_t i = 0;
  if (s[0] == '-') {
    neg = true;
    i = 1;
  }
  long long v = 0;
  bool any = false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') {
      break;
    }
    any = true;
    v = v * 10 + (s[i] - '0');
    if (v > 1000000000LL) {
      v = 1000000000LL;  // clamp hostile values
    }
  }
  if (!any) {
    return std::nullopt;
  }
  return static_cast<int>(neg ? -v : v);
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) {
    ++b;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

// The first word of a field instruction, upper-cased ("TOC", "HYPERLINK").
std::string field_keyword(std::string_view instr) {
  std::string t = trim(instr);
  std::string word;
  for (char c : t) {
    if (c == ' ' || c == '\t' || c == '\\' || c == '"') {
      break;
    }
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return word;
}

// One open tracked change around the content being walked.
struct RevisionFrame {
  RevisionKind kind = RevisionKind::kInsertion;
  std::string author;
  std::string date;
  std::size_t revision = 0;  // index into the paragraph's revisions
};

// What the walker knows about the place a block stands in.
struct BlockContext {
  std::optional<TableCoord> table;
  bool in_text_box = false;
  std::size_t anchor = kNoIndex;
  std::string owner_id;
  int depth = 0;
};

// A complex field (fldChar begin ... separate ... end) open at this point.
struct FieldFrame {
  bool separated = false;
  bool toc = false;
  std::string instr;
};

// Per-paragraph state while its inline content is walked.
struct ParagraphState {
  std::size_t doc_index = 0;
  std::size_t length = 0;  // code points of Paragraph::text
  std::uint32_t run_counter = 0;
  // The run being walked.
  bool in_run = false;
  std::uint32_t run = 0;
  std::uint32_t run_offset = 0;
  bool hidden = false;
  std::string highlight;
  std::vector<RevisionFrame> revisions;
  std::vector<xml_node> text_boxes;  // w:txbxContent met in this paragraph
  xml_node source;                   // the run's child being read (StoryObserver::run_text)
  bool custom_mark_pending = false;  // footnoteReference customMarkFollows
  std::size_t custom_mark_ref = 0;   // index into StoryReader::note_refs_
};

}  // namespace

namespace ooxml {

class StoryReader {
 public:
  StoryReader(ReaderShared& shared, Story story, std::string part, NumberingResolver* numbering,
              StoryObserver* observer = nullptr)
      : s_(shared),
        story_(story),
        part_(std::move(part)),
        numbering_(numbering),
        observer_(observer) {}

  // Walks the block-level children of `container` (w:body, w:footnote,
  // w:hdr, w:tc, w:txbxContent, w:sdtContent, ...).
  void read_blocks(xml_node container, const BlockContext& ctx) {
    if (ctx.depth > kMaxDepth) {
      too_deep();
      return;
    }
    for (xml_node child : container.children()) {
      if (child.type() != pugi::node_element) {
        continue;
      }
      if (is(child, "w:p")) {
        read_paragraph(child, ctx);
      } else if (is(child, "w:tbl")) {
        read_table(child, ctx);
      } else if (is(child, "w:sdt")) {
        BlockContext inner = ctx;
        ++inner.depth;
        read_blocks(child.child("w:sdtContent"), inner);
      } else if (is(child, "w:customXml") || is(child, "w:ins") || is(child, "w:del") ||
                 is(child, "w:moveTo") || is(child, "w:moveFrom") || is(child, "w:smartTag")) {
        BlockContext inner = ctx;
        ++inner.depth;
        read_blocks(child, inner);
      } else if (is(child, "w:altChunk")) {
        read_alt_chunk(child);
      } else if (is(child, "w:sectPr")) {
        read_sect_pr(child);
      } else if (is(child, "w:commentRangeStart")) {
        pending_range_starts_.push_back(child.attribute("w:id").value());
      } else if (is(child, "w:commentRangeEnd")) {
        std::string id = child.attribute("w:id").value();
        if (!story_paragraphs_.empty()) {
          std::size_t last = story_paragraphs_.back();
          close_range(id, last, cp_count(s_.doc.paragraphs[last].text));
        }
        drop_pending_start(id);
      }
    }
  }

  // Ends the story: ranges still open run to the end of its last paragraph.
  void finish() {
    std::vector<std::string> open;
    for (const auto& [id, where] : open_ranges_) {
      open.push_back(id);
    }
    for (const std::string& id : open) {
      if (story_paragraphs_.empty()) {
        break;
      }
      std::size_t last = story_paragraphs_.back();
      close_range(id, last, cp_count(s_.doc.paragraphs[last].text));
    }
    fields_.clear();
    unseparated_ = 0;
    toc_fields_ = 0;
  }

  // Field state does not cross notes or comments.
  void reset_fields() {
    fields_.clear();
    unseparated_ = 0;
    toc_fields_ = 0;
  }

  const std::vector<std::size_t>& paragraphs() const { return story_paragraphs_; }

 private:
  ReaderShared& s_;
  Story story_;
  std::string part_;
  NumberingResolver* numbering_;
  StoryObserver* observer_;  // null except for writers (observe_story)

  std::uint32_t paragraph_counter_ = 0;
  std::uint32_t table_counter_ = 0;
  std::vector<std::size_t> story_paragraphs_;
  std::vector<FieldFrame> fields_;
  int unseparated_ = 0;  // open fields still in their instruction
  int toc_fields_ = 0;   // open TOC fields in their result
  std::map<std::string, std::pair<std::size_t, std::size_t>> open_ranges_;  // id -> (para, at)
  std::set<std::string> ranged_comments_;
  std::vector<std::string> pending_range_starts_;
  bool reported_depth_ = false;

  void too_deep() {
    if (reported_depth_) {
      return;
    }
    reported_depth_ = true;
    s_.doc.reader_notes.push_back(part_ + ": content nested deeper than " +
                                  std::to_string(kMaxDepth) + " levels was not read");
  }

  void drop_pending_start(const std::string& id) {
    auto it = std::find(pending_range_starts_.begin(), pending_range_starts_.end(), id);
    if (it != pending_range_starts_.end()) {
      pending_range_starts_.erase(it);
    }
  }

  void read_alt_chunk(xml_node chunk) {
    std::string target;
    std::string rid = chunk.attribute("r:id").value();
    if (const auto* rel = s_.find_rel(part_, rid)) {
      target = rel->target;
    }
    s_.doc.reader_notes.push_back(part_ + ": imported content (altChunk" +
                                  (target.empty() ? std::string() : " " + target) +
                                  ") not analysed");
  }

  void read_sect_pr(xml_node sect) {
    if (story_ != Story::kBody) {
      return;
    }
    for (xml_node ref : sect.children()) {
      bool header = is(ref, "w:headerReference");
      bool footer = is(ref, "w:footerReference");
      if (!header && !footer) {
        continue;
      }
      s_.header_refs.push_back({header ? Story::kHeader : Story::kFooter,
                                ref.attribute("w:type").value(), ref.attribute("r:id").value()});
    }
    xml_node fpr = sect.child("w:footnotePr");
    if (fpr) {
      s_.read_note_pr(fpr, NoteKind::kFootnote);
    }
    xml_node epr = sect.child("w:endnotePr");
    if (epr) {
      s_.read_note_pr(epr, NoteKind::kEndnote);
    }
  }

  // ---- tables -------------------------------------------------------------

  static void collect_rows(xml_node tbl, std::vector<xml_node>& rows, int depth) {
    if (depth > 8) {
      return;
    }
    for (xml_node c : tbl.children()) {
      if (is(c, "w:tr")) {
        rows.push_back(c);
      } else if (is(c, "w:sdt")) {
        collect_rows(c.child("w:sdtContent"), rows, depth + 1);
      } else if (is(c, "w:customXml") || is(c, "w:ins") || is(c, "w:del")) {
        collect_rows(c, rows, depth + 1);
      }
    }
  }

  static void collect_cells(xml_node tr, std::vector<xml_node>& cells, int depth) {
    if (depth > 8) {
      return;
    }
    for (xml_node c : tr.children()) {
      if (is(c, "w:tc")) {
        cells.push_back(c);
      } else if (is(c, "w:sdt")) {
        collect_cells(c.child("w:sdtContent"), cells, depth + 1);
      } else if (is(c, "w:customXml")) {
        collect_cells(c, cells, depth + 1);
      }
    }
  }

  void read_table(xml_node tbl, const BlockContext& ctx) {
    if (ctx.depth > kMaxDepth) {
      too_deep();
      return;
    }
    std::uint32_t number = ++table_counter_;
    std::uint32_t level = ctx.table ? ctx.table->depth + 1 : 1;
    std::size_t table_index = s_.doc.tables.size();
    {
      Table t;
      t.part = part_;
      t.number = number;
      t.depth = level;
      t.anchor = s_.doc.paragraphs.size();
      s_.doc.tables.push_back(std::move(t));
    }
    std::vector<xml_node> rows;
    collect_rows(tbl, rows, 0);
    std::uint32_t row_number = 0;
    for (xml_node tr : rows) {
      Table::Row row;
      xml_node trpr = tr.child("w:trPr");
      row.header = ooxml::on_off(trpr.child("w:tblHeader"));
      std::uint32_t col = static_cast<std::uint32_t>(
          std::clamp(int_attr(trpr.child("w:gridBefore")).value_or(0), 0, 1000));
      std::vector<xml_node> cells;
      collect_cells(tr, cells, 0);
      for (xml_node tc : cells) {
        Table::Cell cell;
        xml_node tcpr = tc.child("w:tcPr");
        cell.col = col;
        cell.span = static_cast<std::uint32_t>(
            std::clamp(int_attr(tcpr.child("w:gridSpan")).value_or(1), 1, 1000));
        xml_node vmerge = tcpr.child("w:vMerge");
        cell.merged_from_above = vmerge && ooxml::val(vmerge) != "restart";
        BlockContext inner = ctx;
        inner.depth = ctx.depth + 1;
        inner.table = TableCoord{number, row_number, col, level};
        std::size_t first = s_.doc.paragraphs.size();
        read_blocks(tc, inner);
        for (std::size_t p = first; p < s_.doc.paragraphs.size(); ++p) {
          const auto& coord = s_.doc.paragraphs[p].table;
          if (coord && coord->table == number && s_.doc.paragraphs[p].part == part_ &&
              !s_.doc.paragraphs[p].in_text_box) {
            cell.paragraphs.push_back(p);
          }
        }
        col += cell.span;
        row.cells.push_back(std::move(cell));
      }
      s_.doc.tables[table_index].rows.push_back(std::move(row));
      ++row_number;
    }
  }

  // ---- paragraphs ---------------------------------------------------------

  void read_paragraph(xml_node p, const BlockContext& ctx) {
    std::size_t doc_index = s_.doc.paragraphs.size();
    if (!s_.over_limit.empty()) {
      return;
    }
    if (doc_index >= kMaxParagraphs) {
      s_.over_limit = part_ + " takes the document past " + std::to_string(kMaxParagraphs) +
                      " paragraphs, more than any report holds; not linted";
      return;
    }
    {
      Paragraph para;
      para.story = story_;
      para.part = part_;
      para.index = ++paragraph_counter_;
      para.table = ctx.table;
      para.in_text_box = ctx.in_text_box;
      para.anchor = ctx.anchor;
      para.owner_id = ctx.owner_id;
      s_.doc.paragraphs.push_back(std::move(para));
    }
    story_paragraphs_.push_back(doc_index);
    if (observer_ != nullptr) {
      observer_->paragraph(paragraph_counter_, p);
    }
    for (const std::string& id : pending_range_starts_) {
      open_ranges_[id] = {doc_index, 0};
    }
    for (const std::string& id : pending_range_starts_) {
      ranged_comments_.insert(id);
    }
    pending_range_starts_.clear();

    ParagraphState ps;
    ps.doc_index = doc_index;
    xml_node ppr = p.child("w:pPr");
    read_paragraph_properties(ppr, ps);
    read_inline(p, ps, ctx.depth + 1);

    Paragraph& para = s_.doc.paragraphs[doc_index];
    s_.text_bytes += para.text.size();
    for (const InvisibleText& t : para.invisible) {
      s_.text_bytes += t.text.size();
    }
    if (s_.text_bytes > kMaxTextBytes && s_.over_limit.empty()) {
      s_.over_limit = part_ + " takes the document past " + std::to_string(kMaxTextBytes >> 20) +
                      " MiB of text, more than any report holds; not linted";
    }
    read_mark_revisions(ppr, ps);
    bool any_hidden =
        std::any_of(para.invisible.begin(), para.invisible.end(),
                    [](const InvisibleText& t) { return t.kind == InvisibleKind::kHidden; });
    para.all_hidden = para.text.empty() && any_hidden;
    if (numbering_ != nullptr && !para.mark_deleted) {
      NumberingRequest req;
      req.style_id = para.style_id;
      xml_node numpr = ppr.child("w:numPr");
      if (numpr) {
        req.direct_num_id = int_attr(numpr.child("w:numId"));
        req.direct_ilvl = int_attr(numpr.child("w:ilvl"));
      }
      if (auto label = numbering_->next(req)) {
        para.label = label->text;
        para.label_is_bullet = label->bullet;
        para.list_level = label->ilvl;
        para.num_id = label->num_id;
        para.label_suffix = label->suffix;
      }
    }

    // Text boxes anchored in this paragraph follow it.
    std::vector<xml_node> boxes = std::move(ps.text_boxes);
    for (xml_node box : boxes) {
      BlockContext inner;
      inner.in_text_box = true;
      inner.anchor = doc_index;
      inner.owner_id = ctx.owner_id;
      inner.depth = ctx.depth + 2;
      read_blocks(box, inner);
    }
  }

  void read_paragraph_properties(xml_node ppr, ParagraphState& ps) {
    Paragraph& para = s_.doc.paragraphs[ps.doc_index];
    std::string_view style = ooxml::val(ppr.child("w:pStyle"));
    if (!style.empty()) {
      para.style_id = std::string(style);
    } else if (const ooxml::StyleInfo* d = s_.styles.default_paragraph_style()) {
      para.style_id = d->id;
    }
    if (const ooxml::StyleInfo* st = s_.styles.find(para.style_id)) {
      para.style_name = st->name;
    }
    para.heading_level = s_.styles.heading_level(para.style_id);
    std::optional<int> direct_outline = int_attr(ppr.child("w:outlineLvl"));
    if (direct_outline) {
      if (*direct_outline >= 0 && *direct_outline <= 8) {
        para.outline_level = *direct_outline;
        para.heading_level = *direct_outline + 1;
      } else {
        para.heading_level.reset();
      }
    } else if (auto ol = s_.styles.outline_level(para.style_id); ol && *ol >= 0 && *ol <= 8) {
      para.outline_level = *ol;
    }
    std::string lower_name;
    for (char c : para.style_name) {
      lower_name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (lower_name.rfind("toc ", 0) == 0 || lower_name == "toc heading" ||
        lower_name == "table of figures") {
      para.is_toc = lower_name != "toc heading";
    }
    xml_node mark = ppr.child("w:rPr");
    para.mark_hidden =
        ooxml::on_off(mark.child("w:vanish")) || ooxml::on_off(mark.child("w:specVanish"));
    if (xml_node change = ppr.child("w:pPrChange")) {
      para.revisions.push_back(revision_from(change, RevisionKind::kFormatChange, 0));
    }
    if (ppr.child("w:sectPr")) {
      read_sect_pr(ppr.child("w:sectPr"));
    }
  }

  void read_mark_revisions(xml_node ppr, ParagraphState& ps) {
    Paragraph& para = s_.doc.paragraphs[ps.doc_index];
    xml_node mark = ppr.child("w:rPr");
    std::size_t end = ps.length;
    if (xml_node ins = mark.child("w:ins")) {
      para.revisions.push_back(revision_from(ins, RevisionKind::kParagraphInserted, end));
    }
    if (xml_node ins = mark.child("w:moveTo")) {
      para.revisions.push_back(revision_from(ins, RevisionKind::kParagraphInserted, end));
    }
    for (const char* name : {"w:del", "w:moveFrom"}) {
      if (xml_node del = mark.child(name)) {
        para.revisions.push_back(revision_from(del, RevisionKind::kParagraphDeleted, end));
        para.mark_deleted = true;
      }
    }
    if (xml_node change = mark.child("w:rPrChange")) {
      para.revisions.push_back(revision_from(change, RevisionKind::kFormatChange, end));
    }
  }

  static Revision revision_from(xml_node el, RevisionKind kind, std::size_t at) {
    Revision r;
    r.kind = kind;
    r.start = at;
    r.end = at;
    r.author = el.attribute("w:author").value();
    r.date = el.attribute("w:date").value();
    r.id = el.attribute("w:id").value();
    return r;
  }

  // ---- inline content -----------------------------------------------------

  void read_inline(xml_node container, ParagraphState& ps, int depth) {
    if (depth > kMaxDepth) {
      too_deep();
      return;
    }
    for (xml_node child : container.children()) {
      if (child.type() != pugi::node_element) {
        continue;
      }
      const char* name = child.name();
      if (std::strcmp(name, "w:r") == 0) {
        read_run(child, ps, depth + 1);
      } else if (std::strcmp(name, "w:pPr") == 0) {
        continue;
      } else if (is(child, "w:hyperlink") || is(child, "w:smartTag") || is(child, "w:customXml") ||
                 is(child, "w:dir") || is(child, "w:bdo")) {
        read_inline(child, ps, depth + 1);
      } else if (is(child, "w:sdt")) {
        read_inline(child.child("w:sdtContent"), ps, depth + 1);
      } else if (is(child, "w:fldSimple")) {
        add_invisible(ps, InvisibleKind::kFieldCode, child.attribute("w:instr").value(), "", "");
        bool toc = field_keyword(child.attribute("w:instr").value()) == "TOC";
        if (toc) {
          ++toc_fields_;
        }
        read_inline(child, ps, depth + 1);
        if (toc) {
          --toc_fields_;
        }
      } else if (is(child, "w:ins") || is(child, "w:moveTo")) {
        RevisionKind kind = is(child, "w:ins") ? RevisionKind::kInsertion : RevisionKind::kMoveTo;
        read_revision(child, kind, ps, depth);
      } else if (is(child, "w:del") || is(child, "w:moveFrom")) {
        RevisionKind kind = is(child, "w:del") ? RevisionKind::kDeletion : RevisionKind::kMoveFrom;
        read_revision(child, kind, ps, depth);
      } else if (is(child, "m:oMath") || is(child, "m:oMathPara")) {
        read_math(child, ps);
      } else if (is(child, "w:commentRangeStart")) {
        std::string id = child.attribute("w:id").value();
        open_ranges_[id] = {ps.doc_index, ps.length};
        ranged_comments_.insert(id);
      } else if (is(child, "w:commentRangeEnd")) {
        std::string id = child.attribute("w:id").value();
        ranged_comments_.insert(id);
        close_range(id, ps.doc_index, ps.length);
      }
      // bookmarks, proofErr, permStart/End, move range marks: nothing visible.
    }
  }

  void read_revision(xml_node el, RevisionKind kind, ParagraphState& ps, int depth) {
    Paragraph& para = s_.doc.paragraphs[ps.doc_index];
    para.revisions.push_back(revision_from(el, kind, ps.length));
    RevisionFrame frame;
    frame.kind = kind;
    frame.author = el.attribute("w:author").value();
    frame.date = el.attribute("w:date").value();
    frame.revision = para.revisions.size() - 1;
    ps.revisions.push_back(frame);
    read_inline(el, ps, depth + 1);
    ps.revisions.pop_back();
    Revision& r = s_.doc.paragraphs[ps.doc_index].revisions[frame.revision];
    if (kind == RevisionKind::kInsertion || kind == RevisionKind::kMoveTo) {
      r.end = deleting(ps) ? r.start : ps.length;
    }
  }

  // Office Math as displayed, linearised: the text of m:t, the operator
  // characters Word draws from properties (n-ary operators, delimiters,
  // radicals), property elements skipped.
  void read_math(xml_node math, ParagraphState& ps, int depth = 0) {
    if (depth > kMaxDepth) {
      too_deep();
      return;
    }
    bool saved_in_run = ps.in_run;
    ps.in_run = false;
    auto char_of = [](xml_node props, const char* name, const char* fallback) {
      xml_node el = props.child(name);
      if (!el) {
        return std::string(fallback);
      }
      return std::string(el.attribute("m:val").value());
    };
    for (xml_node c : math.children()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      std::string_view name = c.name();
      if (name == "m:t" || name == "w:t") {
        emit_text(ps, c.child_value());
      } else if (name.size() > 2 && name.substr(name.size() - 2) == "Pr") {
        continue;  // m:rPr, m:naryPr, m:ctrlPr, w:rPr, ...
      } else if (name == "m:nary") {
        emit_text(ps, char_of(c.child("m:naryPr"), "m:chr", "\u222B"));
        read_math(c, ps, depth + 1);
      } else if (name == "m:d") {
        xml_node props = c.child("m:dPr");
        emit_text(ps, char_of(props, "m:begChr", "("));
        std::string sep = char_of(props, "m:sepChr", "|");
        bool first = true;
        for (xml_node e : c.children("m:e")) {
          if (!first) {
            emit_text(ps, sep);
          }
          first = false;
          read_math(e, ps, depth + 1);
        }
        emit_text(ps, char_of(props, "m:endChr", ")"));
      } else if (name == "m:rad") {
        emit_text(ps, "\u221A");
        xml_node hide = c.child("m:radPr").child("m:degHide");
        std::string_view hide_val = hide.attribute("m:val").value();
        bool hidden_degree = hide && hide_val != "0" && hide_val != "off" && hide_val != "false";
        if (!hidden_degree) {
          read_math(c.child("m:deg"), ps, depth + 1);
        }
        read_math(c.child("m:e"), ps, depth + 1);
      } else {
        read_math(c, ps, depth + 1);
      }
    }
    ps.in_run = saved_in_run;
  }

  static const RevisionFrame* innermost_deletion(const ParagraphState& ps) {
    for (auto it = ps.revisions.rbegin(); it != ps.revisions.rend(); ++it) {
      if (it->kind == RevisionKind::kDeletion || it->kind == RevisionKind::kMoveFrom) {
        return &*it;
      }
    }
    return nullptr;
  }
  static bool deleting(const ParagraphState& ps) { return innermost_deletion(ps) != nullptr; }

  void add_invisible(ParagraphState& ps, InvisibleKind kind, std::string_view text,
                     std::string_view author, std::string_view date) {
    if (text.empty()) {
      return;
    }
    Paragraph& para = s_.doc.paragraphs[ps.doc_index];
    if (!para.invisible.empty()) {
      InvisibleText& last = para.invisible.back();
      if (last.kind == kind && last.at == ps.length && last.author == author && last.date == date) {
        last.text.append(text);
        return;
      }
    }
    InvisibleText t;
    t.kind = kind;
    t.at = ps.length;
    t.text = std::string(text);
    t.author = std::string(author);
    t.date = std::string(date);
    t.run = ps.in_run ? ps.run : ps.run_counter;
    para.invisible.push_back(std::move(t));
  }

  // Text produced by the run being walked: visible, or invisible of the
  // kind that hides it (deletion first, then field code, then hidden).
  void emit_text(ParagraphState& ps, std::string_view text) {
    if (text.empty()) {
      return;
    }
    if (const RevisionFrame* del = innermost_deletion(ps)) {
      bool moved = del->kind == RevisionKind::kMoveFrom;
      add_invisible(ps, moved ? InvisibleKind::kMovedFrom : InvisibleKind::kDeleted, text,
                    del->author, del->date);
      s_.doc.paragraphs[ps.doc_index].revisions[del->revision].text.append(text);
      return;
    }
    if (unseparated_ > 0) {
      add_invisible(ps, InvisibleKind::kFieldCode, text, "", "");
      return;
    }
    if (ps.hidden) {
      add_invisible(ps, InvisibleKind::kHidden, text, "", "");
      return;
    }
    Paragraph& para = s_.doc.paragraphs[ps.doc_index];
    std::size_t n = cp_count(text);
    std::size_t begin = ps.length;
    para.text.append(text);
    ps.length += n;
    if (toc_fields_ > 0) {
      para.is_toc = true;
    }
    if (ps.in_run) {
      bool merged = false;
      if (!para.runs.empty()) {
        RunSpan& last = para.runs.back();
        if (last.run == ps.run && last.text_end == begin &&
            last.run_offset + (last.text_end - last.text_begin) == ps.run_offset) {
          last.text_end = ps.length;
          merged = true;
        }
      }
      if (!merged) {
        para.runs.push_back(RunSpan{begin, ps.length, ps.run, ps.run_offset});
      }
      if (observer_ != nullptr) {
        observer_->run_text(para.index, ps.run, ps.run_offset, n, ps.source);
      }
      ps.run_offset += static_cast<std::uint32_t>(n);
      if (!ps.highlight.empty()) {
        if (!para.highlights.empty() && para.highlights.back().end == begin &&
            para.highlights.back().value == ps.highlight) {
          para.highlights.back().end = ps.length;
        } else {
          para.highlights.push_back(Span{begin, ps.length, ps.highlight});
        }
      }
    }
  }

  bool run_hidden(xml_node rpr, const ParagraphState& ps) const {
    for (const char* name : {"w:vanish", "w:specVanish"}) {
      if (xml_node v = rpr.child(name)) {
        return ooxml::on_off(v);
      }
    }
    std::string_view rstyle = ooxml::val(rpr.child("w:rStyle"));
    if (!rstyle.empty()) {
      for (const ooxml::StyleInfo* st : s_.styles.chain(rstyle)) {
        if (st->vanish) {
          return *st->vanish;
        }
        if (st->spec_vanish && *st->spec_vanish) {
          return true;
        }
      }
    }
    const Paragraph& para = s_.doc.paragraphs[ps.doc_index];
    for (const ooxml::StyleInfo* st : s_.styles.chain(para.style_id)) {
      if (st->vanish) {
        return *st->vanish;
      }
    }
    return s_.styles.default_vanish();
  }

  std::string run_highlight(xml_node rpr) const {
    std::string_view h = ooxml::val(rpr.child("w:highlight"));
    if (!h.empty()) {
      return h == "none" ? std::string() : std::string(h);
    }
    if (xml_node shd = rpr.child("w:shd")) {
      std::string_view fill = shd.attribute("w:fill").value();
      if (!fill.empty() && fill != "auto" && fill != "FFFFFF" && fill != "ffffff") {
        return "shading:" + std::string(fill);
      }
    }
    std::string_view rstyle = ooxml::val(rpr.child("w:rStyle"));
    if (!rstyle.empty()) {
      for (const ooxml::StyleInfo* st : s_.styles.chain(rstyle)) {
        if (!st->highlight.empty()) {
          return st->highlight == "none" ? std::string() : st->highlight;
        }
      }
    }
    return {};
  }

  void read_run(xml_node r, ParagraphState& ps, int depth) {
    // Save the enclosing run (w:ruby nests runs in a run).
    bool saved_in_run = ps.in_run;
    std::uint32_t saved_run = ps.run;
    std::uint32_t saved_offset = ps.run_offset;
    bool saved_hidden = ps.hidden;
    std::string saved_highlight = ps.highlight;

    ps.in_run = true;
    ps.run = ps.run_counter++;
    ps.run_offset = 0;
    xml_node rpr = r.child("w:rPr");
    ps.hidden = run_hidden(rpr, ps);
    ps.highlight = run_highlight(rpr);
    if (xml_node change = rpr.child("w:rPrChange")) {
      s_.doc.paragraphs[ps.doc_index].revisions.push_back(
          revision_from(change, RevisionKind::kFormatChange, ps.length));
    }

    for (xml_node c : r.children()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      ps.source = c;
      const char* name = c.name();
      if (std::strcmp(name, "w:t") == 0) {
        if (ps.custom_mark_pending) {
          ps.custom_mark_pending = false;
          if (ps.custom_mark_ref < s_.note_refs.size()) {
            s_.note_refs[ps.custom_mark_ref].custom_mark = c.child_value();
          }
          continue;
        }
        emit_text(ps, c.child_value());
      } else if (std::strcmp(name, "w:rPr") == 0) {
        continue;
      } else if (is(c, "w:delText")) {
        if (deleting(ps)) {
          emit_text(ps, c.child_value());
        } else {
          add_invisible(ps, InvisibleKind::kDeleted, c.child_value(), "", "");
        }
      } else if (is(c, "w:instrText")) {
        if (!fields_.empty() && !fields_.back().separated) {
          fields_.back().instr += c.child_value();
        }
        if (!deleting(ps)) {
          add_invisible(ps, InvisibleKind::kFieldCode, c.child_value(), "", "");
        }
      } else if (is(c, "w:tab") || is(c, "w:ptab")) {
        emit_text(ps, "\t");
      } else if (is(c, "w:br") || is(c, "w:cr")) {
        emit_text(ps, "\n");
      } else if (is(c, "w:noBreakHyphen")) {
        emit_text(ps, "\u2011");
      } else if (is(c, "w:sym")) {
        read_sym(c, ps);
      } else if (is(c, "w:fldChar")) {
        read_fld_char(c);
      } else if (is(c, "w:footnoteReference") || is(c, "w:endnoteReference")) {
        read_note_reference(c, ps);
      } else if (is(c, "w:commentReference")) {
        std::string id = c.attribute("w:id").value();
        if (ranged_comments_.count(id) == 0) {
          s_.doc.paragraphs[ps.doc_index].comment_ranges.push_back(
              CommentRange{id, ps.length, ps.length});
          ranged_comments_.insert(id);
        }
      } else if (is(c, "w:drawing") || is(c, "w:pict") || is(c, "w:object")) {
        find_text_boxes(c, ps);
      } else if (is(c, "w:ruby")) {
        read_inline(c.child("w:rubyBase"), ps, depth + 1);
      }
      // softHyphen (dropped), lastRenderedPageBreak, footnoteRef, annotationRef,
      // separator marks, dates and page numbers: nothing in the visible text.
    }

    ps.in_run = saved_in_run;
    ps.run = saved_run;
    ps.run_offset = saved_offset;
    ps.hidden = saved_hidden;
    ps.highlight = std::move(saved_highlight);
  }

  void read_sym(xml_node sym, ParagraphState& ps) {
    std::string_view hex = sym.attribute("w:char").value();
    char32_t code = 0;
    std::size_t digits = 0;
    for (char c : hex) {
      int v = -1;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      }
      if (c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      }
      if (c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
      }
      if (v < 0 || ++digits > 6) {
        return;  // not hex: bad input, nothing shown
      }
      code = code * 16 + static_cast<char32_t>(v);
    }
    if (digits == 0 || code > 0x10FFFF) {
      return;
    }
    char32_t mapped = ooxml::map_symbol_char(sym.attribute("w:font").value(), code);
    if (mapped >= 0xD800 && mapped <= 0xDFFF) {
      return;
    }
    std::string out;
    append_utf8(out, mapped);
    emit_text(ps, out);
  }

  void read_fld_char(xml_node fc) {
    std::string_view type = fc.attribute("w:fldCharType").value();
    if (type == "begin") {
      fields_.push_back(FieldFrame{});
      ++unseparated_;
    } else if (type == "separate") {
      if (fields_.empty() || fields_.back().separated) {
        return;
      }
      FieldFrame& f = fields_.back();
      f.separated = true;
      --unseparated_;
      if (field_keyword(f.instr) == "TOC") {
        f.toc = true;
        ++toc_fields_;
      }
    } else if (type == "end") {
      if (fields_.empty()) {
        return;
      }
      const FieldFrame& f = fields_.back();
      if (!f.separated) {
        --unseparated_;
      }
      if (f.toc) {
        --toc_fields_;
      }
      fields_.pop_back();
    }
  }

  void read_note_reference(xml_node ref, ParagraphState& ps) {
    NoteRef nr;
    nr.kind = is(ref, "w:footnoteReference") ? NoteKind::kFootnote : NoteKind::kEndnote;
    nr.id = ref.attribute("w:id").value();
    nr.at = ps.length;
    if (deleting(ps)) {
      return;  // a deleted reference is not in the accepted text
    }
    s_.doc.paragraphs[ps.doc_index].note_refs.push_back(nr);
    if (story_ != Story::kBody) {
      return;
    }
    ReaderShared::BodyNoteRef body;
    body.kind = nr.kind;
    body.id = nr.id;
    body.paragraph = ps.doc_index;
    if (ref.attribute("w:customMarkFollows")) {
      std::string_view v = ref.attribute("w:customMarkFollows").value();
      body.custom = !(v == "0" || v == "false" || v == "off");
    }
    s_.note_refs.push_back(body);
    if (body.custom) {
      ps.custom_mark_pending = true;
      ps.custom_mark_ref = s_.note_refs.size() - 1;
    }
  }

  // w:txbxContent under a drawing/pict/object, without descending into a
  // text box's own content (its nested boxes belong to its paragraphs).
  static void find_text_boxes(xml_node root, ParagraphState& ps) {
    xml_node n = root.first_child();
    while (n && n != root) {
      if (is(n, "w:txbxContent")) {
        ps.text_boxes.push_back(n);
      } else if (n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n && n != root && !n.next_sibling()) {
        n = n.parent();
      }
      if (n && n != root) {
        n = n.next_sibling();
      }
    }
  }

  // ---- comment ranges -----------------------------------------------------

  void close_range(const std::string& id, std::size_t end_para, std::size_t end_at) {
    auto it = open_ranges_.find(id);
    if (it == open_ranges_.end()) {
      return;
    }
    auto [start_para, start_at] = it->second;
    open_ranges_.erase(it);
    auto first = std::find(story_paragraphs_.begin(), story_paragraphs_.end(), start_para);
    auto last = std::find(story_paragraphs_.begin(), story_paragraphs_.end(), end_para);
    if (first == story_paragraphs_.end() || last == story_paragraphs_.end() || last < first) {
      return;
    }
    for (auto p = first; p <= last; ++p) {
      Paragraph& para = s_.doc.paragraphs[*p];
      std::size_t b = p == first ? start_at : 0;
      std::size_t e = p == last ? end_at : cp_count(para.text);
      if (e < b) {
        e = b;
      }
      para.comment_ranges.push_back(CommentRange{id, b, e});
    }
  }
};

}  // namespace ooxml

namespace {

bool missing(const Error& e) { return e.kind == ErrorKind::kMissingPart; }

// The w:footnote / w:endnote elements that are notes: separator and
// continuation notes (w:type other than "normal") are not read.
const char* note_element(NoteKind kind) {
  return kind == NoteKind::kFootnote ? "w:footnote" : "w:endnote";
}
bool is_read_note(xml_node note) {
  std::string_view type = note.attribute("w:type").value();
  return type.empty() || type == "normal";
}

// Reads and parses an optional part; null document when absent.
Result<ooxml::XmlDoc> load_optional(package::Package& pkg, const std::string& part) {
  if (part.empty()) {
    return ooxml::XmlDoc();
  }
  auto bytes = pkg.read_part(part);
  if (!bytes.ok()) {
    if (missing(bytes.error())) {
      return ooxml::XmlDoc();
    }
    return bytes.error();
  }
  return ooxml::load_part_xml(bytes.value(), part);
}

std::string local_name(const char* qname) {
  std::string_view n = qname;
  auto colon = n.find(':');
  return std::string(colon == std::string_view::npos ? n : n.substr(colon + 1));
}

}  // namespace

namespace ooxml {

const package::Relationship* ReaderShared::find_rel(const std::string& source,
                                                    const std::string& id) const {
  auto it = rels.find(source);
  if (it == rels.end()) {
    return nullptr;
  }
  for (const auto& r : it->second) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

void ReaderShared::read_note_pr(pugi::xml_node pr, NoteKind kind) {
  NoteNumbering& n = kind == NoteKind::kFootnote ? footnote_numbering : endnote_numbering;
  if (auto start = int_attr(pr.child("w:numStart"))) {
    n.start = std::clamp(*start, 0, 100000);
  }
  std::string_view fmt = ooxml::val(pr.child("w:numFmt"));
  if (!fmt.empty()) {
    n.format = std::string(fmt);
  }
}

}  // namespace ooxml

namespace {

void read_properties_part(const pugi::xml_document& xml, std::map<std::string, std::string>& out,
                          bool custom) {
  xml_node root = xml.document_element();
  for (xml_node el : root.children()) {
    if (el.type() != pugi::node_element) {
      continue;
    }
    if (custom) {
      std::string name = el.attribute("name").value();
      if (name.empty()) {
        continue;
      }
      xml_node value = el.first_child();
      while (value && value.type() != pugi::node_element) {
        value = value.next_sibling();
      }
      out[name] = trim(value ? value.child_value() : "");
      continue;
    }
    // Vectors (HeadingPairs, TitlesOfParts) have no text of their own.
    if (el.first_child() && el.first_child().type() == pugi::node_element) {
      continue;
    }
    std::string text = el.child_value();
    out[local_name(el.name())] = trim(text);
  }
}

}  // namespace

namespace ooxml {

Result<Document> read_package(package::Package& pkg, std::string name) {
  ReaderShared s;
  Document& doc = s.doc;
  doc.path = std::move(name);
  doc.strict = pkg.strict();
  auto main_part = pkg.main_part();
  if (!main_part.ok()) {
    return main_part.error();
  }
  doc.main_part = main_part.value();

  auto main_bytes = pkg.read_part(doc.main_part);
  if (!main_bytes.ok()) {
    return main_bytes.error();
  }
  auto main_xml = load_part_xml(main_bytes.value(), doc.main_part);
  if (!main_xml.ok()) {
    return main_xml.error();
  }
  s.rels[doc.main_part] = pkg.relationships(doc.main_part);

  // Parts reached from the main part, by relationship kind.
  std::string styles_part, numbering_part, footnotes_part, endnotes_part, comments_part,
      comments_ext_part, settings_part;
  std::vector<std::pair<Story, std::string>> all_headers;
  for (const auto& rel : s.rels[doc.main_part]) {
    if (rel.external || rel.target.empty()) {
      continue;
    }
    auto take = [&](const char* kind, std::string& slot) {
      if (slot.empty() && package::rel_is(rel, kind)) {
        slot = rel.target;
      }
    };
    take("styles", styles_part);
    take("numbering", numbering_part);
    take("footnotes", footnotes_part);
    take("endnotes", endnotes_part);
    take("comments", comments_part);
    take("commentsExtended", comments_ext_part);
    take("settings", settings_part);
    if (package::rel_is(rel, "header")) {
      all_headers.emplace_back(Story::kHeader, rel.target);
    }
    if (package::rel_is(rel, "footer")) {
      all_headers.emplace_back(Story::kFooter, rel.target);
    }
  }

  auto styles_xml = load_optional(pkg, styles_part);
  if (!styles_xml.ok()) {
    return styles_xml.error();
  }
  s.styles = StyleSheet(styles_xml.value().get());
  auto numbering_xml = load_optional(pkg, numbering_part);
  if (!numbering_xml.ok()) {
    return numbering_xml.error();
  }
  NumberingResolver numbering(numbering_xml.value().get(), s.styles);

  auto settings_xml = load_optional(pkg, settings_part);
  if (!settings_xml.ok()) {
    return settings_xml.error();
  }
  if (settings_xml.value()) {
    xml_node settings = settings_xml.value()->document_element();
    if (xml_node f = settings.child("w:footnotePr")) {
      s.read_note_pr(f, NoteKind::kFootnote);
    }
    if (xml_node e = settings.child("w:endnotePr")) {
      s.read_note_pr(e, NoteKind::kEndnote);
    }
    // w:trackRevisions is an on/off element: present means on unless its
    // w:val says otherwise.
    if (xml_node track = settings.child("w:trackRevisions")) {
      doc.settings.track_revisions = ooxml::on_off(track);
    }
  }

  // The body.
  xml_node body = main_xml.value()->document_element().child("w:body");
  if (!body) {
    return make_error(ErrorKind::kXml, "the main part " + doc.main_part + " has no w:body");
  }
  {
    StoryReader reader(s, Story::kBody, doc.main_part, &numbering);
    reader.read_blocks(body, BlockContext{});
    reader.finish();
  }
  // Past a limit the document is refused: parse nothing more of it.
  if (!s.over_limit.empty()) {
    return make_error(ErrorKind::kZipBomb, s.over_limit);
  }
  // The body is in the model: its tree and bytes go before the notes and
  // comments are parsed, so that at most one large part is in memory.
  main_xml.value().reset();
  main_bytes.value().clear();
  main_bytes.value().shrink_to_fit();

  // Footnotes and endnotes: each note's paragraphs, separators skipped by type.
  for (auto [kind, part] : {std::pair{NoteKind::kFootnote, footnotes_part},
                            std::pair{NoteKind::kEndnote, endnotes_part}}) {
    if (part.empty()) {
      continue;
    }
    if (!s.over_limit.empty()) {
      return make_error(ErrorKind::kZipBomb, s.over_limit);
    }
    auto xml = load_optional(pkg, part);
    if (!xml.ok()) {
      return xml.error();
    }
    if (!xml.value()) {
      continue;
    }
    numbering.reset_counters();
    Story story = kind == NoteKind::kFootnote ? Story::kFootnote : Story::kEndnote;
    StoryReader reader(s, story, part, &numbering);
    for (xml_node note : xml.value()->document_element().children(note_element(kind))) {
      if (!is_read_note(note)) {
        continue;
      }
      Note n;
      n.kind = kind;
      n.id = note.attribute("w:id").value();
      n.part = part;
      BlockContext ctx;
      ctx.owner_id = n.id;
      std::size_t first = doc.paragraphs.size();
      reader.reset_fields();
      reader.read_blocks(note, ctx);
      for (std::size_t p = first; p < doc.paragraphs.size(); ++p) {
        n.paragraphs.push_back(p);
      }
      doc.notes.push_back(std::move(n));
    }
    reader.finish();
  }

  // Comments, with replies and the resolved flag from commentsExtended.
  if (!comments_part.empty()) {
    auto xml = load_optional(pkg, comments_part);
    if (!xml.ok()) {
      return xml.error();
    }
    if (xml.value()) {
      numbering.reset_counters();
      StoryReader reader(s, Story::kComment, comments_part, &numbering);
      std::map<std::string, std::size_t> by_last_para_id;  // w14:paraId -> comment index
      for (xml_node el : xml.value()->document_element().children("w:comment")) {
        Comment c;
        c.id = el.attribute("w:id").value();
        c.author = el.attribute("w:author").value();
        c.initials = el.attribute("w:initials").value();
        c.date = el.attribute("w:date").value();
        c.part = comments_part;
        BlockContext ctx;
        ctx.owner_id = c.id;
        std::size_t first = doc.paragraphs.size();
        reader.reset_fields();
        reader.read_blocks(el, ctx);
        for (std::size_t p = first; p < doc.paragraphs.size(); ++p) {
          c.paragraphs.push_back(p);
        }
        std::string last_para_id;
        for (xml_node p : el.children("w:p")) {
          last_para_id = p.attribute("w14:paraId").value();
        }
        if (!last_para_id.empty()) {
          by_last_para_id[last_para_id] = doc.comments.size();
        }
        doc.comments.push_back(std::move(c));
      }
      reader.finish();
      auto ext = load_optional(pkg, comments_ext_part);
      if (!ext.ok()) {
        return ext.error();
      }
      if (ext.value()) {
        for (xml_node ce : ext.value()->document_element().children("w15:commentEx")) {
          auto self = by_last_para_id.find(ce.attribute("w15:paraId").value());
          if (self == by_last_para_id.end()) {
            continue;
          }
          Comment& c = doc.comments[self->second];
          std::string_view done = ce.attribute("w15:done").value();
          c.done = done == "1" || done == "true" || done == "on";
          auto parent = by_last_para_id.find(ce.attribute("w15:paraIdParent").value());
          if (parent != by_last_para_id.end()) {
            c.parent_id = doc.comments[parent->second].id;
          }
        }
      }
    }
  }

  // Headers and footers: the parts the sections reference, in body order,
  // then any other header/footer part the main part reaches.
  std::vector<HeaderFooter> stories;
  std::set<std::string> seen_parts;
  for (const auto& ref : s.header_refs) {
    const package::Relationship* rel = s.find_rel(doc.main_part, ref.rel_id);
    if (rel == nullptr || rel->external || rel->target.empty() ||
        !seen_parts.insert(rel->target).second) {
      continue;
    }
    HeaderFooter hf;
    hf.story = ref.story;
    hf.part = rel->target;
    hf.type = ref.type.empty() ? "default" : ref.type;
    stories.push_back(std::move(hf));
  }
  for (const auto& [story, part] : all_headers) {
    if (!seen_parts.insert(part).second) {
      continue;
    }
    HeaderFooter hf;
    hf.story = story;
    hf.part = part;
    stories.push_back(std::move(hf));
  }
  for (HeaderFooter& hf : stories) {
    auto xml = load_optional(pkg, hf.part);
    if (!xml.ok()) {
      return xml.error();
    }
    if (!xml.value()) {
      continue;
    }
    numbering.reset_counters();
    StoryReader reader(s, hf.story, hf.part, &numbering);
    std::size_t first = doc.paragraphs.size();
    reader.read_blocks(xml.value()->document_element(), BlockContext{});
    reader.finish();
    for (std::size_t p = first; p < doc.paragraphs.size(); ++p) {
      hf.paragraphs.push_back(p);
    }
    doc.headers_footers.push_back(std::move(hf));
  }

  // Document properties, reached from the package relationships.
  for (const auto& rel : pkg.relationships("")) {
    if (rel.external || rel.target.empty()) {
      continue;
    }
    std::map<std::string, std::string>* slot = nullptr;
    bool custom = false;
    if (package::rel_is(rel, "core-properties")) {
      slot = &doc.properties.core;
    }
    if (package::rel_is(rel, "extended-properties")) {
      slot = &doc.properties.app;
    }
    if (package::rel_is(rel, "custom-properties")) {
      slot = &doc.properties.custom;
      custom = true;
    }
    if (slot == nullptr || !slot->empty()) {
      continue;
    }
    auto xml = load_optional(pkg, rel.target);
    if (!xml.ok()) {
      return xml.error();
    }
    if (xml.value()) {
      read_properties_part(*xml.value(), *slot, custom);
    }
  }

  if (!s.over_limit.empty()) {
    return make_error(ErrorKind::kZipBomb, s.over_limit);
  }
  for (const std::string& w : numbering.warnings()) {
    doc.reader_notes.push_back(w);
  }
  index_document(s);
  return std::move(s.doc);
}

}  // namespace ooxml

namespace ooxml {

void observe_story(const pugi::xml_document& part_xml, Story story, const std::string& part,
                   const StyleSheet& styles, StoryObserver& observer) {
  if (story != Story::kBody && story != Story::kFootnote && story != Story::kEndnote) {
    return;
  }
  ReaderShared s;
  s.styles = styles;
  StoryReader reader(s, story, part, nullptr, &observer);
  xml_node root = part_xml.document_element();
  if (story == Story::kBody) {
    reader.read_blocks(root.child("w:body"), BlockContext{});
  } else {
    NoteKind kind = story == Story::kFootnote ? NoteKind::kFootnote : NoteKind::kEndnote;
    for (xml_node note : root.children(note_element(kind))) {
      if (!is_read_note(note)) {
        continue;
      }
      BlockContext ctx;
      ctx.owner_id = note.attribute("w:id").value();
      reader.reset_fields();
      reader.read_blocks(note, ctx);
    }
  }
  reader.finish();
}

}  // namespace ooxml

Result<Document> read_document(const std::filesystem::path& path) {
  auto pkg = package::Package::open(path);
  if (!pkg.ok()) {
    return pkg.error();
  }
  return ooxml::read_package(pkg.value(), path.string());
}

Result<Document> read_document_bytes(std::string bytes, std::string name) {
  auto pkg = package::Package::open_bytes(std::move(bytes));
  if (!pkg.ok()) {
    return pkg.error();
  }
  return ooxml::read_package(pkg.value(), std::move(name));
}

}  // namespace dhrlint
