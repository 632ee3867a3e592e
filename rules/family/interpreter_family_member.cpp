// family/interpreter-family-member: a relative interpreted for the victim
// (or the family) and the report does not say that this should not happen.
#include "rules/family/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::family {

namespace {

class InterpreterFamilyMemberRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const FamilyReading& reading = FamilyReader::shared_reading(doc, ctx.analysis());
    for (const RelativeInterpreting& r : reading.uncommented) {
      ctx.report(*this, r.sentence.paragraph, r.sentence.start, r.sentence.end,
                 "A " + std::string(relation_name(r.relation)) +
                     " interpreted, and the report does not comment on it; say that relatives "
                     "should not interpret (the victim cannot speak freely) and what should have "
                     "happened");
    }
  }

 private:
  RuleInfo info_{
      "family/interpreter-family-member",
      "A relative or child used as interpreter, and the report does not comment on it",
      "Flags each sentence of the body or the notes in which a partner, a child or another "
      "relative interprets or translates: 'her son interpreted', 'the children translated for "
      "her', 'her husband interpreted at the appointment', 'the GP asked her daughter to "
      "interpret', 'interpreted by her sister', or a name the pseudonym table gives a relation "
      "('Kamal, who interpreted for her'). A professional interpreter ('an interpreter was "
      "booked through Language Line', 'her son asked for an interpreter'), 'interpreted as' "
      "(construed), a negation ('did not use her son to interpret') and recommendations do not "
      "count. It stays silent when the report comments that this is inappropriate - a sentence "
      "about interpreting and relatives with words such as inappropriate, unsafe, should not, "
      "never, contrary to, rather than - in the same sentence, paragraph or the next one, or "
      "anywhere when the comment speaks of the same kind of relative or of family members in "
      "general ('never through a partner or a relative').",
      "The QA Panel commended the Salma report for its 'good discussion around the use of "
      "family members as translators' (Home Office QA Panel feedback letter to Tower Hamlets "
      "Community Safety Partnership on DHR 'Salma', 2020): a victim cannot disclose abuse "
      "through the perpetrator or a relative, and a child asked to interpret is drawn into the "
      "abuse. The Domestic Abuse Act 2021 (s.3) recognises children as victims in their own "
      "right.",
      "Fires: 'On one occasion she attended with her husband, who interpreted for her.' with "
      "no comment anywhere.\n"
      "Does not fire: the same sentence followed by 'The panel noted that using her husband "
      "as interpreter was unsafe and contrary to the practice's policy.'; nor 'An interpreter "
      "was booked through Language Line.'",
      "Say that the relative should not have interpreted, why (the victim could not speak "
      "freely; a child was exposed to the abuse), and what the agency should have done (a "
      "professional interpreter, speaking to the victim alone).",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_interpreter_family_member_rule() {
  return std::make_unique<InterpreterFamilyMemberRule>();
}

}  // namespace dhrlint::family
