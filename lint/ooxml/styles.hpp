// word/styles.xml: paragraph and character styles with their basedOn chains,
// resolved once. Everything the body walker and the numbering engine ask of a
// style goes through here. Style ids are arbitrary/localised ("berschrift1"):
// built-in headings are recognised by w:name ("heading 1"), case-insensitively.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace dhrlint::ooxml {

struct StyleInfo {
  std::string id;
  std::string name;         // w:name as written ("heading 1", "Body Numbered")
  std::string type;         // "paragraph", "character", "table", "numbering"
  std::string based_on;     // w:basedOn id, "" if none
  bool is_default = false;  // w:default="1"
  // Values set directly on this style (not inherited); see StyleSheet for the
  // resolved ones.
  std::optional<int> outline_level;  // w:pPr/w:outlineLvl
  std::optional<int> num_id;         // w:pPr/w:numPr/w:numId
  std::optional<int> ilvl;           // w:pPr/w:numPr/w:ilvl
  std::optional<bool> vanish;        // w:rPr/w:vanish
  std::optional<bool> spec_vanish;   // w:rPr/w:specVanish
  std::string highlight;             // w:rPr/w:highlight val, "" if none
};

class StyleSheet {
 public:
  StyleSheet() = default;
  // `styles` may be null (no styles part): an empty sheet.
  explicit StyleSheet(const pugi::xml_document* styles);

  const StyleInfo* find(std::string_view id) const;
  const StyleInfo* default_paragraph_style() const;
  const StyleInfo* default_character_style() const;
  // `id` and its basedOn ancestors, nearest first; stops on cycles and after
  // 64 hops (bad input, not a hang). Unknown id: empty.
  std::vector<const StyleInfo*> chain(std::string_view id) const;

  // Resolved through the chain (nearest setting wins).
  std::optional<int> outline_level(std::string_view paragraph_style_id) const;
  std::optional<int> num_id(std::string_view paragraph_style_id) const;
  std::optional<int> ilvl(std::string_view paragraph_style_id) const;
  bool vanish(std::string_view style_id) const;
  // The nearest explicit w:vanish up the chain, nullopt when no style in the
  // chain sets it (then the next layer, finally docDefaults, decides).
  std::optional<bool> vanish_setting(std::string_view style_id) const;
  // 1..9 when the style is a heading: a "heading N" name up the chain, or an
  // outline level 0..8 (9 = body text) resolved through the chain. "Title"
  // counts as level 1? No: Title is not a heading (Word's navigation pane
  // does not list it); returns nullopt for it.
  std::optional<int> heading_level(std::string_view paragraph_style_id) const;
  // 1..9 for Word's built-in names "heading 1".."heading 9" (any case).
  static std::optional<int> heading_level_from_name(std::string_view style_name);

  // Document defaults (w:docDefaults/w:rPrDefault) hide text?
  bool default_vanish() const { return default_vanish_; }

 private:
  std::map<std::string, StyleInfo, std::less<>> styles_;
  std::string default_paragraph_;
  std::string default_character_;
  bool default_vanish_ = false;
};

}  // namespace dhrlint::ooxml
