#include "rules/kit/codepoints.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace dhrlint::kit {

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

std::vector<std::string_view> split_code_points(std::string_view utf8) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t j = i + 1;
    while (j < utf8.size() && is_continuation_byte(utf8[j])) {
      ++j;
    }
    out.push_back(utf8.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}

text::Range trim(std::string_view utf8, text::Range r) {
  const std::vector<char32_t> cps = code_points(utf8);
  r.end = std::min(r.end, cps.size());
  r.start = std::min(r.start, r.end);
  while (r.start < r.end && is_space(cps[r.start])) {
    ++r.start;
  }
  while (r.end > r.start && is_space(cps[r.end - 1])) {
    --r.end;
  }
  return r;
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

bool has_ascii_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t ByteToCodePoint::cp(std::size_t byte) const {
  if (text_.empty()) {
    return 0;
  }
  // Byte i belongs to the code point counted by the lead bytes in [1, i]; one
  // past the end is the number of code points.
  const bool past_end = byte >= text_.size();
  const std::size_t target = past_end ? text_.size() - 1 : byte;
  if (target < at_byte_) {
    at_byte_ = 0;
    at_cp_ = 0;
  }
  while (at_byte_ < target) {
    ++at_byte_;
    if (!is_continuation_byte(text_[at_byte_])) {
      ++at_cp_;
    }
  }
  return past_end ? at_cp_ + 1 : at_cp_;
}

namespace {

// Decodes the code point starting at byte `i`; -1 on malformed input.
UChar32 decode_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) {
    return -1;
  }
  auto at = static_cast<std::int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), at, static_cast<std::int32_t>(s.size()),
          c);
  return c;
}

}  // namespace

bool alnum_before(std::string_view utf8, std::size_t byte) {
  if (byte == 0 || byte > utf8.size()) {
    return false;
  }
  std::size_t i = byte - 1;
  while (i > 0 && is_continuation_byte(utf8[i])) {
    --i;
  }
  const UChar32 c = decode_at(utf8, i);
  return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

bool alnum_at(std::string_view utf8, std::size_t byte) {
  const UChar32 c = decode_at(utf8, byte);
  return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

std::string folded(std::string_view utf8) { return text::fold_string(utf8); }

std::size_t folded_byte_of(const text::FoldedText& folded, std::size_t cp) {
  if (folded.origin.empty()) {
    return 0;
  }
  const auto it = std::lower_bound(folded.origin.begin(), folded.origin.end(), cp);
  return std::min(static_cast<std::size_t>(it - folded.origin.begin()), folded.text.size());
}

FoldedSpan to_folded_span(const text::FoldedText& folded, text::Range r) {
  FoldedSpan s;
  s.cps = r;
  s.folded_begin = folded_byte_of(folded, r.start);
  s.folded_end = std::max(s.folded_begin, folded_byte_of(folded, r.end));
  return s;
}

FoldedSpan sentence_at(const std::vector<text::Range>& sentences, const text::FoldedText& folded,
                       std::size_t cp) {
  for (const text::Range& r : sentences) {
    if (cp >= r.start && cp < std::max(r.end, r.start + 1)) {
      return to_folded_span(folded, r);
    }
  }
  const std::size_t end = folded.origin.empty() ? 0 : folded.origin.back();
  return to_folded_span(folded, {0, end});
}

}  // namespace dhrlint::kit
