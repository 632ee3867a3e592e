#include "lint/text/text.hpp"
#include "lint/text/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace dhrlint::text {
namespace {

// Decodes one code point at byte i (advancing i); malformed bytes give U+FFFD.
UChar32 next_cp(std::string_view s, std::size_t& i) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()),
                  c);
  i = static_cast<std::size_t>(pos);
  return c;
}

void append_utf8(std::string& out, UChar32 c) { text::append_utf8(out, static_cast<char32_t>(c)); }

// Typographic characters folded to the ASCII a pattern author types.
// Returns -1 to drop the character, 0 for "no special mapping".
UChar32 special_fold(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
    case 0x00AD:
    case 0x2060:
      return -1;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  return 0;
}

struct IcuIterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
};

// Break iterators are costly to create and not thread-safe to share: one set
// per thread, created on first use. They hold no document state between calls.
IcuIterators& iterators() {
  thread_local IcuIterators its;
  if (!its.words) {
    UErrorCode st = U_ZERO_ERROR;
    its.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUK(), st));
    st = U_ZERO_ERROR;
    its.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUK(), st));
  }
  return its;
}

// Maps UTF-16 indices of `u` to code-point offsets incrementally (indices
// must be asked in non-decreasing order).
class Utf16ToCp {
 public:
  explicit Utf16ToCp(const icu::UnicodeString& u) : u_(u) {}
  std::size_t operator()(int32_t idx) {
    if (idx < last_idx_) {
      last_idx_ = 0;
      last_cp_ = 0;
    }
    last_cp_ += static_cast<std::size_t>(u_.countChar32(last_idx_, idx - last_idx_));
    last_idx_ = idx;
    return last_cp_;
  }

 private:
  const icu::UnicodeString& u_;
  int32_t last_idx_ = 0;
  std::size_t last_cp_ = 0;
};

bool is_space_cp(UChar32 c) { return u_isUWhiteSpace(c) || c == '\t' || c == '\n'; }

}  // namespace

std::size_t length(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::size_t byte_of(std::string_view utf8, std::size_t cp) {
  std::size_t i = 0;
  std::size_t n = 0;
  while (i < utf8.size() && n < cp) {
    next_cp(utf8, i);
    ++n;
  }
  return i;
}

std::size_t cp_of(std::string_view utf8, std::size_t byte) {
  return length(utf8.substr(0, std::min(byte, utf8.size())));
}

std::string slice(std::string_view utf8, std::size_t cp_start, std::size_t cp_end) {
  if (cp_end <= cp_start) return {};
  std::size_t b = byte_of(utf8, cp_start);
  std::size_t e = b + byte_of(utf8.substr(b), cp_end - cp_start);
  return std::string(utf8.substr(b, e - b));
}

std::size_t FoldedText::original_end(std::size_t folded_end_byte) const {
  // The end of a match is exclusive: map the last byte inside the match and
  // step past its original code point.
  if (folded_end_byte == 0 || origin.empty()) return original(0);
  return original(folded_end_byte - 1) + 1;
}

FoldedText fold(std::string_view utf8) {
  FoldedText out;
  out.text.reserve(utf8.size());
  out.origin.reserve(utf8.size() + 1);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(st);
  std::size_t i = 0;
  std::size_t cp = 0;
  auto emit = [&](UChar32 c) {
    std::size_t before = out.text.size();
    append_utf8(out.text, c);
    out.origin.insert(out.origin.end(), out.text.size() - before, cp);
  };
  while (i < utf8.size()) {
    UChar32 c = next_cp(utf8, i);
    if (c < 0x80) {
      // ASCII, most of any text: one byte in, one byte out.
      out.text.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      out.origin.push_back(cp);
    } else if (UChar32 s = special_fold(c); s != 0) {
      if (s > 0) emit(s);
    } else {
      icu::UnicodeString u(c);
      if (U_SUCCESS(st) && nfkd != nullptr) {
        UErrorCode st2 = U_ZERO_ERROR;
        icu::UnicodeString d = nfkd->normalize(u, st2);
        if (U_SUCCESS(st2)) u = d;
      }
      u.foldCase();
      for (int32_t k = 0; k < u.length();) {
        UChar32 d = u.char32At(k);
        k += U16_LENGTH(d);
        if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
        UChar32 s2 = special_fold(d);
        if (s2 < 0) continue;
        emit(s2 > 0 ? s2 : d);
      }
    }
    ++cp;
  }
  out.origin.push_back(cp);
  return out;
}

std::string fold_string(std::string_view utf8) {
  // Fast path for plain ASCII (most words of a word list): lower-casing is the
  // whole fold, no offset map needed.
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return fold(utf8).text;
  std::string out(utf8);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::vector<Range> words(std::string_view utf8) {
  std::vector<Range> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::BreakIterator* bi = iterators().words.get();
  if (bi == nullptr) return out;
  bi->setText(u);
  Utf16ToCp to_cp(u);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    if (bi->getRuleStatus() >= UBRK_WORD_NUMBER) {
      std::size_t s = to_cp(start);
      std::size_t e = to_cp(end);
      out.push_back({s, e});
    }
  }
  return out;
}

std::vector<Range> sentences(std::string_view utf8) {
  std::vector<Range> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::BreakIterator* bi = iterators().sentences.get();
  if (bi == nullptr) return out;
  bi->setText(u);
  Utf16ToCp to_cp(u);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    int32_t e16 = end;
    while (e16 > start) {
      UChar32 c = u.char32At(e16 - 1);
      if (!is_space_cp(c)) break;
      e16 -= U16_LENGTH(c);
    }
    if (e16 > start) out.push_back({to_cp(start), to_cp(e16)});
  }
  return out;
}

