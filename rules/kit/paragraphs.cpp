#include "rules/kit/paragraphs.hpp"

#include <re2/re2.h>

#include <unordered_map>

#include "rules/kit/codepoints.hpp"
#include "rules/kit/tables.hpp"
#include "rules/kit/terms.hpp"

namespace dhrlint::kit {

bool is_printed_body(const Paragraph& p) {
  return p.story == Story::kBody && !p.mark_deleted && !p.all_hidden;
}

bool is_report_text(const Paragraph& p) { return is_printed_body(p) && !p.is_toc; }

bool is_running_text(const Paragraph& p) { return is_report_text(p) && !p.table && !p.in_text_box; }

bool is_heading(const Paragraph& p) { return is_running_text(p) && p.heading_level.has_value(); }

bool is_note(const Paragraph& p) {
  return p.story == Story::kFootnote || p.story == Story::kEndnote;
}

bool is_comment(const Paragraph& p) { return p.story == Story::kComment; }

bool is_carried_only(const Paragraph& p) { return p.mark_deleted || p.all_hidden; }

bool is_numbered_report_paragraph(const Paragraph& p) {
  return is_running_text(p) && p.is_report_number;
}

bool is_list_item(const Paragraph& p) {
  if (p.is_report_number) {
    return false;
  }
  if (p.label_is_bullet || !p.label.empty()) {
    return true;
  }
  const std::string style = text::fold_string(p.style_name);
  if (style.find("list") != std::string::npos || style.find("bullet") != std::string::npos) {
    return true;
  }
  static const RE2 kTypedItem(
      R"(^\s*(?:\(?[a-z]{1,3}\)|\(?[ivx]{1,5}[.)]|[a-z][.]\s|[-*\x{2022}\x{2013}\x{25AA}\x{25CF}\x{00B7}]\s))");
  return RE2::PartialMatch(p.text, kTypedItem);
}

bool is_contents_line(const Document& doc, std::size_t p) {
  if (p >= doc.paragraphs.size()) {
    return false;
  }
  const Paragraph& para = doc.paragraphs[p];
  if (para.is_toc) {
    return true;
  }
  if (para.table) {
    static const RE2 kPageColumn(
        R"((?i)(?:^|\|)\s*(?:page|pages|page no\.?|page number)\s*(?:\||$))");
    return RE2::PartialMatch(header_row_text_of(doc, p), kPageColumn);
  }
  return false;
}

bool is_quote_style(const Paragraph& p) {
  const std::string style = text::fold_string(p.style_name + " " + p.style_id);
  return style.find("quot") != std::string::npos;
}

std::size_t content_start(const Paragraph& p) {
  return p.typed_number.empty() ? 0 : p.typed_number_end;
}

std::string own_report_number(const Paragraph& p) {
  if (!p.is_report_number) {
    return {};
  }
  if (!p.typed_number.empty()) {
    return p.typed_number;
  }
  std::string label = p.label;
  while (!label.empty() && (label.back() == '.' || label.back() == ')' || label.back() == ' ')) {
    label.pop_back();
  }
  return label;
}

std::size_t body_anchor(const Document& doc, std::size_t p) {
  std::size_t guard = 0;
  while (p < doc.paragraphs.size() && doc.paragraphs[p].story != Story::kBody &&
         doc.paragraphs[p].anchor != kNoIndex && guard++ < 4) {
    p = doc.paragraphs[p].anchor;
  }
  return p;
}

std::size_t next_content_paragraph(const Document& doc, std::size_t p) {
  for (std::size_t q = p + 1; q < doc.paragraphs.size(); ++q) {
    const Paragraph& para = doc.paragraphs[q];
    if (para.story != Story::kBody) {
      return kNoIndex;  // the body has ended
    }
    if (para.in_text_box || is_carried_only(para)) {
      continue;
    }
    const text::Range r = trim(para.text, {0, text::length(para.text)});
    if (r.start == r.end && para.label.empty()) {
      continue;
    }
    return q;
  }
  return kNoIndex;
}

std::vector<std::string_view> heading_texts(const Document& doc, std::size_t p) {
  std::vector<std::string_view> out;
  if (p >= doc.paragraphs.size()) {
    return out;
  }
  const Paragraph& para = doc.paragraphs[p];
  if (para.heading_level) {
    out.push_back(para.text);
  }
  for (auto it = para.headings.rbegin(); it != para.headings.rend(); ++it) {
    if (*it < doc.paragraphs.size() && *it != p) {
      out.push_back(doc.paragraphs[*it].text);
    }
  }
  return out;
}

bool under_heading(const Document& doc, std::size_t p, const TermList& headings,
                   std::string_view group) {
  const std::size_t at = body_anchor(doc, p);
  for (std::string_view h : heading_texts(doc, at)) {
    if (headings.contains(h, group)) {
      return true;
    }
  }
  return false;
}

bool in_reference_table(const Document& doc, std::size_t p, const TermList& sections) {
  const std::size_t at = body_anchor(doc, p);
  if (at >= doc.paragraphs.size() || !doc.paragraphs[at].table) {
    return false;
  }
  if (under_heading(doc, at, sections, "panel")) {
    return true;
  }
  const text::FoldedText header = text::fold(header_row_text_of(doc, at));
  return sections.find(header, "panel-table").size() >= 2 ||
         sections.contains(header, "glossary-table");
}

std::vector<std::size_t> reading_order_with_notes(const Document& doc,
                                                  bool (*reads)(const Paragraph&)) {
  std::unordered_map<std::string, const Note*> notes;
  for (const Note& n : doc.notes) {
    notes.emplace(std::string(n.kind == NoteKind::kFootnote ? "f" : "e") + n.id, &n);
  }
  std::vector<char> placed(doc.paragraphs.size(), 0);
  std::vector<std::size_t> order;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (para.story != Story::kBody) {
      continue;
    }
    if (reads(para)) {
      order.push_back(p);
    }
    for (const NoteRef& ref : para.note_refs) {
      const auto it = notes.find(std::string(ref.kind == NoteKind::kFootnote ? "f" : "e") + ref.id);
      if (it == notes.end()) {
        continue;
      }
      for (std::size_t q : it->second->paragraphs) {
        if (q < placed.size() && !placed[q]) {
          placed[q] = 1;
          order.push_back(q);
        }
      }
    }
  }
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    if (is_note(doc.paragraphs[p]) && !placed[p]) {
      order.push_back(p);
    }
  }
  return order;
}

}  // namespace dhrlint::kit
