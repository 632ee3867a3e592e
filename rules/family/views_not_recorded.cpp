// family/views-not-recorded: the report does not record the family's views
// on the report, or does not mention the Home Office leaflet for families.
#include "rules/family/common.hpp"
#include "rules/kit/absence.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::family {

namespace {

class ViewsNotRecordedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const FamilyReading& reading = FamilyReader::shared_reading(doc, ctx.analysis());
    if (!reading.involvement || reading.no_family || (reading.views && reading.leaflet)) {
      return;
    }
    std::string message;
    if (!reading.views) {
      message =
          "The report does not record the family's views on the report (whether they read "
          "the draft and what they said, or that they declined to comment)";
      if (!reading.leaflet) {
        message += " or that they were given the Home Office leaflet for families";
      }
    } else {
      message =
          "The report does not say whether the family was given the Home Office leaflet for "
          "families";
    }
    Finding& f = kit::report_absence(ctx, *this, doc, reading.family_heading, std::move(message));
    if (reading.views) {
      f.severity = Severity::kInfo;  // the leaflet alone is worth a look
    }
  }

 private:
  RuleInfo info_{
      "family/views-not-recorded",
      "No record of the family's views on the report, or of the Home Office leaflet for families",
      "Looks for a sentence, in the family-involvement section or naming a relative or the "
      "family (not the perpetrator alone), saying that the family saw the draft or the report "
      "and gave their view, or chose not to: 'the family read and commented on the draft', "
      "'Nadia read a draft of this report', 'the family declined to comment', 'the family "
      "declined to take part in the review'. Plans ('the report will be shared with the family "
      "before publication') do not count. And for the Home Office leaflet for families ('the "
      "Home Office leaflet', 'a leaflet for families', 'the DHR leaflet'). It reports on the "
      "whole document, with the family-involvement heading as a related location: a warning when "
      "the family's views are not recorded, info when only the leaflet is missing. A report "
      "that says no family could be traced does not fire, nor one that shows no involvement of "
      "the family at all (no family-involvement section and no sentence in which the chair or "
      "panel met, wrote to or spoke with a relative): that missing section is a structure "
      "question.",
      "Families are to be given the opportunity to be integral to reviews (Home Office, "
      "'Guidance for Domestic Homicide Review Chairs: support for families', updated June "
      "2021, citing section 6 of the Multi-agency Statutory Guidance for the Conduct of "
      "Domestic Homicide Reviews, 2016); in the AAFDA model the family reviews the draft "
      "report (AAFDA, 'The problem of status and domestic homicide'). The QA Panel looks for "
      "'the views of the family' in the report (Home Office QA Panel feedback letter to Tower "
      "Hamlets Community Safety Partnership on DHR 'Salma', 2020).",
      "Fires: a family section that says the chair met Amira's sister twice and nothing about "
      "the draft report.\n"
      "Does not fire: 'The chair gave the family the Home Office leaflet for families at the "
      "first meeting. Nadia read a draft of this report in October 2024; her comments have been "
      "included.'",
      "In the family involvement section, say that the family was given the Home Office "
      "leaflet, whether they read the draft report, and what they said about it (or that they "
      "chose not to comment).",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_views_not_recorded_rule() {
  return std::make_unique<ViewsNotRecordedRule>();
}

}  // namespace dhrlint::family
