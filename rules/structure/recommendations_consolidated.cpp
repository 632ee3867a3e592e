// structure/recommendations-consolidated: single-agency recommendations kept
// apart from the multi-agency ones, only in IMRs or appendices.
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class RecommendationsConsolidatedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    if (outline.kind() == kit::DocumentKind::kExecutiveSummary) {
      return;  // a summary lists what the report recommends
    }
    const kit::TermList& terms = context_terms();
    // Single-agency recommendations in the main report: a heading of the
    // recommendations outside the appendices that names them.
    const kit::OutlineHeading* appendix_heading = nullptr;
    for (const kit::OutlineHeading& h : outline.headings()) {
      if (!h.has("recommendations") ||
          !terms.contains(analysis.folded(h.paragraph), "single-agency")) {
        continue;
      }
      if (!h.appendix) {
        return;
      }
      if (appendix_heading == nullptr) {
        appendix_heading = &h;
      }
    }
    // A sentence that sends them out of the report ("Single agency
    // recommendations are contained in the IMRs").
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_running_text(para) || kit::is_heading(para)) {
        if (para.story != Story::kBody) {
          break;
        }
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      if (folded.text.find("recommendation") == std::string::npos) {
        continue;
      }
      const kit::OutlineHeading* h = outline.heading_of(p);
      if (h != nullptr && h->appendix) {
        continue;
      }
      const std::vector<kit::TermMatch> m = terms.find(folded, "single-agency-elsewhere");
      if (!m.empty()) {
        ctx.report(*this, p, m.front().start, m.front().end,
                   "Single-agency recommendations are left to the IMRs or an appendix; set them "
                   "out in the report's recommendations beside the multi-agency ones");
        return;
      }
    }
    if (appendix_heading != nullptr) {
      const text::Range r = heading_span(doc, *appendix_heading);
      ctx.report(*this, appendix_heading->paragraph, r.start, r.end,
                 "Single-agency recommendations appear only in an appendix; set them out in the "
                 "report's recommendations beside the multi-agency ones");
    }
  }

 private:
  RuleInfo info_{
      "structure/recommendations-consolidated",
      "Single-agency recommendations are kept apart from the multi-agency ones",
      "In an overview report, fires when the single-agency (IMR, agency-specific) "
      "recommendations appear only under an appendix heading ('Appendix C: Single agency "
      "recommendations'), reported on that heading, or when the running text outside the "
      "appendices says they are left to the IMRs, the agencies' reports or an appendix "
      "('Single agency recommendations are contained in the IMRs and are not repeated here'), "
      "reported on that sentence. A recommendations section outside the appendices with its "
      "own single-agency heading does not fire; executive summaries are not checked.",
      "The Home Office QA Panel asked that single-agency recommendations be brought into the "
      "overview report alongside the multi-agency ones (feedback letter on DHR 'Sarah', "
      "Bassetlaw, Newark and Sherwood Community Safety Partnership, 2023); the 'Multi-agency "
      "Statutory Guidance for the Conduct of Domestic Homicide Reviews' (December 2016), "
      "section 7, makes the overview report and its action plan the record of what each "
      "agency will change.",
      "Fires: 'Single agency recommendations are contained in each agency's IMR and are not "
      "repeated in this report.'\n"
      "Does not fire: 'Recommendations' with sub-headings 'Multi-agency recommendations' and "
      "'Single agency recommendations' in the body of the report.",
      "List every single-agency recommendation in the report's recommendations section, under "
      "its own sub-heading beside the multi-agency ones, and carry each into the action plan.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_recommendations_consolidated_rule() {
  return std::make_unique<RecommendationsConsolidatedRule>();
}

}  // namespace dhrlint::structure
