// Where a finding is: the contract's Location for a paragraph and span, and
// the short excerpt shown with it. RuleContext::report builds its locations
// here too, so a rule that builds a Location for `related` gets the same
// fields (note_id, comment_id, section) as a reported finding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "lint/text/text.hpp"

namespace dhrlint {

inline constexpr std::size_t kExcerptContext = 30;   // code points each side of the span
inline constexpr std::size_t kExcerptSpanHalf = 40;  // a longer span shows its two ends

// About kExcerptContext code points either side of [start, end) of `text`
// (code points), "…" where the text is cut, newlines and tabs as spaces.
std::string make_excerpt(std::string_view text, std::size_t start, std::size_t end);

namespace kit {

// The Location of paragraph `p` (index into doc.paragraphs), span [start,
// end) of its visible text when given (clamped to the text): part, paragraph
// ordinal, section, and the note or comment id of a note or comment
// paragraph. An index outside the model gives the main part alone (a
// whole-document location).
Location location_of(const Document& doc, std::size_t p, std::optional<std::size_t> start = {},
                     std::optional<std::size_t> end = {});

// The span a comment covers in its anchoring paragraph (Comment::anchor):
// its CommentRange there, or [0, 0) when it has only a reference mark or the
// anchor holds no range of it.
text::Range comment_span(const Document& doc, const Comment& comment);

}  // namespace kit

}  // namespace dhrlint
