#include "lint/output/annotate.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include <pugixml.hpp>

#include "lint/ooxml/story_nodes.hpp"
#include "lint/ooxml/styles.hpp"
#include "lint/ooxml/xml.hpp"
#include "lint/package/package.hpp"

namespace dhrlint {

std::string_view comment_placement_name(CommentPlacement placement) {
  switch (placement) {
    case CommentPlacement::kSpan:
      return "span";
    case CommentPlacement::kParagraph:
      return "paragraph";
    case CommentPlacement::kElsewhere:
      return "elsewhere";
  }
  return "span";
}

namespace {

using pugi::xml_node;

constexpr std::string_view kWordMain =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordMainStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kCommentsType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr std::string_view kCommentsTypeStrict =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
constexpr std::string_view kCommentsContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
constexpr std::string_view kPackageRelsNs =
    "http://schemas.openxmlformats.org/package/2006/relationships";

// An attribute the writer puts on the nodes of a part as written so it can
// find them again in the canonical copy the reader's walker sees; removed
// before the part is saved.
constexpr const char* kTag = "dhrlint-node";

std::string_view local_name(xml_node n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view prefix_of(xml_node n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

std::string_view local_name_of_attr(pugi::xml_attribute a) {
  std::string_view name = a.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::size_t cp_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

// Byte offset of code point `cp` in UTF-8 `s` (s.size() when past the end).
std::size_t cp_to_byte(std::string_view s, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == cp) {
        return i;
      }
      ++seen;
    }
  }
  return s.size();
}

// Pre-order walk without recursion (hostile files nest deeply).
template <class F>
void for_each_element(xml_node root, F&& f) {
  xml_node n = root.first_child();
  while (n) {
    if (n.type() == pugi::node_element) {
      f(n);
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      if (n == root) {
        return;
      }
    }
    if (n) {
      n = n.next_sibling();
    }
  }
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

// How a part was encoded, so a rewritten part keeps its encoding and BOM.
struct PartEncoding {
  pugi::xml_encoding encoding = pugi::encoding_utf8;
  bool bom = false;
};

PartEncoding encoding_of(std::string_view bytes) {
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) {
    return {pugi::encoding_utf8, true};
  }
  if (starts("\xFF\xFE"sv)) {
    return {pugi::encoding_utf16_le, true};
  }
  if (starts("\xFE\xFF"sv)) {
    return {pugi::encoding_utf16_be, true};
  }
  if (starts("<\0?\0"sv)) {
    return {pugi::encoding_utf16_le, false};
  }
  if (starts("\0<\0?"sv)) {
    return {pugi::encoding_utf16_be, false};
  }
  return {};
}

std::string save_part(const pugi::xml_document& doc, PartEncoding enc) {
  StringWriter w;
  // The part's own declaration node is kept (parsed as written); none is
  // invented for a part that had none.
  unsigned flags = pugi::format_raw | pugi::format_no_declaration;
  if (enc.bom) {
    flags |= pugi::format_write_bom;
  }
  doc.save(w, "", flags, enc.encoding);
  return std::move(w.out);
}

// Text for a comment: XML 1.0 cannot hold most control characters, and a
// rule's message is one line.
std::string comment_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  return out;
}

// ---------------------------------------------------------------------------
// One story part (main, footnotes, endnotes) as written, with the nodes the
// reader's walker reported for it.

struct Emission {
  std::uint32_t offset = 0;  // code points into the run's visible text
  std::size_t length = 0;
  xml_node source;  // as written: the node holding the text (w:t, w:tab, ...)
};

struct RunNodes {
  xml_node run;  // the w:r as written
  std::vector<Emission> emissions;
  std::size_t length() const {
    std::size_t n = 0;
    for (const Emission& e : emissions) {
      n += e.length;
    }
    return n;
  }
};

class StoryPart {
 public:
  std::string name;
  Story story = Story::kBody;
  std::string original;                                              // the part's bytes
  ooxml::XmlDoc xml;                                                 // as written; edited in place
  std::map<std::uint32_t, xml_node> paragraphs;                      // Paragraph::index -> w:p
  std::map<std::pair<std::uint32_t, std::uint32_t>, RunNodes> runs;  // (paragraph, run)
  bool changed = false;
  std::uint64_t next_revision_id = 0;  // above every numeric w:id of the part

