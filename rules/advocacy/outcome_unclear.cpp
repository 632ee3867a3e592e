// advocacy/outcome-unclear: an advocacy service named in the family's context
// with no word on whether it was offered or taken up (the point of the QA Panel letter on DHR
// 'Salma').
#include "rules/advocacy/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::advocacy {

namespace {

class OutcomeUnclearRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const AdvocacyReading& reading = AdvocacyReader::shared_reading(doc, ctx.analysis());
    for (const UnclearMention& m : reading.unclear) {
      ctx.report(*this, m.paragraph, m.start, m.end,
                 "Names " + m.service +
                     " but does not say whether the family was offered its advocacy or took it "
                     "up; state the offer and the family's response");
    }
  }

 private:
  RuleInfo info_{
      "advocacy/outcome-unclear",
      "An advocacy service is named but not whether the family was offered it or took it up",
      "Flags each sentence, in the family's context (a relative or the family named in it or "
      "its paragraph, or under a family heading), that names a specialist advocacy service - "
      "AAFDA, the Victim Support Homicide Service / National Homicide Service, a specialist or "
      "expert advocate - without saying, there or in the next sentence, whether it was offered "
      "(offered, referred, signposted, informed) or taken up (accepted, declined, supported "
      "by, engaged, ...), or that says the outcome is not known. A service whose offer or "
      "uptake another sentence states does not fire; nor do glossary and panel-table rows, "
      "panel membership, the chair's own networks and training, recommendations, the terms of "
      "reference, and an IDVA's advocacy for the victim while she was alive. Sending the Home "
      "Office leaflet and notifying a service of the review are not an offer. A general "
      "description of a service ('AAFDA provides ...') in the body fires only when the report "
      "states no outcome anywhere: that is where it should have said what this family was "
      "offered.",
      "The QA Panel returned the Salma report because 'it is unclear if the Victim Support "
      "Homicide Service provided advocacy to the family' (Home Office QA Panel feedback letter "
      "to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020). Families are "
      "entitled to specialist and expert advocacy (Home Office, 'Guidance for Domestic "
      "Homicide Review Chairs: support for families', updated June 2021, para 56 a)), and the "
      "report should show it was offered and taken up or declined.",
      "Fires: 'The Victim Support Homicide Service was informed of the review and the chair "
      "met Salma's niece.' with no other word on the service.\n"
      "Does not fire: 'The family were referred to the Victim Support Homicide Service, and a "
      "homicide caseworker supported them throughout the review.'",
      "Say whether the family was offered the service's advocacy, by whom and when, and "
      "whether they accepted or declined it.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_outcome_unclear_rule() { return std::make_unique<OutcomeUnclearRule>(); }

}  // namespace dhrlint::advocacy
