// repetition/repeated-passage: a run of 30 or more words copied from an
// earlier paragraph into another (sentences copied from the chronology into
// the analysis).
#include "rules/repetition/common.hpp"

namespace dhrlint::repetition {

namespace {

class RepeatedPassageRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (const Repeat& r : shared_reading(doc, ctx.analysis()).passages) {
      Finding& f = ctx.report(*this, r.paragraph, r.start, r.end,
                              "Repeats " + std::to_string(r.words) + " words of " +
                                  place_name(doc, r.earlier) +
                                  " word for word; say it once and refer back to it");
      f.location.related.push_back(
          kit::location_of(doc, r.earlier, r.earlier_start, r.earlier_end));
    }
  }

 private:
  RuleInfo info_{
      "repetition/repeated-passage",
      "A passage repeats text of an earlier paragraph",
      "Reports a run of 30 words or more that stands word for word (ignoring case and "
      "punctuation) in an earlier paragraph, when the paragraph holding it is not itself a "
      "repeat of that paragraph (repetition/repeated-paragraph reports those): sentences "
      "copied from the chronology into the analysis, a paragraph pasted into a longer one. One "
      "finding per run, on the later text, spanning the repeated words; the message names the "
      "earlier paragraph and the related location points at the same words there. Reads the "
      "body, text boxes, footnotes and endnotes in reading order; text under a "
      "terms-of-reference, executive-summary, recommendations or action-plan heading, table "
      "cells and headings are neither reported nor compared.",
      "The QA Panel told the Salma review that 'the report is repetitive at times which could "
      "be addressed to shorten the review and make it more accessible to the reader' (Home "
      "Office QA Panel feedback letter to Tower Hamlets Community Safety Partnership on DHR "
      "'Salma', 2020). Copying the chronology's sentences into the analysis makes the report "
      "longer and the analysis thinner: the second place should say what the facts mean.",
      "Fires: 6.1.2 'The panel noted that in August 2021 police were called after Amira ran "
      "to a neighbour's flat ...' where the 34 words after 'noted that' stand in 4.2.3.\n"
      "Does not fire: a sentence of 20 words used twice; two paragraphs that share the frame "
      "'The DASH risk assessment was graded as ...' about different incidents.",
      "Refer to the earlier paragraph (\"the incident in August 2021 (4.2.3)\") and write "
      "what the analysis adds instead of the copied sentences.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_repeated_passage_rule() {
  return std::make_unique<RepeatedPassageRule>();
}

}  // namespace dhrlint::repetition
