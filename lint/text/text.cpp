#include "lint/text/text.hpp"
#include "lint/text/utf8.hpp"

#include <algorithm>
#include <cstring>
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
  if (c >= 0x2000 && c <= 0x200A) {
    return ' ';
  }
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
    if ((c & 0xC0) != 0x80) {
      ++n;
    }
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
  if (cp_end <= cp_start) {
    return {};
  }
  std::size_t b = byte_of(utf8, cp_start);
  std::size_t e = b + byte_of(utf8.substr(b), cp_end - cp_start);
  return std::string(utf8.substr(b, e - b));
}

std::size_t FoldedText::original_end(std::size_t folded_end_byte) const {
  // The end of a match is exclusive: map the last byte inside the match and
  // step past its original code point.
  if (folded_end_byte == 0 || origin.empty()) {
    return original(0);
  }
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
    // ASCII, most of any text: one byte in, one byte out, without decoding.
    while (i < utf8.size() && static_cast<unsigned char>(utf8[i]) < 0x80) {
      const char b = utf8[i++];
      out.text.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b);
      out.origin.push_back(cp++);
    }
    if (i >= utf8.size()) {
      break;
    }
    // A lead byte: a code point of U+0080 or above, or U+FFFD when malformed.
    const UChar32 c = next_cp(utf8, i);
    if (UChar32 s = special_fold(c); s != 0) {
      if (s > 0) {
        emit(s);
      }
    } else {
      icu::UnicodeString u(c);
      if (U_SUCCESS(st) && nfkd != nullptr) {
        UErrorCode st2 = U_ZERO_ERROR;
        icu::UnicodeString d = nfkd->normalize(u, st2);
        if (U_SUCCESS(st2)) {
          u = d;
        }
      }
      u.foldCase();
      for (int32_t k = 0; k < u.length();) {
        UChar32 d = u.char32At(k);
        k += U16_LENGTH(d);
        if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) {
          continue;
        }
        UChar32 s2 = special_fold(d);
        if (s2 < 0) {
          continue;
        }
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
  if (!ascii) {
    return fold(utf8).text;
  }
  std::string out(utf8);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    }
  }
  return out;
}

std::vector<Range> words(std::string_view utf8) {
  std::vector<Range> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::BreakIterator* bi = iterators().words.get();
  if (bi == nullptr) {
    return out;
  }
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
  if (bi == nullptr) {
    return out;
  }
  bi->setText(u);
  Utf16ToCp to_cp(u);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    int32_t e16 = end;
    while (e16 > start) {
      UChar32 c = u.char32At(e16 - 1);
      if (!is_space_cp(c)) {
        break;
      }
      e16 -= U16_LENGTH(c);
    }
    if (e16 > start) {
      out.push_back({to_cp(start), to_cp(e16)});
    }
  }
  return out;
}

bool starts_upper(std::string_view utf8) {
  if (utf8.empty()) {
    return false;
  }
  std::size_t i = 0;
  const UChar32 c = next_cp(utf8, i);
  return u_isupper(c) || u_istitle(c);
}

bool all_upper(std::string_view utf8) {
  std::size_t i = 0;
  int letters = 0;
  while (i < utf8.size()) {
    UChar32 c = next_cp(utf8, i);
    if (u_isalpha(c)) {
      if (!u_isupper(c)) {
        return false;
      }
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

// The serialised table (Lexicon::table_bytes()), in host byte order:
//   "DHRLEX01", then six uint32: arena size, lower capacity, lower count,
//   proper capacity, proper count, 0;
//   the arena of folded words, each ended by '\n', padded to 4 bytes;
//   the lower slots, then the proper slots (uint32 each).
// Capacities are powers of two at least twice the count, so probing ends.
constexpr std::string_view kLexiconMagic = "DHRLEX01";
constexpr std::size_t kLexiconHeader = 8 + 6 * 4;

std::uint32_t read_u32(const char* at) {
  std::uint32_t v = 0;
  std::memcpy(&v, at, sizeof v);  // the table is bytes; no aliasing of uint32_t
  return v;
}

void append_u32(std::string& out, std::uint32_t v) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  out.append(b, sizeof v);
}

std::uint32_t capacity_for(std::size_t words) {
  std::uint32_t capacity = 16;
  while (capacity < words * 2) {
    capacity *= 2;
  }
  return capacity;
}

// One open-addressing table of (offset << 8 | length) slots into `arena`.
struct SlotTable {
  std::vector<std::uint32_t> slots;
  std::uint32_t count = 0;

  explicit SlotTable(std::size_t words) : slots(capacity_for(words), 0) {}
  static std::string_view word_of(std::string_view arena, std::uint32_t slot) {
    return arena.substr(slot >> 8, slot & 0xFFu);
  }
  bool contains(std::string_view arena, std::string_view word) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = word_hash(word) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (word_of(arena, slots[i]) == word) {
        return true;
      }
    }
    return false;
  }
  void insert(std::string_view arena, std::uint32_t slot) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = word_hash(word_of(arena, slot)) & mask;; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        slots[i] = slot;
        ++count;
        return;
      }
    }
  }
};

}  // namespace

