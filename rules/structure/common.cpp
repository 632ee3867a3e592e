#include "rules/structure/common.hpp"

#include <algorithm>

namespace dhrlint::structure {

const kit::TermList& context_terms() {
  static const kit::TermList kTerms("structure/context.txt");
  return kTerms;
}

namespace {

const kit::TermList& table_terms() {
  // The glossary and panel table headers the advocacy rules know.
  static const kit::TermList kTerms("advocacy/sections.txt");
  return kTerms;
}

}  // namespace

bool reference_part(const Document& doc, const kit::Outline& outline, std::size_t p) {
  if (outline.in_section(p, "glossary") || outline.in_section(p, "terms-of-reference")) {
    return true;
  }
  return kit::in_reference_table(doc, p, table_terms());
}

bool in_glossary(const Document& doc, const kit::Outline& outline, std::size_t p) {
  if (outline.in_section(p, "glossary")) {
    return true;
  }
  const std::size_t at = kit::body_anchor(doc, p);
  if (at >= doc.paragraphs.size() || !doc.paragraphs[at].table) {
    return false;
  }
  return table_terms().contains(text::fold(kit::header_row_text_of(doc, at)), "glossary-table");
}

bool readable(const Paragraph& p) {
  return (kit::is_report_text(p) && !kit::is_heading(p)) || kit::is_note(p);
}

std::vector<std::size_t> section_paragraphs(const Document& doc, const kit::Outline& outline,
                                            std::string_view key) {
  std::vector<std::size_t> out;
  std::size_t covered = 0;  // sections nest: read each paragraph once
  for (const kit::OutlineHeading* h : outline.find_all(key)) {
    for (std::size_t p = std::max(h->paragraph, covered); p < h->end; ++p) {
      out.push_back(p);
    }
    covered = std::max(covered, h->end);
  }
  if (out.empty()) {
    return out;
  }
  for (const Note& n : doc.notes) {
    if (n.anchor != kNoIndex && outline.in_section(n.anchor, key)) {
      out.insert(out.end(), n.paragraphs.begin(), n.paragraphs.end());
    }
  }
  return out;
}

const kit::OutlineHeading* tor_heading(const kit::Outline& outline) {
  const std::vector<const kit::OutlineHeading*> all = outline.find_all("terms-of-reference");
  for (const kit::OutlineHeading* h : all) {
    if (!h->appendix) {
      return h;
    }
  }
  return all.empty() ? nullptr : all.front();
}

text::Range heading_span(const Document& doc, const kit::OutlineHeading& h) {
  const std::string& t = doc.paragraphs[h.paragraph].text;
  return kit::trim(t, {kit::content_start(doc.paragraphs[h.paragraph]), text::length(t)});
}

bool definitional(const text::FoldedText& folded, std::size_t begin, std::size_t end) {
  return context_terms().contains_in(folded, begin, end, "definition");
}

}  // namespace dhrlint::structure
