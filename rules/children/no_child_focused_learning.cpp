// children/no-child-focused-learning: children were part of the household
// but no recommendation is about them.
#include "rules/children/common.hpp"
#include "rules/family/parts.hpp"
#include "rules/kit/absence.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::children {

namespace {

class NoChildFocusedLearningRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ChildrenReading& reading = ChildrenReader::shared_reading(doc, ctx.analysis());
    if (!reading.children || !reading.has_recommendations || reading.child_recommendation) {
      return;
    }
    std::string message =
        "Children were part of the household, but no recommendation is about them; add "
        "child-focused learning (the impact of domestic abuse on children, schools and "
        "Operation Encompass, trauma-informed support, children's social care)";
    Finding& f =
        kit::report_absence(ctx, *this, doc, reading.recommendations_heading, std::move(message));
    if (reading.first_cue) {
      f.location.related.push_back(kit::location_of(
          doc, reading.first_cue->paragraph, reading.first_cue->start, reading.first_cue->end));
    }
  }

 private:
  RuleInfo info_{
      "children/no-child-focused-learning",
      "Children were in the household but no recommendation is about them",
      "Looks for children in the household: a child named 'Child A' (or 'Children A and B'), "
      "a son, daughter or child with an age under 18 (in the text or in the pseudonym table's "
      "Son / Daughter rows), a young child, baby or teenager, a child at school or nursery, a "
      "child protection plan or child-in-need work, children present at an incident; or 'the "
      "children' / 'her children' when the report never says they are adults or that there "
      "were none. The terms of reference, glossaries and panel tables do not count. Then reads "
      "the recommendations (paragraphs and tables under a Recommendations or Action plan "
      "heading, styled or typed, and any table headed like an action plan) for one about "
      "children: children, schools and education, designated safeguarding leads, Operation "
      "Encompass, trauma-informed support, young people, CAMHS, health visitors, early help. "
      "When there is none it fires once for the whole document (an absent discussion), "
      "with the first Recommendations heading, when there is one, and the first sign of the "
      "children as related locations. A report with no recommendations at all "
      "is left to the structure rules. Lessons learned are not recommendations.",
      "Children who see, hear or experience the effects of domestic abuse are victims of it in "
      "their own right (Domestic Abuse Act 2021, s.3). The QA Panel asked of the Salma report "
      "that 'the recommendations for schools could have included the introduction of "
      "specialist training on the impact of domestic abuse on children and helpful "
      "intervention based on a trauma informed approach' and what had changed under Operation "
      "Encompass (Home Office QA Panel feedback letter to Tower Hamlets Community Safety "
      "Partnership on DHR 'Salma', 2020).",
      "Fires: a report about Amira and her children Child A (11) and Child B (8) whose "
      "recommendations are all about police interpreting and case closure.\n"
      "Does not fire: the same report with 'Eastbridge Safeguarding Children Partnership "
      "should ensure that every school receives training on the impact of domestic abuse on "
      "children ...'; nor a report whose victim 'had no children' or whose only children are "
      "'her adult son' and 'her adult daughter'.",
      "Add a recommendation about the children: what schools, children's social care and "
      "health services should do (training on the impact of domestic abuse on children, "
      "Operation Encompass notifications acted on, trauma-informed support), with a lead "
      "agency and a date in the action plan.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_no_child_focused_learning_rule() {
  return std::make_unique<NoChildFocusedLearningRule>();
}

}  // namespace dhrlint::children
