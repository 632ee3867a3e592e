// structure/tor-position: the terms of reference come after the facts or the
// analysis.
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class TorPositionRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    const kit::OutlineHeading* tor = tor_heading(outline);
    if (tor == nullptr) {
      return;  // structure/missing-section
    }
    // The first section of facts or analysis outside the appendices.
    const kit::OutlineHeading* facts = nullptr;
    const std::vector<std::string> fact_keys = kit::fact_sections();
    for (const kit::OutlineHeading& h : outline.headings()) {
      if (h.appendix) {
        continue;
      }
      for (const std::string& key : fact_keys) {
        if (h.has(key)) {
          facts = &h;
          break;
        }
      }
      if (facts != nullptr) {
        break;
      }
    }
    if (facts == nullptr || tor->paragraph < facts->paragraph) {
      return;
    }
    // Terms of reference kept in an appendix but summarised before the facts
    // ("The terms of reference are at Appendix A; the review asked ...").
    for (std::size_t p = 0; tor->appendix && p < facts->paragraph; ++p) {
      if (kit::is_running_text(doc.paragraphs[p]) && !kit::is_heading(doc.paragraphs[p]) &&
          context_terms().contains(analysis.folded(p), "tor-mention")) {
        return;
      }
    }
    const text::Range r = heading_span(doc, *tor);
    ctx.report(*this, tor->paragraph, r.start, r.end,
               "The terms of reference come after the '" + kit::section_name(facts->keys.front()) +
                   "' section; move them (or a summary of them) near the start, before the facts "
                   "and the analysis");
  }

 private:
  RuleInfo info_{
      "structure/tor-position",
      "The terms of reference come after the facts or the analysis",
      "Finds the report's terms of reference (a heading such as 'Terms of reference', 'Scope "
      "of the review' or 'Key lines of enquiry', outside the appendices when there is one) and "
      "the first section of facts or analysis (background, chronology, overview, analysis, "
      "conclusions). Fires on the terms-of-reference heading when it comes after that section. "
      "Terms of reference kept only in an appendix fire too, unless the running text before "
      "the facts summarises or refers to them.",
      "The Home Office QA Panel asked that the terms of reference 'be brought forward' and the "
      "report brought in line with the model layout of the 'Multi-agency Statutory Guidance "
      "for the Conduct of Domestic Homicide Reviews' (December 2016), which sets them out among "
      "the opening sections, before the facts (feedback letter on DHR 'Sarah', Bassetlaw, "
      "Newark and Sherwood Community Safety Partnership, 2023): a reader judges the analysis "
      "against questions they have already read.",
      "Fires: 'Background', 'Chronology', 'Analysis', then '7. Terms of Reference'.\n"
      "Does not fire: 'Terms of reference' as section 2; an 'Appendix A: Terms of reference' "
      "with the key lines of enquiry summarised in the introduction.",
      "Move the terms of reference to the opening sections (after the timescales and "
      "confidentiality), or summarise them there and keep the full text in an appendix.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_tor_position_rule() { return std::make_unique<TorPositionRule>(); }

}  // namespace dhrlint::structure
