// Builds Word-style .docx packages from the compact .dhr fixture format. The
// XML copies the shape of Word-written files in the shared corpus (e.g.
// pandoc__enumerated_headings.docx: heading styles carrying w:numPr into one
// multilevel abstractNum whose levels name the styles back with w:pStyle;
// mammoth__footnotes.docx: separator notes -1/0 and w:footnoteRef in the note;
// mammoth__text-box.docx: wps text box in mc:Choice with a VML mc:Fallback).
#include "support/fixture_docx.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <sstream>
#include <utility>

namespace dhrlint::testing {
namespace {

// Word's revision/comment timestamps; fixed so the bytes are reproducible.
constexpr const char* kRevisionDate = "2026-01-15T10:00:00Z";

constexpr const char* kMainNs =
    "xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    "xmlns:wp14=\"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:w10=\"urn:schemas-microsoft-com:office:word\" "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "
    "xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\" "
    "xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\" "
    "xmlns:wpi=\"http://schemas.microsoft.com/office/word/2010/wordprocessingInk\" "
    "xmlns:wne=\"http://schemas.microsoft.com/office/word/2006/wordml\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "mc:Ignorable=\"w14 w15 wp14\"";

constexpr const char* kXmlDecl =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> split_lines(std::string_view src) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= src.size()) {
    std::size_t nl = src.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (pos < src.size()) {
        lines.push_back(src.substr(pos));
      }
      break;
    }
    lines.push_back(src.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// Splits "KEYWORD rest" at the first space or tab.
std::pair<std::string_view, std::string_view> split_keyword(std::string_view line) {
  std::size_t sp = line.find_first_of(" \t");
  if (sp == std::string_view::npos) {
    return {line, {}};
  }
  return {line.substr(0, sp), trim(line.substr(sp + 1))};
}

// ---------------------------------------------------------------------------
// Inline markup

struct Inline {
  enum class Kind {
    kText,
    kTab,
    kFootnote,
    kEndnote,
    kIns,
    kDel,
    kHidden,
    kHighlight,
    kComment,
    kBold,
    kItalic
  };
  Kind kind = Kind::kText;
  std::string text;              // kText
  std::vector<Inline> children;  // content; for kComment the anchor
  std::vector<Inline> body;      // kComment: the comment's text
  std::string author;            // kIns, kDel, kComment
};

struct MarkupKey {
  const char* name;
  Inline::Kind kind;
};
constexpr MarkupKey kMarkupKeys[] = {
    {"ins", Inline::Kind::kIns},         {"del", Inline::Kind::kDel},
    {"hidden", Inline::Kind::kHidden},   {"hl", Inline::Kind::kHighlight},
    {"comment", Inline::Kind::kComment}, {"b", Inline::Kind::kBold},
    {"i", Inline::Kind::kItalic},
};

bool is_escapable(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == '|' || c == '\\' || c == '^';
}

class InlineParser {
 public:
  InlineParser(std::string_view src, std::string author) : src_(src), author_(std::move(author)) {}

  // Parses the whole text; false (and error()) on malformed markup.
  bool parse(std::vector<Inline>& out) {
    if (!parse_sequence("", out)) {
      return false;
    }
    if (pos_ != src_.size()) {
      return fail("unexpected character");
    }
    return true;
  }
  const std::string& error() const { return error_; }

 private:
  bool fail(std::string message) {
    error_ = std::move(message) + " at column " + std::to_string(pos_ + 1);
    return false;
  }

  // Reads inline content up to (not including) an unescaped character of
  // `stops`, or the end of the text.
  bool parse_sequence(std::string_view stops, std::vector<Inline>& out) {
    std::string text;
    auto flush = [&] {
      if (!text.empty()) {
        Inline t;
        t.text = std::move(text);
        out.push_back(std::move(t));
        text.clear();
      }
    };
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == '\\' && pos_ + 1 < src_.size() && is_escapable(src_[pos_ + 1])) {
        text += src_[pos_ + 1];
        pos_ += 2;
        continue;
      }
      if (stops.find(c) != std::string_view::npos) {
        break;
      }
      if (c == '[' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '^') {
        flush();
        if (!parse_note(out)) {
          return false;
        }
        continue;
      }
      if (c == '{') {
        const MarkupKey* key = match_key();
        if (key != nullptr) {
          flush();
          if (!parse_markup(*key, out)) {
            return false;
          }
          continue;
        }
      }
      if (c == '\t') {
        flush();
        Inline tab;
        tab.kind = Inline::Kind::kTab;
        out.push_back(tab);
        ++pos_;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return fail("control character");
      }
      text += c;
      ++pos_;
    }
    flush();
    return true;
  }

  const MarkupKey* match_key() const {
    for (const MarkupKey& key : kMarkupKeys) {
      std::size_t n = std::strlen(key.name);
      if (src_.substr(pos_ + 1, n) == key.name && pos_ + 1 + n < src_.size() &&
          src_[pos_ + 1 + n] == ':') {
        return &key;
      }
    }
    return nullptr;
  }

  bool parse_note(std::vector<Inline>& out) {
    Inline note;
    pos_ += 2;  // "[^"
    note.kind = Inline::Kind::kFootnote;
    if (pos_ < src_.size() && src_[pos_] == '^') {
      note.kind = Inline::Kind::kEndnote;
      ++pos_;
    }
    if (in_note_) {
      return fail("a note inside a note");
    }
    if (in_comment_body_) {
      return fail("a note inside a comment");
    }
    in_note_ = true;
    bool ok = parse_sequence("]", note.children);
    in_note_ = false;
    if (!ok) {
      return false;
    }
    if (pos_ >= src_.size()) {
      return fail("unterminated [^ note");
    }
    ++pos_;  // "]"
    out.push_back(std::move(note));
    return true;
  }

  bool parse_markup(const MarkupKey& key, std::vector<Inline>& out) {
    Inline node;
    node.kind = key.kind;
    std::size_t open = pos_;
    pos_ += std::strlen(key.name) + 2;  // "{name:"
    bool revision = key.kind == Inline::Kind::kIns || key.kind == Inline::Kind::kDel;
    if (revision) {
      if (in_revision_) {
        return fail("a tracked change inside a tracked change");
      }
      node.author = author_;
      in_revision_ = true;
    }
    bool ok = true;
    if (key.kind == Inline::Kind::kComment) {
      if (in_comment_body_) {
        return fail("a comment inside a comment");
      }
      node.author = author_;
      ok = parse_sequence("|}", node.children);
      if (ok && (pos_ >= src_.size() || src_[pos_] != '|')) {
        pos_ = open;
        return fail("{comment:anchor|body} needs '|' between anchor and body");
      }
      if (ok) {
        ++pos_;
        in_comment_body_ = true;
        ok = parse_sequence("}", node.body);
        in_comment_body_ = false;
      }
    } else {
      ok = parse_sequence("}", node.children);
    }
    if (revision) {
      in_revision_ = false;
    }
    if (!ok) {
      return false;
    }
    if (pos_ >= src_.size()) {
      pos_ = open;
      return fail(std::string("unterminated {") + key.name + ":");
    }
    ++pos_;  // "}"
    out.push_back(std::move(node));
    return true;
  }

  std::string_view src_;
  std::string author_;
  std::size_t pos_ = 0;
  bool in_note_ = false;
  bool in_comment_body_ = false;
  bool in_revision_ = false;
  std::string error_;
};

// Splits "| a | b |" into cell sources at '|' outside markup, keeping escapes.
std::vector<std::string> split_cells(std::string_view row) {
  row = trim(row);
  if (!row.empty() && row.front() == '|') {
    row.remove_prefix(1);
  }
  std::vector<std::string> cells;
  std::string cell;
  int depth = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    char c = row[i];
    if (c == '\\' && i + 1 < row.size() && is_escapable(row[i + 1])) {
      cell += c;
      cell += row[++i];
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    }
    if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
    if (c == '|' && depth == 0) {
      cells.emplace_back(trim(cell));
      cell.clear();
      continue;
    }
    cell += c;
  }
  if (!trim(cell).empty()) {
    cells.emplace_back(trim(cell));  // row without closing '|'
  }
  return cells;
}

