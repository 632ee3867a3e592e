// Unicode text handling shared by rules: code-point offsets, folding for
// matching (with a map back to the original offsets), ICU word and sentence
// boundaries. RE2's \b, \w and case folding are ASCII-only, so rules run RE2
// on FoldedText::text and map match offsets back with FoldedText::original().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dhrlint::text {

// UTF-8 helpers. Offsets are code points unless named `byte`.
std::size_t length(std::string_view utf8);                   // code points
std::size_t byte_of(std::string_view utf8, std::size_t cp);  // cp -> byte (clamped)
std::size_t cp_of(std::string_view utf8, std::size_t byte);  // byte -> cp
std::string slice(std::string_view utf8, std::size_t cp_start, std::size_t cp_end);

// Text folded for matching: NFKD, combining marks removed, Unicode case
// folding, typographic quotes/apostrophes -> ' and " , dashes and hyphens
// (U+2010..U+2015, U+2011, U+2212) -> '-', NBSP and other spaces -> ' ',
// zero-width characters dropped. "Zoë’s" -> "zoe's".
struct FoldedText {
  std::string text;  // UTF-8 (mostly ASCII)
  // For every byte of `text` (and one past the end), the code-point offset in
  // the original string it came from.
  std::vector<std::size_t> origin;
  std::size_t original(std::size_t folded_byte) const {
    return folded_byte < origin.size() ? origin[folded_byte] : (origin.empty() ? 0 : origin.back());
  }
  // Original code-point span [start, end) of a folded byte range [b, e).
  std::size_t original_end(std::size_t folded_end_byte) const;
};
FoldedText fold(std::string_view utf8);
std::string fold_string(std::string_view utf8);  // fold(utf8).text

struct Range {
  std::size_t start = 0;  // code points
  std::size_t end = 0;
};

// ICU word boundaries: the words (letters/digits, with inner apostrophes and
// hyphens as ICU keeps them: "Zoë's" is one word) of `utf8`, code points.
std::vector<Range> words(std::string_view utf8);
// ICU sentence boundaries (code points), trailing spaces trimmed from each.
std::vector<Range> sentences(std::string_view utf8);

// True if the first code point is an uppercase letter (Unicode-aware).
bool starts_upper(std::string_view utf8);
// True if every letter is uppercase and there are at least two letters.
bool all_upper(std::string_view utf8);

// Debian's wbritish-large (/usr/share/dict/british-english-large): tells an
// ordinary English word ("rose", "hope") from a word that only appears
// capitalised (a proper noun). The list is folded into a compact table when
// dhrlint is built (lint/text/tool/make_lexicon.cpp) and compiled into the
// binary, so a run reads no file and builds nothing: a lookup touches only
// the pages of the table it needs. Read-only; safe to share between threads.
class Lexicon {
 public:
  // The table compiled into this binary; empty (available() false) when the
  // word list was not installed at build time.
  Lexicon();
  // A table built now from a word list (one word a line): the build-time
  // generator, and tests. An absent file gives an empty lexicon.
  static Lexicon from_word_list(const std::string& path);
  // The table in its serialised form (what the generator writes and the
  // binary embeds): a header, the folded words, then two hash tables.
  std::string_view table_bytes() const { return table_; }

  bool available() const { return lower_.count != 0; }
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  Lexicon(const Lexicon&) = delete;  // one per process; no copies of 170,000 words
  Lexicon& operator=(const Lexicon&) = delete;
  ~Lexicon();
  // The word appears in lower case in the list ("hope").
  bool is_common_word(std::string_view folded_word) const;
  // The word appears only capitalised ("London", "Zoe").
  bool is_proper_noun(std::string_view folded_word) const;

 private:
  // An open-addressing table of slots into the arena of folded words; a
  // slot is (offset << 8 | length), 0 when empty (no word is empty).
  struct WordSet {
    const char* slots = nullptr;  // uint32 slots, read with memcpy
    std::uint32_t mask = 0;
    std::uint32_t count = 0;
    bool contains(std::string_view arena, std::string_view word) const;
  };
  struct Empty {};
  explicit Lexicon(Empty /*unused*/);
  void attach(std::string_view table);  // points arena_ and the sets into `table`
  std::string owned_;                   // from_word_list's table; empty when embedded
  std::string_view table_;
  std::string_view arena_;
  WordSet lower_;   // from lower-case entries
  WordSet proper_;  // from capitalised-only entries
};

}  // namespace dhrlint::text
