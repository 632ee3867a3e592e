// identifying/address: street addresses ("12 Mulberry Road", "Flat 3, Bow
// House", "lived on Mulberry Road") and UK postcodes whose shape is valid.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/address.txt";

bool is_house_number(const Token& t) {
  // 1-3 digits and an optional letter ("12", "12a"), or a range ("12-14").
  const std::string_view s = t.text;
  std::size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  if (i == 0 || i > 3) {
    return false;
  }
  if (i == s.size()) {
    return true;
  }
  if (i + 1 == s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
    return true;
  }
  if (s[i] == '-') {
    std::size_t j = i + 1;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
      ++j;
    }
    return j == s.size() && j > i + 1 && j - i - 1 <= 3;
  }
  return false;
}

bool number_gap(const Token& number, const Token& next) {
  (void)number;
  return next.gap_before == " " || next.gap_before == ", " || next.gap_before == "\xC2\xA0";
}

class AddressRule : public Rule {
 public:
  AddressRule() : AddressRule(DataFile::load(kData)) {}
  explicit AddressRule(const DataFile& data)
      : postcode_re_("([A-Z]{1,4}[0-9]{0,2}[A-Z]? ?[0-9][A-Z]{2}|BFPO ?[0-9]{1,4})"),
        first_excluded_(data.first("postcode-first-excluded")),
        second_excluded_(data.first("postcode-second-excluded")),
        third_allowed_(data.first("postcode-third-allowed")),
        fourth_allowed_(data.first("postcode-fourth-allowed")),
        inward_excluded_(data.first("postcode-inward-excluded")),
        specials_(data.values("postcode-special")),
        streets_(data.values("street")),
        abbreviations_(data.values("street-abbreviation")),
        buildings_(data.values("building")),
        flats_(data.values("flat")),
        cues_(data.values("cue")),
        generic_streets_(data.values("generic-street")),
        stopwords_(DataFile::load("identifying/name-stopwords.txt").values("")) {
    for (const std::string& a : data.values("allowed")) {
      allowed_.push_back(folded(a));
    }
    info_.id = "identifying/address";
    info_.severity = Severity::kWarning;
    info_.summary = "A street address or UK postcode is given";
    info_.what =
        "Finds street addresses (a house or flat number before a street or building name: \"12 "
        "Mulberry Road\", \"Flat 3, Bow House\"; a street named where someone lived: \"she "
        "lived on Mulberry Road\") and UK postcodes whose shape is valid under the Royal Mail "
        "format (outward code A9, A9A, A99, AA9, AA9A, AA99 with its letter rules, inward code "
        "9AA; GIR 0AA, BFPO and overseas-territory codes). Partial postcodes (\"E1\"), courts "
        "(\"Snaresbrook Crown Court\") and generic streets (\"the High Street\") are not flagged. "
        "One address is one finding: house number, street, town and postcode together (\"4 Fore "
        "Street Mews, Newton Abbot TQ12 2BX\"); a postcode standing alone is its own. Looks at "
        "everything the file carries, properties included.";
    info_.why =
        "Published reviews disguise where the family lived: places are rendered as \"Town N\" "
        "(Devon DHR Case 8 executive summary, Safer Devon Partnership, 2019). An address or a "
        "full postcode identifies the household at once.";
    info_.example =
        "They moved to 12 Mulberry Road, London E1 6AN.  <- fires once, on all of it\n"
        "They moved to a flat in Town N.                 <- does not fire\n"
        "The trial was held at Snaresbrook Crown Court.   <- does not fire";
    info_.fix =
        "Remove the address and postcode, or replace them with a description (\"a flat in the "
        "borough\", \"Town N\").";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    scan_document(
        doc, ctx, *this,
        [&](const TextView& view, std::vector<Hit>& hits) {
          std::vector<Hit> postcodes;
          std::vector<Hit> streets;
          find_postcodes(view.text, postcodes);
          find_streets(view.text, analysis.tokens(view.text), streets);
          merge_addresses(view.text, std::move(streets), std::move(postcodes), hits);
        },
        ScanOptions{.properties = true});
  }

 private:
  bool allowed(std::string_view text, std::size_t byte_start) const {
    const std::string tail = folded(text.substr(byte_start));
    return std::any_of(allowed_.begin(), allowed_.end(),
                       [&](const std::string& a) { return tail.compare(0, a.size(), a) == 0; });
  }

  bool valid_postcode(std::string code) const {
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    if (code.compare(0, 4, "BFPO") == 0) {
      return code.size() > 4;
    }
    if (specials_.contains(folded(code))) {
      return true;
    }
    if (code.size() < 5 || code.size() > 7) {
      return false;
    }
    const std::string outward = code.substr(0, code.size() - 3);
    const std::string inward = code.substr(code.size() - 3);
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_letter = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto in = [](const std::string& set, char c) { return set.find(c) != std::string::npos; };
    if (!is_digit(inward[0]) || !is_letter(inward[1]) || !is_letter(inward[2])) {
      return false;
    }
    if (in(inward_excluded_, inward[1]) || in(inward_excluded_, inward[2])) {
      return false;
    }
    if (!is_letter(outward[0]) || in(first_excluded_, outward[0])) {
      return false;
    }
    const std::string rest = outward.substr(1);
    if (rest.size() == 1) {
      return is_digit(rest[0]);  // A9
    }
    if (rest.size() == 2) {
      if (is_digit(rest[0]) && is_digit(rest[1])) {
        return true;  // A99
      }
      if (is_digit(rest[0]) && is_letter(rest[1])) {
        return in(third_allowed_, rest[1]);  // A9A
      }
      if (is_letter(rest[0]) && is_digit(rest[1])) {
        return !in(second_excluded_, rest[0]);  // AA9
      }
      return false;
    }
    if (rest.size() == 3) {
      if (!is_letter(rest[0]) || in(second_excluded_, rest[0]) || !is_digit(rest[1])) {
        return false;
      }
      if (is_digit(rest[2])) {
        return true;  // AA99
      }
      return in(fourth_allowed_, rest[2]);  // AA9A
    }
    return false;
  }

