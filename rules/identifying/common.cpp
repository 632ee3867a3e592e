#include "rules/identifying/common.hpp"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "lint/engine/data.hpp"
#include "lint/text/text.hpp"

namespace dhrlint::identifying {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Decodes the code point starting at byte `i`; -1 on malformed input.
UChar32 decode_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return -1;
  int32_t at = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  return c;
}

// Code point counts of each code point's bytes, for appending while keeping a map.
std::vector<std::string_view> split_code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && is_continuation(s[j])) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool touches_invisible_kind(InvisibleKind kind) {
  return kind == InvisibleKind::kHidden || kind == InvisibleKind::kDeleted ||
         kind == InvisibleKind::kMovedFrom;
}

// A paragraph as it was written before its tracked changes, with hidden text
// shown: visible text minus insertions, plus deleted, moved-from and hidden
// text at their points. `source[cp]` is -1 for a visible code point, else the
// index into Paragraph::invisible it came from.
struct CombinedText {
  std::string text;
  std::vector<int> source;
};

CombinedText combine(const Paragraph& para) {
  CombinedText out;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < para.invisible.size(); ++i) {
    if (touches_invisible_kind(para.invisible[i].kind)) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return para.invisible[a].at < para.invisible[b].at;
  });
  auto inserted = [&](std::size_t cp) {
    for (const Revision& r : para.revisions) {
      if ((r.kind == RevisionKind::kInsertion || r.kind == RevisionKind::kMoveTo) &&
          cp >= r.start && cp < r.end) {
        return true;
      }
    }
    return false;
  };
  auto append_invisible = [&](std::size_t idx) {
    for (std::string_view cp : split_code_points(para.invisible[idx].text)) {
      out.text.append(cp);
      out.source.push_back(static_cast<int>(idx));
    }
  };
  const std::vector<std::string_view> visible = split_code_points(para.text);
  std::size_t next = 0;
  for (std::size_t cp = 0; cp <= visible.size(); ++cp) {
    while (next < order.size() && para.invisible[order[next]].at <= cp) {
      append_invisible(order[next]);
      ++next;
    }
    if (cp == visible.size()) break;
    if (inserted(cp)) continue;
    out.text.append(visible[cp]);
    out.source.push_back(-1);
  }
  while (next < order.size()) append_invisible(order[next++]);
  return out;
}

const char* visibility_of(InvisibleKind kind) {
  return kind == InvisibleKind::kHidden || kind == InvisibleKind::kFieldCode ? "hidden" : "deleted";
}

void report_invisible(RuleContext& ctx, const Rule& rule, std::size_t p, const InvisibleText& inv,
                      std::string matched, std::string message) {
  Finding& f = ctx.report(rule, p, inv.at, inv.at, std::move(message));
  f.location.visibility = visibility_of(inv.kind);
  f.location.deleted_text = std::move(matched);
}

const char* property_part(std::string_view group) {
  if (group == "core") return "docProps/core.xml";
  if (group == "app") return "docProps/app.xml";
  return "docProps/custom.xml";
}

}  // namespace

void report_property(RuleContext& ctx, const Rule& rule, const Document& doc,
                     std::string_view group, std::string_view name, std::string_view matched,
                     std::string message) {
  (void)doc;
  Location loc;
  loc.part = property_part(group);
  loc.property = std::string(name);
  ctx.report_at(rule, std::move(loc), std::move(message), std::string(matched));
}

