#include "rules/kit/tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "rules/kit/codepoints.hpp"

namespace dhrlint::kit {

namespace {

// Abbreviations after which a full stop does not end a sentence or a name.
bool is_abbreviation(std::string_view word) {
  static constexpr std::string_view kAbbreviations[] = {
      "St",  "Mt",   "Ste", "Mr",  "Mrs",  "Ms",   "Dr",   "Prof",
      "Rev", "Revd", "No",  "Sgt", "Insp", "Supt", "Cllr", "Fr"};
  if (text::length(word) == 1) {
    return true;  // an initial
  }
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

bool is_space_gap(std::string_view gap) {
  if (gap.empty() || gap.size() > 4) {
    return false;
  }
  for (std::string_view cp : split_code_points(gap)) {
    if (cp != " " && cp != "\xC2\xA0") {
      return false;
    }
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
  if (c < 0) {
    return false;
  }
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool continues_word(UChar32 c) {
  if (c < 0x80) {
    return starts_word(c);
  }
  if (c < 0) {
    return false;
  }
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

// ByteToCodePoint::cp for increasing byte offsets, without ByteToCodePoint' table.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view s) : s_(s) {}
  std::size_t cp(std::size_t byte) {
    while (byte_ < byte && byte_ < s_.size()) {
      ++byte_;
      if (byte_ < s_.size() && !is_continuation_byte(s_[byte_])) {
        ++count_;
      }
    }
    if (byte < s_.size()) {
      return count_;
    }
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
      if (i >= utf8.size()) {
        break;
      }
      std::size_t after = 0;
      const UChar32 d = read_cp(utf8, i, after);
      if (continues_word(d)) {
        i = after;
        continue;
      }
      if (!joins_word(d) || after >= utf8.size()) {
        break;
      }
      std::size_t after2 = 0;
      const UChar32 f = read_cp(utf8, after, after2);
      if (!starts_word(f)) {
        break;
      }
      i = after2;
    }
    const std::size_t e = i;
    Token t;
    t.byte_start = static_cast<std::uint32_t>(b);
    t.byte_end = static_cast<std::uint32_t>(e);
    t.start = static_cast<std::uint32_t>(cps.cp(b));
    t.end = static_cast<std::uint32_t>(cps.cp(e));
    t.text = utf8.substr(b, e - b);
    t.gap_before = utf8.substr(previous_end, b - previous_end);
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
        if (ascii_upper(ch)) {
          ch = static_cast<char>(ch + 32);
        }
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
      if (gap.find('.') != std::string_view::npos && !is_abbreviation(prev.text)) {
        ends = true;
      }
      if (gap.find("\xE2\x80\xA2") != std::string_view::npos) {
        ends = true;  // bullet
      }
      t.sentence_initial = ends;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool joins_name(const Token& previous, const Token& next) {
  const std::string_view gap = next.gap_before;
  if (is_space_gap(gap)) {
    return true;
  }
  const bool ends_in_s =
      !previous.text.empty() && (previous.text.back() == 's' || previous.text.back() == 'S');
  if (ends_in_s && (gap == "' " || gap == "\xE2\x80\x99 ")) {
    return true;
  }
  if (gap == ". " && is_abbreviation(previous.text)) {
    return true;
  }
  if (gap == " & ") {
    return true;
  }
  return false;
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
    if (k < tokens.size() && !joins_name(prev, tokens[k])) {
      break;
    }
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

namespace {

// The one phrase matcher: `word` is the token field compared (plain or
// base), `joined` whether each next word must join the name (joins_name).
template <class Word>
std::size_t match_with(const std::vector<Token>& tokens, std::size_t i, const PhraseList& phrases,
                       Word word, bool joined) {
  if (i >= tokens.size()) {
    return 0;
  }
  const std::vector<std::uint32_t>* candidates = phrases.starting_with(word(tokens[i]));
  if (candidates == nullptr) {
    return 0;
  }
  for (const std::uint32_t k : *candidates) {
    const std::vector<std::string>& words = phrases.phrases()[k];
    if (i + words.size() > tokens.size()) {
      continue;
    }
    bool ok = true;
    for (std::size_t w = 0; w < words.size() && ok; ++w) {
      ok = word(tokens[i + w]) == words[w] &&
           (!joined || w == 0 || joins_name(tokens[i + w - 1], tokens[i + w]));
    }
    if (ok) {
      return words.size();
    }
  }
  return 0;
}

}  // namespace

std::size_t match_phrase(const std::vector<Token>& tokens, std::size_t i,
                         const PhraseList& phrases) {
  return match_with(
      tokens, i, phrases, [](const Token& t) -> std::string_view { return t.plain; }, true);
}

std::size_t match_folded_phrase(const std::vector<Token>& tokens, std::size_t i,
                                const PhraseList& phrases) {
  return match_with(
      tokens, i, phrases, [](const Token& t) -> std::string_view { return t.base; }, false);
}

}  // namespace dhrlint::kit
