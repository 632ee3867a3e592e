// identifying/phone-number: personal UK telephone numbers (mobiles and
// geographic landlines), not published helplines or organisations' 03/08 lines.
#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/phone-number.txt";

class PhoneNumberRule : public Rule {
 public:
  PhoneNumberRule() : PhoneNumberRule(DataFile::load(kData)) {}
  explicit PhoneNumberRule(const DataFile& data)
      : phone_re_("((?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)\\d[\\d \\-)]{6,16}\\d)"),
        personal_prefixes_(data.values("personal-prefix")),
        helplines_(data.values("helpline")) {
    info_.id = "identifying/phone-number";
    info_.severity = Severity::kError;
    info_.summary = "A personal telephone number is given";
    info_.what =
        "Finds UK telephone numbers that belong to a person or household: mobiles (07...) and "
        "geographic landlines (01..., 02...), written with spaces, hyphens, brackets or +44. "
        "Published helplines (0808 2000 247, 116 123, 101, 999, 111, ...), freephone and "
        "non-geographic numbers used by organisations (03, 08, 09) are not flagged. Looks at "
        "everything the file carries, hidden text, tracked deletions and properties included.";
    info_.why =
        "A phone number identifies its holder directly; anonymised reports keep only published "
        "helplines, and anonymisation extends to everything the file carries: a number that "
        "identifies a person is personal data (UK GDPR, Article 4(1)), and the overview report "
        "is published (Home Office, \"Multi-agency Statutory Guidance for the Conduct of Domestic "
        "Homicide Reviews\" (2016), section 8 \"Publication of the Overview Report\").";
    info_.example =
        "Salma texted her sister on 07700 900123.                   <- fires\n"
        "The National Domestic Abuse Helpline is 0808 2000 247.    <- does not fire";
    info_.fix = "Remove the number; say who was contacted and how (\"by text message\").";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    scan_document(
        doc, ctx, *this,
        [&](const TextView& view, std::vector<Hit>& hits) { find(view.text, hits); },
        ScanOptions{.field_codes = true, .properties = true});
  }

 private:
  // The national form ("07700900123") of a written number, or "" if it has
  // no valid length.
  static std::string national(std::string_view written) {
    std::string digits;
    for (char c : written) {
      if (c >= '0' && c <= '9') {
        digits += c;
      }
    }
    if (!written.empty() && written.front() == '+') {
      digits.erase(0, 2);  // country code 44
      if (written.find("(0)") != std::string_view::npos && !digits.empty()) {
        digits.erase(0, 1);
      }
      digits.insert(digits.begin(), '0');
    }
    return digits.size() == 10 || digits.size() == 11 ? digits : std::string();
  }

  void find(std::string_view text, std::vector<Hit>& hits) const {
    if (!has_ascii_digit(text)) {
      return;  // every number the pattern takes has digits
    }
    const ByteToCodePoint cps(text);
    for_each_match(*phone_re_, text, false, [&](std::size_t b, std::size_t e) {
      if (alnum_before(text, b) || (b > 0 && (text[b - 1] == '/' || text[b - 1] == '.'))) {
        return;
      }
      // The pattern may run on into a following number ("07700 900123 12
      // times"): try the longest prefix ending at a digit group that has a
      // valid length and is followed by no digit or letter.
      for (std::size_t end = e; end > b; --end) {
        if (text[end - 1] < '0' || text[end - 1] > '9') {
          continue;
        }
        if (end < text.size() && (alnum_at(text, end) || text[end] == '/')) {
          continue;
        }
        const std::string_view written = text.substr(b, end - b);
        const std::string number = national(written);
        if (number.empty()) {
          continue;
        }
        bool personal = false;
        for (const std::string& prefix : personal_prefixes_.terms()) {
          if (number.compare(0, prefix.size(), prefix) == 0) {
            personal = true;
          }
        }
        if (personal && !helplines_.contains(number)) {
          hits.push_back(
              Hit{cps.cp(b), cps.cp(end), "Gives a personal telephone number; remove it"});
        }
        return;
      }
    });
  }

  RuleInfo info_;
  kit::LazyRegex phone_re_;
  TermSet personal_prefixes_;
  TermSet helplines_;
};

}  // namespace

std::unique_ptr<Rule> make_phone_number_rule() { return std::make_unique<PhoneNumberRule>(); }

}  // namespace dhrlint::identifying
