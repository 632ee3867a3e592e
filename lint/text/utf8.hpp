// Plain UTF-8 encoding, header-only and without ICU, so that every layer (the
// package layer's compound-file names included) encodes code points the same
// way. Invalid code points (surrogates, > U+10FFFF) become U+FFFD.
#pragma once

#include <string>

namespace dhrlint::text {

inline void append_utf8(std::string& out, char32_t c) {
  if ((c >= 0xD800 && c < 0xE000) || c >= 0x110000) {
    { c = 0xFFFD; }
  }
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace dhrlint::text
