// identifying/date-of-birth: a date given as someone's date of birth ("born on
// 3 May 1985", "DOB 03/05/1985", a "Date of birth" table column).
#include <re2/re2.h>

#include <set>
#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/date-of-birth.txt";

std::string date_pattern(const DataFile& data) {
  const std::string month = "(?:" + alternation(data.entries("month")) + ")\\.?";
  const std::string numeric = "\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})";
  const std::string day = "\\d{1,2}(?:st|nd|rd|th)?";
  const std::string dmy = day + "(?:\\s+of)?\\s+" + month + ",?\\s+\\d{4}";
  const std::string mdy = month + "\\s+" + day + ",?\\s+\\d{4}";
  const std::string my = month + ",?\\s+\\d{4}";
  return "(" + numeric + "|" + dmy + "|" + mdy + "|" + my + ")";
}

class DateOfBirthRule : public Rule {
 public:
  DateOfBirthRule() : DateOfBirthRule(DataFile::load(kData)) {}
  explicit DateOfBirthRule(const DataFile& data)
      : date_re_(date_pattern(data)),
        cue_re_("((?i:" + alternation(data.entries("cue")) + "))"),
        column_re_("^\\s*(?i:" + alternation(data.entries("column")) + ")\\s*:?\\s*$"),
        after_re_("^\\s*\\(\\s*(?i:" + alternation(data.entries("column")) + ")\\s*\\)"),
        // Between the cue and the date only places and linking words may
        // stand ("born in Sylhet, Bangladesh, on"), not another clause ("born in
        // Sylhet, married Omar on").
        gap_re_(
            "(?:[\\s,:()\\-\xE2\x80\x93\xE2\x80\x94]|(?:on|in|at|the|of|a|to|is|was|were|her|"
            "his|their|dated|as|recorded|given|stated|listed|shown)\\b|"
            "\\p{Lu}[\\p{L}\\p{M}'\xE2\x80\x99\\-]*)*") {
    info_.id = "identifying/date-of-birth";
    info_.severity = Severity::kError;
    info_.summary = "A date of birth is given";
    info_.what =
        "Finds dates of birth in any format: a date after \"born\", \"date of birth\", \"DOB\" "
        "or \"D.O.B.\" in the same sentence (\"born on 3rd May 1985\", \"DOB: 03/05/85\", "
        "\"born in May 1985\"), a date followed by \"(DOB)\", and dates in a table column or row "
        "headed \"Date of birth\" / \"DOB\". Ages (\"aged 34\"), a year alone (\"born in "
        "1985\"), places of birth and event dates are not flagged. Looks at everything the file "
        "carries, hidden text and tracked deletions included.";
    info_.why =
        "A date of birth identifies a person outright. The Home Office QA Panel's letter on DHR "
        "\"Sarah\" asked that \"the dates of birth should be removed\" (feedback letter to "
        "Bassetlaw, Newark & Sherwood Community Safety Partnership, 2023).";
    info_.example =
        "Salma was born on 3 May 1985 in Sylhet.  <- fires on \"3 May 1985\"\n"
        "Salma was 34 when she died.               <- does not fire\n"
        "Salma was born in Bangladesh in 1985.     <- does not fire";
    info_.fix = "Remove the date of birth; give the person's age at the time instead.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    scan_document(doc, ctx, *this,
                  [&](const TextView& view, std::vector<Hit>& hits) { find(view, hits); });
  }

 private:
  void find(const TextView& view, std::vector<Hit>& hits) const {
    const std::string_view text = view.text;
    if (!has_ascii_digit(text)) {
      return;  // every date the pattern takes has a day or a year in digits
    }
    const ByteToCodePoint cps(text);
    std::set<std::size_t> seen;
    auto add = [&](std::size_t b, std::size_t e) {
      if (!seen.insert(b).second) {
        return;
      }
      hits.push_back(Hit{cps.cp(b), cps.cp(e),
                         "Gives a date of birth; remove it (an age such as 'aged 34' is enough)"});
    };
    // A date in a "Date of birth" column or row.
    bool dob_cell = false;
    if (view.paragraph != kNoIndex && view.origin != TextOrigin::kFieldCode) {
      const Paragraph& para = view.doc.paragraphs[view.paragraph];
      if (para.table) {
        dob_cell = RE2::FullMatch(column_header(view.doc, para), *column_re_) ||
                   RE2::FullMatch(row_label(view.doc, para), *column_re_);
      }
    }
    for_each_match(*date_re_, text, true, [&](std::size_t b, std::size_t e) {
      if (dob_cell) {
        add(b, e);
        return;
      }
      const re2::StringPiece rest(text.data() + e, text.size() - e);
      if (RE2::PartialMatch(rest, *after_re_)) {
        add(b, e);  // "03/05/1985 (DOB)"
      }
    });
    // A date after a cue in the same sentence.
    for_each_match(*cue_re_, text, true, [&](std::size_t cb, std::size_t ce) {
      (void)cb;
      std::size_t limit = std::min(text.size(), ce + 160);
      for (std::size_t i = ce; i < limit; ++i) {
        const char c = text[i];
        if (c == ';' || c == '\n' || c == '!' || c == '?' ||
            (c == '.' && (i + 1 == text.size() || text[i + 1] == ' '))) {
          limit = i;
          break;
        }
      }
      bool found = false;
      for_each_match(*date_re_, text.substr(0, limit), true, [&](std::size_t b, std::size_t e) {
        if (found || b < ce) {
          return;
        }
        found = true;
        const std::string_view gap = text.substr(ce, b - ce);
        if (gap.size() > 60) {
          return;
        }
        for (char c : gap) {
          if (c >= '0' && c <= '9') {
            return;
          }
        }
        if (!RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), *gap_re_)) {
          return;
        }
        add(b, e);
      });
    });
  }

  RuleInfo info_;
  kit::LazyRegex date_re_;
  kit::LazyRegex cue_re_;
  kit::LazyRegex column_re_;
  kit::LazyRegex after_re_;
  kit::LazyRegex gap_re_;
};

}  // namespace

std::unique_ptr<Rule> make_date_of_birth_rule() { return std::make_unique<DateOfBirthRule>(); }

}  // namespace dhrlint::identifying
