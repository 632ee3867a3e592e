// Findings about something the report does not do (a characteristic never
// considered, terms of reference silent on suicide, no recommendation about
// the children). The output contract makes them whole-document findings:
// `section` null for "a missing section, an absent discussion". The heading
// of the section where the discussion belongs, when there is one, goes
// first in `related`, so that an output can still point the author there.
#pragma once

#include <cstddef>
#include <string>

#include "dhrlint/rule.hpp"
#include "lint/text/text.hpp"

namespace dhrlint::kit {

Finding& report_absence(RuleContext& ctx, const Rule& rule, const Document& doc,
                        std::size_t heading, text::Range heading_span, std::string message);
// The same with the heading's words (kit::heading_words) as the span;
// `heading` may be kNoIndex (no related location).
Finding& report_absence(RuleContext& ctx, const Rule& rule, const Document& doc,
                        std::size_t heading, std::string message);

}  // namespace dhrlint::kit
