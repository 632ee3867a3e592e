// style/long-sentence: a sentence of running text longer than the limit
// (60 words unless [style] max_sentence_words says otherwise).
#include "rules/kit/kit.hpp"

namespace dhrlint::style {

namespace {

class LongSentenceRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const int configured = ctx.config().max_sentence_words;
    const std::size_t limit = configured > 0 ? static_cast<std::size_t>(configured) : 60;
    DocumentAnalysis& analysis = ctx.analysis();
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_running_text(para) || para.heading_level || kit::is_list_item(para) ||
          kit::is_quote_style(para)) {
        continue;
      }
      const std::vector<kit::Token>& tokens = analysis.tokens(p);
      if (tokens.size() <= limit || !may_run_over(tokens, limit)) {
        continue;  // no sentence of it can be longer: ICU is not asked
      }
      const std::size_t from = kit::content_start(para);
      std::size_t t = 0;
      for (const text::Range& s : analysis.sentences(p)) {
        while (t < tokens.size() && tokens[t].start < s.start) {
          ++t;
        }
        std::size_t words = 0;
        std::size_t first = s.start;
        for (std::size_t u = t; u < tokens.size() && tokens[u].start < s.end; ++u) {
          if (tokens[u].start < from) {
            continue;  // the typed paragraph number
          }
          if (words == 0) {
            first = tokens[u].start;
          }
          ++words;
        }
        if (words > limit) {
          ctx.report(*this, p, first, s.end,
                     "Sentence of " + std::to_string(words) + " words (the limit is " +
                         std::to_string(limit) + "); split it into shorter sentences");
        }
      }
    }
  }

 private:
  // False when every stretch of words between a '.', '!' or '?' and a
  // capitalised word is within the limit: ICU breaks a sentence there at
  // least (it may break more often, never less), so no sentence is longer.
  static bool may_run_over(const std::vector<kit::Token>& tokens, std::size_t limit) {
    std::size_t run = 0;
    for (const kit::Token& t : tokens) {
      if (run > 0 && t.capitalised && t.gap_before.find_first_of(".!?") != std::string_view::npos) {
        run = 0;
      }
      if (++run > limit) {
        return true;
      }
    }
    return false;
  }

  RuleInfo info_{
      "style/long-sentence",
      "A sentence is longer than the word limit",
      "Reports each sentence of running text (ICU sentence boundaries) with more words than "
      "the limit: 60 unless `.dhrlint.toml` sets `[style] max_sentence_words`. One finding "
      "per sentence, spanning it; a typed paragraph number is not counted. Not read: tables, "
      "headings, list items (each item is its own paragraph), quotations in a Quote style "
      "(the words are someone else's), footnotes and endnotes (citations run long), text "
      "boxes, headers and footers.",
      "The overview report is published (Home Office, \"Multi-agency Statutory Guidance for "
      "the Conduct of Domestic Homicide Reviews\" (2016), section 8 \"Publication of the "
      "Overview Report\") and is read by the victim's family as well as by professionals; the "
      "QA Panel asks for reports that are 'accessible to the reader' (Home Office QA Panel "
      "feedback letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020). A "
      "sentence that runs past 60 words loses most readers before its end.",
      "Fires: a 75-word sentence chaining the police call-out, the DASH grading, the referral "
      "and the IDVA's contact with 'and' and 'which'.\n"
      "Does not fire: the same facts in four sentences; a long table cell; a list of key lines "
      "of enquiry, one item a paragraph.",
      "Split the sentence where it changes subject (one event or one point a sentence), or "
      "turn a long series into a list; raise `[style] max_sentence_words` if the report's "
      "commissioners set another limit.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_long_sentence_rule() { return std::make_unique<LongSentenceRule>(); }

}  // namespace dhrlint::style
