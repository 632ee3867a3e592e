// repetition/repeated-paragraph: a paragraph that repeats an earlier one word
// for word or nearly so (the QA Panel letter on DHR 'Salma': "The report is
// repetitive at times").
#include "rules/repetition/common.hpp"

namespace dhrlint::repetition {

namespace {

class RepeatedParagraphRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (const Repeat& r : shared_reading(doc, ctx.analysis()).paragraphs) {
      Finding& f = ctx.report(*this, r.paragraph, r.start, r.end,
                              std::string(r.exact ? "Repeats " : "Nearly repeats ") +
                                  place_name(doc, r.earlier) + (r.exact ? " word for word" : "") +
                                  "; say it once and refer back to it");
      f.location.related.push_back(
          kit::location_of(doc, r.earlier, r.earlier_start, r.earlier_end));
    }
  }

 private:
  RuleInfo info_{
      "repetition/repeated-paragraph",
      "A paragraph repeats an earlier one",
      "Reports a paragraph of 25 words or more that repeats an earlier paragraph word for word "
      "(ignoring case, punctuation and its typed number) or nearly so (at least 80% of their "
      "three-word sequences in common, Jaccard similarity), across the body, text boxes, "
      "footnotes and endnotes, in reading order (a note right after the paragraph that "
      "references it). The finding is on the later paragraph, spanning its text; the message "
      "names the earlier one (\"repeats paragraph 2.3.1\") and the finding's related location "
      "points at it. Expected repetition is not reported: text under a terms-of-reference, "
      "executive-summary, recommendations or action-plan heading (quoted or restated "
      "elsewhere), table cells, headings, and paragraphs under 25 words. Found through hash "
      "maps of word sequences, never by comparing every pair of paragraphs.",
      "The QA Panel told the Salma review that 'the report is repetitive at times which could "
      "be addressed to shorten the review and make it more accessible to the reader' (Home "
      "Office QA Panel feedback letter to Tower Hamlets Community Safety Partnership on DHR "
      "'Salma', 2020). A paragraph pasted twice, from the chronology into the analysis or from "
      "one section into another, is the plainest case, and is easy to miss in a long report.",
      "Fires: 5.2.4 repeats 3.1.6 ('In August 2021 police were called after Amira ran to a "
      "neighbour's flat with a cut to her lip ...') word for word.\n"
      "Does not fire: two paragraphs in the same frame about different incidents ('In March "
      "2020 police attended ... graded as standard risk' and 'In August 2021 police attended "
      "... graded as medium risk'); a recommendation restated in the action plan.",
      "Keep the paragraph where it belongs (the chronology for facts, the analysis for what "
      "they mean) and replace the other copy with a reference to it (\"see 3.1.6\") or with "
      "the analysis the second place needs.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_repeated_paragraph_rule() {
  return std::make_unique<RepeatedParagraphRule>();
}

}  // namespace dhrlint::repetition
