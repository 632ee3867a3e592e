// children/operation-encompass: police attended incidents in a household
// with school-age children and the report never mentions Operation
// Encompass.
#include "rules/children/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::children {

namespace {

class OperationEncompassRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ChildrenReading& reading = ChildrenReader::shared_reading(doc, ctx.analysis());
    if (!reading.children || !reading.school_age || !reading.police_incident || reading.encompass) {
      return;
    }
    const Mention& m = *reading.police_incident;
    ctx.report(*this, m.paragraph, m.start, m.end,
               "Police attended an incident in a household with school-age children, but the "
               "report never mentions Operation Encompass; say whether the school was "
               "notified and what it did");
  }

 private:
  RuleInfo info_{
      "children/operation-encompass",
      "Police-attended incidents with school-age children, and no word on Operation Encompass",
      "Fires once, on the first sentence in the body where police attend, are called to or "
      "respond to an incident (a year before 2011 in that sentence passes it over), when the "
      "household had school-age children - a child at school or nursery, or a child aged 4 to "
      "17 in the text or the pseudonym table - and the report nowhere (body, notes, "
      "recommendations) names Operation Encompass or an Encompass notification.",
      "Under Operation Encompass the police tell a child's school, before the next school day, "
      "about a domestic abuse incident they attended; begun in Plymouth in 2011, it is now a "
      "statutory duty (Victims and Prisoners Act 2024; Policy Partners Project, 'Operation "
      "Encompass' statutory guidance briefing, 2025). The QA Panel noted for the Salma report "
      "that 'Operation Encompass has now started, it would have been good for the school to "
      "include what has changed since the murder' (Home Office QA Panel feedback letter to "
      "Tower Hamlets Community Safety Partnership, 2020).",
      "Fires: 'In February 2020 police attended the family home after a neighbour reported "
      "shouting.' in a report about Child A, who attended the local primary school, with no "
      "word on Operation Encompass.\n"
      "Does not fire: the same report adding 'Under Operation Encompass, the police notified "
      "the children's school the next morning.'",
      "Say whether the police notified the children's school under Operation Encompass after "
      "each incident, what the school did with it, and, if it did not happen, why.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_operation_encompass_rule() {
  return std::make_unique<OperationEncompassRule>();
}

}  // namespace dhrlint::children
