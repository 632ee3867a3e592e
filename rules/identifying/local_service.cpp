// identifying/local-service: a named GP practice, place of worship, workplace
// or other local service that locates the family ("Bow Medical Centre", "St
// Mary's Church", "East London Mosque", "Acme Plastics Ltd").
#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

class LocalServiceRule : public Rule {
 public:
  LocalServiceRule() : names_([] { return NamedPlaceFinder("identifying/local-service.txt"); }) {
    info_.id = "identifying/local-service";
    info_.severity = Severity::kWarning;
    info_.summary = "A GP practice, place of worship or workplace that locates the family is named";
    info_.what =
        "Finds names of local services that locate the family: GP surgeries and medical or "
        "health centres, children's and community centres, care homes, places of worship "
        "(church, mosque, gurdwara, temple, synagogue) and workplaces named as companies (Ltd, "
        "plc, restaurant, hotel, \"the Copper Kettle café\", \"his uncle's restaurant, the "
        "Shalimar "
        "Spice\"). Statutory and national bodies stay named and are not flagged: "
        "NHS trusts, police forces, councils, probation, ambulance services, and any name in "
        "the configured allowed_organisations. Placeholders such as \"Town N Surgery\" are not "
        "flagged. Looks at everything the file carries, as the other identifying rules do.";
    info_.why =
        "Published reviews disguise the family's locality: Devon DHR Case 8 writes \"Town N\" for "
        "the home town and \"Town N Surgery\" for the GP practice (Devon DHR Case 8 executive "
        "summary, Safer Devon Partnership, 2019). A named surgery, mosque or employer narrows "
        "the family down to one neighbourhood.";
    info_.example =
        "Salma was registered at Bow Medical Centre.           <- fires\n"
        "Salma was registered at a GP practice (Town N Surgery). <- does not fire\n"
        "Barts Health NHS Trust; the Metropolitan Police      <- do not fire";
    info_.fix =
        "Describe the service instead of naming it (\"the GP practice\", \"a local mosque\", "
        "\"her employer, a retail company\"), or use a placeholder such as \"Town N Surgery\". "
        "If the body must stay named, add it to allowed_organisations in .dhrlint.toml.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const text::Lexicon& lexicon = ctx.analysis().shared().lexicon;
    const std::vector<std::string>& allowed = ctx.config().allowed_organisations;
    DocumentAnalysis& analysis = ctx.analysis();
    const std::string message =
        "Names a local service (GP practice, place of worship or workplace) that could locate "
        "the family; describe it instead";
    scan_document(doc, ctx, *this, [&](const TextView& view, std::vector<Hit>& hits) {
      names_->find(view.text, analysis.tokens(view.text), allowed, lexicon, message, hits);
    });
  }

 private:
  RuleInfo info_;
  kit::Lazy<NamedPlaceFinder> names_;  // built when a document is first checked
};

}  // namespace

std::unique_ptr<Rule> make_local_service_rule() { return std::make_unique<LocalServiceRule>(); }

}  // namespace dhrlint::identifying