  Result<bool> load(const ooxml::StyleSheet& styles) {
    auto parsed = ooxml::load_part_xml_as_written(original, name);
    if (!parsed.ok()) {
      return parsed.error();
    }
    xml = std::move(parsed.value());
    // Tag the nodes a placement can need: paragraphs, runs and what a run
    // holds text in. The canonical copy carries the tags.
    std::vector<xml_node> tagged;
    std::uint64_t max_id = 0;
    for_each_element(*xml, [&](xml_node n) {
      std::string_view local = local_name(n);
      if (local == "p" || local == "r" || local == "t" || local == "tab" || local == "ptab" ||
          local == "br" || local == "cr" || local == "noBreakHyphen" || local == "sym") {
        n.append_attribute(kTag).set_value(static_cast<unsigned long long>(tagged.size()));
        tagged.push_back(n);
      }
      for (pugi::xml_attribute a : n.attributes()) {
        std::string_view an = a.name();
        if (an.size() >= 3 && an.substr(an.size() - 3) == ":id") {
          max_id = std::max<std::uint64_t>(max_id, a.as_ullong());
        }
      }
    });
    next_revision_id = max_id + 1;
    pugi::xml_document canonical;
    canonical.reset(*xml);
    ooxml::canonicalise(canonical);

    struct Observer : ooxml::StoryObserver {
      StoryPart& self;
      const std::vector<xml_node>& tagged;
      Observer(StoryPart& s, const std::vector<xml_node>& t) : self(s), tagged(t) {}
      xml_node as_written(xml_node canonical_node) const {
        pugi::xml_attribute tag = canonical_node.attribute(kTag);
        if (!tag) {
          return {};
        }
        std::size_t i = static_cast<std::size_t>(tag.as_ullong());
        return i < tagged.size() ? tagged[i] : xml_node();
      }
      void paragraph(std::uint32_t index, xml_node p) override {
        self.paragraphs[index] = as_written(p);
      }
      void run_text(std::uint32_t paragraph, std::uint32_t run, std::uint32_t run_offset,
                    std::size_t length, xml_node source) override {
        RunNodes& r = self.runs[{paragraph, run}];
        if (!r.run) {
          r.run = as_written(source.parent());
        }
        r.emissions.push_back(Emission{run_offset, length, as_written(source)});
      }
    } observer(*this, tagged);
    ooxml::observe_story(canonical, story, name, styles, observer);
    return true;
  }

  // Removes the tags and saves the part.
  std::string save() {
    std::vector<xml_node> with_tag;
    for_each_element(*xml, [&](xml_node n) {
      if (n.attribute(kTag)) {
        with_tag.push_back(n);
      }
    });
    for (xml_node n : with_tag) {
      n.remove_attribute(kTag);
    }
    return save_part(*xml, encoding_of(original));
  }
};

// ---------------------------------------------------------------------------
// Placing comments.

// Where a comment starts or ends inside a run: the run (as written) and a
// code point offset into its visible text.
struct RunPoint {
  xml_node run;
  std::size_t offset = 0;
};

struct Plan {
  const Finding* finding = nullptr;
  CommentPlacement placement = CommentPlacement::kSpan;
  StoryPart* part = nullptr;
  std::uint32_t paragraph = 0;
  std::size_t start = 0;  // the range the comment will cover
  std::size_t end = 0;
  RunPoint from;  // kSpan only
  RunPoint to;
  const RunNodes* from_nodes = nullptr;  // kSpan only: the runs `from` and `to` are in
  const RunNodes* to_nodes = nullptr;
  std::string where;  // a line saying where the finding really is, when not obvious
  std::string id;
};

// The child of `run` that contains `node` (`node` itself when it is one).
xml_node child_of(xml_node run, xml_node node) {
  while (node && node.parent() != run) {
    node = node.parent();
  }
  return node;
}

// Whether `run` can be cut so that a piece starts at `offset`: at the start of
// something it holds, or inside a w:t that is its own child.
bool can_cut(const RunNodes& rn, std::size_t offset) {
  if (offset == 0 || offset >= rn.length()) {
    return true;
  }
  for (const Emission& e : rn.emissions) {
    if (e.offset == offset) {
      return static_cast<bool>(child_of(rn.run, e.source));
    }
    if (e.offset < offset && offset < e.offset + e.length) {
      return e.source.parent() == rn.run && local_name(e.source) == "t";
    }
  }
  return false;
}

class RunCutter {
 public:
  explicit RunCutter(StoryPart& part) : part_(part) {}

  void want(const RunNodes& rn, std::size_t offset) {
    Cuts& c = cuts_[rn.run.internal_object()];
    c.nodes = &rn;
    if (offset > 0 && offset < rn.length()) {
      c.offsets.insert(offset);
    }
  }

  // Cuts every run at its offsets; pieces stay siblings in the run's parent,
  // each with a copy of the run's properties.
  void cut() {
    for (auto& [key, c] : cuts_) {
      xml_node run = c.nodes->run;
      c.pieces.assign(c.offsets.size() + 1, xml_node());
      c.pieces[0] = run;
      std::size_t i = c.offsets.size();
      for (auto it = c.offsets.rbegin(); it != c.offsets.rend(); ++it, --i) {
        c.pieces[i] = cut_at(*c.nodes, *it);
      }
      // A run a cut could not split keeps its text whole: pieces that were not
      // made fall back to their neighbour on the left.
      for (std::size_t k = 1; k < c.pieces.size(); ++k) {
        if (!c.pieces[k]) {
          c.pieces[k] = c.pieces[k - 1];
        }
      }
    }
  }

