// advocacy/not-stated: the report never says whether the family was offered
// specialist advocacy and whether they took it up.
#include "rules/advocacy/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::advocacy {

namespace {

class NotStatedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const AdvocacyReading& reading = AdvocacyReader::shared_reading(doc, ctx.analysis());
    // A service named without an outcome is advocacy/outcome-unclear's
    // finding, at the place it is named; no family to offer it to is an answer.
    if (!reading.stated.empty() || !reading.unclear.empty() || reading.no_family) {
      return;
    }
    ctx.report_document(*this,
                        "The report does not say whether the family was offered specialist "
                        "advocacy (e.g. AAFDA, the Victim Support Homicide Service) and whether "
                        "they took it up; add this to the family involvement section");
  }

 private:
  RuleInfo info_{
      "advocacy/not-stated",
      "No statement that the family was offered specialist advocacy and whether they took it up",
      "Reads the body and the notes for a sentence saying that the family (or a named relative) "
      "was offered, referred or signposted to specialist advocacy - AAFDA (Advocacy After "
      "Fatal Domestic Abuse), the Victim Support Homicide Service / National Homicide Service, "
      "or another specialist or expert advocate - or took it up or declined it. Mentions in a "
      "glossary or abbreviations list, a panel-membership table, the chair's biography, "
      "training or network memberships ('a member of the AAFDA network of review chairs'), the "
      "terms of reference, the recommendations and action plan, and statements of duty "
      "('families should be offered ...') do not count. Fires once for the document when no such "
      "sentence exists and no "
      "service is named at all (a service named without an outcome is "
      "advocacy/outcome-unclear). A report that says there was no family to contact does not "
      "fire.",
      "Families are entitled to specialist and expert advocacy; the chair signposts it at the "
      "first contact (Home Office, 'Guidance for Domestic Homicide Review Chairs: support for "
      "families', updated June 2021, para 56 a); the AAFDA model in 'The problem of status and "
      "domestic homicide', Advocacy After Fatal Domestic Abuse). The QA Panel asks for it: 'It "
      "is unclear if the Victim Support Homicide Service provided advocacy to the family' "
      "(Home Office QA Panel feedback letter to Tower Hamlets Community Safety Partnership on "
      "DHR 'Salma', 2020).",
      "Fires: a report whose only mention of AAFDA is the glossary row 'AAFDA - Advocacy After "
      "Fatal Domestic Abuse'.\n"
      "Does not fire: 'The chair offered the family specialist advocacy from AAFDA; Salma's "
      "sister accepted and was supported by an AAFDA advocate throughout.'",
      "In the family involvement section, say who offered specialist advocacy, from which "
      "service, when, and whether each family member took it up or declined it.",
      Severity::kError};
};

}  // namespace

std::unique_ptr<Rule> make_not_stated_rule() { return std::make_unique<NotStatedRule>(); }

}  // namespace dhrlint::advocacy
