// Symbol fonts: Word stores characters of "Symbol", "Wingdings" and similar
// fonts as private-use code points U+F020..U+F0FF (w:sym w:char="F0B7", bullet
// lvlText). A reader shows the glyph the font draws there; this maps the
// known ones to the Unicode character with that meaning.
#pragma once

#include <string_view>

namespace dhrlint::ooxml {

// The Unicode character `font` draws for `code_point`: for U+F0xx (and the
// plain 0x20..0xFF range) in Symbol / Wingdings / Webdings-like fonts, the
// mapped character; otherwise `code_point` unchanged. Font names compare
// case-insensitively.
char32_t map_symbol_char(std::string_view font, char32_t code_point);

}  // namespace dhrlint::ooxml
