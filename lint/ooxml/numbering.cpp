// The numbering engine (ECMA-376 §17.9 with Word's departures from
// [MS-OI29500]); see numbering.hpp and ooxml-notes.md §1 for the rules.
#include "lint/ooxml/numbering.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "lint/ooxml/numfmt.hpp"
#include "lint/ooxml/xml.hpp"

namespace dhrlint::ooxml {
namespace {

constexpr int kLevels = 9;
// numStyleLink -> style -> num -> abstractNum hops before we call it a loop.
constexpr int kMaxLinkHops = 8;

std::optional<std::int64_t> parse_int64(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '+')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == ' ') {
    s.remove_suffix(1);
  }
  if (s.empty()) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return s.front() == '-' ? std::numeric_limits<std::int64_t>::min()
                            : std::numeric_limits<std::int64_t>::max();
  }
  if (ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<int> parse_id(pugi::xml_node el) {
  if (!el) {
    return std::nullopt;
  }
  std::optional<std::int64_t> v = parse_int64(val(el));
  if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<int> parse_id_attr(pugi::xml_node el, const char* attr) {
  pugi::xml_attribute a = el.attribute(attr);
  if (!a) {
    return std::nullopt;
  }
  std::optional<std::int64_t> v = parse_int64(a.value());
  if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

// An on/off attribute (w:lvlText w:null="1").
bool on_off_attr(pugi::xml_node el, const char* name) {
  pugi::xml_attribute a = el.attribute(name);
  if (!a) {
    return false;
  }
  std::string_view v = a.value();
  return !(v == "0" || v == "false" || v == "off");
}

std::int64_t clamp_value(std::int64_t v) { return std::clamp<std::int64_t>(v, 0, kMaxListValue); }

struct Level {
  std::int64_t start = 0;  // §17.9.26: absent w:start means 0
  std::string num_fmt = "decimal";
  std::string custom_format;
  std::string lvl_text;
  std::optional<int> restart;  // w:lvlRestart, raw
  bool is_lgl = false;
  std::string p_style;
  std::string suffix = "\t";
  std::string font;
  bool picture_bullet = false;
};

Level parse_level(pugi::xml_node lvl) {
  Level level;
  if (pugi::xml_node start = lvl.child("w:start")) {
    if (std::optional<std::int64_t> v = parse_int64(val(start))) {
      level.start = clamp_value(*v);
    }
  }
  if (pugi::xml_node fmt = lvl.child("w:numFmt")) {
    level.num_fmt = val(fmt);
    if (level.num_fmt.empty()) {
      level.num_fmt = "decimal";
    }
    level.custom_format = fmt.attribute("w:format").value();
  }
  pugi::xml_node text = lvl.child("w:lvlText");
  if (text && !on_off_attr(text, "w:null")) {
    level.lvl_text = val(text);
  }
  if (pugi::xml_node restart = lvl.child("w:lvlRestart")) {
    if (std::optional<std::int64_t> v = parse_int64(val(restart))) {
      level.restart = static_cast<int>(std::clamp<std::int64_t>(*v, 0, kLevels));
    }
  }
  level.is_lgl = on_off(lvl.child("w:isLgl"));
  level.p_style = val(lvl.child("w:pStyle"));
  std::string_view suff = val(lvl.child("w:suff"));
  if (suff == "space") {
    level.suffix = " ";
  } else if (suff == "nothing") {
    level.suffix = "";
  }
  pugi::xml_node fonts = lvl.child("w:rPr").child("w:rFonts");
  level.font = fonts.attribute("w:ascii").value();
  if (level.font.empty()) {
    level.font = fonts.attribute("w:hAnsi").value();
  }
  level.picture_bullet = static_cast<bool>(lvl.child("w:lvlPicBulletId"));
  return level;
}

struct AbstractNum {
  int id = 0;
  std::array<std::optional<Level>, kLevels> levels;
  std::string num_style_link;  // w:numStyleLink: levels live in the style's list
  std::string style_link;      // w:styleLink: this is the definition of that style
};

struct Num {
  int id = 0;
  std::optional<int> abstract_id;
  std::array<std::optional<std::int64_t>, kLevels> start_override;
  std::array<std::optional<Level>, kLevels> level_override;
};

// A num resolved to the abstractNum whose levels it displays.
struct ResolvedNum {
  const Num* num = nullptr;
  const AbstractNum* format = nullptr;  // after numStyleLink hops
  int counter_key = 0;                  // whose counters it advances
  std::string problem;                  // non-empty: not numbered, and why
};

struct LevelCounter {
  std::optional<std::int64_t> value;          // unset: not used since the last restart
  std::optional<std::int64_t> pending_start;  // a startOverride waiting for its first use
};

using CounterSet = std::array<LevelCounter, kLevels>;

}  // namespace

struct NumberingResolver::Impl {
  const StyleSheet* styles = nullptr;
  std::map<int, AbstractNum> abstracts;
  std::map<int, Num> nums;
  std::map<int, ResolvedNum> resolved;
  std::map<int, CounterSet> counters;
  std::set<int> nums_started;
  std::set<std::string> warned;

  void load(const pugi::xml_document* numbering);
  ResolvedNum resolve(const Num& num) const;

  // The level definition a num displays at `ilvl`: its override, else the
  // abstractNum's, else a default (start 0, decimal, empty text).
  const Level& level(const ResolvedNum& r, int ilvl) const {
    static const Level kEmpty{};
    if (r.num->level_override[ilvl]) {
      return *r.num->level_override[ilvl];
    }
    if (r.format->levels[ilvl]) {
      return *r.format->levels[ilvl];
    }
    return kEmpty;
  }
  // Restart rules come from the abstractNum only: Word ignores lvlRestart in
  // an override w:lvl.
  std::optional<int> restart_rule(const ResolvedNum& r, int ilvl) const {
    if (r.format->levels[ilvl]) {
      return r.format->levels[ilvl]->restart;
    }
    return std::nullopt;
  }
  std::int64_t start_value(const ResolvedNum& r, int ilvl) const {
    if (r.num->start_override[ilvl]) {
      return *r.num->start_override[ilvl];
    }
    return level(r, ilvl).start;
  }

  struct Effective {
    const ResolvedNum* num = nullptr;
    int num_id = 0;
    int ilvl = 0;
    bool ilvl_clamped = false;
  };
  std::optional<Effective> effective(const NumberingRequest& req, std::string* problem) const;
  std::string label_text(const ResolvedNum& r, int ilvl, const CounterSet& c) const;
};

void NumberingResolver::Impl::load(const pugi::xml_document* numbering) {
  if (numbering == nullptr) {
    return;
  }
  pugi::xml_node root = numbering->child("w:numbering");
  // Maps first, resolution after: nums may precede their abstractNums and ids
  // need not be in order.
  for (pugi::xml_node el : root.children("w:abstractNum")) {
    std::optional<int> id = parse_id_attr(el, "w:abstractNumId");
    if (!id || abstracts.count(*id) != 0) {
      continue;
    }
    AbstractNum a;
    a.id = *id;
    for (pugi::xml_node lvl : el.children("w:lvl")) {
      std::optional<int> ilvl = parse_id_attr(lvl, "w:ilvl");
      if (!ilvl || *ilvl < 0 || *ilvl >= kLevels || a.levels[*ilvl]) {
        continue;
      }
      a.levels[*ilvl] = parse_level(lvl);
    }
    a.num_style_link = val(el.child("w:numStyleLink"));
    a.style_link = val(el.child("w:styleLink"));
    abstracts.emplace(a.id, std::move(a));
  }
  for (pugi::xml_node el : root.children("w:num")) {
    std::optional<int> id = parse_id_attr(el, "w:numId");
    if (!id || nums.count(*id) != 0) {
      continue;
    }
    Num n;
    n.id = *id;
    n.abstract_id = parse_id(el.child("w:abstractNumId"));
    for (pugi::xml_node ov : el.children("w:lvlOverride")) {
      std::optional<int> ilvl = parse_id_attr(ov, "w:ilvl");
      if (!ilvl || *ilvl < 0 || *ilvl >= kLevels) {
        continue;
      }
      if (pugi::xml_node so = ov.child("w:startOverride")) {
        if (std::optional<std::int64_t> v = parse_int64(val(so))) {
          n.start_override[*ilvl] = clamp_value(*v);
        }
      }
      if (pugi::xml_node lvl = ov.child("w:lvl")) {
        n.level_override[*ilvl] = parse_level(lvl);
      }
    }
    nums.emplace(n.id, std::move(n));
  }
  for (const auto& [id, num] : nums) {
    resolved.emplace(id, resolve(num));
  }
}

ResolvedNum NumberingResolver::Impl::resolve(const Num& num) const {
  ResolvedNum r;
  r.num = &num;
  std::ostringstream why;
  if (!num.abstract_id) {
    why << "numbering: num " << num.id << " names no abstractNum; its paragraphs are not numbered";
    r.problem = why.str();
    return r;
  }
  auto it = abstracts.find(*num.abstract_id);
  if (it == abstracts.end()) {
    why << "numbering: num " << num.id << " points to missing abstractNum " << *num.abstract_id
        << "; its paragraphs are not numbered";
    r.problem = why.str();
    return r;
  }
  const AbstractNum* a = &it->second;
  r.counter_key = a->id;
  // numStyleLink: the abstractNum borrows the levels of the list defined by a
  // numbering style (style -> numPr/numId -> num -> abstractNum, which names
  // the style back in w:styleLink). Bounded: links can loop.
  std::set<int> visited = {a->id};
  int hops = 0;
  while (!a->num_style_link.empty() && a->style_link != a->num_style_link) {
    if (++hops > kMaxLinkHops) {
      why << "numbering: numStyleLink chain from abstractNum " << it->second.id
          << " is too long or loops";
      r.problem = why.str();
      return r;
    }
    const AbstractNum* next = nullptr;
    if (std::optional<int> style_num = styles->num_id(a->num_style_link)) {
      auto n = nums.find(*style_num);
      if (n != nums.end() && n->second.abstract_id) {
        auto target = abstracts.find(*n->second.abstract_id);
        if (target != abstracts.end()) {
          next = &target->second;
        }
      }
    }
    if (next == nullptr || next == a) {
      // The style lost its numPr: fall back to the abstractNum that declares
      // itself the style's definition.
      next = nullptr;
      for (const auto& [aid, candidate] : abstracts) {
        if (candidate.style_link == a->num_style_link && &candidate != a) {
          next = &candidate;
          break;
        }
      }
    }
    if (next == nullptr) {
      why << "numbering: abstractNum " << a->id << " links to numbering style '"
          << a->num_style_link << "' that defines no list";
      break;
    }
    if (!visited.insert(next->id).second) {
      why << "numbering: numStyleLink loop through abstractNum " << next->id;
      r.problem = why.str();
      return r;
    }
    a = next;
  }
  bool has_levels = std::any_of(a->levels.begin(), a->levels.end(),
                                [](const std::optional<Level>& l) { return l.has_value(); });
  if (!has_levels) {
    if (why.str().empty()) {
      why << "numbering: abstractNum " << a->id << " defines no levels";
    }
    r.problem = why.str();
    return r;
  }
  r.format = a;
  return r;
}

std::optional<NumberingResolver::Impl::Effective> NumberingResolver::Impl::effective(
    const NumberingRequest& req, std::string* problem) const {
  // numId and ilvl resolve separately, each from the nearest place that sets
  // it: the paragraph's own numPr, then its style's basedOn chain.
  std::optional<int> num_id = req.direct_num_id;
  bool num_from_style = false;
  if (!num_id) {
    num_id = styles->num_id(req.style_id);
    num_from_style = num_id.has_value();
  }
  if (!num_id || *num_id == 0) {
    return std::nullopt;  // numId 0 removes numbering
  }
  auto it = resolved.find(*num_id);
  if (it == resolved.end()) {
    if (problem != nullptr) {
      std::ostringstream why;
      why << "numbering: numId " << *num_id << " names no w:num; paragraph not numbered";
      *problem = why.str();
    }
    return std::nullopt;
  }
  if (!it->second.problem.empty()) {
    if (problem != nullptr) {
      *problem = it->second.problem;
    }
    return std::nullopt;
  }
  Effective e;
  e.num = &it->second;
  e.num_id = *num_id;
  std::optional<int> ilvl = req.direct_ilvl;
  if (!ilvl) {
    ilvl = styles->ilvl(req.style_id);
  }
  if (!ilvl && num_from_style) {
    // A level tied to the paragraph's style (w:lvl/w:pStyle) is the one the
    // style selects; the nearest style up the chain that a level names wins.
    for (const StyleInfo* s : styles->chain(req.style_id)) {
      for (int k = 0; k < kLevels && !ilvl; ++k) {
        if (level(*e.num, k).p_style == s->id) {
          ilvl = k;
        }
      }
      if (ilvl) {
        break;
      }
    }
  }
  int lvl = ilvl.value_or(0);
  if (lvl < 0 || lvl >= kLevels) {
    e.ilvl_clamped = true;
    lvl = std::clamp(lvl, 0, kLevels - 1);
  }
  e.ilvl = lvl;
  return e;
}

std::string NumberingResolver::Impl::label_text(const ResolvedNum& r, int ilvl,
                                                const CounterSet& c) const {
  const Level& current = level(r, ilvl);
  if (current.num_fmt == "bullet") {
    // Word shows a bullet's lvlText literally, %n included ([MS-OI29500]
    // 2.1.286); symbol-font code points become the glyph they draw.
    if (current.lvl_text.empty() && current.picture_bullet) {
      return "•";
    }
    std::string text = map_symbol_font(current.lvl_text, current.font);
    // Remaining private-use characters name glyphs of a font we do not map.
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
          (static_cast<unsigned char>(text[i + 1]) & 0xFC) == 0x80) {
        out += "•";
        i += 3;
      } else {
        out += text[i++];
      }
    }
    return out;
  }
  std::string out;
  const std::string& t = current.lvl_text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int k = t[i + 1] - '1';
      ++i;
      if (k > ilvl) {
        continue;  // a deeper level has no value here
      }
      const Level& lk = level(r, k);
      std::int64_t value = c[k].value           ? *c[k].value
                           : c[k].pending_start ? *c[k].pending_start
                                                : start_value(r, k);
      if (lk.num_fmt == "none" || lk.num_fmt == "bullet") {
        continue;
      }
      // isLgl (legal numbering) shows every level in Arabic numerals; levels
      // that already are Arabic keep their zero padding (docx4j
      // article-section-isLgl: "Section 1.01" under "Article I.").
      bool arabic =
          lk.num_fmt == "decimalZero" || (lk.num_fmt == "custom" && !lk.custom_format.empty() &&
                                          lk.custom_format[0] >= '0' && lk.custom_format[0] <= '9');
      out += current.is_lgl && !arabic ? std::to_string(value)
                                       : format_number(value, lk.num_fmt, lk.custom_format);
      continue;
    }
    out += t[i];
  }
  return map_symbol_font(out, current.font, /*bullet=*/false);
}

