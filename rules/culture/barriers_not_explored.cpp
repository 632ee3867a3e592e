// culture/barriers-not-explored: the victim's migration or language context
// is described, but not the barriers it put in the way of seeking help.
#include "rules/culture/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::culture {

namespace {

class BarriersNotExploredRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const CultureReading& reading = CultureReader::shared_reading(doc, ctx.analysis());
    if (reading.cues.empty() || reading.barriers) {
      return;
    }
    std::string context;
    for (const auto& [group, mention] : reading.cues) {
      context += context.empty() ? "" : " and ";
      context += group;
    }
    Finding& f = ctx.report_document(
        *this, "The report describes the victim's " + context +
                   " context but does not explore the barriers it put in the way of the victim "
                   "seeking help (stigma or shame, language, financial or immigration dependency, "
                   "isolation, trust in services, specialist 'by and for' services)");
    for (const auto& [group, mention] : reading.cues) {
      f.location.related.push_back(
          kit::location_of(doc, mention.paragraph, mention.start, mention.end));
    }
  }

 private:
  RuleInfo info_{
      "culture/barriers-not-explored",
      "Migration or language context described, but no exploration of barriers to seeking help",
      "Looks for the victim's migration or language context outside the terms of reference, "
      "recommendations, glossaries and panel tables: a spouse or partner visa, immigration "
      "status, no recourse to public funds, leave to remain, asylum, deportation, coming to "
      "the United Kingdom; an interpreter or translator (not a sign-language interpreter), a "
      "first language, limited English, ESOL or English classes. Naming an ethnicity, a "
      "religion, a place of worship or a community is never enough. Then looks, in the same "
      "parts, for a sentence that explores barriers to seeking help: a barrier named as such, "
      "stigma, shame, 'honour', financial dependence or dependence on someone for money, "
      "housing or interpreting, isolation, mistrust or fear of services, fear of deportation, "
      "'by and for' or culturally specific services; or a factor (language, immigration, "
      "dependence, culture, community, faith, money, fear) in the same sentence as seeking "
      "help, reporting, disclosing or leaving. When there is none it fires once for the "
      "document, with the first cue of each kind as related locations.",
      "The QA Panel asked of the Salma report that 'more could be done in the report to "
      "address the cultural environment in which the victim lived and the cultural issues that "
      "could have impacted her ability to ask for help', naming financial dependence, "
      "dependence on family for housing, 'barriers to her seeking help for fear of stigma or "
      "shame' and specialist services from the community (Home Office QA Panel feedback "
      "letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020). Reviews "
      "should be culturally sensitive (Scottish Government, 'Domestic homicide reviews: "
      "evidence briefing', section 4).",
      "Fires: a report saying that Amira came to the UK on a spouse visa and that her GP "
      "used her husband to interpret, with nothing on what kept her from seeking help.\n"
      "Does not fire: the same report adding 'Amira's dependence on Kamal for money and for "
      "interpretation, and her fear of the stigma of divorce, made it harder for her to seek "
      "help.'; nor a report that only gives the victim's ethnicity and religion.",
      "In the analysis, explore what stood in the way of the victim seeking help: stigma and "
      "shame, language, financial, housing or immigration dependency, isolation, trust in "
      "services, and whether a specialist 'by and for' service was available to her.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_barriers_not_explored_rule() {
  return std::make_unique<BarriersNotExploredRule>();
}

}  // namespace dhrlint::culture
