// Number formats of list labels (ECMA-376 ST_NumberFormat, §17.18.59) and the
// symbol-font mapping of bullet characters. Private helpers of the numbering
// engine; no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dhrlint::ooxml {

// The largest counter value the engine keeps: w:start / w:startOverride are
// clamped to [0, kMaxListValue] so arithmetic never overflows and no format
// produces an absurdly long label.
inline constexpr std::int64_t kMaxListValue = 2147483647;

// `value` formatted as `num_fmt` (the w:numFmt w:val). `custom_format` is
// w:numFmt/@w:format, used only when num_fmt is "custom" (Word ignores it
// otherwise, [MS-OI29500] 2.1.286). Formats dhrlint does not know, and values
// a format cannot express (0 in roman, past 3999 in roman, ...), fall back to
// decimal. "bullet" and "none" give "".
std::string format_number(std::int64_t value, std::string_view num_fmt,
                          std::string_view custom_format = {});

// Bullet and label text written in a symbol font: private-use code points
// U+F020..U+F0FF (and the plain ASCII code points of Symbol/Wingdings) mapped
// to the Unicode character the font draws there, so "" in Symbol reads
// "•". `font` is the level's w:rFonts (ascii, else hAnsi), may be empty.
// `bullet`: the text is a bullet's literal lvlText, so plain characters drawn
// in a symbol font ("§" in Wingdings, "o" in Courier New) are mapped too; a
// number label keeps its letters and digits (only private-use code points
// are mapped), as the text of the label is what a reader cites.
std::string map_symbol_font(std::string_view utf8, std::string_view font, bool bullet = true);

}  // namespace dhrlint::ooxml
