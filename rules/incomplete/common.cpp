#include "rules/incomplete/common.hpp"

#include <re2/re2.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "lint/engine/data.hpp"

namespace dhrlint::rulekit {

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

RE2::Options term_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

// Non-overlapping matches of one compiled pattern in bytes [begin, end).
void collect(const RE2& re, const text::FoldedText& folded, std::size_t begin, std::size_t end,
             const std::string& group, std::vector<TermMatch>& out) {
  const re2::StringPiece all(folded.text);
  end = std::min(end, folded.text.size());
  std::size_t pos = begin;
  re2::StringPiece m;
  while (pos <= end && re.Match(all, pos, end, RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<std::size_t>(m.data() - all.data());
    const std::size_t e = b + m.size();
    if (e > b) {
      TermMatch t;
      t.folded_begin = b;
      t.folded_end = e;
      t.start = folded.original(b);
      t.end = folded.original_end(e);
      t.group = group;
      out.push_back(std::move(t));
      pos = e;
    } else {
      pos = b + 1;
    }
  }
}

}  // namespace

std::string term_to_pattern(std::string_view line) {
  line = trim_ascii(line);
  if (line.substr(0, 3) == "re:") return std::string(trim_ascii(line.substr(3)));
  const std::string folded = text::fold_string(line);
  std::vector<std::string> tokens;
  std::string current;
  for (char c : folded) {
    if (c == ' ' || c == '-') {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  if (tokens.empty()) return {};
  std::string out;
  if (is_word_byte(tokens.front().front())) out += "\\b";
  bool ends_in_word = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    bool wildcard = false;
    if (token.size() > 1 && token.back() == '*') {
      wildcard = true;
      token.pop_back();
    }
    if (i > 0) out += "[\\s\\-'\"]+";
    out += RE2::QuoteMeta(token);
    if (wildcard) out += "\\w*";
    ends_in_word = wildcard || is_word_byte(token.back());
  }
  if (ends_in_word) out += "\\b";
  return out;
}

TermList::TermList(std::string_view data_name) {
  std::vector<std::pair<std::string, std::string>> sources;  // group, alternation
  const std::vector<std::string> lines = data_lines(data_name);
  if (lines.empty()) error_ = "no data in " + std::string(data_name);
  std::string group;
  for (const std::string& line : lines) {
    if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
      group = line.substr(1, line.size() - 2);
      continue;
    }
    const std::string pattern = term_to_pattern(line);
    if (pattern.empty()) continue;
    {
      RE2 alone(pattern, term_options());
      if (!alone.ok()) {
        error_ = std::string(data_name) + ": bad term '" + line + "': " + alone.error();
        continue;
      }
    }
    auto it = std::find_if(sources.begin(), sources.end(),
                           [&](const auto& s) { return s.first == group; });
    if (it == sources.end()) {
      sources.emplace_back(group, "(?:" + pattern + ")");
    } else {
      it->second += "|(?:" + pattern + ")";
    }
  }
  for (auto& [name, alternation] : sources) {
    auto re = std::make_unique<RE2>(alternation, term_options());
    if (!re->ok()) {
      error_ = std::string(data_name) + ": group [" + name + "]: " + re->error();
      continue;
    }
    groups_.push_back(Group{name, std::move(re)});
  }
}

TermList::~TermList() = default;
TermList::TermList(TermList&&) noexcept = default;
TermList& TermList::operator=(TermList&&) noexcept = default;

std::vector<std::string> TermList::group_names() const {
  std::vector<std::string> names;
  for (const Group& g : groups_) names.push_back(g.name);
  return names;
}

std::vector<TermMatch> TermList::find(const text::FoldedText& folded,
                                      std::string_view group) const {
  return find_in(folded, 0, folded.text.size(), group);
}

std::vector<TermMatch> TermList::find_in(const text::FoldedText& folded, std::size_t begin,
                                         std::size_t end, std::string_view group) const {
  std::vector<TermMatch> all;
  for (const Group& g : groups_) {
    if (!group.empty() && g.name != group) continue;
    collect(*g.re, folded, begin, end, g.name, all);
  }
  // Earliest first, longest first at a tie; drop matches overlapping a kept one.
  std::sort(all.begin(), all.end(), [](const TermMatch& a, const TermMatch& b) {
    if (a.folded_begin != b.folded_begin) return a.folded_begin < b.folded_begin;
    return a.folded_end > b.folded_end;
  });
  std::vector<TermMatch> kept;
  for (TermMatch& m : all) {
    if (!kept.empty() && m.folded_begin < kept.back().folded_end) continue;
    kept.push_back(std::move(m));
  }
  return kept;
}

bool TermList::contains(const text::FoldedText& folded, std::string_view group) const {
  return contains_in(folded, 0, folded.text.size(), group);
}

bool TermList::contains_in(const text::FoldedText& folded, std::size_t begin, std::size_t end,
                           std::string_view group) const {
  const re2::StringPiece all(folded.text);
  end = std::min(end, folded.text.size());
  if (begin > end) return false;
  for (const Group& g : groups_) {
    if (!group.empty() && g.name != group) continue;
    if (g.re->Match(all, begin, end, RE2::UNANCHORED, nullptr, 0)) return true;
  }
  return false;
}

bool TermList::contains(std::string_view utf8, std::string_view group) const {
  return contains(text::fold(utf8), group);
}

text::Range trim(std::string_view utf8, text::Range r) {
  const std::vector<char32_t> cps = code_points(utf8);
  r.end = std::min(r.end, cps.size());
  r.start = std::min(r.start, r.end);
  while (r.start < r.end && is_space(cps[r.start])) ++r.start;
  while (r.end > r.start && is_space(cps[r.end - 1])) --r.end;
  return r;
}

std::vector<char32_t> code_points(std::string_view utf8) {
  std::vector<char32_t> out;
  out.reserve(utf8.size());
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(s, i, n, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

bool is_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}

std::size_t content_start(const Paragraph& p) {
  return p.typed_number.empty() ? 0 : p.typed_number_end;
}

std::string own_report_number(const Paragraph& p) {
  if (!p.is_report_number) return {};
  if (!p.typed_number.empty()) return p.typed_number;
  std::string label = p.label;
  while (!label.empty() && (label.back() == '.' || label.back() == ')' || label.back() == ' ')) {
    label.pop_back();
  }
  return label;
}

bool is_readable_body(const Paragraph& p) {
  return p.story == Story::kBody && !p.is_toc && !p.all_hidden;
}

std::vector<std::string_view> heading_texts(const Document& doc, std::size_t p) {
  std::vector<std::string_view> out;
  if (p >= doc.paragraphs.size()) return out;
  const Paragraph& para = doc.paragraphs[p];
  if (para.heading_level) out.push_back(para.text);
  for (auto it = para.headings.rbegin(); it != para.headings.rend(); ++it) {
    if (*it < doc.paragraphs.size() && *it != p) out.push_back(doc.paragraphs[*it].text);
  }
  return out;
}

std::size_t body_anchor(const Document& doc, std::size_t p) {
  std::size_t guard = 0;
  while (p < doc.paragraphs.size() && doc.paragraphs[p].story != Story::kBody &&
         doc.paragraphs[p].anchor != kNoIndex && guard++ < 4) {
    p = doc.paragraphs[p].anchor;
  }
  return p;
}

bool in_reference_table(const Document& doc, std::size_t p, const TermList& sections) {
  const std::size_t at = body_anchor(doc, p);
  if (at >= doc.paragraphs.size() || !doc.paragraphs[at].table) return false;
  if (under_heading(doc, at, sections, "panel")) return true;
  const text::FoldedText header = text::fold(table_header_text(doc, at));
  return sections.find(header, "panel-table").size() >= 2 ||
         sections.contains(header, "glossary-table");
}

bool under_heading(const Document& doc, std::size_t p, const TermList& headings,
                   std::string_view group) {
  const std::size_t at = body_anchor(doc, p);
  for (std::string_view h : heading_texts(doc, at)) {
    if (headings.contains(h, group)) return true;
  }
  return false;
}

std::string table_header_text(const Document& doc, std::size_t p) {
  if (p >= doc.paragraphs.size() || !doc.paragraphs[p].table) return {};
  const Paragraph& para = doc.paragraphs[p];
  for (const Table& t : doc.tables) {
    if (t.part != para.part || t.number != para.table->table) continue;
    if (t.rows.empty()) return {};
    std::string out;
    for (const Table::Cell& cell : t.rows.front().cells) {
      if (!out.empty()) out += " | ";
      for (std::size_t q : cell.paragraphs) {
        if (q < doc.paragraphs.size()) out += doc.paragraphs[q].text + " ";
      }
    }
    return out;
  }
  return {};
}

std::string table_row_text(const Document& doc, std::size_t p) {
  if (p >= doc.paragraphs.size() || !doc.paragraphs[p].table) return {};
  const Paragraph& para = doc.paragraphs[p];
  for (const Table& t : doc.tables) {
    if (t.part != para.part || t.number != para.table->table) continue;
    if (para.table->row >= t.rows.size()) return {};
    std::string out;
    for (const Table::Cell& cell : t.rows[para.table->row].cells) {
      if (!out.empty()) out += " | ";
      for (std::size_t q : cell.paragraphs) {
        if (q < doc.paragraphs.size()) out += doc.paragraphs[q].text + " ";
      }
    }
    return out;
  }
  return {};
}

Location location_of(const Document& doc, std::size_t p, std::optional<std::size_t> start,
                     std::optional<std::size_t> end) {
  Location loc;
  if (p >= doc.paragraphs.size()) {
    loc.part = doc.main_part;
    return loc;
  }
  const Paragraph& para = doc.paragraphs[p];
  loc.part = para.part;
  loc.paragraph = para.index;
  if (!para.section.empty()) loc.section = para.section;
  loc.start = start;
  loc.end = end;
  if (para.story == Story::kFootnote || para.story == Story::kEndnote) loc.note_id = para.owner_id;
  return loc;
}

}  // namespace dhrlint::rulekit

namespace dhrlint::rulekit {

std::vector<std::string> data_group(std::string_view data_name, std::string_view group) {
  std::vector<std::string> out;
  std::string current;
  for (const std::string& line : data_lines(data_name)) {
    if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
      current = line.substr(1, line.size() - 2);
      continue;
    }
    if (current == group) out.push_back(text::fold_string(line));
  }
  return out;
}

bool is_closer(char32_t c) {
  switch (c) {
    case U'"':
    case U'\'':
    case U')':
    case U']':
    case U'}':
    case U'\u2019':
    case U'\u201D':
    case U'\u00BB':
    case U'\u203A':
      return true;
    default:
      return false;
  }
}

bool is_terminal(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U'\u2026' || c == U'\u203D';
}

}  // namespace dhrlint::rulekit

