// draft/track-changes-on: Review > Track Changes left switched on in the file
// (w:trackRevisions in word/settings.xml).
#include "rules/kit/kit.hpp"

namespace dhrlint::draft {

namespace {

class TrackChangesOnRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    if (doc.settings.track_revisions) {
      ctx.report_document(*this,
                          "Track Changes is still switched on; accept or reject every change, "
                          "then turn Track Changes off before the report is sent");
    }
  }

 private:
  RuleInfo info_{
      "draft/track-changes-on",
      "Track Changes left switched on",
      "Reports, once for the whole document (no section, no span), a file saved with Review > "
      "Track Changes switched on (w:trackRevisions in word/settings.xml). Changes already "
      "tracked are draft/unaccepted-change's; this rule is about the setting, which stays on "
      "when every change has been accepted.",
      "With Track Changes on, every later edit (the last anonymisation pass, a correction "
      "after the Home Office Quality Assurance Panel's letter) is kept in the file as a "
      "tracked insertion or deletion, deleted text and the editor's name included, and a "
      "reader who opens the file with markup shown sees it. The overview report is published "
      "(Home Office, \"Multi-agency Statutory Guidance for the Conduct of Domestic Homicide "
      "Reviews\" (2016), section 8 \"Publication of the Overview Report\"), and what is "
      "published is the file.",
      "Fires: a final draft with no tracked change left, saved with Track Changes on.\n"
      "Does not fire: the same draft saved after Review > Track Changes was switched off; a "
      "paragraph that says \"changes were tracked in the agency's records\".",
      "Accept or reject every change (Review > Accept > Accept All Changes), switch Review > "
      "Track Changes off, and save.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_track_changes_on_rule() {
  return std::make_unique<TrackChangesOnRule>();
}

}  // namespace dhrlint::draft
