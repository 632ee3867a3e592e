// StyleSheet: word/styles.xml read once into StyleInfo records; every
// resolved property walks the basedOn chain (nearest setting wins), bounded
// so that a cyclic or absurdly deep chain is bad input, not a hang.
#include "lint/ooxml/styles.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "lint/ooxml/xml.hpp"

namespace dhrlint::ooxml {
namespace {

constexpr int kMaxChainHops = 64;

// ST_DecimalNumber: optional sign and digits; anything else (or overflow) is
// "not set" rather than a guess.
std::optional<int> parse_int(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return std::nullopt;
  }
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<int> int_val(pugi::xml_node el) {
  if (!el) {
    return std::nullopt;
  }
  return parse_int(val(el));
}

bool on_off_value(std::string_view v) { return !(v == "0" || v == "false" || v == "off"); }

std::optional<bool> on_off_opt(pugi::xml_node el) {
  if (!el) {
    return std::nullopt;
  }
  return on_off(el);
}

// "heading 1" .. "heading 9" (Word's built-in names, any case) -> 1..9.
std::optional<int> heading_from_name(std::string_view name) {
  constexpr std::string_view kPrefix = "heading ";
  if (name.size() != kPrefix.size() + 1) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != kPrefix[i]) {
      return std::nullopt;
    }
  }
  char digit = name.back();
  if (digit < '1' || digit > '9') {
    return std::nullopt;
  }
  return digit - '0';
}

}  // namespace

StyleSheet::StyleSheet(const pugi::xml_document* styles) {
  if (styles == nullptr) {
    return;
  }
  pugi::xml_node root = styles->child("w:styles");
  if (!root) {
    return;
  }

  pugi::xml_node rpr_default = root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr");
  default_vanish_ = on_off(rpr_default.child("w:vanish"));

  for (pugi::xml_node el : root.children("w:style")) {
    StyleInfo info;
    info.id = el.attribute("w:styleId").value();
    if (info.id.empty()) {
      continue;
    }
    info.type = el.attribute("w:type").value();
    if (info.type.empty()) {
      info.type = "paragraph";  // ST_StyleType default
    }
    info.name = val(el.child("w:name"));
    info.based_on = val(el.child("w:basedOn"));
    pugi::xml_attribute def = el.attribute("w:default");
    info.is_default = def && on_off_value(def.value());

    pugi::xml_node ppr = el.child("w:pPr");
    if (std::optional<int> lvl = int_val(ppr.child("w:outlineLvl"))) {
      info.outline_level = std::clamp(*lvl, 0, 9);
    }
    pugi::xml_node num_pr = ppr.child("w:numPr");
    info.num_id = int_val(num_pr.child("w:numId"));
    info.ilvl = int_val(num_pr.child("w:ilvl"));

    pugi::xml_node rpr = el.child("w:rPr");
    info.vanish = on_off_opt(rpr.child("w:vanish"));
    info.spec_vanish = on_off_opt(rpr.child("w:specVanish"));
    info.highlight = val(rpr.child("w:highlight"));

    // The first definition of an id wins (Word ignores later duplicates).
    if (styles_.count(info.id) != 0) {
      continue;
    }
    if (info.is_default) {
      if (info.type == "paragraph" && default_paragraph_.empty()) {
        default_paragraph_ = info.id;
      }
      if (info.type == "character" && default_character_.empty()) {
        default_character_ = info.id;
      }
    }
    std::string key = info.id;
    styles_.emplace(std::move(key), std::move(info));
  }
}

const StyleInfo* StyleSheet::find(std::string_view id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

const StyleInfo* StyleSheet::default_paragraph_style() const { return find(default_paragraph_); }

const StyleInfo* StyleSheet::default_character_style() const { return find(default_character_); }

std::vector<const StyleInfo*> StyleSheet::chain(std::string_view id) const {
  std::vector<const StyleInfo*> out;
  std::set<std::string_view> seen;
  const StyleInfo* cur = find(id);
  while (cur != nullptr && static_cast<int>(out.size()) < kMaxChainHops) {
    if (!seen.insert(cur->id).second) {
      break;  // basedOn cycle
    }
    out.push_back(cur);
    if (cur->based_on.empty()) {
      break;
    }
    cur = find(cur->based_on);
  }
  return out;
}

std::optional<int> StyleSheet::outline_level(std::string_view paragraph_style_id) const {
  for (const StyleInfo* s : chain(paragraph_style_id)) {
    if (s->outline_level) {
      return s->outline_level;
    }
  }
  return std::nullopt;
}

std::optional<int> StyleSheet::num_id(std::string_view paragraph_style_id) const {
  for (const StyleInfo* s : chain(paragraph_style_id)) {
    if (s->num_id) {
      return s->num_id;
    }
  }
  return std::nullopt;
}

std::optional<int> StyleSheet::ilvl(std::string_view paragraph_style_id) const {
  for (const StyleInfo* s : chain(paragraph_style_id)) {
    if (s->ilvl) {
      return s->ilvl;
    }
  }
  return std::nullopt;
}

std::optional<bool> StyleSheet::vanish_setting(std::string_view style_id) const {
  for (const StyleInfo* s : chain(style_id)) {
    if (s->vanish) {
      return s->vanish;
    }
  }
  return std::nullopt;
}

bool StyleSheet::vanish(std::string_view style_id) const {
  return vanish_setting(style_id).value_or(default_vanish_);
}

std::optional<int> StyleSheet::heading_level(std::string_view paragraph_style_id) const {
  // Nearest decisive style wins: an explicit outline level (0..8 heading,
  // 9 body text, even on a style named "heading N"), else a built-in
  // "heading N" name.
  for (const StyleInfo* s : chain(paragraph_style_id)) {
    if (s->outline_level) {
      if (*s->outline_level >= 0 && *s->outline_level <= 8) {
        return *s->outline_level + 1;
      }
      return std::nullopt;
    }
    if (std::optional<int> level = heading_from_name(s->name)) {
      return level;
    }
  }
  return std::nullopt;
}

std::optional<int> StyleSheet::heading_level_from_name(std::string_view style_name) {
  return heading_from_name(style_name);
}

}  // namespace dhrlint::ooxml
