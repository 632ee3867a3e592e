// hba/not-considered: the report never considers 'honour'-based abuse.
#include "rules/hba/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::hba {

namespace {

// Cues of this many independent kinds make the omission an error.
constexpr std::size_t kCueGroupsForError = 2;

class NotConsideredRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const HbaReading& reading = HbaReader::shared_reading(doc, ctx.analysis());
    // Without a cue there is nothing to consider: a report is not asked to
    // rule out 'honour'-based abuse for every victim (dhr-guide: never on
    // ethnicity or religion alone).
    if (!reading.body_terms.empty() || !reading.note_terms.empty() || reading.cues.empty()) {
      return;
    }
    std::string message =
        "The report does not consider whether 'honour'-based abuse or forced marriage was "
        "relevant";
    if (reading.cues.size() >= kCueGroupsForError) {
      message += ", although it shows ";
      std::size_t k = 0;
      for (const auto& [group, mention] : reading.cues) {
        if (k > 0) {
          message += k + 1 == reading.cues.size() ? " and " : ", ";
        }
        message += group;
        ++k;
      }
    }
    message +=
        "; say in the analysis whether it was considered and how the panel reached its "
        "view";
    Finding& f = ctx.report_document(*this, std::move(message));
    if (reading.cues.size() >= kCueGroupsForError) {
      f.severity = Severity::kError;
    }
    for (const auto& [group, mention] : reading.cues) {
      f.location.related.push_back(
          kit::location_of(doc, mention.paragraph, mention.start, mention.end));
    }
  }

 private:
  RuleInfo info_{
      "hba/not-considered",
      "'Honour'-based abuse is not considered anywhere in the report",
      "Looks through the body and the notes for the report considering 'honour'-based abuse: "
      "honour-based abuse / violence / crime, honour killing, 'so-called' honour, 'honour', "
      "HBA, HBV, izzat, forced marriage (typographic quotes and hyphens included). Glossary "
      "rows, panel-membership tables and a quoted definition that lists HBA with FGM and "
      "forced marriage ('domestic abuse includes so-called honour-based violence, ...') do not "
      "count. When there is none and the report shows a cue "
      "it fires once for the document: a warning for cues of one kind, an error for cues of "
      "two or more independent kinds - extended-family or community pressure, arranged or forced "
      "marriage, shame or "
      "honour language, immigration dependency (spousal visa, no recourse to public funds), "
      "travel abroad for marriage - listed as related locations. Naming an ethnicity, a "
      "religion or a community is never a cue.",
      "The QA Panel found it 'surprising that 'honour-based' violence was not considered' in "
      "the Salma report (Home Office QA Panel feedback letter to Tower Hamlets Community "
      "Safety Partnership, 2020). There is no statutory definition; the working definitions in "
      "the CPS prosecution guidance \"'Honour'-based abuse, forced marriage and harmful "
      "practices\" and the College of Policing's Authorised Professional Practice on forced "
      "marriage and honour-based abuse tie it to the family's or community's 'honour', forced "
      "marriage and harmful practices, and panels expect it addressed when cues appear.",
      "Fires (error): a report describing an arranged marriage, pressure from the extended "
      "family to return to the husband, and a spousal visa, with no word on HBA.\n"
      "Does not fire: 'The panel considered whether 'honour'-based abuse was a factor, "
      "consulting Karma Nirvana; ...'.",
      "Add a reasoned paragraph to the analysis: whether 'honour'-based abuse or forced "
      "marriage was considered, what evidence and expert advice the panel used, and its "
      "conclusion.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_not_considered_rule() { return std::make_unique<NotConsideredRule>(); }

}  // namespace dhrlint::hba
