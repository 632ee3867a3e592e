// incomplete/placeholder: placeholders (TBC, XX, [insert ...], ???) and Word
// field errors ("Error! Reference source not found.") left in the report.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

constexpr std::string_view kData = "incomplete/placeholders.txt";

class PlaceholderRule final : public Rule {
 public:
  PlaceholderRule() : terms_(kData) {
    for (const std::string& w : kit::folded_values(kData, "numeral-context")) {
      numeral_context_.insert(w);
    }
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      // The report a reader reads: body (tables, text boxes and the table of
      // contents included: a TOC line reading "Error! Bookmark not defined."
      // is printed) and notes. Comments are drafting notes by design.
      const bool body = kit::is_printed_body(p);
      const bool note = kit::is_note(p);
      if (!body && !note) {
        continue;
      }
      const text::FoldedText& folded = ctx.analysis().folded(i);
      if (folded.text.empty()) {
        continue;
      }

      const std::size_t cs = kit::content_start(p);
      const text::Range content = kit::trim(p.text, {cs, text::length(p.text)});
      if (content.start == content.end) {
        continue;
      }
      // A paragraph that is nothing but a placeholder ("To follow."). Folding
      // works code point by code point, so the content's folded text is a
      // slice of the paragraph's.
      const kit::FoldedSpan span = kit::to_folded_span(folded, content);
      text::FoldedText whole;
      whole.text = folded.text.substr(span.folded_begin, span.folded_end - span.folded_begin);
      if (terms_.contains(whole, "whole")) {
        ctx.report(*this, i, content.start, content.end,
                   "Paragraph holds only a placeholder; write the text or remove the paragraph");
        continue;
      }
      std::vector<kit::TermMatch> found_terms = terms_.find(folded, "marker");
      for (kit::TermMatch& m : terms_.find(folded, "letters")) {
        if (!after_numeral_word(folded, m.folded_begin)) {
          found_terms.push_back(std::move(m));
        }
      }
      // "XX/XX/2021" is one placeholder, not three.
      std::sort(found_terms.begin(), found_terms.end(), [](const auto& a, const auto& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
      });
      std::size_t covered = 0;
      for (const kit::TermMatch& m : found_terms) {
        if (m.start < covered) {
          continue;
        }
        covered = m.end;
        const std::string found = text::slice(p.text, m.start, m.end);
        ctx.report(*this, i, m.start, m.end,
                   "Placeholder '" + found + "' left in the report; replace it with the final text")
            .redacted_message = "Placeholder left in the report; replace it with the final text";
      }
    }
  }

 private:
  // "Part XX", "Chapter XX": a Roman numeral, not a placeholder.
  bool after_numeral_word(const text::FoldedText& folded, std::size_t at) const {
    std::size_t e = at;
    while (e > 0 && folded.text[e - 1] == ' ') {
      --e;
    }
    std::size_t s = e;
    while (s > 0 && std::isalpha(static_cast<unsigned char>(folded.text[s - 1]))) {
      --s;
    }
    return s < e && numeral_context_.count(folded.text.substr(s, e - s)) > 0;
  }

  kit::TermList terms_;
  std::set<std::string> numeral_context_;
  RuleInfo info_{
      "incomplete/placeholder",
      "A placeholder or Word field error is left in the report",
      "Looks through the body (tables, text boxes and the table of contents included) and the "
      "footnotes and endnotes for placeholders an author leaves while drafting: TBC, TBA, TBD, "
      "TODO, XX / XXX (not a Roman numeral after 'Part', 'Chapter', ...), 20XX, DD/MM/YYYY, "
      "[insert ...], <insert ...>, [date], [name], ???, 'Lorem ipsum', a paragraph that says "
      "only 'To follow', and Word's field errors ('Error! Reference source not found.', "
      "'Error! Bookmark not defined.'). Words that merely contain these letters ('XXL', "
      "'advice to follow' in a sentence) do not fire. The term list is "
      "data/incomplete/placeholders.txt.",
      "A report with placeholders is not finished: the QA Panel returns reports with "
      "incomplete paragraphs ('1.8.3 appears to be incomplete': Home Office QA Panel feedback "
      "letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020). Field "
      "errors appear when a cross-reference's target was "
      "deleted, so the sentence around them points nowhere.",
      "Fires: 'The review was commissioned on [insert date].', 'Target date: TBC', "
      "'see Error! Reference source not found.'.\n"
      "Does not fire: 'Part XX of the Act', 'the family gave advice to follow'.",
      "Write the missing text. For a field error, update the cross-reference (select it and "
      "press F9) or retype it; for a date not yet known, say so in words.",
      Severity::kError};
};

}  // namespace

std::unique_ptr<Rule> make_placeholder_rule() { return std::make_unique<PlaceholderRule>(); }

}  // namespace dhrlint::incomplete
