// action-plan/recommendation-without-action: a recommendation that no
// action-plan row carries out.
#include "rules/action_plan/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::action_plan {

namespace {

class RecommendationWithoutActionRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ActionPlanReading& reading = ActionPlanReader::shared_reading(doc, ctx.analysis());
    if (reading.rows.empty()) {
      return;  // no action plan: action-plan/missing
    }
    for (std::size_t j = 0; j < reading.recommendations.size(); ++j) {
      if (reading.recommendation_covered[j]) {
        continue;
      }
      const Recommendation& rec = reading.recommendations[j];
      ctx.report(*this, rec.paragraph, rec.span.start, rec.span.end,
                 "No action-plan row carries out this recommendation; add its actions, lead "
                 "agency, target date and outcome to the action plan");
    }
  }

 private:
  RuleInfo info_{
      "action-plan/recommendation-without-action",
      "A recommendation has no row in the action plan",
      "Reads the recommendations (the numbered paragraphs, list items or table rows under a "
      "'Recommendations' heading, sub-items going with the recommendation above them; "
      "under 'Conclusions and recommendations' only those with a number or a 'should', "
      "'must', 'recommend') and matches each action-plan row to them: by number first (its "
      "'Recommendation 3' or 'Rec 3', its report paragraph number such as 3.1.2, or its place "
      "in the list; a row numbered 3.1 or 3a belongs to 3), then, for a row whose number "
      "matches none or that has none, by wording (half or more of the content words of the "
      "shorter text shared). A recommendation no row matches is flagged on its paragraph. "
      "Nothing fires when the report has no action plan (action-plan/missing does).",
      "The Home Office 'Multi-agency Statutory Guidance for the Conduct of Domestic Homicide "
      "Reviews' (2016), section 7, turns the recommendations into the action plan, and "
      "published plans carry each recommendation into its own rows (Bassetlaw DHR 'Sarah' "
      "Action Plan, 2023). A recommendation with no action is one nobody is tracking; the "
      "Domestic Abuse Commissioner's 'Learning from loss: ensuring the lessons from domestic "
      "homicide reviews lead to change' (2025) is about exactly that gap.",
      "Fires: five recommendations and an action plan whose rows are numbered 1 to 4, none of "
      "them about the fifth recommendation's helpline publicity.\n"
      "Does not fire: the plan's rows are unnumbered, but one reads 'Publicise the National "
      "Domestic Abuse Helpline in community languages'.",
      "Add the recommendation's actions to the action plan, or say in the report why it has "
      "none (for example, a national recommendation the Home Office is to take forward).",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_recommendation_without_action_rule() {
  return std::make_unique<RecommendationWithoutActionRule>();
}

}  // namespace dhrlint::action_plan