void scan_document(const Document& doc, RuleContext& ctx, const Rule& rule, const Finder& finder,
                   const ScanOptions& options) {
  std::vector<Hit> hits;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (!para.text.empty()) {
      hits.clear();
      finder(TextView{doc, p, TextOrigin::kVisible, para.text, {}}, hits);
      for (Hit& h : hits) ctx.report(rule, p, h.start, h.end, std::move(h.message));
    }
    const bool has_invisible =
        std::any_of(para.invisible.begin(), para.invisible.end(),
                    [](const InvisibleText& i) { return touches_invisible_kind(i.kind); });
    if (has_invisible) {
      const CombinedText combined = combine(para);
      hits.clear();
      finder(TextView{doc, p, TextOrigin::kWithInvisible, combined.text, {}}, hits);
      for (Hit& h : hits) {
        const std::size_t end = std::min(h.end, combined.source.size());
        int first = -1;
        for (std::size_t cp = h.start; cp < end; ++cp) {
          if (combined.source[cp] >= 0) {
            first = combined.source[cp];
            break;
          }
        }
        if (first < 0) continue;  // wholly visible: the visible pass reported it
        report_invisible(ctx, rule, p, para.invisible[static_cast<std::size_t>(first)],
                         text::slice(combined.text, h.start, h.end), std::move(h.message));
      }
    }
    if (options.field_codes) {
      const std::string visible_folded = folded(para.text);
      for (const InvisibleText& inv : para.invisible) {
        if (inv.kind != InvisibleKind::kFieldCode) continue;
        hits.clear();
        finder(TextView{doc, p, TextOrigin::kFieldCode, inv.text, {}}, hits);
        for (Hit& h : hits) {
          std::string matched = text::slice(inv.text, h.start, h.end);
          // A hyperlink's target usually repeats its visible text: that
          // occurrence is reported once, on the visible text.
          if (visible_folded.find(folded(matched)) != std::string::npos) continue;
          report_invisible(ctx, rule, p, inv, std::move(matched), std::move(h.message));
        }
      }
    }
  }
  if (options.properties) {
    const std::pair<const char*, const std::map<std::string, std::string>*> groups[] = {
        {"core", &doc.properties.core},
        {"app", &doc.properties.app},
        {"custom", &doc.properties.custom}};
    for (const auto& [group, values] : groups) {
      for (const auto& [name, value] : *values) {
        if (value.empty()) continue;
        hits.clear();
        finder(TextView{doc, kNoIndex, TextOrigin::kProperty, value, name}, hits);
        for (Hit& h : hits) {
          report_property(ctx, rule, doc, group, name, text::slice(value, h.start, h.end),
                          std::move(h.message));
        }
      }
    }
  }
}

CodePoints::CodePoints(std::string_view utf8) {
  map_.reserve(utf8.size() + 1);
  std::size_t cp = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (i > 0 && !is_continuation(utf8[i])) ++cp;
    map_.push_back(cp);  // the code point this byte belongs to
  }
  map_.push_back(utf8.empty() ? 0 : cp + 1);
}

bool alnum_before(std::string_view text, std::size_t byte) {
  if (byte == 0 || byte > text.size()) return false;
  std::size_t i = byte - 1;
  while (i > 0 && is_continuation(text[i])) --i;
  const UChar32 c = decode_at(text, i);
  return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

bool alnum_at(std::string_view text, std::size_t byte) {
  const UChar32 c = decode_at(text, byte);
  return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

void for_each_match(const re2::RE2& re, std::string_view text, bool word_boundary,
                    const std::function<void(std::size_t, std::size_t)>& fn) {
  const int groups = re.NumberOfCapturingGroups() >= 1 ? 2 : 1;
  re2::StringPiece sp[2];
  const re2::StringPiece input(text.data(), text.size());
  std::size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(input, pos, text.size(), re2::RE2::UNANCHORED, sp, groups)) break;
    const std::size_t whole_b = static_cast<std::size_t>(sp[0].data() - text.data());
    const std::size_t whole_e = whole_b + sp[0].size();
    const re2::StringPiece& g = (groups == 2 && sp[1].data() != nullptr) ? sp[1] : sp[0];
    const std::size_t b = static_cast<std::size_t>(g.data() - text.data());
    const std::size_t e = b + g.size();
    if (!word_boundary || (!alnum_before(text, b) && !alnum_at(text, e))) {
      if (e > b) fn(b, e);
      pos = whole_e > whole_b ? whole_e : whole_b + 1;
    } else {
      pos = whole_b + 1;
    }
    while (pos < text.size() && is_continuation(text[pos])) ++pos;
  }
}

std::string folded(std::string_view utf8) { return text::fold_string(utf8); }

