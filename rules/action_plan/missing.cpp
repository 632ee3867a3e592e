// action-plan/missing: the report has recommendations but no action plan.
#include "rules/action_plan/common.hpp"
#include "rules/kit/kit.hpp"
#include "rules/kit/outline.hpp"

namespace dhrlint::action_plan {

namespace {

class MissingRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ActionPlanReading& reading = ActionPlanReader::shared_reading(doc, ctx.analysis());
    if (!reading.has_recommendations_section || !reading.tables.empty() || reading.separate_plan) {
      return;
    }
    // An executive summary lists the recommendations; the action plan goes
    // with the overview report (the guidance's executive summary layout has
    // none).
    if (kit::outline(ctx.analysis()).kind() == kit::DocumentKind::kExecutiveSummary) {
      return;
    }
    ctx.report_document(*this,
                        "The report has recommendations but no action plan; add an action plan "
                        "table (recommendation, action, lead agency, target date, outcome)");
  }

 private:
  RuleInfo info_{
      "action-plan/missing",
      "The report has recommendations but no action plan",
      "Looks for the action plan: a table, in the body or an annex, whose header row names its "
      "columns (Recommendation or Rec no; Action or Actions to take; Lead agency, Lead, "
      "Responsible or Owner; Target date, Timescale, By when or Completion date; Outcome, "
      "Intended outcome, Measure of success or Evidence), three of them, or two under an "
      "'Action plan' heading. When a report with a Recommendations section has no such table "
      "it fires once for the whole document (no section, no span). It does not fire when the "
      "report says the action plan is a separate document ('The action plan is published "
      "alongside this report'), nor on a draft without a Recommendations section.",
      "The Home Office 'Multi-agency Statutory Guidance for the Conduct of Domestic Homicide "
      "Reviews' (2016), section 7, makes the action plan part of the review's output, and "
      "published plans set each recommendation against its actions, lead agency, target date "
      "and outcome (Bassetlaw DHR 'Sarah' Action Plan, 2023). The QA Panel reads it: its "
      "feedback letter on DHR 'Salma' to Tower Hamlets Community Safety Partnership (2020) "
      "judged whether 'the key findings and action plans are clearly outlined'.",
      "Fires: a report whose Recommendations section lists five recommendations and which has "
      "no table of actions anywhere.\n"
      "Does not fire: 'Appendix C: Action plan' with a table headed Recommendation | Action | "
      "Lead agency | Target date | Outcome.",
      "Add an action plan (in the report or as an appendix) with a row for each action: the "
      "recommendation it carries out, the action, the lead agency, a target date and the "
      "intended outcome; or say where the separate action plan is published.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_missing_rule() { return std::make_unique<MissingRule>(); }

}  // namespace dhrlint::action_plan