  void find_postcodes(std::string_view text, std::vector<Hit>& hits) const {
    const ByteToCodePoint cps(text);
    for_each_match(*postcode_re_, text, true, [&](std::size_t b, std::size_t e) {
      if (!valid_postcode(std::string(text.substr(b, e - b))) || allowed(text, b)) {
        return;
      }
      hits.push_back(
          Hit{cps.cp(b), cps.cp(e), "Gives a postcode; remove it or describe the area instead"});
    });
  }

  // One address is one finding: street hits that overlap ("4 Fore Street"
  // inside "4 Fore Street Mews") become one, and a postcode that follows a
  // street with only a town between ("4 Fore Street Mews, Newton Abbot TQ12
  // 2BX") joins it. A postcode standing alone stays its own finding; two
  // addresses in a list ("6 Elm Drive, 11 Bell Lane") stay two.
  static void merge_addresses(std::string_view text, std::vector<Hit> streets,
                              std::vector<Hit> postcodes, std::vector<Hit>& out) {
    std::sort(streets.begin(), streets.end(),
              [](const Hit& a, const Hit& b) { return a.start < b.start; });
    std::vector<Hit> merged;
    for (Hit& h : streets) {
      if (!merged.empty() && h.start < merged.back().end) {
        merged.back().end = std::max(merged.back().end, h.end);
        continue;
      }
      merged.push_back(std::move(h));
    }
    static const RE2 kTownGap(
        R"(,?[ \x{00A0}]*(?:[A-Z][A-Za-z'\x{2019}\-]*[ \x{00A0}]+){0,3},?[ \x{00A0}]*)");
    for (Hit& p : postcodes) {
      bool joined = false;
      for (Hit& street : merged) {
        if (p.start >= street.end && p.start - street.end <= 40 &&
            RE2::FullMatch(text::slice(text, street.end, p.start), kTownGap)) {
          street.end = p.end;
          joined = true;
          break;
        }
      }
      if (!joined) {
        out.push_back(std::move(p));
      }
    }
    for (Hit& h : merged) {
      out.push_back(std::move(h));
    }
  }

  void find_streets(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Hit>& hits) const {
    const TermSet no_of;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      const Token& word = tokens[i];
      if (!word.capitalised || word.possessive) {
        continue;
      }
      const bool street = streets_.contains(word.base);
      const bool building = buildings_.contains(word.base);
      bool abbreviation = abbreviations_.contains(word.base) && word.text == word.plain;
      if (abbreviation && i + 1 < tokens.size() && joins_name(word, tokens[i + 1]) &&
          tokens[i + 1].capitalised) {
        abbreviation = false;  // "St Mary's": a saint, not a street
      }
      if (!street && !building && !abbreviation) {
        continue;
      }
      const std::size_t first = name_phrase_start(tokens, i, stopwords_, no_of);
      if (first == i) {
        continue;
      }
      // With a house or flat number in front: an address.
      std::size_t start = first;
      bool numbered = false;
      if (first >= 1 && is_house_number(tokens[first - 1]) &&
          number_gap(tokens[first - 1], tokens[first])) {
        numbered = true;
        start = first - 1;
        // "Flat 3, 12 Mulberry Road", "Flat 3, Mulberry House"
        if (start >= 2 && is_house_number(tokens[start - 1]) &&
            number_gap(tokens[start - 1], tokens[start]) &&
            flats_.contains(tokens[start - 2].base)) {
          start -= 2;
        } else if (start >= 1 && flats_.contains(tokens[start - 1].base)) {
          start -= 1;
        }
      }
      if (!numbered) {
        if (!street) {
          continue;
        }
        bool only_generic = true;
        for (std::size_t k = first; k < i; ++k) {
          if (!generic_streets_.contains(tokens[k].base)) {
            only_generic = false;
          }
        }
        if (only_generic) {
          continue;
        }
        bool cue = false;
        for (std::size_t k = first >= 4 ? first - 4 : 0; k < first && !cue; ++k) {
          cue = cues_.contains(tokens[k].base);
        }
        if (!cue) {
          continue;
        }
      }
      if (allowed(text, tokens[start].byte_start)) {
        continue;
      }
      hits.push_back(Hit{tokens[start].start, word.end,
                         "Gives a street address; remove it or describe the place instead"});
    }
  }

  RuleInfo info_;
  kit::LazyRegex postcode_re_;
  std::string first_excluded_, second_excluded_, third_allowed_, fourth_allowed_, inward_excluded_;
  TermSet specials_;
  TermSet streets_;
  TermSet abbreviations_;
  TermSet buildings_;
  TermSet flats_;
  TermSet cues_;
  TermSet generic_streets_;
  TermSet stopwords_;
  std::vector<std::string> allowed_;
};

}  // namespace

std::unique_ptr<Rule> make_address_rule() { return std::make_unique<AddressRule>(); }

}  // namespace dhrlint::identifying
