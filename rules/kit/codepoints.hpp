// Code-point utilities for rules. Every offset a rule reports counts Unicode
// code points into a paragraph's visible text (as every output prints it), while RE2
// and std::string work in bytes: these are the one set of conversions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/text/text.hpp"

namespace dhrlint::kit {

// The code points of `utf8` (malformed bytes give U+FFFD).
std::vector<char32_t> code_points(std::string_view utf8);
// Unicode white space, zero-width space and BOM.
bool is_space(char32_t c);
// A UTF-8 continuation byte (10xxxxxx): not the start of a code point.
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// The bytes of each code point of `utf8`, in order (a malformed byte is a
// code point of its own).
std::vector<std::string_view> split_code_points(std::string_view utf8);
// A code-point range of `utf8` with white space trimmed from both ends.
text::Range trim(std::string_view utf8, text::Range r);
// Code points that close a quotation or bracket after final punctuation.
bool is_closer(char32_t c);
// Sentence-final punctuation (. ! ? … ‽).
bool is_terminal(char32_t c);

// Byte offsets of a UTF-8 string to code-point offsets, for texts scanned by
// byte (RE2 matches) whose hits are reported in code points.
class ByteToCodePoint {
 public:
  // Keeps a view of `utf8`, which must outlive this object. Nothing is
  // computed until a hit asks: most paragraphs have none.
  explicit ByteToCodePoint(std::string_view utf8) : text_(utf8) {}
  // The code point that byte `byte` belongs to (clamped to the end). Cheap
  // for increasing bytes, as hits come; a smaller byte restarts the count.
  std::size_t cp(std::size_t byte) const;

 private:
  std::string_view text_;
  mutable std::size_t at_byte_ = 0;  // the last byte counted up to
  mutable std::size_t at_cp_ = 0;    // its code point
};

// True if `text` holds an ASCII digit: the cheap test a rule whose every
// pattern needs a digit (dates, phone and case numbers) runs before them.
bool has_ascii_digit(std::string_view text);

// True if the code point before `byte` / at `byte` is a letter or digit
// (a Unicode word boundary test; RE2's \b is ASCII-only).
bool alnum_before(std::string_view utf8, std::size_t byte);
bool alnum_at(std::string_view utf8, std::size_t byte);

// Folded form (case, diacritics, typographic quotes) of a string:
// text::fold_string, named for the readers of rules.
std::string folded(std::string_view utf8);
// The first byte of `folded` that comes from code point `cp` or later.
std::size_t folded_byte_of(const text::FoldedText& folded, std::size_t cp);

// A code-point range and the same range in a paragraph's folded text.
struct FoldedSpan {
  text::Range cps;               // code points of the visible text
  std::size_t folded_begin = 0;  // bytes of the folded text
  std::size_t folded_end = 0;
};
FoldedSpan to_folded_span(const text::FoldedText& folded, text::Range r);
// The sentence (of `sentences`, ICU boundaries) holding code point `cp`; the
// whole text when none does.
FoldedSpan sentence_at(const std::vector<text::Range>& sentences, const text::FoldedText& folded,
                       std::size_t cp);

}  // namespace dhrlint::kit