bool is_separator_row(const std::vector<std::string>& cells) {
  if (cells.empty()) {
    return false;
  }
  for (const std::string& c : cells) {
    std::string_view t = trim(c);
    if (t.empty() || t.find_first_not_of("-: ") != std::string_view::npos ||
        t.find('-') == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// The package being built

struct RunFormat {
  bool bold = false;
  bool italic = false;
  bool hidden = false;
  bool highlight = false;
  bool deleted = false;
};

class DocxBuilder {
 public:
  bool add_line(std::string_view line, int line_no);
  bool finish();
  DocxParts parts() const;
  const std::string& error() const { return error_; }

 private:
  enum class Block { kNone, kParagraph, kTable };

  bool fail(int line_no, const std::string& message) {
    error_ = "line " + std::to_string(line_no) + ": " + message;
    return false;
  }
  bool parse_inline(std::string_view text, int line_no, std::vector<Inline>& out) {
    InlineParser parser(text, author_);
    if (!parser.parse(out)) {
      return fail(line_no, parser.error());
    }
    return true;
  }

  // One paragraph's XML from its pPr and inline content.
  std::string paragraph_xml(const std::string& ppr, const std::vector<Inline>& content,
                            bool note_ref_first = false, const char* note_ref_kind = nullptr);
  void emit_runs(const std::vector<Inline>& nodes, RunFormat format, std::string& xml);
  std::string run_properties(const RunFormat& f, const char* rstyle = nullptr) const;
  std::string text_run(std::string_view text, const RunFormat& f) const;

  void close_open_paragraph();
  void close_table();
  bool add_paragraph(const std::string& ppr, std::string_view text, int line_no);
  bool add_table_row(std::string_view line, int line_no);
  bool add_box(std::string_view text, int line_no);
  bool add_property(std::string_view keyword, std::string_view rest, int line_no);

  std::string document_xml() const;
  std::string styles_xml() const;
  std::string numbering_xml() const;
  std::string notes_xml(const char* kind, const std::vector<std::string>& notes) const;
  std::string comments_xml() const;
  std::string header_footer_xml(const char* root, const char* style,
                                const std::vector<std::string>& paragraphs) const;
  std::string core_xml() const;
  std::string app_xml() const;
  std::string custom_xml() const;

  std::string settings_xml() const;

  std::string error_;
  std::string author_ = "Author";
  bool track_revisions_ = false;  // @settings trackRevisions

  std::string body_;            // closed body blocks
  std::string open_paragraph_;  // last paragraph, unclosed so a BOX can anchor in it
  std::vector<std::string> box_paragraphs_;
  std::vector<std::vector<std::string>> table_rows_;  // cells' XML (paragraph inside)
  std::vector<int> table_row_lines_;
  bool table_has_header_ = false;
  Block last_block_ = Block::kNone;

  int next_revision_id_ = 1;
  int next_comment_id_ = 0;
  int next_shape_id_ = 1;
  std::vector<std::string> footnotes_;  // note XML, ids from 1
  std::vector<std::string> endnotes_;
  std::vector<std::string> comments_;
  std::vector<std::string> header_paragraphs_;
  std::vector<std::string> footer_paragraphs_;

  // Sub-list (A lines): each run gets its own w:num restarting at (a).
  int sublist_num_ = 0;  // numId of the current run; 0 = none open
  std::vector<int> sublist_nums_;

  std::vector<std::pair<std::string, std::string>> core_;
  std::vector<std::pair<std::string, std::string>> app_;
  std::vector<std::pair<std::string, std::string>> custom_;
};

constexpr int kMainListNum = 1;
constexpr int kBulletNum = 2;
constexpr int kFirstSublistNum = 3;

std::string DocxBuilder::run_properties(const RunFormat& f, const char* rstyle) const {
  // CT_RPr element order: rStyle, b, i, vanish, highlight.
  std::string rpr;
  if (rstyle != nullptr) {
    rpr += std::string("<w:rStyle w:val=\"") + rstyle + "\"/>";
  }
  if (f.bold) {
    rpr += "<w:b/><w:bCs/>";
  }
  if (f.italic) {
    rpr += "<w:i/><w:iCs/>";
  }
  if (f.hidden) {
    rpr += "<w:vanish/>";
  }
  if (f.highlight) {
    rpr += "<w:highlight w:val=\"yellow\"/>";
  }
  if (rpr.empty()) {
    return rpr;
  }
  return "<w:rPr>" + rpr + "</w:rPr>";
}

std::string DocxBuilder::text_run(std::string_view text, const RunFormat& f) const {
  const char* tag = f.deleted ? "w:delText" : "w:t";
  return "<w:r>" + run_properties(f) + "<" + tag + " xml:space=\"preserve\">" + xml_escape(text) +
         "</" + tag + "></w:r>";
}

void DocxBuilder::emit_runs(const std::vector<Inline>& nodes, RunFormat format, std::string& xml) {
  for (const Inline& node : nodes) {
    RunFormat f = format;
    switch (node.kind) {
      case Inline::Kind::kText:
        xml += text_run(node.text, format);
        break;
      case Inline::Kind::kTab:
        xml += "<w:r>" + run_properties(format) + "<w:tab/></w:r>";
        break;
      case Inline::Kind::kBold:
        f.bold = true;
        emit_runs(node.children, f, xml);
        break;
      case Inline::Kind::kItalic:
        f.italic = true;
        emit_runs(node.children, f, xml);
        break;
      case Inline::Kind::kHidden:
        f.hidden = true;
        emit_runs(node.children, f, xml);
        break;
      case Inline::Kind::kHighlight:
        f.highlight = true;
        emit_runs(node.children, f, xml);
        break;
      case Inline::Kind::kIns:
      case Inline::Kind::kDel: {
        const char* tag = node.kind == Inline::Kind::kIns ? "w:ins" : "w:del";
        xml += std::string("<") + tag + " w:id=\"" + std::to_string(next_revision_id_++) +
               "\" w:author=\"" + xml_escape(node.author) + "\" w:date=\"" + kRevisionDate + "\">";
        f.deleted = node.kind == Inline::Kind::kDel;
        emit_runs(node.children, f, xml);
        xml += std::string("</") + tag + ">";
        break;
      }
      case Inline::Kind::kFootnote:
      case Inline::Kind::kEndnote: {
        bool foot = node.kind == Inline::Kind::kFootnote;
        std::vector<std::string>& notes = foot ? footnotes_ : endnotes_;
        int id = static_cast<int>(notes.size()) + 1;
        notes.emplace_back();  // reserve the id before the note's own content
        std::string ppr = foot ? "<w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
                               : "<w:pPr><w:pStyle w:val=\"EndnoteText\"/></w:pPr>";
        std::string note_p =
            paragraph_xml(ppr, node.children, true, foot ? "w:footnoteRef" : "w:endnoteRef");
        const char* note_tag = foot ? "w:footnote" : "w:endnote";
        notes[id - 1] = std::string("<") + note_tag + " w:id=\"" + std::to_string(id) + "\">" +
                        note_p + "</" + note_tag + ">";
        xml += "<w:r>" + run_properties(format, foot ? "FootnoteReference" : "EndnoteReference") +
               (foot ? "<w:footnoteReference w:id=\"" : "<w:endnoteReference w:id=\"") +
               std::to_string(id) + "\"/></w:r>";
        break;
      }
      case Inline::Kind::kComment: {
        int id = next_comment_id_++;
        std::string sid = std::to_string(id);
        xml += "<w:commentRangeStart w:id=\"" + sid + "\"/>";
        emit_runs(node.children, format, xml);
        xml += "<w:commentRangeEnd w:id=\"" + sid + "\"/>";
        RunFormat ref_format;
        ref_format.deleted = format.deleted;
        xml += "<w:r>" + run_properties(ref_format, "CommentReference") +
               "<w:commentReference w:id=\"" + sid + "\"/></w:r>";
        std::string body_p = "<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr><w:r>" +
                             run_properties({}, "CommentReference") + "<w:annotationRef/></w:r>";
        emit_runs(node.body, {}, body_p);
        body_p += "</w:p>";
        std::string initials;
        // First letter (a whole UTF-8 sequence) of each word, as Word fills them in.
        for (std::size_t i = 0; i < node.author.size(); ++i) {
          if (node.author[i] == ' ' || (i > 0 && node.author[i - 1] != ' ')) {
            continue;
          }
          std::size_t len = 1;
          while (i + len < node.author.size() &&
                 (static_cast<unsigned char>(node.author[i + len]) & 0xC0) == 0x80) {
            ++len;
          }
          initials += node.author.substr(i, len);
        }
        comments_.push_back("<w:comment w:id=\"" + sid + "\" w:author=\"" +
                            xml_escape(node.author) + "\" w:date=\"" + kRevisionDate +
                            "\" w:initials=\"" + xml_escape(initials) + "\">" + body_p +
                            "</w:comment>");
        break;
      }
    }
  }
}

std::string DocxBuilder::paragraph_xml(const std::string& ppr, const std::vector<Inline>& content,
                                       bool note_ref_first, const char* note_ref_kind) {
  std::string xml = "<w:p>" + ppr;
  if (note_ref_first) {
    // As Word writes a note: the reference mark, then a space run, then the text.
    const char* style =
        std::strcmp(note_ref_kind, "w:footnoteRef") == 0 ? "FootnoteReference" : "EndnoteReference";
    xml += "<w:r>" + run_properties({}, style) + "<" + note_ref_kind + "/></w:r>";
    xml += "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
  }
  emit_runs(content, {}, xml);
  xml += "</w:p>";
  return xml;
}

void DocxBuilder::close_open_paragraph() {
  if (open_paragraph_.empty()) {
    return;
  }
  if (!box_paragraphs_.empty()) {
    std::string content;
    for (const std::string& p : box_paragraphs_) {
      content += p;
    }
    int id = next_shape_id_++;
    std::string sid = std::to_string(id);
    std::string vml_type;
    if (id == 1) {
      vml_type =
          "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" "
          "path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
          "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";
    }
    // Strip the closing </w:p> to append the anchor run inside the paragraph.
    open_paragraph_.resize(open_paragraph_.size() - std::strlen("</w:p>"));
    open_paragraph_ +=
        "<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        "<w:drawing><wp:anchor distT=\"45720\" distB=\"45720\" distL=\"114300\" "
        "distR=\"114300\" simplePos=\"0\" relativeHeight=\"25165926" +
        sid +
        "\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
        "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\">"
        "<wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom=\"paragraph\">"
        "<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"2360930\" "
        "cy=\"1404620\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"22860\" b=\"11430\"/>"
        "<wp:wrapSquare wrapText=\"bothSides\"/><wp:docPr id=\"" +
        sid + "\" name=\"Text Box " + sid +
        "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"/>"
        "</wp:cNvGraphicFramePr><a:graphic "
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData "
        "uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
        "<wps:cNvSpPr txBox=\"1\"><a:spLocks noChangeArrowheads=\"1\"/></wps:cNvSpPr>"
        "<wps:spPr bwMode=\"auto\"><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2360930\" "
        "cy=\"1404620\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
        "<a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:ln w=\"9525\"><a:solidFill>"
        "<a:srgbClr val=\"000000\"/></a:solidFill><a:miter lim=\"800000\"/></a:ln></wps:spPr>"
        "<wps:txbx><w:txbxContent>" +
        content +
        "</w:txbxContent></wps:txbx>"
        "<wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"91440\" tIns=\"45720\" "
        "rIns=\"91440\" bIns=\"45720\" anchor=\"t\" anchorCtr=\"0\"><a:spAutoFit/></wps:bodyPr>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>" +
        vml_type + "<v:shape id=\"Text Box " + sid + "\" o:spid=\"_x0000_s" +
        std::to_string(1025 + id) +
        "\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:0;margin-top:0;"
        "width:185.9pt;height:110.6pt;z-index:25165926" +
        sid +
        ";visibility:visible;"
        "mso-wrap-style:square;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:text;mso-position-vertical:absolute;"
        "mso-position-vertical-relative:text;v-text-anchor:top\"><v:textbox "
        "style=\"mso-fit-shape-to-text:t\"><w:txbxContent>" +
        content +
        "</w:txbxContent></v:textbox><w10:wrap type=\"square\"/></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>";
    box_paragraphs_.clear();
  }
  body_ += open_paragraph_;
  open_paragraph_.clear();
}

void DocxBuilder::close_table() {
  if (table_rows_.empty()) {
    return;
  }
  std::size_t columns = 0;
  for (const auto& row : table_rows_) {
    columns = std::max(columns, row.size());
  }
  // A4 text width (9026 twips) split evenly, as Word's "Insert Table" does.
  int width = static_cast<int>(9026 / std::max<std::size_t>(columns, 1));
  std::string xml =
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>"
      "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" "
      "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (std::size_t c = 0; c < columns; ++c) {
    xml += "<w:gridCol w:w=\"" + std::to_string(width) + "\"/>";
  }
  xml += "</w:tblGrid>";
  for (std::size_t r = 0; r < table_rows_.size(); ++r) {
    xml += "<w:tr>";
    if (r == 0 && table_has_header_) {
      xml += "<w:trPr><w:tblHeader/></w:trPr>";
    }
    for (std::size_t c = 0; c < columns; ++c) {
      xml += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/></w:tcPr>";
      xml += c < table_rows_[r].size() ? table_rows_[r][c] : std::string("<w:p/>");
      xml += "</w:tc>";
    }
    xml += "</w:tr>";
  }
  xml += "</w:tbl>";
  body_ += xml;
  table_rows_.clear();
  table_row_lines_.clear();
  table_has_header_ = false;
}

bool DocxBuilder::add_paragraph(const std::string& ppr, std::string_view text, int line_no) {
  std::vector<Inline> content;
  if (!parse_inline(text, line_no, content)) {
    return false;
  }
  close_open_paragraph();
  close_table();
  open_paragraph_ = paragraph_xml(ppr, content);
  last_block_ = Block::kParagraph;
  return true;
}

bool DocxBuilder::add_table_row(std::string_view line, int line_no) {
  close_open_paragraph();
  std::vector<std::string> cells = split_cells(line);
  if (table_rows_.size() == 1 && !table_has_header_ && is_separator_row(cells)) {
    table_has_header_ = true;
    return true;
  }
  std::vector<std::string> row;
  for (const std::string& cell : cells) {
    std::vector<Inline> content;
    if (!parse_inline(cell, line_no, content)) {
      return false;
    }
    row.push_back(paragraph_xml("", content));
  }
  table_rows_.push_back(std::move(row));
  table_row_lines_.push_back(line_no);
  last_block_ = Block::kTable;
  return true;
}

bool DocxBuilder::add_box(std::string_view text, int line_no) {
  if (open_paragraph_.empty()) {
    return fail(line_no, "BOX must follow a paragraph line (its anchor)");
  }
  std::vector<Inline> content;
  if (!parse_inline(text, line_no, content)) {
    return false;
  }
  box_paragraphs_.push_back(paragraph_xml("", content));
  return true;
}

bool is_xml_name(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
    if (!ok) {
      return false;
    }
  }
  return true;
}

// core.xml element for each property name the format accepts.
const std::map<std::string, std::string>& core_elements() {
  static const std::map<std::string, std::string> kElements = {
      {"category", "cp:category"},
      {"contentStatus", "cp:contentStatus"},
      {"created", "dcterms:created"},
      {"creator", "dc:creator"},
      {"description", "dc:description"},
      {"identifier", "dc:identifier"},
      {"keywords", "cp:keywords"},
      {"language", "dc:language"},
      {"lastModifiedBy", "cp:lastModifiedBy"},
      {"lastPrinted", "cp:lastPrinted"},
      {"modified", "dcterms:modified"},
      {"revision", "cp:revision"},
      {"subject", "dc:subject"},
      {"title", "dc:title"},
      {"version", "cp:version"},
  };
  return kElements;
}

void set_property(std::vector<std::pair<std::string, std::string>>& props, std::string name,
                  std::string value) {
  for (auto& [n, v] : props) {
    if (n == name) {
      v = std::move(value);
      return;
    }
  }
  props.emplace_back(std::move(name), std::move(value));
}

bool DocxBuilder::add_property(std::string_view keyword, std::string_view rest, int line_no) {
  std::size_t eq = rest.find('=');
  if (eq == std::string_view::npos) {
    return fail(line_no, std::string(keyword) + " needs NAME = VALUE");
  }
  std::string name(trim(rest.substr(0, eq)));
  std::string value(trim(rest.substr(eq + 1)));
  if (keyword == "@core") {
    if (core_elements().count(name) == 0) {
      return fail(line_no, "unknown core property '" + name + "'");
    }
    set_property(core_, name, value);
  } else if (keyword == "@app") {
    if (!is_xml_name(name)) {
      return fail(line_no, "bad app property name '" + name + "'");
    }
    set_property(app_, name, value);
  } else {
    if (name.empty()) {
      return fail(line_no, "empty custom property name");
    }
    set_property(custom_, name, value);
  }
  return true;
}

bool DocxBuilder::add_line(std::string_view raw, int line_no) {
  std::string_view line = trim(raw);
  if (line.empty()) {
    // A blank line ends a table (and nothing else).
    close_table();
    return true;
  }
  if (line.substr(0, 2) == "%%" || line.substr(0, 7) == "!expect") {
    return true;
  }
  if (line.front() == '|') {
    return add_table_row(line, line_no);
  }

  // Not a structured binding: lambdas below capture these (clang < 16 refuses).
  const auto split = split_keyword(line);
  const std::string_view keyword = split.first;
  const std::string_view rest = split.second;
  auto heading = [&](int level, bool numbered) {
    std::string ppr = "<w:pPr><w:pStyle w:val=\"Heading" + std::to_string(level) + "\"/>";
    // Word removes a heading's list number with numId 0 on the paragraph.
    if (!numbered) {
      ppr += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>";
    }
    ppr += "</w:pPr>";
    sublist_num_ = 0;
    return add_paragraph(ppr, rest, line_no);
  };
  if (keyword == "@rules") {
    return true;
  }
  if (keyword == "@identifiers") {
    // Not part of the file: the runner passes these to the linter's Config.
    if (rest.empty()) {
      return fail(line_no, "@identifiers needs a value");
    }
    return true;
  }
  if (keyword == "@config") {
    // Not part of the file: the runner sets these Config fields.
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos || trim(rest.substr(0, eq)).empty() ||
        trim(rest.substr(eq + 1)).empty()) {
      return fail(line_no, "@config needs KEY = VALUE");
    }
    return true;
  }
  if (keyword == "@author") {
    if (rest.empty()) {
      return fail(line_no, "@author needs a name");
    }
    author_ = std::string(rest);
    return true;
  }
  if (keyword == "@core" || keyword == "@app" || keyword == "@custom") {
    return add_property(keyword, rest, line_no);
  }
  if (keyword == "@settings") {
    // Document settings (word/settings.xml); one known today.
    if (rest == "trackRevisions") {
      track_revisions_ = true;
      return true;
    }
    return fail(line_no, "unknown setting '" + std::string(rest) + "' (known: trackRevisions)");
  }
  if (keyword == "TITLE") {
    sublist_num_ = 0;
    return add_paragraph("<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>", rest, line_no);
  }
  if (keyword == "H1") {
    return heading(1, true);
  }
  if (keyword == "H2") {
    return heading(2, true);
  }
  if (keyword == "H3") {
    return heading(3, true);
  }
  if (keyword == "HU1") {
    return heading(1, false);
  }
  if (keyword == "HU2") {
    return heading(2, false);
  }
  if (keyword == "P") {
    sublist_num_ = 0;
    return add_paragraph("<w:pPr><w:pStyle w:val=\"BodyNumbered\"/></w:pPr>", rest, line_no);
  }
  if (keyword == "T") {
    return add_paragraph("", rest, line_no);
  }
  if (keyword == "Q") {
    return add_paragraph("<w:pPr><w:pStyle w:val=\"Quote\"/></w:pPr>", rest, line_no);
  }
  if (keyword == "A") {
    if (sublist_num_ == 0) {
      sublist_num_ = kFirstSublistNum + static_cast<int>(sublist_nums_.size());
      sublist_nums_.push_back(sublist_num_);
    }
    return add_paragraph(
        "<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl "
        "w:val=\"0\"/><w:numId w:val=\"" +
            std::to_string(sublist_num_) + "\"/></w:numPr></w:pPr>",
        rest, line_no);
  }
  if (keyword == "B") {
    return add_paragraph(
        "<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl "
        "w:val=\"0\"/><w:numId w:val=\"" +
            std::to_string(kBulletNum) + "\"/></w:numPr></w:pPr>",
        rest, line_no);
  }
  if (keyword == "BOX") {
    return add_box(rest, line_no);
  }
  if (keyword == "HEADER" || keyword == "FOOTER") {
    std::vector<Inline> content;
    if (!parse_inline(rest, line_no, content)) {
      return false;
    }
    bool header = keyword == "HEADER";
    std::string ppr =
        std::string("<w:pPr><w:pStyle w:val=\"") + (header ? "Header" : "Footer") + "\"/></w:pPr>";
    (header ? header_paragraphs_ : footer_paragraphs_).push_back(paragraph_xml(ppr, content));
    return true;
  }
  return fail(line_no, "unknown line kind '" + std::string(keyword) + "'");
}