  xml_node piece_starting_at(const RunPoint& p) const {
    const Cuts& c = cuts_.at(p.run.internal_object());
    if (p.offset == 0) {
      return c.pieces.front();
    }
    auto it = c.offsets.find(p.offset);
    return it == c.offsets.end() ? c.pieces.front()
                                 : c.pieces[1 + std::distance(c.offsets.begin(), it)];
  }

  xml_node piece_ending_at(const RunPoint& p) const {
    const Cuts& c = cuts_.at(p.run.internal_object());
    auto it = c.offsets.find(p.offset);
    return it == c.offsets.end() ? c.pieces.back() : c.pieces[std::distance(c.offsets.begin(), it)];
  }

 private:
  struct Cuts {
    const RunNodes* nodes = nullptr;
    std::set<std::size_t> offsets;
    std::vector<xml_node> pieces;  // pieces[k] starts at the k-th offset (pieces[0] at 0)
  };
  StoryPart& part_;
  std::map<pugi::xml_node_struct*, Cuts> cuts_;

  // Splits `rn.run` (which holds offsets [0, offset) and more at this point)
  // so that a new run right after it starts at `offset`; returns that run.
  xml_node cut_at(const RunNodes& rn, std::size_t offset) {
    xml_node run = rn.run;
    xml_node first_moved;
    for (const Emission& e : rn.emissions) {
      if (e.offset == offset) {
        first_moved = child_of(run, e.source);
        break;
      }
      if (e.offset < offset && offset < e.offset + e.length) {
        // Split the w:t: the left part stays, the right part is a copy.
        xml_node t = e.source;
        std::string text = t.child_value();
        std::size_t at = cp_to_byte(text, offset - e.offset);
        xml_node right = run.insert_copy_after(t, t);
        set_text(t, text.substr(0, at));
        set_text(right, text.substr(at));
        first_moved = right;
        break;
      }
    }
    if (!first_moved) {
      return {};
    }
    xml_node piece = run.parent().insert_child_after(run.name(), run);
    for (pugi::xml_attribute a : run.attributes()) {
      piece.append_attribute(a.name()).set_value(a.value());
    }
    for (xml_node c = run.first_child(); c && c != first_moved; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && local_name(c) == "rPr") {
        xml_node props = piece.append_copy(c);
        // A tracked formatting change copied into both halves needs an id
        // of its own.
        for_each_element(props, [&](xml_node n) {
          if (local_name(n) == "rPrChange") {
            std::string id_attr = std::string(prefix_of(n)) + ":id";
            if (pugi::xml_attribute a = n.attribute(id_attr.c_str())) {
              a.set_value(static_cast<unsigned long long>(part_.next_revision_id++));
            }
          }
        });
        break;
      }
    }
    for (xml_node c = first_moved; c;) {
      xml_node next = c.next_sibling();
      piece.append_move(c);
      c = next;
    }
    return piece;
  }

  // Replaces a w:t's text; both halves of a split keep their spaces.
  static void set_text(xml_node t, const std::string& text) {
    while (t.first_child()) {
      t.remove_child(t.first_child());
    }
    t.append_child(pugi::node_pcdata).set_value(text.c_str());
    if (!t.attribute("xml:space")) {
      t.append_attribute("xml:space");
    }
    t.attribute("xml:space").set_value("preserve");
  }
};

// The prefix to write WordprocessingML attributes with inside `root`'s
// document: the elements' own prefix, else one declared on the root, else a
// new declaration (a part written with a default namespace).
std::string word_attribute_prefix(xml_node root, std::string_view element_prefix,
                                  std::string_view uri) {
  if (!element_prefix.empty()) {
    return std::string(element_prefix);
  }
  std::set<std::string> taken;
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view n = a.name();
    if (n.substr(0, 6) == "xmlns:") {
      if (a.value() == uri) {
        return std::string(n.substr(6));
      }
      taken.insert(std::string(n.substr(6)));
    }
  }
  std::string prefix = taken.count("w") ? "dhrlintw" : "w";
  root.append_attribute(("xmlns:" + prefix).c_str()).set_value(std::string(uri).c_str());
  return prefix;
}

xml_node document_element_of(xml_node n) {
  for (xml_node c : n.root().children()) {
    if (c.type() == pugi::node_element) {
      return c;
    }
  }
  return {};
}

class Marker {
 public:
  Marker(xml_node paragraph, std::string_view uri)
      : element_prefix_(prefix_of(paragraph)),
        attr_prefix_(word_attribute_prefix(document_element_of(paragraph), element_prefix_, uri)) {}

  // A mark before or after `sibling` in `parent`; appended when `sibling` is null.
  xml_node make(xml_node parent, xml_node sibling, bool after, const char* local,
                const std::string& id) const {
    std::string name = qualified(local);
    xml_node n = !sibling ? parent.append_child(name.c_str())
                 : after  ? parent.insert_child_after(name.c_str(), sibling)
                          : parent.insert_child_before(name.c_str(), sibling);
    n.append_attribute((attr_prefix_ + ":id").c_str()).set_value(id.c_str());
    return n;
  }

