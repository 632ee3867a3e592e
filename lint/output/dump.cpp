#include "lint/output/dump.hpp"

#include <nlohmann/json.hpp>

namespace dhrlint {

namespace {

using Json = nlohmann::ordered_json;

std::string_view story_name(Story s) {
  switch (s) {
    case Story::kBody:
      return "body";
    case Story::kFootnote:
      return "footnote";
    case Story::kEndnote:
      return "endnote";
    case Story::kComment:
      return "comment";
    case Story::kHeader:
      return "header";
    case Story::kFooter:
      return "footer";
  }
  return "body";
}

// Where a paragraph index of the model points: {"part", "paragraph"} or nulls.
std::pair<Json, Json> anchor_of(const Document& doc, std::size_t index) {
  if (index >= doc.paragraphs.size()) {
    return {Json(nullptr), Json(nullptr)};
  }
  const Paragraph& p = doc.paragraphs[index];
  return {Json(p.part), Json(p.index)};
}

std::string joined_text(const Document& doc, const std::vector<std::size_t>& paragraphs) {
  std::string text;
  for (std::size_t i : paragraphs) {
    if (i >= doc.paragraphs.size()) {
      continue;
    }
    if (!text.empty()) {
      text += '\n';
    }
    text += doc.paragraphs[i].text;
  }
  return text;
}

Json paragraph_json(const Document& doc, const Paragraph& p) {
  Json j;
  j["part"] = p.part;
  j["paragraph"] = p.index;
  j["label"] = p.label;
  j["section"] = p.section.empty() ? Json(nullptr) : Json(p.section);
  j["style"] = p.style_name;
  j["style_id"] = p.style_id;
  j["heading_level"] = p.heading_level ? Json(*p.heading_level) : Json(nullptr);
  if (p.table) {
    j["table"] = Json{{"table", p.table->table}, {"row", p.table->row}, {"col", p.table->col}};
    if (p.table->depth > 1) {
      j["table"]["depth"] = p.table->depth;
    }
  } else {
    j["table"] = nullptr;
  }
  j["text"] = p.text;
  // Extras (allowed by the contract) that help an author see why a rule fired.
  j["story"] = std::string(story_name(p.story));
  if (!p.typed_number.empty()) {
    j["typed_number"] = p.typed_number;
  }
  if (p.is_report_number) {
    j["is_report_number"] = true;
  }
  if (p.label_is_bullet) {
    j["bullet"] = true;
  }
  if (p.list_level) {
    j["list_level"] = *p.list_level;
  }
  if (p.in_text_box) {
    j["in_text_box"] = true;
  }
  if (p.is_toc) {
    j["toc"] = true;
  }
  if (p.mark_deleted) {
    j["mark_deleted"] = true;
  }
  if (p.all_hidden) {
    j["all_hidden"] = true;
  }
  if (p.anchor != kNoIndex) {
    auto [part, paragraph] = anchor_of(doc, p.anchor);
    j["anchor_part"] = part;
    j["anchor_paragraph"] = paragraph;
  }
  if (!p.owner_id.empty()) {
    j["owner_id"] = p.owner_id;
  }
  if (!p.revisions.empty()) {
    Json revs = Json::array();
    for (const Revision& r : p.revisions) {
      Json rj{
          {"kind", std::string(revision_kind_name(r.kind))}, {"start", r.start}, {"end", r.end}};
      if (!r.text.empty()) {
        rj["text"] = r.text;
      }
      rj["author"] = r.author;
      if (!r.date.empty()) {
        rj["date"] = r.date;
      }
      revs.push_back(std::move(rj));
    }
    j["revisions"] = std::move(revs);
  }
  if (!p.invisible.empty()) {
    Json inv = Json::array();
    for (const InvisibleText& t : p.invisible) {
      inv.push_back(
          Json{{"kind", std::string(invisible_kind_name(t.kind))}, {"at", t.at}, {"text", t.text}});
    }
    j["invisible"] = std::move(inv);
  }
  if (!p.note_refs.empty()) {
    Json refs = Json::array();
    for (const NoteRef& r : p.note_refs) {
      refs.push_back(Json{{"kind", r.kind == NoteKind::kFootnote ? "footnote" : "endnote"},
                          {"id", r.id},
                          {"at", r.at}});
    }
    j["note_refs"] = std::move(refs);
  }
  if (!p.comment_ranges.empty()) {
    Json ranges = Json::array();
    for (const CommentRange& r : p.comment_ranges) {
      ranges.push_back(Json{{"id", r.id}, {"start", r.start}, {"end", r.end}});
    }
    j["comment_ranges"] = std::move(ranges);
  }
  if (!p.highlights.empty()) {
    Json spans = Json::array();
    for (const Span& s : p.highlights) {
      spans.push_back(Json{{"start", s.start}, {"end", s.end}, {"value", s.value}});
    }
    j["highlights"] = std::move(spans);
  }
  return j;
}

// Note and comment ids are decimal in Word; print them as numbers then, as the
// contract's example does, and as strings otherwise.
Json id_json(const std::string& id) {
  if (!id.empty() && id.size() < 10 && id.find_first_not_of("0123456789") == std::string::npos) {
    return Json(std::stoll(id));
  }
  return Json(id);
}

Json string_map(const std::map<std::string, std::string>& m) {
  Json j = Json::object();
  for (const auto& [k, v] : m) {
    j[k] = v;
  }
  return j;
}

}  // namespace

std::string dump_document(const Document& doc) {
  Json root;
  root["path"] = doc.path;
  root["main_part"] = doc.main_part;
  if (doc.strict) {
    root["strict"] = true;
  }
  Json paragraphs = Json::array();
  for (const Paragraph& p : doc.paragraphs) {
    paragraphs.push_back(paragraph_json(doc, p));
  }
  root["paragraphs"] = std::move(paragraphs);

  Json notes = Json::array();
  for (const Note& n : doc.notes) {
    auto [part, paragraph] = anchor_of(doc, n.anchor);
    Json j;
    j["part"] = n.part;
    j["kind"] = n.kind == NoteKind::kFootnote ? "footnote" : "endnote";
    j["id"] = id_json(n.id);
    j["number"] = n.number;
    j["anchor_part"] = part;
    j["anchor_paragraph"] = paragraph;
    j["text"] = joined_text(doc, n.paragraphs);
    notes.push_back(std::move(j));
  }
  root["notes"] = std::move(notes);

  Json comments = Json::array();
  for (const Comment& c : doc.comments) {
    auto [part, paragraph] = anchor_of(doc, c.anchor);
    Json j;
    j["id"] = id_json(c.id);
    j["author"] = c.author;
    if (!c.initials.empty()) {
      j["initials"] = c.initials;
    }
    if (!c.date.empty()) {
      j["date"] = c.date;
    }
    j["anchor_part"] = part;
    j["anchor_paragraph"] = paragraph;
    if (!c.parent_id.empty()) {
      j["parent_id"] = id_json(c.parent_id);
    }
    if (c.done) {
      j["done"] = true;
    }
    j["text"] = joined_text(doc, c.paragraphs);
    comments.push_back(std::move(j));
  }
  root["comments"] = std::move(comments);

  Json hf = Json::array();
  for (const HeaderFooter& h : doc.headers_footers) {
    hf.push_back(Json{{"part", h.part},
                      {"kind", h.story == Story::kHeader ? "header" : "footer"},
                      {"type", h.type},
                      {"text", joined_text(doc, h.paragraphs)}});
  }
  root["headers_footers"] = std::move(hf);

  root["properties"] = Json{{"core", string_map(doc.properties.core)},
                            {"app", string_map(doc.properties.app)},
                            {"custom", string_map(doc.properties.custom)}};
  root["settings"] = Json{{"track_revisions", doc.settings.track_revisions}};
  if (!doc.reader_notes.empty()) {
    root["reader_notes"] = doc.reader_notes;
  }
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string dump_error(const std::string& path, const Error& error) {
  Json j;
  j["path"] = path;
  j["status"] = "error";
  j["error_kind"] = std::string(error_kind_name(error.kind));
  j["error"] = error.message;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace dhrlint
