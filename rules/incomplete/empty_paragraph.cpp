// incomplete/empty-paragraph: a numbered report paragraph with no text.
#include <re2/re2.h>

#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

class EmptyParagraphRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      if (!kit::is_running_text(p)) {
        continue;
      }
      const std::size_t length = text::length(p.text);
      const text::Range content = kit::trim(p.text, {kit::content_start(p), length});
      if (p.is_report_number && !p.label_is_bullet) {
        if (content.start != content.end) {
          continue;
        }
        ctx.report(*this, i, content.start, content.start, message(kit::own_report_number(p)));
        continue;
      }
      // A typed number with nothing after it ("1.8.3" alone): the reader does
      // not count it as a report number, but a reader of the report sees an
      // empty numbered paragraph.
      if (!p.label.empty() || p.heading_level) {
        continue;
      }
      std::string number;
      if (RE2::FullMatch(p.text, *typed_only_, &number)) {
        ctx.report(*this, i, 0, 0, message(number));
      }
    }
  }

 private:
  static std::string message(const std::string& number) {
    return "Numbered paragraph " + (number.empty() ? std::string() : number + " ") +
           "is empty; write its text or remove it and renumber";
  }

  // Two or more components, so that a year or a count alone does not match.
  const kit::LazyRegex typed_only_{R"(\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s*)"};

  RuleInfo info_{
      "incomplete/empty-paragraph",
      "A numbered report paragraph is empty",
      "Flags a body paragraph that carries a report paragraph number (Word's numbering such "
      "as '1.8.3.' or a typed '1.8.3') but no text after it. Empty unnumbered paragraphs "
      "(spacing), table cells and bullets are not report paragraphs and do not fire.",
      "An empty numbered paragraph is a section the author meant to write and did not; the QA "
      "Panel cites paragraphs by number and returns reports with incomplete ones ('1.8.3 "
      "appears to be incomplete': Home Office QA Panel feedback letter to Tower Hamlets "
      "Community Safety Partnership on DHR 'Salma', 2020).",
      "Fires: a paragraph numbered '1.8.3.' with nothing after the number.\n"
      "Does not fire: an empty unnumbered paragraph used for spacing.",
      "Write the paragraph, or delete it (Word renumbers automatic numbering; renumber typed "
      "numbers by hand).",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_empty_paragraph_rule() { return std::make_unique<EmptyParagraphRule>(); }

}  // namespace dhrlint::incomplete
