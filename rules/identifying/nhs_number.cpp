// identifying/nhs-number: NHS numbers (ten digits whose last is a valid
// modulus 11 check digit).
#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

// NHS Data Dictionary, "NHS Number": weights 10..2 on the first nine digits;
// check = 11 - (sum mod 11); 11 becomes 0; 10 means the number is invalid.
bool valid_nhs_number(const std::string& digits) {
  if (digits.size() != 10) {
    return false;
  }
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    sum += (digits[static_cast<std::size_t>(i)] - '0') * (10 - i);
  }
  int check = 11 - sum % 11;
  if (check == 11) {
    check = 0;
  }
  if (check == 10) {
    return false;
  }
  return check == digits[9] - '0';
}

class NhsNumberRule : public Rule {
 public:
  NhsNumberRule() : number_re_("(\\d{3}[ \\-]?\\d{3}[ \\-]?\\d{4})"), cue_re_("(?i:NHS)") {
    info_.id = "identifying/nhs-number";
    info_.severity = Severity::kError;
    info_.summary = "An NHS number is given";
    info_.what =
        "Finds NHS numbers: ten digits (\"943 476 5919\", \"943-476-5919\", \"9434765919\") "
        "whose last digit is the modulus 11 check digit of the first nine, as the NHS Data "
        "Dictionary defines it. A number written in the 3-3-4 grouping is flagged anywhere; an "
        "ungrouped one only after \"NHS\" in the same paragraph or in a column headed NHS. "
        "Numbers starting with 0 (telephone numbers) and numbers failing the check are not "
        "flagged.";
    info_.why =
        "The NHS number is a unique identifier of a patient, and anonymisation extends to "
        "everything the file carries: an identification number makes a person identifiable "
        "(UK GDPR, Article 4(1)), and the overview report is published (Home Office, "
        "\"Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews\" (2016), "
        "section 8 \"Publication of the Overview Report\").";
    info_.example =
        "Salma's NHS number (943 476 5919) was recorded.  <- fires\n"
        "The GP recorded Salma's NHS number.              <- does not fire";
    info_.fix = "Remove the NHS number.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    scan_document(
        doc, ctx, *this, [&](const TextView& view, std::vector<Hit>& hits) { find(view, hits); },
        ScanOptions{.properties = true});
  }

 private:
  void find(const TextView& view, std::vector<Hit>& hits) const {
    const std::string_view text = view.text;
    if (!has_ascii_digit(text)) {
      return;  // an NHS number is ten digits
    }
    const ByteToCodePoint cps(text);
    bool column_cue = false;
    if (view.paragraph != kNoIndex) {
      const Paragraph& para = view.doc.paragraphs[view.paragraph];
      column_cue = para.table && (RE2::PartialMatch(column_header(view.doc, para), *cue_re_) ||
                                  RE2::PartialMatch(row_label(view.doc, para), *cue_re_));
    }
    for_each_match(*number_re_, text, true, [&](std::size_t b, std::size_t e) {
      const std::string_view written = text.substr(b, e - b);
      std::string digits;
      for (char c : written) {
        if (c >= '0' && c <= '9') {
          digits += c;
        }
      }
      if (digits.front() == '0' || !valid_nhs_number(digits)) {
        return;
      }
      // Part of a longer grouping ("020 943 476 5919") or a decimal.
      if (b >= 2 && (text[b - 1] == ' ' || text[b - 1] == '-' || text[b - 1] == '.') &&
          text[b - 2] >= '0' && text[b - 2] <= '9') {
        return;
      }
      if (e + 1 < text.size() && (text[e] == ' ' || text[e] == '-' || text[e] == '.') &&
          text[e + 1] >= '0' && text[e + 1] <= '9') {
        return;
      }
      const bool grouped = written.size() > 10;
      const std::size_t from = b > 60 ? b - 60 : 0;
      const bool cue =
          column_cue || RE2::PartialMatch(re2::StringPiece(text.data() + from, b - from), *cue_re_);
      if (!grouped && !cue) {
        return;
      }
      hits.push_back(Hit{cps.cp(b), cps.cp(e), "Gives an NHS number; remove it"});
    });
  }

  RuleInfo info_;
  kit::LazyRegex number_re_;
  kit::LazyRegex cue_re_;
};

}  // namespace

std::unique_ptr<Rule> make_nhs_number_rule() { return std::make_unique<NhsNumberRule>(); }

}  // namespace dhrlint::identifying