  // The run Word puts after a comment's range: the reference mark.
  xml_node reference_after(xml_node node, const std::string& id) const {
    xml_node r = node.parent().insert_child_after(qualified("r").c_str(), node);
    r.append_child(qualified("commentReference").c_str())
        .append_attribute((attr_prefix_ + ":id").c_str())
        .set_value(id.c_str());
    return r;
  }

 private:
  std::string element_prefix_;
  std::string attr_prefix_;

  std::string qualified(const char* local) const {
    return element_prefix_.empty() ? std::string(local) : element_prefix_ + ":" + local;
  }
};

void place_on_paragraph(xml_node p, const std::string& id, std::string_view uri) {
  Marker m(p, uri);
  xml_node ppr;
  for (xml_node c : p.children()) {
    if (c.type() == pugi::node_element && local_name(c) == "pPr") {
      ppr = c;
      break;
    }
  }
  // w:pPr stays the first child.
  if (ppr) {
    m.make(p, ppr, true, "commentRangeStart", id);
  } else {
    m.make(p, p.first_child(), false, "commentRangeStart", id);
  }
  xml_node end = m.make(p, p.last_child(), true, "commentRangeEnd", id);
  m.reference_after(end, id);
}

void place_on_span(xml_node p, xml_node first_piece, xml_node last_piece, const std::string& id,
                   std::string_view uri) {
  Marker m(p, uri);
  m.make(first_piece.parent(), first_piece, false, "commentRangeStart", id);
  xml_node end = m.make(last_piece.parent(), last_piece, true, "commentRangeEnd", id);
  // The reference run goes into the paragraph itself, after whatever holds the
  // range's end (a hyperlink, an insertion, a content control): inside a
  // tracked insertion it would be rejected with it.
  xml_node holder = end;
  while (holder && holder.parent() != p) {
    holder = holder.parent();
  }
  m.reference_after(holder ? holder : end, id);
}

// ---------------------------------------------------------------------------
// The comments part.

std::string comments_uri(bool strict) { return std::string(strict ? kWordMainStrict : kWordMain); }

void append_comment(xml_node comments, const std::string& id,
                    const std::vector<std::string>& paragraphs, std::string_view uri) {
  std::string ep(prefix_of(comments));
  std::string ap = word_attribute_prefix(comments, ep, uri);
  auto q = [&](const char* local) { return ep.empty() ? std::string(local) : ep + ":" + local; };
  auto attr = [&](const char* local) { return ap + ":" + local; };
  xml_node c = comments.append_child(q("comment").c_str());
  c.append_attribute(attr("id").c_str()).set_value(id.c_str());
  c.append_attribute(attr("author").c_str()).set_value(std::string(kAnnotationAuthor).c_str());
  c.append_attribute(attr("initials").c_str()).set_value(std::string(kAnnotationInitials).c_str());
  bool first = true;
  for (const std::string& text : paragraphs) {
    xml_node p = c.append_child(q("p").c_str());
    if (first) {
      // The mark Word shows at the start of a comment.
      p.append_child(q("r").c_str()).append_child(q("annotationRef").c_str());
      first = false;
    }
    xml_node t = p.append_child(q("r").c_str()).append_child(q("t").c_str());
    t.append_attribute("xml:space").set_value("preserve");
    t.append_child(pugi::node_pcdata).set_value(text.c_str());
  }
}

std::vector<std::string> comment_paragraphs(const Plan& plan, const std::string* fix) {
  const Finding& f = *plan.finding;
  std::vector<std::string> out;
  out.push_back(
      comment_text(f.rule + " (" + std::string(severity_name(f.severity)) + "): " + f.message));
  if (!plan.where.empty()) {
    out.push_back(comment_text(plan.where));
  }
  if (fix != nullptr && !fix->empty()) {
    std::string line;
    bool first = true;
    auto flush = [&] {
      if (!line.empty()) {
        out.push_back(comment_text((first ? "How to fix: " : "") + line));
        first = false;
      }
      line.clear();
    };
    for (char c : *fix) {
      if (c == '\n') {
        flush();
      } else {
        line.push_back(c);
      }
    }
    flush();
  }
  return out;
}

// Adds a part's Override to [Content_Types].xml (as written).
Result<std::string> add_content_type(const std::string& bytes, const std::string& part) {
  auto xml = ooxml::load_part_xml_as_written(bytes, "[Content_Types].xml");
  if (!xml.ok()) {
    return xml.error();
  }
  xml_node types = xml.value()->document_element();
  std::string ep(prefix_of(types));
  xml_node o = types.append_child((ep.empty() ? "Override" : ep + ":Override").c_str());
  o.append_attribute("PartName").set_value(("/" + part).c_str());
  o.append_attribute("ContentType").set_value(std::string(kCommentsContentType).c_str());
  return save_part(*xml.value(), encoding_of(bytes));
}

