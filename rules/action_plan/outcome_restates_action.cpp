// action-plan/outcome-restates-action: an outcome that reports the action
// done ("training delivered") instead of a change for victims or practice.
#include "rules/action_plan/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::action_plan {

namespace {

// An outcome whose content words are at least this share of the action's
// words says the action again.
constexpr double kRestatedShare = 0.7;

class OutcomeRestatesActionRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ActionPlanReading& reading = ActionPlanReader::shared_reading(doc, ctx.analysis());
    const ActionPlanReader& reader = ActionPlanReader::instance();
    for (const PlanRow& row : reading.rows) {
      const PlanCell& outcome = row.cell(Column::kOutcome);
      if (outcome.paragraph == kNoIndex || reader.is_empty(outcome.text) ||
          reader.names_change(outcome.text)) {
        continue;
      }
      const PlanCell& action = row.cell(Column::kAction);
      const auto [share, words] = reader.outcome_overlap(outcome.text, action.text);
      const bool restated = !action.text.empty() && words >= 2 && share >= kRestatedShare;
      const bool process = reader.is_process(outcome.text);
      if (!restated && !process) {
        continue;
      }
      const Paragraph& para = doc.paragraphs[outcome.paragraph];
      const text::Range r = kit::trim(para.text, {0, text::length(para.text)});
      ctx.report(*this, outcome.paragraph, r.start, r.end,
                 std::string(restated ? "Outcome restates the action"
                                      : "Outcome reports the action as done") +
                     " instead of the change it should bring for victims or practice; say what "
                     "will be different and how it will be shown");
    }
  }

 private:
  RuleInfo info_{
      "action-plan/outcome-restates-action",
      "An action-plan outcome restates the action instead of a change for victims or practice",
      "Reads the Outcome cell of each action-plan row (Outcome, Intended outcome, Measure of "
      "success, Evidence, or 'Date of completion and outcome') and flags one that reports a "
      "process as done - 'Training delivered', 'Policy updated', 'Completed', 'Done', 'Letter "
      "sent', 'Staff briefed', 'Ongoing' - or repeats the action's own words ('Specialist "
      "service commissioned' for 'Commission a specialist service'), unless it also names a "
      "change for victims or practice: a purpose ('so that'), the people it is for (victims, "
      "survivors, families, children), a direction (increase, reduce, improve, earlier, "
      "routinely) or a measure and how it is shown (an audit, a survey, 'evidenced by', a "
      "percentage, 'within two working days'). The finding goes on the outcome cell.",
      "The Home Office QA Panel asked for the action plan of the DHR 'Salma' report to be "
      "revised: 'The action plan is not outcome focused, failing to identify some fundamental "
      "issues and hence needs to be addressed' (feedback letter to Tower Hamlets Community "
      "Safety Partnership, 2020). An outcome that only says the action happened cannot show "
      "whether the learning changed anything for the next victim.",
      "Fires: Action 'Deliver DASH training to all frontline officers', Outcome 'Training "
      "delivered'.\n"
      "Does not fire: Outcome 'Audit of 20 cases shows DASH completed with the victim alone in "
      "90% of incidents', although it mentions training being completed.",
      "Write the outcome as the change the action should bring and how it will be evidenced: "
      "'Victims are seen alone and offered an interpreter at every incident; a dip sample of 20 "
      "cases a quarter shows it.'",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_outcome_restates_action_rule() {
  return std::make_unique<OutcomeRestatesActionRule>();
}

}  // namespace dhrlint::action_plan
