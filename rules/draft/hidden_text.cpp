// draft/hidden-text: text formatted as hidden (w:vanish) that the printed
// report does not show but the file carries.
#include "rules/kit/kit.hpp"

namespace dhrlint::draft {

namespace {

class HiddenTextRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      for (const InvisibleText& hidden : doc.paragraphs[p].invisible) {
        if (hidden.kind != InvisibleKind::kHidden) {
          continue;
        }
        // Hidden text that is only spaces carries nothing.
        if (hidden.text.find_first_not_of(" \t\n\r\xC2\xA0") == std::string::npos) {
          continue;
        }
        Finding& f = ctx.report(*this, p, hidden.at, hidden.at,
                                "Hidden text (formatted as hidden) is still in the file; "
                                "delete it or make it visible");
        f.location.visibility = "hidden";
        // The contract's field for text that is in the file but not shown.
        f.location.deleted_text = hidden.text;
      }
    }
  }

 private:
  RuleInfo info_{
      "draft/hidden-text",
      "Hidden text left in the file",
      "Reports every stretch of text formatted as hidden (Font > Hidden, w:vanish), one "
      "finding per hidden run sequence, as a zero-width span where it stands; the hidden text "
      "itself is in the finding's `deleted_text`.",
      "Hidden text does not print and is not shown unless formatting marks are on, but it is "
      "in the published file; like tracked deletions it is where real names survive after the "
      "visible text has been anonymised, since anonymisation extends to the file itself. The "
      "overview report is published (Home Office, \"Multi-agency Statutory Guidance for the "
      "Conduct of Domestic Homicide Reviews\" (2016), section 8 \"Publication of the Overview "
      "Report\"), and what is published is the file.",
      "1.2.1 The review covers the period{hidden: agreed with Ms Patel's family} from 2019.  "
      "<- fires.\nA paragraph that says \"the abuse was hidden from professionals\": does not "
      "fire.",
      "Show formatting marks (Ctrl+Shift+8), find the hidden text (Find > Format > Font > "
      "Hidden), then delete it or clear the Hidden attribute.",
      Severity::kError};
};

}  // namespace

std::unique_ptr<Rule> make_hidden_text_rule() { return std::make_unique<HiddenTextRule>(); }

}  // namespace dhrlint::draft
