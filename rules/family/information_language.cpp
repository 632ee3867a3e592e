// family/information-language: language or interpreting is in play, but the
// family-involvement part does not say in what language the family was
// informed or whether an interpreter was offered.
#include "rules/family/common.hpp"
#include "rules/kit/absence.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::family {

namespace {

class InformationLanguageRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const FamilyReading& reading = FamilyReader::shared_reading(doc, ctx.analysis());
    if (!reading.involvement || !reading.language || reading.language_statement ||
        reading.no_family) {
      return;
    }
    std::string message =
        "Language or interpreting is in play, but the family involvement section does not say "
        "in what language the family was given information or whether an interpreter was "
        "offered";
    Finding& f = kit::report_absence(ctx, *this, doc, reading.family_heading, std::move(message));
    const Mention& m = *reading.language;
    f.location.related.push_back(kit::location_of(doc, m.paragraph, m.start, m.end));
  }

 private:
  RuleInfo info_{
      "family/information-language",
      "Language in play, but not in what language the family was informed or if an interpreter was "
      "offered",
      "Fires when the report shows language or interpreting in play - an interpreter or "
      "translator (sign language included), a first language, limited English, ESOL, Language "
      "Line, 'her own language' - outside the terms of reference and recommendations, and the "
      "family-involvement section (under a heading such as 'Involvement of family and "
      "friends', 'Contact with the family', 'The family's contribution', styled or typed) has "
      "no word on language: interpreter, translated, language, in English, speaks English, a "
      "named language ('a Sylheti interpreter', 'translated into Urdu'), easy read. Without a "
      "family-involvement section, a sentence about the review's contact with a relative that "
      "names the language counts. It reports on the whole document (an absent discussion), with "
      "the "
      "family-involvement heading and the first sign of language as related locations. "
      "A report that says no family could be traced does not fire, nor one that shows no "
      "involvement of the family at all.",
      "The QA Panel found in the Salma report that 'it is not clear what information was given "
      "to family members at various points, in what language' (Home Office QA Panel feedback "
      "letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020). The "
      "statutory guidance asks that families be involved and informed throughout "
      "(Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews, Home "
      "Office, 2016, section 6).",
      "Fires: a report in which Amira's first language was Sylheti and the GP relied on an "
      "interpreter, whose family section says only that the chair wrote to her parents.\n"
      "Does not fire: the same report adding 'The chair met Amira's parents with a Sylheti "
      "interpreter, and the terms of reference were translated into Bengali.'",
      "In the family involvement section, say in what language each family member was given "
      "information (letters, the Home Office leaflet, the terms of reference, the draft "
      "report), whether an interpreter was offered and used at meetings, and who it was.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_information_language_rule() {
  return std::make_unique<InformationLanguageRule>();
}

}  // namespace dhrlint::family