bool DocxBuilder::finish() {
  close_open_paragraph();
  bool ends_with_table = !table_rows_.empty();
  close_table();
  // Word always ends the body with a paragraph before w:sectPr.
  if (ends_with_table || body_.empty()) {
    body_ += "<w:p/>";
  }
  return true;
}

std::string DocxBuilder::document_xml() const {
  std::string xml = kXmlDecl;
  xml += std::string("<w:document ") + kMainNs + "><w:body>" + body_ + "<w:sectPr>";
  if (!header_paragraphs_.empty()) {
    xml += "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>";
  }
  if (!footer_paragraphs_.empty()) {
    xml += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>";
  }
  xml +=
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" "
      "w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
      "<w:cols w:space=\"708\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr></w:body></w:document>";
  return xml;
}

std::string paragraph_style(const char* id, const char* name, const std::string& ppr,
                            const std::string& rpr, const char* based_on = "Normal",
                            const char* next = "Normal", bool qformat = true) {
  std::string xml = std::string("<w:style w:type=\"paragraph\" w:styleId=\"") + id +
                    "\"><w:name w:val=\"" + name + "\"/>";
  if (based_on != nullptr) {
    xml += std::string("<w:basedOn w:val=\"") + based_on + "\"/>";
  }
  if (next != nullptr) {
    xml += std::string("<w:next w:val=\"") + next + "\"/>";
  }
  xml += "<w:uiPriority w:val=\"9\"/>";
  if (qformat) {
    xml += "<w:qFormat/>";
  }
  if (!ppr.empty()) {
    xml += "<w:pPr>" + ppr + "</w:pPr>";
  }
  if (!rpr.empty()) {
    xml += "<w:rPr>" + rpr + "</w:rPr>";
  }
  return xml + "</w:style>";
}

