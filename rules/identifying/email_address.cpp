// identifying/email-address: personal e-mail addresses (not organisational
// domains such as gov.uk, nhs.net, police.uk).
#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

class EmailAddressRule : public Rule {
 public:
  EmailAddressRule()
      : email_re_(
            "([A-Za-z0-9][A-Za-z0-9._%+'\\-]*@([A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?"
            "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+))"),
        domains_(DataFile::load("identifying/email-address.txt").values("domain")) {
    info_.id = "identifying/email-address";
    info_.severity = Severity::kError;
    info_.summary = "A personal e-mail address is given";
    info_.what =
        "Finds e-mail addresses, in the text and in hyperlink field codes (mailto:), except "
        "those at organisational domains that stay in a report: gov.uk, nhs.net, nhs.uk, "
        "police.uk, pnn.police.uk, org.uk, ac.uk, cjsm.net and the others in "
        "data/identifying/email-address.txt (a domain covers its subdomains). Looks at "
        "everything the file carries, properties included.";
    info_.why =
        "A personal e-mail address identifies its holder, and usually spells out a name. "
        "Anonymisation extends to the whole file, hyperlink targets included: an online "
        "identifier makes a person identifiable (UK GDPR, Article 4(1)), and the overview report "
        "is published (Home Office, \"Multi-agency Statutory Guidance for the Conduct of Domestic "
        "Homicide Reviews\" (2016), section 8 \"Publication of the Overview Report\").";
    info_.example =
        "Omar e-mailed salma.begum85@gmail.com.              <- fires\n"
        "Send the report to DHREnquiries@homeoffice.gov.uk.  <- does not fire";
    info_.fix = "Remove the address; say who wrote to whom (\"Omar e-mailed Salma\").";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    scan_document(
        doc, ctx, *this,
        [&](const TextView& view, std::vector<Hit>& hits) { find(view.text, hits); },
        ScanOptions{.field_codes = true, .properties = true});
  }

 private:
  bool organisational(std::string domain) const {
    domain = folded(domain);
    for (const std::string& d : domains_.terms()) {
      if (domain == d) {
        return true;
      }
      if (domain.size() > d.size() && domain.compare(domain.size() - d.size(), d.size(), d) == 0 &&
          domain[domain.size() - d.size() - 1] == '.') {
        return true;
      }
    }
    return false;
  }

  void find(std::string_view text, std::vector<Hit>& hits) const {
    if (text.find('@') == std::string_view::npos) {
      return;  // no address without an '@'
    }
    const ByteToCodePoint cps(text);
    for_each_match(*email_re_, text, true, [&](std::size_t b, std::size_t e) {
      const std::string_view address = text.substr(b, e - b);
      const std::size_t at = address.find('@');
      if (organisational(std::string(address.substr(at + 1)))) {
        return;
      }
      hits.push_back(Hit{cps.cp(b), cps.cp(e), "Gives a personal e-mail address; remove it"});
    });
  }

  RuleInfo info_;
  kit::LazyRegex email_re_;
  TermSet domains_;
};

}  // namespace

std::unique_ptr<Rule> make_email_address_rule() { return std::make_unique<EmailAddressRule>(); }

}  // namespace dhrlint::identifying