NumberingResolver::NumberingResolver(const pugi::xml_document* numbering, const StyleSheet& styles)
    : impl_(std::make_shared<Impl>()) {
  impl_->styles = &styles;
  impl_->load(numbering);
}

std::optional<std::pair<int, int>> NumberingResolver::effective(const NumberingRequest& req) const {
  auto e = impl_->effective(req, nullptr);
  if (!e) {
    return std::nullopt;
  }
  return std::make_pair(e->num_id, e->ilvl);
}

std::optional<NumberingLabel> NumberingResolver::next(const NumberingRequest& req) {
  Impl& impl = *impl_;
  std::string problem;
  auto e = impl.effective(req, &problem);
  if (!e) {
    if (!problem.empty() && impl.warned.insert(problem).second) {
      warnings_.push_back(problem);
    }
    return std::nullopt;
  }
  if (e->ilvl_clamped) {
    std::string note = "numbering: w:ilvl outside 0..8 clamped";
    if (impl.warned.insert(note).second) {
      warnings_.push_back(note);
    }
  }
  const ResolvedNum& r = *e->num;
  CounterSet& c = impl.counters[r.counter_key];
  // startOverride takes effect the first time a paragraph of this num
  // appears; later paragraphs continue (counters belong to the abstractNum).
  if (impl.nums_started.insert(e->num_id).second) {
    for (int k = 0; k < kLevels; ++k) {
      if (r.num->start_override[k]) {
        c[k].value.reset();
        c[k].pending_start = r.num->start_override[k];
      }
    }
  }
  int lvl = e->ilvl;
  LevelCounter& counter = c[lvl];
  if (counter.value) {
    counter.value = std::min<std::int64_t>(*counter.value + 1, kMaxListValue);
  } else {
    counter.value = counter.pending_start ? *counter.pending_start : impl.start_value(r, lvl);
  }
  counter.pending_start.reset();
  // Word's lvlRestart: level k restarts when level r-1 or any higher level is
  // used (absent: any higher level; 0: never). A rule naming level k itself or
  // a deeper one can only mean "any higher level".
  for (int k = lvl + 1; k < kLevels; ++k) {
    std::optional<int> rule = impl.restart_rule(r, k);
    bool restarts = true;
    if (rule) {
      int named = std::min(*rule, k);
      restarts = named != 0 && lvl < named;
    }
    if (restarts) {
      c[k].value.reset();
      c[k].pending_start.reset();
    }
  }
  NumberingLabel label;
  const Level& current = impl.level(r, lvl);
  label.text = impl.label_text(r, lvl, c);
  label.bullet = current.num_fmt == "bullet";
  label.num_id = e->num_id;
  label.ilvl = lvl;
  label.suffix = current.suffix;
  return label;
}

void NumberingResolver::reset_counters() {
  impl_->counters.clear();
  impl_->nums_started.clear();
}

}  // namespace dhrlint::ooxml