std::string character_style(const char* id, const char* name, const std::string& rpr) {
  return std::string("<w:style w:type=\"character\" w:styleId=\"") + id + "\"><w:name w:val=\"" +
         name +
         "\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/>"
         "<w:unhideWhenUsed/><w:rPr>" +
         rpr + "</w:rPr></w:style>";
}

std::string DocxBuilder::styles_xml() const {
  std::string xml = kXmlDecl;
  xml += std::string("<w:styles ") + kMainNs + ">";
  xml +=
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:eastAsia=\"Arial\" "
      "w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
      "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"259\" w:lineRule=\"auto\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:latentStyles w:defLockedState=\"0\" w:defUIPriority=\"99\" w:defSemiHidden=\"0\" "
      "w:defUnhideWhenUsed=\"0\" w:defQFormat=\"0\" w:count=\"376\"/>";
  xml +=
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>";
  // Headings carry the list in their numPr (Heading1 without ilvl, as Word writes it).
  const char* heading_sizes[] = {"32", "28", "24"};
  for (int level = 1; level <= 3; ++level) {
    std::string id = "Heading" + std::to_string(level);
    std::string name = "heading " + std::to_string(level);
    std::string numpr = "<w:numPr>";
    if (level > 1) {
      numpr += "<w:ilvl w:val=\"" + std::to_string(level - 1) + "\"/>";
    }
    numpr += "<w:numId w:val=\"1\"/></w:numPr>";
    xml += paragraph_style(id.c_str(), name.c_str(),
                           "<w:keepNext/><w:keepLines/>" + numpr +
                               "<w:spacing w:before=\"240\" w:after=\"120\"/><w:jc "
                               "w:val=\"left\"/><w:outlineLvl w:val=\"" +
                               std::to_string(level - 1) + "\"/>",
                           std::string("<w:b/><w:bCs/><w:sz w:val=\"") + heading_sizes[level - 1] +
                               "\"/><w:szCs w:val=\"" + heading_sizes[level - 1] + "\"/>");
  }
  xml += paragraph_style("BodyNumbered", "Body Numbered",
                         "<w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"1\"/></w:numPr>"
                         "<w:spacing w:after=\"200\"/>",
                         "", "Normal", "BodyNumbered");
  xml += paragraph_style(
      "Title", "Title",
      "<w:spacing w:after=\"240\"/><w:contextualSpacing/><w:jc w:val=\"center\"/>",
      "<w:b/><w:bCs/><w:kern w:val=\"28\"/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/>");
  xml += paragraph_style("Quote", "Quote",
                         "<w:spacing w:before=\"200\"/><w:ind w:left=\"864\" w:right=\"864\"/>",
                         "<w:i/><w:iCs/><w:color w:val=\"404040\"/>");
  xml += paragraph_style("ListParagraph", "List Paragraph",
                         "<w:ind w:left=\"720\"/><w:contextualSpacing/>", "");
  xml += paragraph_style("FootnoteText", "footnote text",
                         "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                         "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>", "Normal", nullptr, false);
  xml += paragraph_style("EndnoteText", "endnote text",
                         "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                         "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>", "Normal", nullptr, false);
  xml += paragraph_style("CommentText", "annotation text",
                         "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>",
                         "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>", "Normal", nullptr, false);
  xml += paragraph_style("CommentSubject", "annotation subject", "", "<w:b/><w:bCs/>",
                         "CommentText", "CommentText", false);
  xml += paragraph_style("Header", "header",
                         "<w:tabs><w:tab w:val=\"center\" w:pos=\"4513\"/><w:tab w:val=\"right\" "
                         "w:pos=\"9026\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" "
                         "w:lineRule=\"auto\"/>",
                         "", "Normal", nullptr, false);
  xml += paragraph_style("Footer", "footer",
                         "<w:tabs><w:tab w:val=\"center\" w:pos=\"4513\"/><w:tab w:val=\"right\" "
                         "w:pos=\"9026\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" "
                         "w:lineRule=\"auto\"/>",
                         "", "Normal", nullptr, false);
  xml +=
      "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
      "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
      "<w:unhideWhenUsed/></w:style>";
  xml += character_style("FootnoteReference", "footnote reference",
                         "<w:vertAlign w:val=\"superscript\"/>");
  xml += character_style("EndnoteReference", "endnote reference",
                         "<w:vertAlign w:val=\"superscript\"/>");
  xml += character_style("CommentReference", "annotation reference",
                         "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  xml += character_style(
      "Hyperlink", "Hyperlink",
      "<w:color w:val=\"0563C1\" w:themeColor=\"hyperlink\"/><w:u w:val=\"single\"/>");
  xml +=
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
      "Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd "
      "w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left "
      "w:w=\"108\" "
      "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
      "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
      "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn "
      "w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/><w:pPr><w:spacing w:after=\"0\" "
      "w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr><w:tblPr><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" "
      "w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" "
      "w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
      "w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
      "w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
      "w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style>"
      "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No "
      "List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>";
  xml += "</w:styles>";
  return xml;
}

std::string DocxBuilder::numbering_xml() const {
  std::string xml = kXmlDecl;
  xml += std::string("<w:numbering ") + kMainNs + ">";
  // abstractNum 0: the report's outline list (headings, then "Body Numbered").
  xml +=
      "<w:abstractNum w:abstractNumId=\"0\" w15:restartNumberingAfterBreak=\"0\"><w:nsid "
      "w:val=\"2A4B1C3E\"/><w:multiLevelType w:val=\"multilevel\"/><w:tmpl w:val=\"0809001F\"/>";
  const char* level_styles[] = {"Heading1", "Heading2", "BodyNumbered"};
  for (int ilvl = 0; ilvl < 9; ++ilvl) {
    std::string text;
    for (int k = 1; k <= ilvl + 1; ++k) {
      text += "%" + std::to_string(k) + ".";
    }
    int indent = 432 + 144 * ilvl;
    xml += "<w:lvl w:ilvl=\"" + std::to_string(ilvl) +
           "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>";
    if (ilvl < 3) {
      xml += std::string("<w:pStyle w:val=\"") + level_styles[ilvl] + "\"/>";
    }
    xml += "<w:lvlText w:val=\"" + text + "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" +
           std::to_string(indent) + "\" w:hanging=\"" + std::to_string(indent) +
           "\"/></w:pPr></w:lvl>";
  }
  xml += "</w:abstractNum>";
  // abstractNum 1: the (a), (b) sub-list.
  xml +=
      "<w:abstractNum w:abstractNumId=\"1\" w15:restartNumberingAfterBreak=\"0\"><w:nsid "
      "w:val=\"5C1E2F7A\"/><w:multiLevelType w:val=\"hybridMultilevel\"/><w:tmpl "
      "w:val=\"08090017\"/>";
  const char* sub_formats[] = {"lowerLetter", "lowerRoman", "decimal"};
  for (int ilvl = 0; ilvl < 9; ++ilvl) {
    const char* fmt = sub_formats[ilvl % 3];
    xml += "<w:lvl w:ilvl=\"" + std::to_string(ilvl) +
           "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"(%" +
           std::to_string(ilvl + 1) + ")\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" +
           std::to_string(1080 + 720 * ilvl) + "\" w:hanging=\"360\"/></w:pPr></w:lvl>";
  }
  xml += "</w:abstractNum>";
  // abstractNum 2: bullets, Symbol U+F0B7 / Courier New "o" / Wingdings U+F0A7.
  xml +=
      "<w:abstractNum w:abstractNumId=\"2\" w15:restartNumberingAfterBreak=\"0\"><w:nsid "
      "w:val=\"7D3A0B91\"/><w:multiLevelType w:val=\"hybridMultilevel\"/><w:tmpl "
      "w:val=\"08090001\"/>";
  for (int ilvl = 0; ilvl < 9; ++ilvl) {
    const char* glyph = ilvl % 3 == 0 ? "\xEF\x82\xB7" : ilvl % 3 == 1 ? "o" : "\xEF\x82\xA7";
    const char* font = ilvl % 3 == 0 ? "Symbol" : ilvl % 3 == 1 ? "Courier New" : "Wingdings";
    xml += "<w:lvl w:ilvl=\"" + std::to_string(ilvl) +
           "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"" + glyph +
           "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" +
           std::to_string(720 + 720 * ilvl) +
           "\" w:hanging=\"360\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" +
           font + "\" w:hint=\"default\"/></w:rPr></w:lvl>";
  }
  xml += "</w:abstractNum>";
  xml += "<w:num w:numId=\"" + std::to_string(kMainListNum) +
         "\"><w:abstractNumId w:val=\"0\"/></w:num>";
  xml += "<w:num w:numId=\"" + std::to_string(kBulletNum) +
         "\"><w:abstractNumId w:val=\"2\"/></w:num>";
  // Each run of A lines restarts at (a) through its own num, as Word does
  // when "Restart numbering" is chosen.
  for (int num : sublist_nums_) {
    xml += "<w:num w:numId=\"" + std::to_string(num) +
           "\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride "
           "w:val=\"1\"/></w:lvlOverride></w:num>";
  }
  xml += "</w:numbering>";
  return xml;
}

std::string DocxBuilder::notes_xml(const char* kind, const std::vector<std::string>& notes) const {
  // kind: "footnote" or "endnote".
  std::string k = kind;
  std::string xml = kXmlDecl;
  xml += "<w:" + k + "s " + kMainNs + ">";
  xml += "<w:" + k +
         " w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" "
         "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:" +
         k + ">";
  xml += "<w:" + k +
         " w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing "
         "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/>"
         "</w:r></w:p></w:" +
         k + ">";
  for (const std::string& note : notes) {
    xml += note;
  }
  xml += "</w:" + k + "s>";
  return xml;
}

std::string DocxBuilder::comments_xml() const {
  std::string xml = kXmlDecl;
  xml += std::string("<w:comments ") + kMainNs + ">";
  for (const std::string& c : comments_) {
    xml += c;
  }
  xml += "</w:comments>";
  return xml;
}

std::string DocxBuilder::header_footer_xml(const char* root, const char* /*style*/,
                                           const std::vector<std::string>& paragraphs) const {
  std::string xml = kXmlDecl;
  xml += std::string("<w:") + root + " " + kMainNs + ">";
  for (const std::string& p : paragraphs) {
    xml += p;
  }
  xml += std::string("</w:") + root + ">";
  return xml;
}

std::string DocxBuilder::core_xml() const {
  std::vector<std::pair<std::string, std::string>> props = {
      {"revision", "3"},
      {"created", "2026-01-12T09:00:00Z"},
      {"modified", "2026-01-15T10:00:00Z"},
  };
  for (const auto& [n, v] : core_) {
    set_property(props, n, v);
  }
  std::string xml = kXmlDecl;
  xml +=
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  for (const auto& [name, value] : props) {
    const std::string& element = core_elements().at(name);
    bool dated = name == "created" || name == "modified";
    xml.append("<").append(element).append(dated ? " xsi:type=\"dcterms:W3CDTF\"" : "");
    xml.append(">").append(xml_escape(value)).append("</").append(element).append(">");
  }
  xml += "</cp:coreProperties>";
  return xml;
}

std::string DocxBuilder::app_xml() const {
  std::vector<std::pair<std::string, std::string>> props = {
      {"Template", "Normal.dotm"},
      {"TotalTime", "42"},
      {"Pages", "1"},
      {"Application", "Microsoft Office Word"},
      {"DocSecurity", "0"},
      {"ScaleCrop", "false"},
      {"LinksUpToDate", "false"},
      {"SharedDoc", "false"},
      {"HyperlinksChanged", "false"},
      {"AppVersion", "16.0000"},
  };
  for (const auto& [n, v] : app_) {
    set_property(props, n, v);
  }
  std::string xml = kXmlDecl;
  xml +=
      "<Properties "
      "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
      "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">";
  for (const auto& [name, value] : props) {
    xml.append("<").append(name).append(">").append(xml_escape(value));
    xml.append("</").append(name).append(">");
  }
  xml += "</Properties>";
  return xml;
}

std::string DocxBuilder::custom_xml() const {
  std::string xml = kXmlDecl;
  xml +=
      "<Properties "
      "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
      "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">";
  int pid = 2;  // Word numbers custom properties from 2
  for (const auto& [name, value] : custom_) {
    xml += "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"" +
           std::to_string(pid++) + "\" name=\"" + xml_escape(name) + "\"><vt:lpwstr>" +
           xml_escape(value) + "</vt:lpwstr></property>";
  }
  xml += "</Properties>";
  return xml;
}

// word/settings.xml, with "%TRACK%" where w:trackRevisions goes (after
// w:zoom, before w:defaultTabStop, in CT_Settings order).
constexpr const char* kSettingsXml =
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:zoom w:percent=\"100\"/>%TRACK%<w:defaultTabStop w:val=\"720\"/>"
    "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
    "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
    "<w:endnotePr><w:endnote w:id=\"-1\"/><w:endnote w:id=\"0\"/></w:endnotePr>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "<w:themeFontLang w:val=\"en-GB\"/><w:decimalSymbol w:val=\".\"/>"
    "<w:listSeparator w:val=\",\"/></w:settings>";

std::string DocxBuilder::settings_xml() const {
  std::string xml = kSettingsXml;
  const std::size_t at = xml.find("%TRACK%");
  xml.replace(at, 7, track_revisions_ ? "<w:trackRevisions/>" : "");
  return xml;
}

constexpr const char* kFontTableXml =
    "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:font w:name=\"Symbol\"><w:panose1 w:val=\"05050102010706020507\"/><w:charset "
    "w:val=\"02\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"Arial\"><w:panose1 w:val=\"020B0604020202020204\"/><w:charset "
    "w:val=\"00\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"Courier New\"><w:panose1 w:val=\"02070309020205020404\"/><w:charset "
    "w:val=\"00\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"Wingdings\"><w:panose1 w:val=\"05000000000000000000\"/><w:charset "
    "w:val=\"02\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset "
    "w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>";

constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kWordCt = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

struct ZipFree {
  void operator()(zip_t* z) const { zip_discard(z); }
};

DocxParts DocxBuilder::parts() const {
  DocxParts parts;
  bool has_comments = !comments_.empty();
  bool has_header = !header_paragraphs_.empty();
  bool has_footer = !footer_paragraphs_.empty();
  bool has_custom = !custom_.empty();

  std::string ct = kXmlDecl;
  ct +=
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  auto override_ct = [&](const char* part, const std::string& type) {
    ct += std::string("<Override PartName=\"") + part + "\" ContentType=\"" + type + "\"/>";
  };
  override_ct("/word/document.xml", std::string(kWordCt) + "document.main+xml");
  override_ct("/word/numbering.xml", std::string(kWordCt) + "numbering+xml");
  override_ct("/word/styles.xml", std::string(kWordCt) + "styles+xml");
  override_ct("/word/settings.xml", std::string(kWordCt) + "settings+xml");
  override_ct("/word/footnotes.xml", std::string(kWordCt) + "footnotes+xml");
  override_ct("/word/endnotes.xml", std::string(kWordCt) + "endnotes+xml");
  if (has_comments) {
    override_ct("/word/comments.xml", std::string(kWordCt) + "comments+xml");
  }
  if (has_header) {
    override_ct("/word/header1.xml", std::string(kWordCt) + "header+xml");
  }
  if (has_footer) {
    override_ct("/word/footer1.xml", std::string(kWordCt) + "footer+xml");
  }
  override_ct("/word/fontTable.xml", std::string(kWordCt) + "fontTable+xml");
  override_ct("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  override_ct("/docProps/app.xml",
              "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  if (has_custom) {
    override_ct("/docProps/custom.xml",
                "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  }
  ct += "</Types>";
  parts.emplace_back("[Content_Types].xml", ct);

  std::string rels = kXmlDecl;
  rels += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  rels += std::string("<Relationship Id=\"rId3\" Type=\"") + kRelNs +
          "extended-properties\" Target=\"docProps/app.xml\"/>";
  rels +=
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
      "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>";
  rels += std::string("<Relationship Id=\"rId1\" Type=\"") + kRelNs +
          "officeDocument\" Target=\"word/document.xml\"/>";
  if (has_custom) {
    rels += std::string("<Relationship Id=\"rId4\" Type=\"") + kRelNs +
            "custom-properties\" Target=\"docProps/custom.xml\"/>";
  }
  rels += "</Relationships>";
  parts.emplace_back("_rels/.rels", rels);

  std::string doc_rels = kXmlDecl;
  doc_rels +=
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  auto rel = [&](const char* id, const char* type, const char* target) {
    doc_rels += std::string("<Relationship Id=\"") + id + "\" Type=\"" + kRelNs + type +
                "\" Target=\"" + target + "\"/>";
  };
  rel("rId1", "numbering", "numbering.xml");
  rel("rId2", "styles", "styles.xml");
  rel("rId3", "settings", "settings.xml");
  rel("rId4", "footnotes", "footnotes.xml");
  rel("rId5", "endnotes", "endnotes.xml");
  rel("rId6", "fontTable", "fontTable.xml");
  if (has_comments) {
    rel("rId7", "comments", "comments.xml");
  }
  if (has_header) {
    rel("rIdHeader1", "header", "header1.xml");
  }
  if (has_footer) {
    rel("rIdFooter1", "footer", "footer1.xml");
  }
  doc_rels += "</Relationships>";
  parts.emplace_back("word/_rels/document.xml.rels", doc_rels);

  parts.emplace_back("word/document.xml", document_xml());
  parts.emplace_back("word/styles.xml", styles_xml());
  parts.emplace_back("word/numbering.xml", numbering_xml());
  parts.emplace_back("word/settings.xml", std::string(kXmlDecl) + settings_xml());
  parts.emplace_back("word/footnotes.xml", notes_xml("footnote", footnotes_));
  parts.emplace_back("word/endnotes.xml", notes_xml("endnote", endnotes_));
  if (has_comments) {
    parts.emplace_back("word/comments.xml", comments_xml());
  }
  if (has_header) {
    parts.emplace_back("word/header1.xml", header_footer_xml("hdr", "Header", header_paragraphs_));
  }
  if (has_footer) {
    parts.emplace_back("word/footer1.xml", header_footer_xml("ftr", "Footer", footer_paragraphs_));
  }
  parts.emplace_back("word/fontTable.xml", std::string(kXmlDecl) + kFontTableXml);
  parts.emplace_back("docProps/core.xml", core_xml());
  parts.emplace_back("docProps/app.xml", app_xml());
  if (has_custom) {
    parts.emplace_back("docProps/custom.xml", custom_xml());
  }

  return parts;
}

}  // namespace

std::string zip_parts(const DocxParts& parts, std::string* error) {
  auto set_error = [&](const std::string& what, zip_error_t* ze) {
    if (error != nullptr) {
      *error = "zip: " + what + ": " + zip_error_strerror(ze);
    }
  };
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
  if (src == nullptr) {
    set_error("buffer", &ze);
    zip_error_fini(&ze);
    return {};
  }
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  if (za == nullptr) {
    set_error("open", &ze);
    zip_source_free(src);
    zip_error_fini(&ze);
    return {};
  }
  zip_error_fini(&ze);
  zip_source_keep(src);  // read the archive back after zip_close
  std::unique_ptr<zip_t, ZipFree> archive(za);
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(za, data.data(), data.size(), 0);
    if (part == nullptr) {
      if (error != nullptr) {
        *error = std::string("zip: ") + zip_strerror(za);
      }
      zip_source_free(src);
      return {};
    }
    zip_int64_t index = zip_file_add(za, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(part);
      if (error != nullptr) {
        *error = std::string("zip: ") + zip_strerror(za);
      }
      zip_source_free(src);
      return {};
    }
    // A fixed 1980-01-01 timestamp (as the corpus's pandoc files have), so
    // the same source gives the same bytes.
    struct tm epoch {};
    epoch.tm_year = 80;
    epoch.tm_mday = 1;
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(index), mktime(&epoch), 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive.release()) != 0) {
    if (error != nullptr) {
      *error = std::string("zip: ") + zip_strerror(za);
    }
    zip_discard(za);
    zip_source_free(src);
    return {};
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_source_open(src) != 0 || zip_source_stat(src, &st) != 0) {
    if (error != nullptr) {
      *error = "zip: cannot read the archive back";
    }
    zip_source_free(src);
    return {};
  }
  bytes.resize(static_cast<std::size_t>(st.size));
  zip_int64_t got = zip_source_read(src, bytes.data(), bytes.size());
  zip_source_close(src);
  zip_source_free(src);
  if (got < 0 || static_cast<std::size_t>(got) != bytes.size()) {
    if (error != nullptr) {
      *error = "zip: short read of the archive";
    }
    return {};
  }
  return bytes;
}

namespace {

// ---------------------------------------------------------------------------
// Expectations

// Splits an !expect line into tokens: words, and "quoted strings" with \" and
// \\ escapes (returned without quotes; `quoted` marks them).
struct Token {
  std::string text;
  bool quoted = false;
};

bool tokenize(std::string_view s, std::vector<Token>& tokens, std::string& error) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
      ++i;
      continue;
    }
    Token t;
    if (s[i] == '"') {
      t.quoted = true;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) {
          t.text += s[i + 1];
          i += 2;
          continue;
        }
        if (s[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        t.text += s[i++];
      }
      if (!closed) {
        error = "unterminated quoted span";
        return false;
      }
    } else {
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
        t.text += s[i++];
      }
    }
    tokens.push_back(std::move(t));
  }
  return true;
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

}  // namespace