bool Lexicon::WordSet::contains(std::string_view arena, std::string_view word) const {
  if (count == 0 || word.empty() || word.size() > 0xFFu) {
    return false;
  }
  for (std::uint32_t i = static_cast<std::uint32_t>(word_hash(word)) & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = read_u32(slots + std::size_t{i} * 4);
    if (slot == 0) {
      return false;
    }
    if ((slot & 0xFFu) == word.size() &&
        std::memcmp(arena.data() + (slot >> 8), word.data(), word.size()) == 0) {
      return true;
    }
  }
}

Lexicon Lexicon::from_word_list(const std::string& path) {
  Lexicon lexicon{Empty{}};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return lexicon;
  }
  const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A slot holds a 24-bit offset and an 8-bit length: a 16 MiB arena of
  // words under 256 bytes, four times the size of the largest Debian list.
  std::string arena;
  arena.reserve(raw.size() + raw.size() / 8);
  std::vector<std::uint32_t> lower_words;
  std::vector<std::uint32_t> capitalised_words;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    std::size_t nl = raw.find('\n', pos);
    if (nl == std::string::npos) {
      nl = raw.size();
    }
    std::string_view line(raw.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      continue;
    }
    const std::string f = fold_string(line);
    if (f.empty() || f.size() > 0xFFu || arena.size() + f.size() + 1 > 0xFFFFFFu) {
      continue;
    }
    const auto at = static_cast<std::uint32_t>(arena.size());
    arena += f;
    arena += '\n';
    (starts_upper(line) ? capitalised_words : lower_words)
        .push_back(at << 8 | static_cast<std::uint32_t>(f.size()));
  }
  // Duplicates (folding merges "résumé" and "resume") are kept once, and a
  // word that also appears in lower case is no proper noun.
  SlotTable lower(lower_words.size());
  for (std::uint32_t w : lower_words) {
    if (!lower.contains(arena, SlotTable::word_of(arena, w))) {
      lower.insert(arena, w);
    }
  }
  SlotTable proper(capitalised_words.size());
  for (std::uint32_t w : capitalised_words) {
    const std::string_view word = SlotTable::word_of(arena, w);
    if (!lower.contains(arena, word) && !proper.contains(arena, word)) {
      proper.insert(arena, w);
    }
  }
  while (arena.size() % 4 != 0) {
    arena += '\n';
  }

  std::string& table = lexicon.owned_;
  table.reserve(kLexiconHeader + arena.size() + 4 * (lower.slots.size() + proper.slots.size()));
  table += kLexiconMagic;
  for (std::size_t v : {arena.size(), lower.slots.size(), std::size_t{lower.count},
                        proper.slots.size(), std::size_t{proper.count}, std::size_t{0}}) {
    append_u32(table, static_cast<std::uint32_t>(v));
  }
  table += arena;
  for (std::uint32_t v : lower.slots) {
    append_u32(table, v);
  }
  for (std::uint32_t v : proper.slots) {
    append_u32(table, v);
  }
  lexicon.attach(table);
  return lexicon;
}

void Lexicon::attach(std::string_view table) {
  table_ = {};
  arena_ = {};
  lower_ = {};
  proper_ = {};
  if (table.size() < kLexiconHeader || table.substr(0, kLexiconMagic.size()) != kLexiconMagic) {
    return;
  }
  const char* h = table.data() + kLexiconMagic.size();
  const std::uint32_t arena_size = read_u32(h);
  const std::uint32_t lower_cap = read_u32(h + 4);
  const std::uint32_t lower_count = read_u32(h + 8);
  const std::uint32_t proper_cap = read_u32(h + 12);
  const std::uint32_t proper_count = read_u32(h + 16);
  const auto power_of_two = [](std::uint32_t n) { return n != 0 && (n & (n - 1)) == 0; };
  const std::size_t need = kLexiconHeader + std::size_t{arena_size} +
                           4 * (std::size_t{lower_cap} + std::size_t{proper_cap});
  if (table.size() != need || arena_size % 4 != 0 || !power_of_two(lower_cap) ||
      !power_of_two(proper_cap) || lower_count * std::size_t{2} > lower_cap ||
      proper_count * std::size_t{2} > proper_cap) {
    return;  // not a table this build wrote: an empty lexicon, never a bad read
  }
  table_ = table;
  arena_ = table.substr(kLexiconHeader, arena_size);
  const char* slots = table.data() + kLexiconHeader + arena_size;
  lower_ = {slots, lower_cap - 1, lower_count};
  proper_ = {slots + std::size_t{4} * lower_cap, proper_cap - 1, proper_count};
}

Lexicon::Lexicon(Empty /*unused*/) {}

Lexicon::Lexicon(Lexicon&& other) noexcept : Lexicon(Empty{}) { *this = std::move(other); }

Lexicon& Lexicon::operator=(Lexicon&& other) noexcept {
  if (this != &other) {
    const bool owned = !other.owned_.empty();
    owned_ = std::move(other.owned_);
    attach(owned ? std::string_view(owned_) : other.table_);
    other.attach({});
  }
  return *this;
}

Lexicon::~Lexicon() = default;

bool Lexicon::is_common_word(std::string_view folded_word) const {
  return lower_.contains(arena_, folded_word);
}

bool Lexicon::is_proper_noun(std::string_view folded_word) const {
  return proper_.contains(arena_, folded_word);
}

}  // namespace dhrlint::text
