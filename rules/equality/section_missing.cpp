// equality/section-missing: the report has no equality and diversity section.
#include "rules/equality/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::equality {

namespace {

class SectionMissingRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const EqualityReading& reading = EqualityReader::shared_reading(doc, ctx.analysis());
    if (!reading.report || !reading.sections.empty()) {
      return;
    }
    ctx.report_document(*this,
                        "The report has no equality and diversity section; add one that considers "
                        "each of the nine protected characteristics of the Equality Act 2010");
  }

 private:
  RuleInfo info_{
      "equality/section-missing",
      "The report has no equality and diversity section",
      "Looks for a heading that names the equality and diversity section: 'Equality and "
      "diversity', 'Equalities', 'Protected characteristics', 'Diversity and equality "
      "considerations', 'Equality Act 2010', in any case, numbered or not, in a heading style "
      "or typed as a heading line ('12. Equalities' in bold body text). When the body has none "
      "it fires once for the whole document (no section, no span). A fragment with fewer than "
      "three headings is not a report and is not checked. Words about race, sex or religion "
      "elsewhere in the report do not make an equality section.",
      "Equality Act 2010, section 4, lists nine protected characteristics, and the Home Office "
      "QA Panel looks for the section in which a report considers them: its feedback letter on DHR "
      "'Salma' to Tower Hamlets "
      "Community Safety Partnership (2020) noted that 'the equality and diversity section also "
      "shows very appropriate considerations', and its letter on Devon DHR Case 23 (2023) found "
      "the equality analysis underdeveloped.",
      "Fires: an overview report with Introduction, Background, Analysis, Conclusions and "
      "Recommendations and no equality heading, although the analysis mentions the victim's "
      "religion.\n"
      "Does not fire: '9. Equalities' typed as a heading line in an executive summary, followed "
      "by the panel's consideration of the protected characteristics.",
      "Add an 'Equality and diversity' section that takes each protected characteristic in "
      "turn (age, disability, gender reassignment, marriage and civil partnership, pregnancy and "
      "maternity, race, religion or belief, sex, sexual orientation) and says how it bore on "
      "the victim's experience and the agencies' responses, or that it was not relevant.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_section_missing_rule() { return std::make_unique<SectionMissingRule>(); }

}  // namespace dhrlint::equality
