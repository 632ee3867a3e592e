// identifying/ni-number: National Insurance numbers that HMRC's prefix rules
// allow ("AB 12 34 56 C"; "QQ 12 34 56 C", the examples' prefix, is invalid).
#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/ni-number.txt";

std::string cue_pattern(const DataFile& data) {
  std::string out;
  for (const std::string& cue : data.values("cue")) {
    if (!out.empty()) {
      out += '|';
    }
    out += RE2::QuoteMeta(cue);
  }
  return "(?i:" + out + ")";
}

class NiNumberRule : public Rule {
 public:
  NiNumberRule() : NiNumberRule(DataFile::load(kData)) {}
  explicit NiNumberRule(const DataFile& data)
      : nino_re_("([A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2}(?: ?[A-Z])?)"),
        cue_re_(cue_pattern(data)),
        first_excluded_(data.first("first-excluded")),
        second_excluded_(data.first("second-excluded")),
        suffix_allowed_(data.first("suffix-allowed")),
        prefix_excluded_(data.values("prefix-excluded")) {
    info_.id = "identifying/ni-number";
    info_.severity = Severity::kError;
    info_.summary = "A National Insurance number is given";
    info_.what =
        "Finds National Insurance numbers: two prefix letters, six digits and a suffix A-D "
        "(\"AB 12 34 56 C\"), with HMRC's prefix rules (NIM39110): the first letter is not D, F, "
        "I, Q, U or V, the second not D, F, I, O, Q, U or V, and BG, GB, KN, NK, NT, TN and ZZ "
        "are never allocated, so the example number \"QQ 12 34 56 C\" is not flagged. Without a "
        "suffix, only after \"National Insurance\" / \"NI number\" / \"NINO\".";
    info_.why =
        "A National Insurance number identifies a person for life, and anonymisation extends "
        "to everything the file carries: an identification number makes a person identifiable "
        "(UK GDPR, Article 4(1)), and the overview report is published (Home Office, "
        "\"Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews\" (2016), "
        "section 8 \"Publication of the Overview Report\").";
    info_.example =
        "Omar's National Insurance number was AB 12 34 56 C.  <- fires\n"
        "e.g. QQ 12 34 56 C                                    <- does not fire";
    info_.fix = "Remove the National Insurance number.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    scan_document(
        doc, ctx, *this,
        [&](const TextView& view, std::vector<Hit>& hits) { find(view.text, hits); },
        ScanOptions{.properties = true});
  }

 private:
  bool valid_prefix(char a, char b) const {
    if (first_excluded_.find(a) != std::string::npos) {
      return false;
    }
    if (second_excluded_.find(b) != std::string::npos) {
      return false;
    }
    return !prefix_excluded_.contains(folded(std::string{a, b}));
  }

  void find(std::string_view text, std::vector<Hit>& hits) const {
    if (!has_ascii_digit(text)) {
      return;  // an NI number has six digits
    }
    const ByteToCodePoint cps(text);
    for_each_match(*nino_re_, text, false, [&](std::size_t b, std::size_t e) {
      if (alnum_before(text, b)) {
        return;
      }
      std::string code;
      for (std::size_t i = b; i < e; ++i) {
        if (text[i] != ' ') {
          code += text[i];
        }
      }
      std::size_t end = e;
      bool suffix = code.size() == 9;
      if (suffix && (suffix_allowed_.find(code[8]) == std::string::npos || alnum_at(text, e))) {
        // Not a suffix: the letter starts the next word ("... 56 A review").
        suffix = false;
        end = b;
        for (std::size_t i = b, digits = 0; i < e && digits < 6; ++i) {
          if (text[i] >= '0' && text[i] <= '9') {
            ++digits;
            end = i + 1;
          }
        }
      }
      if (alnum_at(text, end)) {
        return;
      }
      if (!valid_prefix(code[0], code[1])) {
        return;
      }
      if (!suffix) {
        const std::size_t from = b > 60 ? b - 60 : 0;
        if (!RE2::PartialMatch(re2::StringPiece(text.data() + from, b - from), *cue_re_)) {
          return;
        }
      }
      hits.push_back(Hit{cps.cp(b), cps.cp(end), "Gives a National Insurance number; remove it"});
    });
  }

  RuleInfo info_;
  kit::LazyRegex nino_re_;
  kit::LazyRegex cue_re_;
  std::string first_excluded_;
  std::string second_excluded_;
  std::string suffix_allowed_;
  TermSet prefix_excluded_;
};

}  // namespace

std::unique_ptr<Rule> make_ni_number_rule() { return std::make_unique<NiNumberRule>(); }

}  // namespace dhrlint::identifying