// Adds the comments relationship to the main part's .rels (as written, or a
// new one when the main part has none).
Result<std::string> add_comments_relationship(const std::string* bytes,
                                              const std::string& rels_part,
                                              const std::string& target, bool strict) {
  ooxml::XmlDoc xml;
  PartEncoding enc;
  if (bytes != nullptr) {
    auto parsed = ooxml::load_part_xml_as_written(*bytes, rels_part);
    if (!parsed.ok()) {
      return parsed.error();
    }
    xml = std::move(parsed.value());
    enc = encoding_of(*bytes);
  } else {
    xml = std::make_unique<pugi::xml_document>();
    xml_node decl = xml->append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    decl.append_attribute("standalone").set_value("yes");
    xml->append_child("Relationships")
        .append_attribute("xmlns")
        .set_value(std::string(kPackageRelsNs).c_str());
  }
  xml_node rels = xml->document_element();
  std::set<std::string> ids;
  for (xml_node r : rels.children()) {
    ids.insert(r.attribute("Id").value());
  }
  std::string id;
  for (int n = 1;; ++n) {
    id = "rId" + std::to_string(n);
    if (ids.count(id) == 0) {
      break;
    }
  }
  std::string ep(prefix_of(rels));
  xml_node r = rels.append_child((ep.empty() ? "Relationship" : ep + ":Relationship").c_str());
  r.append_attribute("Id").set_value(id.c_str());
  r.append_attribute("Type").set_value(
      std::string(strict ? kCommentsTypeStrict : kCommentsType).c_str());
  r.append_attribute("Target").set_value(target.c_str());
  return save_part(*xml, enc);
}

std::string new_comments_part(bool strict) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments "
             "xmlns:w=\"") +
         comments_uri(strict) + "\"/>";
}

// ---------------------------------------------------------------------------
// Writing the zip: the input's archive with the changed parts replaced or
// added; libzip copies every other entry's compressed data as it is.

Result<std::string> rewrite_zip(const std::string& input,
                                const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  // libzip writes the new archive into this source; it gets a copy it owns
  // (libzip 1.7 frees a buffer it was lent once it is written to).
  void* owned = std::malloc(input.empty() ? 1 : input.size());
  if (owned == nullptr) {
    return make_error(ErrorKind::kIo, "out of memory while writing the annotated copy");
  }
  // A byte buffer, not a string: no terminator. On success the source owns
  // `owned` (freep = 1) and frees it; the analyser cannot see that.
  // NOLINTBEGIN(bugprone-not-null-terminated-result,clang-analyzer-unix.Malloc)
  std::memcpy(owned, input.data(), input.size());
  zip_source_t* source = zip_source_buffer_create(owned, input.size(), 1, &error);
  if (source == nullptr) {
    std::free(owned);
    zip_error_fini(&error);
    return make_error(ErrorKind::kIo, "out of memory while writing the annotated copy");
  }
  zip_source_keep(source);
  // NOLINTEND(bugprone-not-null-terminated-result,clang-analyzer-unix.Malloc)
  zip_t* zip = zip_open_from_source(source, 0, &error);
  if (zip == nullptr) {
    zip_error_fini(&error);
    zip_source_free(source);
    return make_error(ErrorKind::kNotZip, "the input cannot be opened again as a zip archive");
  }
  zip_error_fini(&error);
  auto fail = [&](const std::string& what) -> Result<std::string> {
    std::string reason = zip_strerror(zip);
    zip_discard(zip);
    zip_source_free(source);
    return make_error(ErrorKind::kIo, what + ": " + reason);
  };
  // New and rewritten parts take the main part's timestamp: the same input
  // and findings give the same bytes.
  std::time_t mtime = 0;
  for (const auto& [name, bytes] : parts) {
    zip_stat_t st;
    zip_int64_t idx = zip_name_locate(zip, name.c_str(), ZIP_FL_NOCASE);
    if (idx >= 0 && zip_stat_index(zip, static_cast<zip_uint64_t>(idx), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_MTIME) != 0) {
      mtime = std::max(mtime, st.mtime);
    }
  }
  for (const auto& [name, bytes] : parts) {
    zip_source_t* data = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    if (data == nullptr) {
      return fail("cannot write " + name);
    }
    zip_int64_t idx = zip_name_locate(zip, name.c_str(), ZIP_FL_NOCASE);
    if (idx >= 0) {
      if (zip_file_replace(zip, static_cast<zip_uint64_t>(idx), data, 0) != 0) {
        zip_source_free(data);
        return fail("cannot write " + name);
      }
    } else {
      idx = zip_file_add(zip, name.c_str(), data, ZIP_FL_ENC_UTF_8);
      if (idx < 0) {
        zip_source_free(data);
        return fail("cannot write " + name);
      }
    }
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 0);
    if (mtime != 0) {
      zip_file_set_mtime(zip, static_cast<zip_uint64_t>(idx), mtime, 0);
    }
  }
  if (zip_close(zip) != 0) {
    return fail("cannot write the annotated copy");
  }
  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(source, &st) != 0 || zip_source_open(source) != 0) {
    zip_source_free(source);
    return make_error(ErrorKind::kIo, "cannot read back the annotated copy");
  }
  out.resize(static_cast<std::size_t>(st.size));
  zip_int64_t got = zip_source_read(source, out.data(), out.size());
  zip_source_close(source);
  zip_source_free(source);
  if (got < 0 || static_cast<std::size_t>(got) != out.size()) {
    return make_error(ErrorKind::kIo, "cannot read back the annotated copy");
  }
  return out;
}