namespace {

// Abbreviations after which a full stop does not end a sentence or a name.
bool is_abbreviation(std::string_view word) {
  static constexpr std::string_view kAbbreviations[] = {
      "St",  "Mt",   "Ste", "Mr",  "Mrs",  "Ms",   "Dr",   "Prof",
      "Rev", "Revd", "No",  "Sgt", "Insp", "Supt", "Cllr", "Fr"};
  if (text::length(word) == 1) return true;  // an initial
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

bool is_space_gap(std::string_view gap) {
  if (gap.empty() || gap.size() > 4) return false;
  for (std::string_view cp : split_code_points(gap)) {
    if (cp != " " && cp != "\xC2\xA0") return false;
  }
  return true;
}

}  // namespace

namespace {

// Character classes of the token grammar
//   [\p{L}\p{N}][\p{L}\p{M}\p{N}]* (['’\-‐‑] [\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*
// decided without ICU for ASCII, the bulk of any report.
bool starts_word(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c < 0) return false;
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool continues_word(UChar32 c) {
  if (c < 0x80) return starts_word(c);
  if (c < 0) return false;
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

bool joins_word(UChar32 c) {
  return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

// Reads the code point at byte `i`, setting `next` to the byte after it; -1
// for a malformed sequence (then `next` is i + 1).
UChar32 read_cp(std::string_view s, std::size_t i, std::size_t& next) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    next = i + 1;
    return b;
  }
  int32_t at = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  next = c < 0 ? i + 1 : static_cast<std::size_t>(at);
  return c;
}

// CodePoints::cp for increasing byte offsets, without CodePoints' table.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view s) : s_(s) {}
  std::size_t cp(std::size_t byte) {
    while (byte_ < byte && byte_ < s_.size()) {
      ++byte_;
      if (byte_ < s_.size() && !is_continuation(s_[byte_])) ++count_;
    }
    if (byte < s_.size()) return count_;
    return s_.empty() ? 0 : count_ + 1;
  }

