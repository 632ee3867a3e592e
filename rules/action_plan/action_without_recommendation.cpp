// action-plan/action-without-recommendation: an action-plan row that
// carries out no recommendation of the report.
#include "rules/action_plan/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::action_plan {

namespace {

class ActionWithoutRecommendationRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ActionPlanReading& reading = ActionPlanReader::shared_reading(doc, ctx.analysis());
    if (reading.recommendations.empty()) {
      return;  // nothing to match against (a separate action plan, an extract)
    }
    for (std::size_t i = 0; i < reading.rows.size(); ++i) {
      const PlanRow& row = reading.rows[i];
      if (reading.row_matched[i] || row.first_paragraph == kNoIndex) {
        continue;
      }
      if (row.number.empty() && row.cell(Column::kRecommendation).text.empty() &&
          row.cell(Column::kAction).text.empty()) {
        continue;
      }
      const Paragraph& para = doc.paragraphs[row.first_paragraph];
      const text::Range r = kit::trim(para.text, {0, text::length(para.text)});
      ctx.report(*this, row.first_paragraph, r.start, r.end,
                 row.number.empty()
                     ? "Action-plan row matches no recommendation of the report; say which "
                       "recommendation it carries out"
                     : "Action-plan row for recommendation " + row.number +
                           " matches no recommendation of the report by number or wording; "
                           "check the numbering");
    }
  }

 private:
  RuleInfo info_{
      "action-plan/action-without-recommendation",
      "An action-plan row matches no recommendation of the report",
      "Matches each action-plan row to the report's recommendations as "
      "action-plan/recommendation-without-action describes (by number, then by wording) and "
      "flags, on the first paragraph of the row's first cell, a row that matches none: a "
      "recommendation number the report does not have and wording that is none of its "
      "recommendations. Nothing fires when the report lists no recommendations.",
      "The action plan carries out the review's recommendations (Home Office 'Multi-agency "
      "Statutory Guidance for the Conduct of Domestic Homicide Reviews', 2016, section 7; "
      "Bassetlaw DHR 'Sarah' Action Plan, 2023, whose every row starts from its "
      "recommendation). A row that matches none usually means the recommendations were "
      "renumbered or rewritten after the plan was drafted, so the plan tracks something the "
      "report no longer says.",
      "Fires: a row numbered 6 in a report with five recommendations, whose action (a "
      "housing protocol) is none of them.\n"
      "Does not fire: rows numbered 3.1 and 3.2, both actions of recommendation 3.",
      "Number each row with the recommendation it carries out, as the report numbers it, and "
      "remove rows for recommendations that were dropped.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_action_without_recommendation_rule() {
  return std::make_unique<ActionWithoutRecommendationRule>();
}

}  // namespace dhrlint::action_plan
