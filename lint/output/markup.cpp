#include "lint/output/markup.hpp"

#include <unicode/utf8.h>

#include <cstdint>

#include "lint/text/utf8.hpp"

namespace dhrlint {

std::string escape_markup(std::string_view text, const MarkupEscaping& how) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);  // malformed bytes give c < 0
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += how.apostrophe;
        break;
      case '\t':
        out += how.whitespace_as_references ? "&#9;" : "\t";
        break;
      case '\n':
        out += how.whitespace_as_references ? "&#10;" : "\n";
        break;
      case '\r':
        out += how.whitespace_as_references ? "&#13;" : "\xEF\xBF\xBD";
        break;
      default:
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
          text::append_utf8(out, 0xFFFD);
        } else {
          text::append_utf8(out, static_cast<char32_t>(c));
        }
    }
  }
  return out;
}

}  // namespace dhrlint