std::string folder_of(const std::string& part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

Result<AnnotatedDocx> annotate_docx(const std::string& input, const Document& doc,
                                    const std::vector<Finding>& findings,
                                    const std::vector<RuleInfo>& rules) {
  auto opened = package::Package::open_bytes(input);
  if (!opened.ok()) {
    return opened.error();
  }
  package::Package& pkg = opened.value();
  auto main_part = pkg.main_part();
  if (!main_part.ok()) {
    return main_part.error();
  }
  const std::string main = main_part.value();
  const std::string uri = comments_uri(doc.strict);

  // The parts reached from the main part that matter here.
  std::string styles_part, comments_part;
  for (const auto& rel : pkg.relationships(main)) {
    if (rel.external || rel.target.empty()) {
      continue;
    }
    auto take = [&](const char* kind, std::string& slot) {
      if (slot.empty() && package::rel_is(rel, kind)) {
        slot = rel.target;
      }
    };
    take("styles", styles_part);
    take("comments", comments_part);
  }
  ooxml::StyleSheet styles;
  if (!styles_part.empty() && pkg.has_part(styles_part)) {
    auto bytes = pkg.read_part(styles_part);
    if (!bytes.ok()) {
      return bytes.error();
    }
    auto xml = ooxml::load_part_xml(bytes.value(), styles_part);
    if (!xml.ok()) {
      return xml.error();
    }
    styles = ooxml::StyleSheet(xml.value().get());
  }

  // Story parts are loaded when a comment goes into them.
  std::map<std::string, std::unique_ptr<StoryPart>> stories;
  auto story_part = [&](const std::string& name, Story story) -> Result<StoryPart*> {
    auto& slot = stories[name];
    if (!slot) {
      auto bytes = pkg.read_part(name);
      if (!bytes.ok()) {
        return bytes.error();
      }
      auto part = std::make_unique<StoryPart>();
      part->name = name;
      part->story = story;
      part->original = std::move(bytes.value());
      if (auto loaded = part->load(styles); !loaded.ok()) {
        return loaded.error();
      }
      slot = std::move(part);
    }
    return slot.get();
  };

  // The first body paragraph holds what has no paragraph of its own.
  const Paragraph* first_body = nullptr;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.story == Story::kBody && p.part == doc.main_part && !p.in_text_box) {
      first_body = &p;
      break;
    }
  }

  std::map<std::string, std::string> fixes;
  for (const RuleInfo& info : rules) {
    fixes[info.id] = info.fix;
  }

  // New comment ids: above every comment id the document already uses
  // (comments, and ranges or references whose comment is missing).
  std::uint64_t next_id = 0;
  auto seen_id = [&](const std::string& id) {
    char* end = nullptr;
    unsigned long long v = std::strtoull(id.c_str(), &end, 10);
    if (!id.empty() && end != nullptr && *end == '\0' && v < (1ull << 62)) {
      next_id = std::max<std::uint64_t>(next_id, v + 1);
    }
  };
  for (const Comment& c : doc.comments) {
    seen_id(c.id);
  }
  for (const Paragraph& p : doc.paragraphs) {
    for (const CommentRange& r : p.comment_ranges) {
      seen_id(r.id);
    }
  }
  std::string comments_bytes;
  ooxml::XmlDoc comments_xml;
  const bool comments_exist = !comments_part.empty() && pkg.has_part(comments_part);
  if (comments_exist) {
    auto bytes = pkg.read_part(comments_part);
    if (!bytes.ok()) {
      return bytes.error();
    }
    comments_bytes = std::move(bytes.value());
    auto xml = ooxml::load_part_xml_as_written(comments_bytes, comments_part);
    if (!xml.ok()) {
      return xml.error();
    }
    comments_xml = std::move(xml.value());
    for_each_element(*comments_xml, [&](xml_node n) {
      if (local_name(n) == "comment") {
        for (pugi::xml_attribute a : n.attributes()) {
          if (local_name_of_attr(a) == "id") {
            seen_id(a.value());
          }
        }
      }
    });
  }

  // Plan every comment before changing anything.
  std::vector<Plan> plans;
  plans.reserve(findings.size());
  for (const Finding& f : findings) {
    Plan plan;
    plan.finding = &f;
    plan.id = std::to_string(next_id++);
    const Location& loc = f.location;
    const Paragraph* para = nullptr;
    if (loc.paragraph) {
      para = doc.find(loc.part, *loc.paragraph);
    }
    Story story = para != nullptr ? para->story : Story::kBody;
    if (para != nullptr && story == Story::kComment) {
      // Comments cannot hold comments: the comment's anchoring paragraph.
      const Paragraph* anchor = nullptr;
      for (const Comment& c : doc.comments) {
        if (c.id == para->owner_id && c.anchor < doc.paragraphs.size()) {
          anchor = &doc.paragraphs[c.anchor];
        }
      }
      plan.where = "Where: in the Word comment " + para->owner_id + " on this text.";
      para = anchor;
      plan.placement = CommentPlacement::kElsewhere;
    } else if (para != nullptr && (story == Story::kFootnote || story == Story::kEndnote)) {
      // Word accepts comments inside notes, but LibreOffice 7.4 refuses to
      // open a file with a comment reference in a footnote: the comment goes
      // on the paragraph that references the note, and says so.
      const bool foot = story == Story::kFootnote;
      const Paragraph* anchor = nullptr;
      std::string number = para->owner_id;
      for (const Note& n : doc.notes) {
        if (n.id == para->owner_id && n.part == para->part) {
          if (n.anchor < doc.paragraphs.size()) {
            anchor = &doc.paragraphs[n.anchor];
          }
          if (!n.number.empty()) {
            number = n.number;
          }
        }
      }
      plan.where = std::string("Where: in ") + (foot ? "footnote " : "endnote ") + number;
      if (loc.start && loc.end && *loc.start < *loc.end) {
        plan.where += ", characters " + std::to_string(*loc.start + 1) + "-" +
                      std::to_string(*loc.end) + " of its text";
      }
      plan.where += anchor != nullptr ? ", referenced in this paragraph." : ".";
      para = anchor;
      plan.placement = CommentPlacement::kElsewhere;
    } else if (para != nullptr && story != Story::kBody) {
      plan.where = std::string("Where: in the ") + (story == Story::kHeader ? "header" : "footer") +
                   " (" + para->part + "), paragraph " + std::to_string(para->index) + ".";
      para = nullptr;
      plan.placement = CommentPlacement::kElsewhere;
    } else if (para == nullptr) {
      plan.placement = CommentPlacement::kElsewhere;
      if (loc.property) {
        plan.where = "Where: the document property \"" + *loc.property + "\".";
      } else if (loc.paragraph) {
        plan.where = "Where: " + loc.part + ", paragraph " + std::to_string(*loc.paragraph) + ".";
      } else {
        plan.where = "Where: the whole document.";
      }
    }
    if (para != nullptr && para->story != Story::kBody) {
      para = nullptr;  // an anchor in a story that does not take comments here
    }
    if (para == nullptr) {
      para = first_body;
      plan.placement = CommentPlacement::kElsewhere;
    }
    if (para == nullptr) {
      return make_error(ErrorKind::kXml,
                        "the document body has no paragraph to hold the comments on findings "
                        "that have no paragraph of their own");
    }
    auto part = story_part(para->part, para->story);
    if (!part.ok()) {
      return part.error();
    }
    plan.part = part.value();
    plan.paragraph = para->index;
    if (plan.part->paragraphs.count(para->index) == 0 || !plan.part->paragraphs[para->index]) {
      return make_error(ErrorKind::kXml, "paragraph " + std::to_string(para->index) + " of " +
                                             para->part +
                                             " is not in the package the model was read from");
    }
    const std::size_t length = cp_count(para->text);
    plan.start = 0;
    plan.end = length;
    if (plan.placement == CommentPlacement::kElsewhere) {
      plans.push_back(std::move(plan));
      continue;
    }
    if (loc.visibility && *loc.visibility == "deleted") {
      plan.where = "Where: in tracked-deleted text of this paragraph.";
    }
    const bool has_span = loc.start && loc.end && *loc.start < *loc.end && *loc.end <= length;
    plan.placement = CommentPlacement::kParagraph;
    if (has_span) {
      const std::size_t s = *loc.start;
      const std::size_t e = *loc.end;
      const RunSpan* first = nullptr;
      const RunSpan* last = nullptr;
      for (const RunSpan& rs : para->runs) {
        if (first == nullptr && rs.text_begin <= s && s < rs.text_end) {
          first = &rs;
        }
        if (rs.text_begin < e && e <= rs.text_end) {
          last = &rs;
        }
      }
      if (first != nullptr && last != nullptr) {
        auto a = plan.part->runs.find({para->index, first->run});
        auto b = plan.part->runs.find({para->index, last->run});
        if (a != plan.part->runs.end() && b != plan.part->runs.end() && a->second.run &&
            b->second.run) {
          plan.from = {a->second.run, first->run_offset + (s - first->text_begin)};
          plan.to = {b->second.run, last->run_offset + (e - last->text_begin)};
          plan.from_nodes = &a->second;
          plan.to_nodes = &b->second;
          if (can_cut(a->second, plan.from.offset) && can_cut(b->second, plan.to.offset)) {
            plan.placement = CommentPlacement::kSpan;
            plan.start = s;
            plan.end = e;
          }
        }
      }
    }
    plans.push_back(std::move(plan));
  }

  // Cut the runs, then place the marks.
  std::map<StoryPart*, std::unique_ptr<RunCutter>> cutters;
  for (const Plan& plan : plans) {
    if (plan.placement != CommentPlacement::kSpan) {
      continue;
    }
    auto& cutter = cutters[plan.part];
    if (!cutter) {
      cutter = std::make_unique<RunCutter>(*plan.part);
    }
    cutter->want(*plan.from_nodes, plan.from.offset);
    cutter->want(*plan.to_nodes, plan.to.offset);
  }
  for (auto& [part, cutter] : cutters) {
    cutter->cut();
  }
  for (const Plan& plan : plans) {
    xml_node p = plan.part->paragraphs[plan.paragraph];
    plan.part->changed = true;
    if (plan.placement == CommentPlacement::kSpan) {
      const RunCutter& cutter = *cutters.at(plan.part);
      place_on_span(p, cutter.piece_starting_at(plan.from), cutter.piece_ending_at(plan.to),
                    plan.id, uri);
    } else {
      place_on_paragraph(p, plan.id, uri);
    }
  }

  // The comments part: as written plus the new comments, or a new one.
  std::string comments_name = comments_part;
  bool new_part = !comments_exist;
  if (!comments_exist && comments_name.empty()) {
    const std::string folder = folder_of(main);
    comments_name = folder + "comments.xml";
    for (int n = 1; pkg.has_part(comments_name); ++n) {
      comments_name = folder + "comments" + std::to_string(n) + ".xml";
    }
  }
  if (!comments_xml) {
    comments_bytes = new_comments_part(doc.strict);
    auto xml = ooxml::load_part_xml_as_written(comments_bytes, comments_name);
    if (!xml.ok()) {
      return xml.error();
    }
    comments_xml = std::move(xml.value());
  }
  for (const Plan& plan : plans) {
    auto fix = fixes.find(plan.finding->rule);
    append_comment(comments_xml->document_element(), plan.id,
                   comment_paragraphs(plan, fix == fixes.end() ? nullptr : &fix->second), uri);
  }

  std::vector<std::pair<std::string, std::string>> changed;
  for (auto& [name, part] : stories) {
    if (part->changed) {
      changed.emplace_back(name, part->save());
    }
  }
  if (!plans.empty()) {
    changed.emplace_back(comments_name, save_part(*comments_xml, encoding_of(comments_bytes)));
    if (new_part && comments_part.empty()) {
      const std::string rels_part = package::rels_part_for(main);
      std::string rels_bytes;
      bool rels_exist = pkg.has_part(rels_part);
      if (rels_exist) {
        auto bytes = pkg.read_part(rels_part);
        if (!bytes.ok()) {
          return bytes.error();
        }
        rels_bytes = std::move(bytes.value());
      }
      auto rels =
          add_comments_relationship(rels_exist ? &rels_bytes : nullptr, rels_part,
                                    comments_name.substr(folder_of(main).size()), doc.strict);
      if (!rels.ok()) {
        return rels.error();
      }
      changed.emplace_back(rels_part, std::move(rels.value()));
    }
    if (lower(pkg.content_type(comments_name)) != kCommentsContentType) {
      auto types = pkg.read_part("[Content_Types].xml");
      if (!types.ok()) {
        return types.error();
      }
      auto updated = add_content_type(types.value(), comments_name);
      if (!updated.ok()) {
        return updated.error();
      }
      changed.emplace_back("[Content_Types].xml", std::move(updated.value()));
    }
  }

  AnnotatedDocx out;
  if (changed.empty()) {
    out.bytes = input;
  } else {
    auto zipped = rewrite_zip(input, changed);
    if (!zipped.ok()) {
      return zipped.error();
    }
    out.bytes = std::move(zipped.value());
  }
  for (const Plan& plan : plans) {
    out.comments.push_back(AnnotatedComment{plan.id, plan.placement, plan.part->name,
                                            plan.paragraph, plan.start, plan.end});
  }
  return out;
}

std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                           std::string_view bytes,
                                           std::optional<std::filesystem::perms> permissions) {
  namespace fs = std::filesystem;
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + path.filename().string() + ".dhrlint-XXXXXX")).string();
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    return make_error(ErrorKind::kIo,
                      "cannot create a file in " + folder.string() + ": " + std::strerror(errno));
  }
  auto fail = [&](const std::string& what) {
    std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(temp.c_str());
    return make_error(ErrorKind::kIo, what + ": " + reason);
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return fail("cannot write " + path.string());
    }
    written += static_cast<std::size_t>(n);
  }
  if (permissions && ::fchmod(fd, static_cast<mode_t>(*permissions) & 07777) != 0) {
    return fail("cannot set the permissions of " + path.string());
  }
  if (::fsync(fd) != 0) {
    return fail("cannot write " + path.string());
  }
  if (::close(fd) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    return make_error(ErrorKind::kIo, "cannot write " + path.string() + ": " + reason);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    return make_error(ErrorKind::kIo, "cannot write " + path.string() + ": " + reason);
  }
  return std::nullopt;
}

}  // namespace dhrlint
