#include "rules/culture/common.hpp"

#include <algorithm>

#include "rules/family/parts.hpp"

namespace dhrlint::culture {

CultureReader::CultureReader()
    : context_("culture/context.txt"),
      barriers_("culture/barriers.txt"),
      services_("culture/services.txt") {}

const CultureReading& CultureReader::shared_reading(const Document& doc,
                                                    DocumentAnalysis& analysis) {
  static const CultureReader kReader;
  return analysis.family<CultureReading>([&] { return kReader.read(doc, analysis); });
}

// A sentence that names a barrier as such ("stigma", "a language barrier",
// "financially dependent on him"), or a factor (language, immigration,
// dependence, community, ...) together with seeking help, reporting,
// disclosing or leaving.
bool CultureReader::explores_barriers(const text::FoldedText& folded,
                                      const std::vector<text::Range>& sentences) const {
  if (barriers_.contains(folded, "explicit")) {
    return true;
  }
  if (!barriers_.contains(folded, "help") || !barriers_.contains(folded, "factor")) {
    return false;
  }
  for (const text::Range& r : sentences) {
    const kit::FoldedSpan s = kit::to_folded_span(folded, r);
    if (barriers_.contains_in(folded, s.folded_begin, s.folded_end, "help") &&
        barriers_.contains_in(folded, s.folded_begin, s.folded_end, "factor")) {
      return true;
    }
  }
  return false;
}

CultureReading CultureReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  CultureReading out;
  const family::ReportParts& parts = family::ReportParts::shared(doc, analysis);
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (!kit::is_report_text(p) && !kit::is_note(p)) {
      continue;
    }
    const text::FoldedText& folded = analysis.folded(i);
    if (folded.text.empty()) {
      continue;
    }
    // A panel of a by-and-for service, or a recommendation to commission
    // one, is the report considering them.
    if (!out.by_and_for && services_.contains(folded, "by-and-for")) {
      out.by_and_for = true;
    }
    if (parts.in(i, family::kReference) || parts.in(i, family::kTermsOfReference) ||
        parts.in(i, family::kRecommendations)) {
      continue;
    }
    if (!out.barriers && explores_barriers(folded, analysis.sentences(i))) {
      out.barriers = true;
    }
    const std::vector<kit::TermMatch> matches = context_.find(folded);
    for (const kit::TermMatch& m : matches) {
      if (m.group == "sign-language" || m.group == "not-cue" || out.cues.count(m.group)) {
        continue;
      }
      // "No interpreter was needed": a cue inside a not-cue does not count.
      const bool negated =
          std::any_of(matches.begin(), matches.end(), [&](const kit::TermMatch& n) {
            return n.group == "not-cue" && m.folded_begin < n.folded_end &&
                   n.folded_begin < m.folded_end;
          });
      if (negated) {
        continue;
      }
      if (m.group == "language") {
        const kit::FoldedSpan s = kit::sentence_at(analysis.sentences(i), folded, m.start);
        if (context_.contains_in(folded, s.folded_begin, s.folded_end, "sign-language")) {
          continue;
        }
      }
      out.cues.emplace(m.group, Mention{i, m.start, m.end});
    }
  }
  return out;
}

}  // namespace dhrlint::culture
