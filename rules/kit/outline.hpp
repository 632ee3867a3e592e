// The report's outline: its sections recognised from their headings and
// named by canonical keys ("terms-of-reference", "equality", "action-plan"),
// whatever the numbering, case or synonym the author used. Read once per
// document on first use and shared by every rule that asks:
//
//   const kit::Outline& o = kit::outline(ctx.analysis());
//   if (const kit::OutlineHeading* h = o.find("equality")) { ... h->paragraph ... }
//   if (o.in_section(p, "recommendations")) { ... }
//
// Headings are the body's heading paragraphs (a heading style or an outline
// level) and, for drafts that type them, short lines that name a section on
// their own: "3. TERMS OF REFERENCE", "Equality and Diversity", "Appendix A:
// Action plan" (no full stop, at most ten words, one of the section words).
// A sentence that only mentions the terms of reference is not a heading.
// The keys and their heading words are data (data/structure/sections.txt);
// the sections each guidance edition requires, in order, are data too
// (data/structure/editions.txt).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"

namespace dhrlint {
class DocumentAnalysis;
}

namespace dhrlint::kit {

enum class DocumentKind { kOverview, kExecutiveSummary };

struct OutlineHeading {
  std::size_t paragraph = 0;      // index into Document::paragraphs
  std::size_t end = 0;            // one past the last body paragraph of its section
  int level = 1;                  // 1 = top level
  std::size_t parent = kNoIndex;  // index into Outline::headings() of the enclosing heading
  bool appendix = false;          // an appendix, or inside one
  bool typed = false;             // a typed line, not a heading style or outline level
  std::vector<std::string> keys;  // the sections it names, in data order
  bool has(std::string_view key) const;
};

class Outline {
 public:
  // Reads the document of `analysis` (use kit::outline() to share it).
  static Outline read(DocumentAnalysis& analysis);

  // Every recognised heading, in body order. Headings that name no known
  // section are kept when they are heading paragraphs (they end sections).
  const std::vector<OutlineHeading>& headings() const { return headings_; }
  // The first heading in body order naming `key`; null when none does.
  const OutlineHeading* find(std::string_view key) const;
  // Every heading naming `key`, in body order.
  std::vector<const OutlineHeading*> find_all(std::string_view key) const;
  // A heading names `key`, or (for keys with a [key/statement] group, such
  // as an action plan published as a separate document) the text says so.
  bool present(std::string_view key) const;
  // The innermost heading whose section holds paragraph `p` (a note or
  // comment counts where it is anchored; a heading is in its own section);
  // null before the first heading and outside the body.
  const OutlineHeading* heading_of(std::size_t p) const;
  // True when `p` lies in a section naming `key`, at any depth.
  bool in_section(std::size_t p, std::string_view key) const;

  // The edition profile in force ("2016") and the document's kind: the
  // configuration's document_kind, or read from the title lines ("Executive
  // Summary") and the opening text ("This executive summary ...").
  const std::string& edition() const { return edition_; }
  DocumentKind kind() const { return kind_; }
  // The sections the edition requires of this kind of document, in order.
  std::vector<std::string> required() const;

 private:
  const Document* doc_ = nullptr;
  std::vector<OutlineHeading> headings_;
  std::vector<std::size_t> innermost_;   // per body paragraph: index into headings_, or kNoIndex
  std::vector<std::string> statements_;  // keys stood for by a sentence
  std::string edition_;
  DocumentKind kind_ = DocumentKind::kOverview;
};

// The document's outline, read once per document and shared by all rules.
const Outline& outline(DocumentAnalysis& analysis);

// The name dhrlint prints for a section key ("Terms of reference"); the key
// itself when the data has no such key.
std::string section_name(std::string_view key);
// The editions data/structure/editions.txt defines ("2016", "2024"), for the
// configuration's `edition` setting.
std::vector<std::string> outline_editions();
// The required section keys of an edition and kind, in layout order (empty
// for an unknown edition).
std::vector<std::string> required_sections(std::string_view edition, DocumentKind kind);
// The section keys that hold the facts of the case and their analysis (the
// [facts] group of the editions data).
std::vector<std::string> fact_sections();

}  // namespace dhrlint::kit