DocxParts build_docx_parts(std::string_view dhr_source, std::string* error) {
  DocxBuilder builder;
  std::vector<std::string_view> lines = split_lines(dhr_source);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!builder.add_line(lines[i], static_cast<int>(i) + 1)) {
      if (error != nullptr) {
        *error = builder.error();
      }
      return {};
    }
  }
  builder.finish();
  return builder.parts();
}

std::string build_docx(std::string_view dhr_source, std::string* error) {
  const DocxParts parts = build_docx_parts(dhr_source, error);
  if (parts.empty()) {
    return {};
  }
  std::string zip_error;
  std::string bytes = zip_parts(parts, &zip_error);
  if (bytes.empty() && error != nullptr) {
    *error = zip_error;
  }
  return bytes;
}

std::vector<Expectation> parse_expectations(std::string_view dhr_source, std::string* error) {
  std::vector<Expectation> out;
  std::vector<std::string_view> lines = split_lines(dhr_source);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    int line_no = static_cast<int>(i) + 1;
    auto fail = [&](const std::string& message) {
      if (error != nullptr) {
        *error = "line " + std::to_string(line_no) + ": " + message;
      }
      return out;
    };
    if (line.substr(0, 7) != "!expect") {
      continue;
    }
    if (line.size() > 7 && line[7] != ' ' && line[7] != '\t') {
      return fail("unknown directive");
    }
    std::vector<Token> tokens;
    std::string token_error;
    if (!tokenize(line.substr(7), tokens, token_error)) {
      return fail(token_error);
    }
    if (tokens.size() < 2 || tokens[0].quoted || tokens[1].quoted) {
      return fail("!expect needs RULE SECTION [\"span\"|-] [key=value ...]");
    }
    Expectation e;
    e.line = line_no;
    e.rule = tokens[0].text;
    if (e.rule.find('/') == std::string::npos) {
      return fail("rule id must be category/name");
    }
    if (tokens[1].text != "-") {
      e.section = tokens[1].text;
    }
    bool span_seen = false;
    bool in_seen = false;
    for (std::size_t t = 2; t < tokens.size(); ++t) {
      const Token& tok = tokens[t];
      if (tok.quoted || tok.text == "-") {
        if (span_seen) {
          return fail("more than one span");
        }
        span_seen = true;
        if (tok.quoted) {
          e.span = tok.text;
        }
        continue;
      }
      std::size_t eq = tok.text.find('=');
      if (eq == std::string::npos) {
        return fail("expected \"span\", - or key=value, got '" + tok.text + "'");
      }
      std::string key = tok.text.substr(0, eq);
      std::string value = tok.text.substr(eq + 1);
      if (key == "in") {
        if (!one_of(value,
                    {"body", "footnote", "endnote", "comment", "header", "footer", "property"})) {
          return fail("bad in=" + value);
        }
        e.in = value;
        in_seen = true;
      } else if (key == "vis") {
        if (!one_of(value, {"hidden", "deleted", "unreferenced"})) {
          return fail("bad vis=" + value);
        }
        e.vis = value;
      } else if (key == "sev") {
        if (!one_of(value, {"error", "warning", "info"})) {
          return fail("bad sev=" + value);
        }
        e.sev = value;
      } else if (key == "property") {
        if (value.empty()) {
          return fail("empty property=");
        }
        e.property = value;
      } else {
        return fail("unknown key '" + key + "'");
      }
    }
    // A property finding may sit in docProps (a core or custom property) or on
    // body text (property=author: a comment's or revision's author), so
    // property= without in= leaves the story unchecked.
    if (!e.property.empty() && !in_seen) {
      e.in.clear();
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> parse_rules_directive(std::string_view dhr_source) {
  std::vector<std::string> rules;
  for (std::string_view line : split_lines(dhr_source)) {
    line = trim(line);
    auto [keyword, rest] = split_keyword(line);
    if (keyword != "@rules") {
      continue;
    }
    std::vector<Token> tokens;
    std::string ignored;
    tokenize(rest, tokens, ignored);
    for (Token& t : tokens) {
      rules.push_back(std::move(t.text));
    }
  }
  return rules;
}

std::vector<std::string> parse_identifiers_directive(std::string_view dhr_source) {
  std::vector<std::string> identifiers;
  for (std::string_view line : split_lines(dhr_source)) {
    line = trim(line);
    const auto split = split_keyword(line);
    if (split.first == "@identifiers" && !split.second.empty()) {
      identifiers.emplace_back(split.second);
    }
  }
  return identifiers;
}

std::vector<std::pair<std::string, std::string>> parse_config_directive(
    std::string_view dhr_source) {
  std::vector<std::pair<std::string, std::string>> settings;
  for (std::string_view line : split_lines(dhr_source)) {
    line = trim(line);
    const auto split = split_keyword(line);
    const std::size_t eq = split.second.find('=');
    if (split.first == "@config" && eq != std::string_view::npos) {
      settings.emplace_back(std::string(trim(split.second.substr(0, eq))),
                            std::string(trim(split.second.substr(eq + 1))));
    }
  }
  return settings;
}

namespace {

// Code points [start, end) of a UTF-8 string.
std::string utf8_substr(std::string_view s, std::size_t start, std::size_t end) {
  std::size_t cp = 0;
  std::size_t begin_byte = s.size();
  std::size_t end_byte = s.size();
  for (std::size_t i = 0; i <= s.size(); ++i) {
    bool boundary = i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (!boundary) {
      continue;
    }
    if (cp == start && begin_byte == s.size()) {
      begin_byte = i;
    }
    if (cp == end) {
      end_byte = i;
      break;
    }
    ++cp;
  }
  if (begin_byte > end_byte) {
    return {};
  }
  return std::string(s.substr(begin_byte, end_byte - begin_byte));
}

std::string story_of_part(std::string_view part) {
  auto has = [&](std::string_view what) { return part.find(what) != std::string_view::npos; };
  if (part.substr(0, 9) == "docProps/") {
    return "property";
  }
  if (has("footnotes")) {
    return "footnote";
  }
  if (has("endnotes")) {
    return "endnote";
  }
  if (has("comments")) {
    return "comment";
  }
  if (has("/header")) {
    return "header";
  }
  if (has("/footer")) {
    return "footer";
  }
  return "body";
}

}  // namespace

ActualFinding describe_finding(const Finding& finding, const Document& doc) {
  const Location& loc = finding.location;
  ActualFinding a;
  a.rule = finding.rule;
  a.section = loc.section;
  a.in = loc.part.empty() && loc.property ? std::string("property") : story_of_part(loc.part);
  a.vis = loc.visibility.value_or("");
  // Spelled here rather than through severity_name() so the generator and
  // dhrlint-mkfixture need nothing from dhrlint_core.
  a.sev = finding.severity == Severity::kError     ? "error"
          : finding.severity == Severity::kWarning ? "warning"
                                                   : "info";
  a.property = loc.property.value_or("");
  a.part = loc.part;
  a.paragraph = loc.paragraph;
  a.start = loc.start;
  a.end = loc.end;
  a.message = finding.message;
  if (loc.deleted_text) {
    a.span = *loc.deleted_text;
  } else if (loc.paragraph && loc.start && loc.end && *loc.end > *loc.start) {
    for (const Paragraph& p : doc.paragraphs) {
      if (p.part == loc.part && p.index == *loc.paragraph) {
        a.span = utf8_substr(p.text, *loc.start, *loc.end);
        break;
      }
    }
  }
  return a;
}

bool expectation_matches(const Expectation& e, const ActualFinding& a) {
  if (e.rule != a.rule) {
    return false;
  }
  if (e.section != a.section) {
    return false;
  }
  if (e.span.value_or("") != a.span) {
    return false;
  }
  if (!e.in.empty() && e.in != a.in) {
    return false;
  }
  if (e.vis != a.vis) {
    return false;
  }
  if (!e.sev.empty() && e.sev != a.sev) {
    return false;
  }
  if (!e.property.empty() && e.property != a.property) {
    return false;
  }
  return true;
}

MatchReport match_findings(const std::vector<Expectation>& expected,
                           const std::vector<ActualFinding>& actual) {
  // Kuhn's augmenting paths; fixtures hold tens of findings at most.
  std::vector<std::vector<std::size_t>> edges(expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (std::size_t j = 0; j < actual.size(); ++j) {
      if (expectation_matches(expected[i], actual[j])) {
        edges[i].push_back(j);
      }
    }
  }
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> owner(actual.size(), kNone);
  std::vector<char> visited;
  auto augment = [&](auto&& self, std::size_t i) -> bool {
    for (std::size_t j : edges[i]) {
      if (visited[j]) {
        continue;
      }
      visited[j] = 1;
      if (owner[j] == kNone || self(self, owner[j])) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  std::vector<char> matched(expected.size(), 0);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    visited.assign(actual.size(), 0);
    augment(augment, i);
  }
  for (std::size_t j = 0; j < actual.size(); ++j) {
    if (owner[j] != kNone) {
      matched[owner[j]] = 1;
    }
  }
  MatchReport report;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (!matched[i]) {
      report.missing.push_back(expected[i]);
    }
  }
  for (std::size_t j = 0; j < actual.size(); ++j) {
    if (owner[j] == kNone) {
      report.unexpected.push_back(actual[j]);
    }
  }
  return report;
}

namespace {
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}
}  // namespace

std::string format_expectation(const Expectation& e) {
  std::ostringstream out;
  out << "!expect " << e.rule << " " << e.section.value_or("-") << " "
      << (e.span ? quote(*e.span) : std::string("-"));
  if (!e.in.empty() && e.in != "body") {
    out << " in=" << e.in;
  }
  if (!e.vis.empty()) {
    out << " vis=" << e.vis;
  }
  if (!e.sev.empty()) {
    out << " sev=" << e.sev;
  }
  if (!e.property.empty()) {
    out << " property=" << e.property;
  }
  out << "   (line " << e.line << ")";
  return out.str();
}

std::string format_actual(const ActualFinding& a) {
  std::ostringstream out;
  out << "!expect " << a.rule << " " << a.section.value_or("-") << " "
      << (a.span.empty() ? std::string("-") : quote(a.span));
  if (!a.property.empty()) {
    out << " property=" << a.property;
  } else if (a.in != "body") {
    out << " in=" << a.in;
  }
  if (!a.vis.empty()) {
    out << " vis=" << a.vis;
  }
  out << " sev=" << a.sev << "   (" << a.part;
  if (a.paragraph) {
    out << " paragraph " << *a.paragraph;
  }
  if (a.start && a.end) {
    out << " [" << *a.start << "," << *a.end << ")";
  }
  out << ": " << a.message << ")";
  return out.str();
}

}  // namespace dhrlint::testing
