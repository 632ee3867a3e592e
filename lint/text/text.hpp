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

// Debian's wbritish-large (/usr/share/dict/british-english-large) when
// installed: tells an ordinary English word ("rose", "hope") from a word
// that only appears capitalised (a proper noun). Loaded once, read-only after.
class Lexicon {
 public:
  // Loads `path`; an absent file gives an empty lexicon (available() false).
  explicit Lexicon(const std::string& path = "/usr/share/dict/british-english-large");
  bool available() const { return !lower_.empty(); }
  Lexicon(const Lexicon&) = delete;  // one per process; no copies of 170,000 words
  Lexicon& operator=(const Lexicon&) = delete;
  // The word appears in lower case in the list ("hope").
  bool is_common_word(std::string_view folded_word) const;
  // The word appears only capitalised ("London", "Zoe").
  bool is_proper_noun(std::string_view folded_word) const;

 private:
  // Read once at start-up: 170,000 words. The folded words sit in one arena;
  // each set is an open-addressing table of (offset, length) into it: no
  // allocation per word and no sort, so loading costs a read and a fold.
  class WordSet {
   public:
    void reserve(std::size_t words);
    void insert(const std::string& arena, std::uint32_t at, std::uint32_t size);
    bool contains(const std::string& arena, std::string_view word) const;
    bool empty() const { return count_ == 0; }

   private:
    std::vector<std::uint64_t> slots_;  // (offset << 32 | length) + 1; 0 = empty
    std::size_t count_ = 0;
  };
  std::string arena_;  // folded words, each ended by '\n'
  WordSet lower_;      // from lower-case entries
  WordSet proper_;     // from capitalised-only entries
};

}  // namespace dhrlint::text
