// culture/by-and-for: the victim's migration or language context is
// described, but specialist "by and for" services are never considered.
#include "rules/culture/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::culture {

namespace {

class ByAndForRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const CultureReading& reading = CultureReader::shared_reading(doc, ctx.analysis());
    if (reading.cues.empty() || reading.by_and_for) {
      return;
    }
    Finding& f = ctx.report_document(
        *this,
        "The report describes the victim's migration or language context but never considers "
        "specialist 'by and for' services for her community (whether one existed, was offered "
        "or advised the panel)");
    for (const auto& [group, mention] : reading.cues) {
      f.location.related.push_back(
          kit::location_of(doc, mention.paragraph, mention.start, mention.end));
    }
  }

 private:
  RuleInfo info_{
      "culture/by-and-for",
      "Migration or language context described, but 'by and for' services never considered",
      "With the same cues as culture/barriers-not-explored (migration or immigration status, "
      "interpreters, first language, limited English), looks anywhere in the report - the "
      "panel table and the recommendations included - for specialist services led by and for "
      "the victim's community: 'by and for', culturally specific or culturally appropriate "
      "services, community-led organisations, Black and minoritised or migrant women's "
      "services, a specialist service for women from a community, or a named service such as "
      "Southall Black Sisters, Imkaan, Apna Haq, Ashiana, Jewish Women's Aid, the Latin "
      "American Women's Rights Service, IKWRO or Karma Nirvana. When there is none it fires "
      "once for the document (info), with the cues as related locations.",
      "The QA Panel found 'no investigation of why appropriate support was not offered from a "
      "specialist service supporting women from this community', adding that 'community led "
      "organisations are where marginalised communities turn for help and advice' (Home "
      "Office QA Panel feedback letter to Tower Hamlets Community Safety Partnership on DHR "
      "'Salma', 2020); SafeLives' written evidence to the Commons inquiry on 'honour'-based "
      "abuse names such specialist services.",
      "Fires: a report about a victim on a spousal visa who needed an interpreter, whose panel "
      "and recommendations name only statutory agencies and a mainstream refuge.\n"
      "Does not fire: 'The panel included an adviser from a specialist domestic abuse service "
      "supporting South Asian women.'",
      "Say whether a specialist 'by and for' service for the victim's community existed, "
      "whether anyone referred her to it, and consider inviting one to advise the panel.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_by_and_for_rule() { return std::make_unique<ByAndForRule>(); }

}  // namespace dhrlint::culture