namespace dhrlint::rulekit {

std::size_t next_content_paragraph(const Document& doc, std::size_t p) {
  for (std::size_t q = p + 1; q < doc.paragraphs.size(); ++q) {
    const Paragraph& para = doc.paragraphs[q];
    if (para.story != Story::kBody) return kNoIndex;  // the body has ended
    if (para.in_text_box || para.mark_deleted || para.all_hidden) continue;
    const text::Range r = trim(para.text, {0, text::length(para.text)});
    if (r.start == r.end && para.label.empty()) continue;
    return q;
  }
  return kNoIndex;
}

bool is_list_item(const Paragraph& p) {
  if (p.is_report_number) return false;
  if (p.label_is_bullet || !p.label.empty()) return true;
  const std::string style = text::fold_string(p.style_name);
  if (style.find("list") != std::string::npos || style.find("bullet") != std::string::npos) {
    return true;
  }
  static const RE2 kTypedItem(
      R"(^\s*(?:\(?[a-z]{1,3}\)|\(?[ivx]{1,5}[.)]|[a-z][.]\s|[-*\x{2022}\x{2013}\x{25AA}\x{25CF}\x{00B7}]\s))");
  return RE2::PartialMatch(p.text, kTypedItem);
}

bool is_quote_style(const Paragraph& p) {
  const std::string style = text::fold_string(p.style_name + " " + p.style_id);
  return style.find("quot") != std::string::npos;
}

}  // namespace dhrlint::rulekit

namespace dhrlint::rulekit {

std::size_t folded_byte_of(const text::FoldedText& folded, std::size_t cp) {
  if (folded.origin.empty()) return 0;
  const auto it = std::lower_bound(folded.origin.begin(), folded.origin.end(), cp);
  return std::min(static_cast<std::size_t>(it - folded.origin.begin()), folded.text.size());
}

SentenceSpan to_span(const text::FoldedText& folded, text::Range r) {
  SentenceSpan s;
  s.cps = r;
  s.folded_begin = folded_byte_of(folded, r.start);
  s.folded_end = std::max(s.folded_begin, folded_byte_of(folded, r.end));
  return s;
}

SentenceSpan sentence_at(const std::vector<text::Range>& sentences, const text::FoldedText& folded,
                         std::size_t cp) {
  for (const text::Range& r : sentences) {
    if (cp >= r.start && cp < std::max(r.end, r.start + 1)) return to_span(folded, r);
  }
  const std::size_t end = folded.origin.empty() ? 0 : folded.origin.back();
  return to_span(folded, {0, end});
}

}  // namespace dhrlint::rulekit
