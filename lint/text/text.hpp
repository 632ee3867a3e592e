// Unicode text handling shared by rules: code-point offsets, folding for
// matching (with a map back to the original offsets), ICU word and sentence
// boundaries. RE2's \b, \w and case folding are ASCII-only, so rules run RE2
// on FoldedText::text and map match offsets back with FoldedText::original().
#pragma once

#include <cstddef>
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
  // The word appears in lower case in the list ("hope").
  bool is_common_word(std::string_view folded_word) const;
  // The word appears only capitalised ("London", "Zoe").
  bool is_proper_noun(std::string_view folded_word) const;

 private:
  std::vector<std::string> lower_;   // sorted, folded, from lower-case entries
  std::vector<std::string> proper_;  // sorted, folded, from capitalised-only entries
};

}  // namespace dhrlint::text