 private:
  std::string_view s_;
  std::size_t byte_ = 0;
  std::size_t count_ = 0;  // lead bytes in [1, byte_]
};

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

Tokenizer::Tokenizer() = default;

Tokenizer::~Tokenizer() = default;

std::vector<Token> Tokenizer::operator()(std::string_view utf8) const {
  std::vector<Token> tokens;
  std::size_t previous_end = 0;
  CodePointCursor cps(utf8);
  std::size_t i = 0;  // byte
  std::size_t next = 0;
  while (i < utf8.size()) {
    const UChar32 c = read_cp(utf8, i, next);
    if (!starts_word(c)) {
      i = next;
      continue;
    }
    const std::size_t b = i;
    // Extend over the word and over joined words, greedily.
    i = next;
    for (;;) {
      if (i >= utf8.size()) break;
      std::size_t after = 0;
      const UChar32 d = read_cp(utf8, i, after);
      if (continues_word(d)) {
        i = after;
        continue;
      }
      if (!joins_word(d) || after >= utf8.size()) break;
      std::size_t after2 = 0;
      const UChar32 f = read_cp(utf8, after, after2);
      if (!starts_word(f)) break;
      i = after2;
    }
    const std::size_t e = i;
    Token t;
    t.byte_start = b;
    t.byte_end = e;
    t.start = cps.cp(b);
    t.end = cps.cp(e);
    t.text = std::string(utf8.substr(b, e - b));
    t.gap_before = std::string(utf8.substr(previous_end, b - previous_end));
    previous_end = e;
    std::size_t base_size = t.text.size();
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'S", "\xE2\x80\x99S"}) {
      if (base_size >= suffix.size() + 1 &&
          t.text.compare(base_size - suffix.size(), suffix.size(), suffix) == 0) {
        base_size -= suffix.size();
        t.possessive = true;
        break;
      }
    }
    if (!t.possessive && (t.text.back() == 's' || t.text.back() == 'S') && e < utf8.size() &&
        (utf8[e] == '\'' || utf8.substr(e, 3) == "\xE2\x80\x99") &&
        !alnum_at(utf8, utf8[e] == '\'' ? e + 1 : e + 3)) {
      t.possessive = true;  // "Agnes'", "parents'"
    }
    t.plain = t.text.substr(0, base_size);
    bool ascii = true;
    for (char ch : t.text) {
      if (static_cast<unsigned char>(ch) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      // The same answers as text::fold_string / starts_upper / all_upper,
      // without ICU.
      t.base = t.plain;
      for (char& ch : t.base) {
        if (ascii_upper(ch)) ch = static_cast<char>(ch + 32);
      }
      int letters = 0;
      bool upper = true;
      for (char ch : t.text) {
        if (ascii_upper(ch)) {
          ++letters;
        } else if (ascii_lower(ch)) {
          ++letters;
          upper = false;
        }
      }
      t.capitalised = ascii_upper(t.text[0]);
      t.all_caps = upper && letters >= 2;
    } else {
      t.base = folded(t.plain);
      t.capitalised = text::starts_upper(t.text);
      t.all_caps = text::all_upper(t.text);
    }
    t.has_digit =
        std::any_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (tokens.empty()) {
      t.sentence_initial = true;
    } else {
      const Token& prev = tokens.back();
      const std::string_view gap = t.gap_before;
      bool ends = gap.find_first_of("!?:\n\t") != std::string_view::npos;
      if (gap.find('.') != std::string_view::npos && !is_abbreviation(prev.text)) ends = true;
      if (gap.find("\xE2\x80\xA2") != std::string_view::npos) ends = true;  // bullet
      t.sentence_initial = ends;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

const std::vector<Token>& TokenCache::tokens(std::string_view utf8) {
  auto found = by_text_.find(utf8);
  if (found != by_text_.end()) return found->second;
  std::vector<Token> tokens = tokenize_(utf8);
  return by_text_.emplace(std::string(utf8), std::move(tokens)).first->second;
}

bool joins_name(const Token& previous, const Token& next) {
  const std::string_view gap = next.gap_before;
  if (is_space_gap(gap)) return true;
  const bool ends_in_s =
      !previous.text.empty() && (previous.text.back() == 's' || previous.text.back() == 'S');
  if (ends_in_s && (gap == "' " || gap == "\xE2\x80\x99 ")) return true;
  if (gap == ". " && is_abbreviation(previous.text)) return true;
  if (gap == " & ") return true;
  return false;
}

TermSet::TermSet(std::vector<std::string> terms) {
  for (std::string& t : terms) t = folded(t);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  terms_ = std::move(terms);
}

bool TermSet::contains(std::string_view folded_term) const {
  return std::binary_search(terms_.begin(), terms_.end(), folded_term);
}

std::size_t name_phrase_start(const std::vector<Token>& tokens, std::size_t end,
                              const TermSet& stopwords, const TermSet& of_after) {
  auto name_word = [&](const Token& t) {
    return t.capitalised && !t.has_digit && !stopwords.contains(t.base);
  };
  std::size_t first = end;
  std::size_t k = end;
  while (k > 0 && k <= tokens.size()) {
    const Token& prev = tokens[k - 1];
    if (k < tokens.size() && !joins_name(prev, tokens[k])) break;
    if (name_word(prev)) {
      first = --k;
      continue;
    }
    const bool connector = prev.text == "upon" || prev.text == "de" || prev.text == "la" ||
                           prev.text == "le" || prev.text == "of";
    if (connector && k >= 2 && k < tokens.size() && joins_name(tokens[k - 2], prev) &&
        name_word(tokens[k - 2]) && (prev.text != "of" || of_after.contains(tokens[k - 2].base))) {
      k -= 2;
      first = k;
      continue;
    }
    break;
  }
  return first;
}

std::vector<std::string> data_values(std::string_view file, std::string_view key) {
  std::vector<std::string> out;
  for (const std::string& line : data_lines(file)) {
    if (line.size() > key.size() && line.compare(0, key.size(), key) == 0 &&
        line[key.size()] == ':') {
      std::string value = line.substr(key.size() + 1);
      const std::size_t b = value.find_first_not_of(" \t");
      if (b == std::string::npos) continue;
      out.push_back(value.substr(b));
    }
  }
  return out;
}

const Table* table_of(const Document& doc, const Paragraph& para) {
  if (!para.table) return nullptr;
  for (const Table& t : doc.tables) {
    if (t.part == para.part && t.number == para.table->table) return &t;
  }
  return nullptr;
}

std::string cell_text(const Document& doc, const Table& table, std::size_t row, std::uint32_t col) {
  if (row >= table.rows.size()) return {};
  for (const Table::Cell& cell : table.rows[row].cells) {
    if (col >= cell.col && col < cell.col + std::max<std::uint32_t>(cell.span, 1)) {
      std::string out;
      for (std::size_t p : cell.paragraphs) {
        if (p >= doc.paragraphs.size()) continue;
        if (!out.empty()) out += ' ';
        out += doc.paragraphs[p].text;
      }
      return out;
    }
  }
  return {};
}

std::string column_header(const Document& doc, const Paragraph& para) {
  if (!para.table || para.table->row == 0) return {};
  const Table* t = table_of(doc, para);
  return t ? cell_text(doc, *t, 0, para.table->col) : std::string();
}

std::string row_label(const Document& doc, const Paragraph& para) {
  if (!para.table || para.table->col == 0) return {};
  const Table* t = table_of(doc, para);
  if (!t || para.table->row >= t->rows.size()) return {};
  // The cell just before this one in the row.
  const Table::Row& row = t->rows[para.table->row];
  std::string label;
  for (const Table::Cell& cell : row.cells) {
    if (cell.col >= para.table->col) break;
    label = cell_text(doc, *t, para.table->row, cell.col);
  }
  return label;
}

std::vector<std::vector<std::string>> split_phrases(const std::vector<std::string>& phrases) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& phrase : phrases) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < phrase.size()) {
      const std::size_t j = phrase.find(' ', i);
      const std::size_t e = j == std::string::npos ? phrase.size() : j;
      if (e > i) words.push_back(phrase.substr(i, e - i));
      i = e + 1;
    }
    if (!words.empty()) out.push_back(std::move(words));
  }
  // Longest first, so "Pupil Referral Unit" wins over a shorter head.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

PhraseList::PhraseList(std::vector<std::vector<std::string>> phrases)
    : phrases_(std::move(phrases)) {
  for (const std::vector<std::string>& words : phrases_) first_words_.push_back(words.front());
  std::sort(first_words_.begin(), first_words_.end());
  first_words_.erase(std::unique(first_words_.begin(), first_words_.end()), first_words_.end());
}

// Length in tokens of the phrase of `phrases` that starts at token i, or 0.
std::size_t match_phrase(const std::vector<Token>& tokens, std::size_t i,
                         const PhraseList& phrases) {
  if (i >= tokens.size() || !phrases.may_start(tokens[i].plain)) return 0;
  for (const auto& words : phrases.phrases()) {
    if (i + words.size() > tokens.size()) continue;
    bool ok = true;
    for (std::size_t w = 0; w < words.size() && ok; ++w) {
      ok = tokens[i + w].plain == words[w] &&
           (w == 0 || joins_name(tokens[i + w - 1], tokens[i + w]));
    }
    if (ok) return words.size();
  }
  return 0;
}

NamedPlaceFinder::NamedPlaceFinder(std::string_view data_file)
    : heads_(PhraseList(split_phrases(data_values(data_file, "head")))),
      bare_heads_(PhraseList(split_phrases(data_values(data_file, "bare-head")))),
      bare_followers_(data_values(data_file, "bare-follower")),
      generic_(data_values(data_file, "generic")),
      org_nouns_(data_values(data_file, "org-noun")),
      head_then_not_(data_values(data_file, "head-then-not")),
      extend_(data_values(data_file, "extend")),
      stopwords_(data_lines("identifying/name-stopwords.txt")),
      of_after_(data_values(data_file, "of-after")),
      continuations_(split_phrases(data_values(data_file, "continuation"))),
      keep_possessive_(!data_values(data_file, "keep-leading-possessive").empty()) {
  for (const std::string& a : data_values(data_file, "allowed")) allowed_.push_back(folded(a));
}

void NamedPlaceFinder::find(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<std::string>& extra_allowed,
                            const text::Lexicon& lexicon, const std::string& message,
                            std::vector<Hit>& hits) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t head_len = match_phrase(tokens, i, heads_);
    if (head_len == 0) {
      head_len = match_phrase(tokens, i, bare_heads_);
      if (head_len == 0) continue;
      const std::size_t next = i + head_len;
      // "Primary Care", "Primary school", "Secondary Care Trust": not a name.
      if (next < tokens.size() && joins_name(tokens[next - 1], tokens[next]) &&
          (tokens[next].capitalised || bare_followers_.contains(tokens[next].base))) {
        continue;
      }
    }
    std::size_t end = i + head_len;  // token index one past the name
    // Stacked heads ("Sixth Form College", "Nursery School") are one name.
    while (end < tokens.size() && joins_name(tokens[end - 1], tokens[end])) {
      const std::size_t more = match_phrase(tokens, end, heads_);
      if (more == 0) break;
      end += more;
    }
    const std::string last_head_word = tokens[end - 1].plain;
    if (end < tokens.size() && joins_name(tokens[end - 1], tokens[end]) &&
        !tokens[end - 1].possessive && head_then_not_.contains(tokens[end].base)) {
      i = end - 1;
      continue;  // "College of Policing", "Academy Trust"
    }
    std::size_t first = name_phrase_start(tokens, i, stopwords_, of_after_);
    // A leading possessive is the owner, not the name ("Salma's Primary
    // School"; "St Mary's" is not leading), unless the data file says names
    // of this kind often start with one ("Rahman's Café").
    while (!keep_possessive_ && first < i && tokens[first].possessive) ++first;
    // A sentence-initial verb ("Attended Bow Green ...") is not part of it.
    if (first < i && tokens[first].sentence_initial) {
      const std::string& w = tokens[first].base;
      const bool verb_like = w.size() > 4 && (w.compare(w.size() - 2, 2, "ed") == 0 ||
                                              w.compare(w.size() - 3, 3, "ing") == 0);
      if (verb_like && lexicon.is_common_word(w)) ++first;
    }
    bool distinctive = false;
    bool org = false;
    for (std::size_t k = first; k < end; ++k) {
      const Token& t = tokens[k];
      if (org_nouns_.contains(t.base)) org = true;
      if (k >= i) continue;
      if (!t.capitalised || generic_.contains(t.base) || stopwords_.contains(t.base)) continue;
      if (text::length(t.base) < 2 || t.has_digit) continue;  // "Town N", "Surgery 1"
      distinctive = true;
    }
    if (!distinctive || org) {
      i = end - 1;
      continue;
    }
    // Continuations: "School for Girls", "Academy Shoreditch".
    bool continued = false;
    for (const auto& words : continuations_) {
      if (end + words.size() > tokens.size()) continue;
      bool ok = true;
      for (std::size_t w = 0; w < words.size() && ok; ++w) {
        ok = tokens[end + w].text == words[w] && joins_name(tokens[end + w - 1], tokens[end + w]);
      }
      if (ok) {
        end += words.size();
        continued = true;
        break;
      }
    }
    if (!continued && extend_.contains(folded(last_head_word))) {
      for (int n = 0; n < 2 && end < tokens.size(); ++n) {
        const Token& t = tokens[end];
        if (!joins_name(tokens[end - 1], t) || !t.capitalised || t.all_caps || t.has_digit ||
            t.sentence_initial || org_nouns_.contains(t.base) || generic_.contains(t.base) ||
            stopwords_.contains(t.base) || lexicon.is_common_word(t.base)) {
          break;
        }
        ++end;
      }
    }
    const std::string tail = folded(text.substr(tokens[first].byte_start));
    auto allowed_here = [&](const std::string& a) {
      return !a.empty() && tail.compare(0, a.size(), a) == 0 &&
             (tail.size() == a.size() || !std::isalnum(static_cast<unsigned char>(tail[a.size()])));
    };
    bool is_allowed = std::any_of(allowed_.begin(), allowed_.end(), allowed_here);
    for (const std::string& org_name : extra_allowed) {
      if (!is_allowed) is_allowed = allowed_here(folded(org_name));
    }
    if (!is_allowed) hits.push_back(Hit{tokens[first].start, tokens[end - 1].end, message});
    i = end - 1;
  }
}

}  // namespace dhrlint::identifying
