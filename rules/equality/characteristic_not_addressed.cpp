// equality/characteristic-not-addressed: the equality and diversity section
// never names one of the nine protected characteristics.
#include "rules/equality/common.hpp"
#include "rules/kit/absence.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::equality {

namespace {

class CharacteristicNotAddressedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const EqualityReading& reading = EqualityReader::shared_reading(doc, ctx.analysis());
    if (reading.main_heading == kNoIndex) {
      return;
    }
    const text::Range r = kit::heading_words(doc.paragraphs[reading.main_heading]);
    for (const std::string& characteristic : reading.not_addressed) {
      kit::report_absence(
          ctx, *this, doc, reading.main_heading, r,
          "The equality and diversity section does not address " + characteristic +
              "; say how it bore on the victim's experience and the agencies' responses, "
              "or that the panel found it not relevant");
    }
  }

 private:
  RuleInfo info_{
      "equality/characteristic-not-addressed",
      "The equality and diversity section does not address a protected characteristic",
      "Reads the equality and diversity section (its heading, text, tables and the notes its "
      "paragraphs reference; every such section when an executive summary and the overview "
      "report each have one) for each of the nine protected characteristics, by its words: "
      "age (aged, older, younger), disability (impairment, long-term condition, chronic pain, "
      "mental health framed as a condition), gender reassignment (trans, transgender, gender "
      "identity), marriage and civil partnership (married, civil partner), pregnancy and "
      "maternity (pregnant, maternal), race (ethnicity, nationality, heritage), religion or "
      "belief (faith, a named religion), sex (gender, women, men) and sexual orientation "
      "(LGBT, gay, lesbian, bisexual). A sentence saying a characteristic was not relevant "
      "names it, so it counts. Words elsewhere in the report do not; whole words only ('age' "
      "is not in 'page' or 'usage'). One finding per characteristic never named, for the "
      "whole document (an absent discussion), with the section's heading (the longest "
      "section's when there are several) as a related location.",
      "Equality Act 2010, section 4, names the nine protected characteristics; the Home Office "
      "QA Panel's feedback letter on Devon DHR Case 23 (2023) returned a report whose equality "
      "and diversity section left the victim's age, disability and long-term conditions "
      "unanalysed. A characteristic the section never names may have been overlooked; the "
      "panel should say so even when it was not relevant.",
      "Fires (six findings): 'The panel considered the protected characteristics. Amira was a "
      "Muslim woman of Bangladeshi heritage; her sex, race and religion were relevant.'\n"
      "Does not fire: a section that takes the nine in turn, ending 'There was no information "
      "to suggest that gender reassignment or sexual orientation was relevant.'",
      "Add a sentence on the characteristic: how it bore on the victim's experience and the "
      "agencies' responses, or that the panel considered it and found it not relevant.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_characteristic_not_addressed_rule() {
  return std::make_unique<CharacteristicNotAddressedRule>();
}

}  // namespace dhrlint::equality
