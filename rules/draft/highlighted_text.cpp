// draft/highlighted-text: text left highlighted (w:highlight) or shaded at
// run level, the marks authors and reviewers use for "check this".
#include <algorithm>

#include "rules/kit/kit.hpp"

namespace dhrlint::draft {

namespace {

bool blank(std::string_view text) {
  for (char32_t c : kit::code_points(text)) {
    if (!kit::is_space(c)) {
      return false;
    }
  }
  return true;
}

class HighlightedTextRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (para.highlights.empty() || !reads(para)) {
        continue;
      }
      // Spans that touch or are only white space apart are one mark (a
      // highlight broken by a run of another colour or a space is one place
      // to look at).
      std::size_t i = 0;
      const std::vector<Span>& spans = para.highlights;
      while (i < spans.size()) {
        if (!counts(para, spans[i])) {
          ++i;
          continue;
        }
        std::size_t start = spans[i].start;
        std::size_t end = spans[i].end;
        std::string colour = spans[i].value;
        std::size_t j = i + 1;
        while (j < spans.size() && counts(para, spans[j]) &&
               (spans[j].start <= end || blank(text::slice(para.text, end, spans[j].start)))) {
          end = std::max(end, spans[j].end);
          ++j;
        }
        i = j;
        const text::Range r = kit::trim(para.text, {start, end});
        if (r.start == r.end) {
          continue;  // highlighted spaces carry nothing to read
        }
        const bool shading = colour.rfind("shading:", 0) == 0;
        ctx.report(*this, p, r.start, r.end,
                   std::string(shading ? "Shaded" : "Highlighted") +
                       " text left in the draft; resolve what it marks, then remove the " +
                       (shading ? "shading" : "highlight"));
      }
    }
  }

 private:
  // The report's own text and its notes: a highlight in a comment is part of
  // the comment (draft/comments), and headers and footers are design.
  static bool reads(const Paragraph& para) {
    return kit::is_report_text(para) || kit::is_note(para);
  }
  // Run shading in a table is a designed cell (white on dark in a header
  // row); a highlight is a highlight wherever it is.
  static bool counts(const Paragraph& para, const Span& span) {
    return !(para.table && span.value.rfind("shading:", 0) == 0);
  }

  RuleInfo info_{
      "draft/highlighted-text",
      "Highlighted text left in the draft",
      "Reports text in the body (tables and text boxes included) and in footnotes and endnotes "
      "that is highlighted (Home > Text Highlight Color, w:highlight) or shaded at run level "
      "(w:shd with a fill), one finding per highlighted stretch: neighbouring highlighted runs "
      "separated by nothing or only spaces are one stretch, whatever their colours. The span "
      "is the highlighted text. Run shading inside a table is not reported (a header row of "
      "white text on a dark fill is design); highlights in comments, headers and footers are "
      "not either.",
      "Authors and reviewers highlight what still needs checking: a date to confirm, a name to "
      "anonymise, a sentence the panel has not agreed. The overview report is published once "
      "the Home Office Quality Assurance Panel has assessed it (Home Office, \"Multi-agency "
      "Statutory Guidance for the Conduct of Domestic Homicide Reviews\" (2016), section 8 "
      "\"Publication of the Overview Report\"); a highlight left in it is an open question "
      "printed in colour, and reads as an unfinished draft.",
      "Fires: '1.7.3 The DASH risk assessment was graded as medium risk.' with \"medium risk\" "
      "highlighted yellow.\n"
      "Does not fire: an action plan table whose header row is white text on dark blue run "
      "shading; a paragraph that mentions \"the highlighted concerns\".",
      "Check what the highlight marks (confirm the fact, agree the wording, anonymise the name), "
      "then select the text and choose Text Highlight Color > No Color (and Shading > No "
      "Color for shaded text).",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_highlighted_text_rule() {
  return std::make_unique<HighlightedTextRule>();
}

}  // namespace dhrlint::draft
