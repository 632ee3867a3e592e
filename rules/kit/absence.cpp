#include "rules/kit/absence.hpp"

#include "rules/kit/location.hpp"
#include "rules/kit/named_sections.hpp"

namespace dhrlint::kit {

Finding& report_absence(RuleContext& ctx, const Rule& rule, const Document& doc,
                        std::size_t heading, text::Range heading_span, std::string message) {
  Finding& f = ctx.report_document(rule, std::move(message));
  if (heading < doc.paragraphs.size()) {
    f.location.related.insert(f.location.related.begin(),
                              location_of(doc, heading, heading_span.start, heading_span.end));
  }
  return f;
}

Finding& report_absence(RuleContext& ctx, const Rule& rule, const Document& doc,
                        std::size_t heading, std::string message) {
  const text::Range span =
      heading < doc.paragraphs.size() ? heading_words(doc.paragraphs[heading]) : text::Range{};
  return report_absence(ctx, rule, doc, heading, span, std::move(message));
}

}  // namespace dhrlint::kit
