// The short context shown with a finding (contract: `excerpt`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dhrlint {

inline constexpr std::size_t kExcerptContext = 30;   // code points each side of the span
inline constexpr std::size_t kExcerptSpanHalf = 40;  // a longer span shows its two ends

// About kExcerptContext code points either side of [start, end) of `text`
// (code points), "…" where the text is cut, newlines and tabs as spaces.
std::string make_excerpt(std::string_view text, std::size_t start, std::size_t end);

}  // namespace dhrlint
