// hba/unreasoned-dismissal: 'honour'-based abuse ruled out in a sentence
// with no reasoning ("There was no evidence of honour-based abuse.").
#include "rules/hba/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::hba {

namespace {

class UnreasonedDismissalRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const HbaReading& reading = HbaReader::shared_reading(doc, ctx.analysis());
    for (const Mention& m : reading.unreasoned_dismissals) {
      ctx.report(*this, m.paragraph, m.start, m.end,
                 "Rules out 'honour'-based abuse without saying how the panel reached that "
                 "conclusion; give the evidence, advice and reasoning");
    }
  }

 private:
  RuleInfo info_{
      "hba/unreasoned-dismissal",
      "'Honour'-based abuse is ruled out without reasoning",
      "Flags a sentence (body or notes) that names 'honour'-based abuse or forced marriage and "
      "rules it out ('no evidence of', 'not relevant', 'not a factor', 'did not feature', "
      "'ruled out', ...) when no reasons are given in it, in the next sentence, in the sentences "
      "from the first one that raises HBA in the same paragraph, or in the paragraph before "
      "when that one is about HBA (whoever speaks: 'The panel concluded', 'We concluded'): "
      "because, as, given that, considered, consulted, expert or "
      "specialist advice, evidence from, having reviewed, the family said, Karma Nirvana, ... "
      "The span is the sentence.",
      "The QA Panel asked the Salma report for 'a more comprehensive overview of how the panel "
      "reached the conclusion that 'honour-based' abuse was not relevant' (Home Office QA "
      "Panel feedback letter to Tower Hamlets Community Safety Partnership, 2020); a bare "
      "dismissal gives the reader no way to judge it.",
      "Fires: 'There was no evidence of honour-based abuse.'\n"
      "Does not fire: 'There was no evidence of honour-based abuse: the panel consulted Karma "
      "Nirvana, and Salma's niece told the chair that ...'.",
      "Say how the panel reached the conclusion: which records and accounts it examined, "
      "whom it consulted (family, community organisations, a specialist HBA service), and why "
      "the evidence pointed away from 'honour'-based abuse.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_unreasoned_dismissal_rule() {
  return std::make_unique<UnreasonedDismissalRule>();
}

}  // namespace dhrlint::hba
