// structure/economic-abuse-explored: financial control is described but the
// analysis does not examine it as economic abuse.
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class EconomicAbuseExploredRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    const kit::TermList& terms = context_terms();
    // Where the analysis is: the analysis sections, else the conclusions.
    std::string_view where = "analysis";
    if (outline.find(where) == nullptr) {
      where = "conclusions";
      if (outline.find(where) == nullptr) {
        return;  // structure/missing-section
      }
    }
    const std::vector<std::size_t> analysed = section_paragraphs(doc, outline, where);
    for (std::size_t p : analysed) {
      if (terms.contains(analysis.folded(p), "economic-analysed")) {
        return;
      }
    }
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      if (!readable(doc.paragraphs[p])) {
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      if (folded.text.find("money") == std::string::npos &&
          folded.text.find("financ") == std::string::npos &&
          folded.text.find("econom") == std::string::npos &&
          folded.text.find("benefit") == std::string::npos &&
          folded.text.find("wage") == std::string::npos &&
          folded.text.find("salary") == std::string::npos &&
          folded.text.find("saving") == std::string::npos &&
          folded.text.find("bank") == std::string::npos &&
          folded.text.find("debt") == std::string::npos &&
          folded.text.find("income") == std::string::npos &&
          folded.text.find("funds") == std::string::npos &&
          folded.text.find("spending") == std::string::npos) {
        continue;
      }
      if (reference_part(doc, outline, p)) {
        continue;
      }
      for (const kit::TermMatch& m : terms.find(folded, "economic-described")) {
        const kit::FoldedSpan s = kit::sentence_at(analysis.sentences(p), folded, m.start);
        if (definitional(folded, s.folded_begin, s.folded_end)) {
          continue;  // the statutory definition of domestic abuse
        }
        ctx.report(*this, p, m.start, m.end,
                   "Financial control is described but the " + std::string(where) +
                       " does not examine it as economic abuse; analyse its effect on the "
                       "victim and what agencies knew of it");
        return;
      }
    }
  }

 private:
  RuleInfo info_{
      "structure/economic-abuse-explored",
      "Financial control is described but not analysed as economic abuse",
      "Finds financial control of the victim in the report's text and notes (outside the "
      "terms of reference, glossaries and definitions): 'controlled her money', 'had to ask "
      "him for money', 'took her benefits', 'debts in her name', 'financial abuse', 'economic "
      "abuse'. When there is some and no paragraph of the analysis sections (the conclusions "
      "when the report has no analysis heading) speaks of economic or financial abuse or "
      "control, it fires on the first mention. Mentioned in the background or conclusions "
      "only is not analysed.",
      "The Home Office QA Panel asked that economic abuse be defined and analysed, not only "
      "mentioned (feedback letter on DHR Case 23, Devon, 2023). Economic abuse is part of the "
      "statutory definition of domestic abuse: behaviour that has a substantial adverse effect "
      "on the victim's ability to acquire, use or maintain money or other property, or to "
      "obtain goods or services (Domestic Abuse Act 2021, s.1(4)); the Victims and Prisoners "
      "Act 2024 renamed the reviews to reflect deaths linked to coercive control and economic "
      "abuse.",
      "Fires: 'Kamal controlled the family's money and Amira had to ask him for money to buy "
      "food' in the background, with an analysis that never returns to it.\n"
      "Does not fire: the same background with an analysis paragraph on Kamal's economic abuse "
      "of Amira and what her GP knew of it.",
      "Add to the analysis what the financial control was, its effect on the victim's ability "
      "to seek help or leave, whether agencies recognised it as economic abuse (Domestic Abuse "
      "Act 2021, s.1(4)) and how they responded.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_economic_abuse_explored_rule() {
  return std::make_unique<EconomicAbuseExploredRule>();
}

}  // namespace dhrlint::structure