bool starts_upper(std::string_view utf8) {
  if (utf8.empty()) return false;
  std::size_t i = 0;
  return u_isupper(next_cp(utf8, i)) || u_istitle(next_cp(utf8, i = 0));
}

bool all_upper(std::string_view utf8) {
  std::size_t i = 0;
  int letters = 0;
  while (i < utf8.size()) {
    UChar32 c = next_cp(utf8, i);
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

namespace {

std::size_t word_hash(std::string_view w) {
  // FNV-1a: short words, no allocation.
  std::size_t h = 1469598103934665603ULL;
  for (char c : w) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return h;
}

}  // namespace

void Lexicon::WordSet::reserve(std::size_t words) {
  std::size_t capacity = 16;
  while (capacity < words * 2) capacity *= 2;
  slots_.assign(capacity, 0);
}

void Lexicon::WordSet::insert(const std::string& arena, std::uint32_t at, std::uint32_t size) {
  const std::string_view word(arena.data() + at, size);
  if (contains(arena, word)) return;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = word_hash(word) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) {
      slots_[i] = ((static_cast<std::uint64_t>(at) << 32) | size) + 1;
      ++count_;
      return;
    }
  }
}

bool Lexicon::WordSet::contains(const std::string& arena, std::string_view word) const {
  if (slots_.empty()) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = word_hash(word) & mask; slots_[i] != 0; i = (i + 1) & mask) {
    const std::uint64_t v = slots_[i] - 1;
    const auto at = static_cast<std::size_t>(v >> 32);
    const auto size = static_cast<std::size_t>(v & 0xFFFFFFFFu);
    if (size == word.size() && arena.compare(at, size, word) == 0) return true;
  }
  return false;
}

Lexicon::Lexicon(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;
  const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (raw.size() >= 0xFFFFFFFFu) return;  // offsets are 32-bit; no word list is this large
  arena_.reserve(raw.size() + raw.size() / 8);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lower_spans;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> capitalised_spans;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    std::size_t nl = raw.find('\n', pos);
    if (nl == std::string::npos) nl = raw.size();
    std::string_view line(raw.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::string f = fold_string(line);
    const auto at = static_cast<std::uint32_t>(arena_.size());
    arena_ += f;
    arena_ += '\n';
    (starts_upper(line) ? capitalised_spans : lower_spans)
        .emplace_back(at, static_cast<std::uint32_t>(f.size()));
  }
  lower_.reserve(lower_spans.size());
  for (const auto& [at, size] : lower_spans) {
    lower_.insert(arena_, at, size);
  }
  proper_.reserve(capitalised_spans.size());
  for (const auto& [at, size] : capitalised_spans) {
    if (!lower_.contains(arena_, std::string_view(arena_.data() + at, size))) {
      proper_.insert(arena_, at, size);
    }
  }
}

bool Lexicon::is_common_word(std::string_view folded_word) const {
  return lower_.contains(arena_, folded_word);
}

bool Lexicon::is_proper_noun(std::string_view folded_word) const {
  return proper_.contains(arena_, folded_word);
}

}  // namespace dhrlint::text
