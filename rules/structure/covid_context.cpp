// structure/covid-context: the review period overlaps the Covid-19
// restrictions but the report does not discuss them.
#include <array>
#include <optional>

#include "rules/kit/absence.hpp"
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

// Months since year 0: year * 12 + month - 1.
using Month = int;
// The national restrictions in England and Wales: the first lockdown (23
// March 2020) to the end of the last legal restrictions (July 2021).
constexpr Month kRestrictionsStart = 2020 * 12 + 2;
constexpr Month kRestrictionsEnd = 2021 * 12 + 6;

#define DHRLINT_MONTH                                                                        \
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:" \
  "ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
#define DHRLINT_DAY "(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?"
#define DHRLINT_YEAR "((?:19|20)\\d{2})"

// "from January 2018 to March 2023", "between 2016 and 2021", "1 May 2019 -
// 30 June 2022": groups 1-2 the start's month and year, 3-4 the end's.
const kit::LazyRegex kPeriod(
    "\\b(?:from|between|since|covering|period(?: of)?)\\s+(?:the\\s+)?(?:(?:start|beginning) "
    "of\\s+)?"
    "(?:" DHRLINT_DAY DHRLINT_MONTH "\\s+)?" DHRLINT_YEAR
    "\\s*(?:to|until|till|and|-|through)\\s*(?:the\\s+)?(?:end of\\s+)?"
    "(?:" DHRLINT_DAY DHRLINT_MONTH "\\s+)?" DHRLINT_YEAR "\\b");
// "from January 2018 until Amira's death": groups 1-2 the start.
const kit::LazyRegex kOpenPeriod(
    "\\b(?:from|since|covering)\\s+(?:" DHRLINT_DAY DHRLINT_MONTH "\\s+)?" DHRLINT_YEAR
    "\\s+(?:to|until|till|up to)\\s+(?:the\\s+)?(?:date of\\s+)?(?:(?:her|his|their|[a-z]+'s)"
    "\\s+)?(?:death|homicide|murder|killing|suicide|the present)\\b");
// A month and year ("March 2020"): groups 1-2.
const kit::LazyRegex kMonthYear("\\b" DHRLINT_MONTH "\\s+" DHRLINT_YEAR "\\b");
// A year ("2023"): group 1.
const kit::LazyRegex kYearAlone("\\b((?:19|20)\\d{2})\\b");
// A date written in figures ("23/03/2020"): groups 1-2 month and year.
const kit::LazyRegex kNumericDate("\\b\\d{1,2}[/.](\\d{1,2})[/.]((?:19|20)\\d{2})\\b");

std::string_view sv(const re2::StringPiece& p) { return {p.data(), p.size()}; }

int month_number(std::string_view m) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (m.substr(0, 3) == kMonths[i]) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int year_number(std::string_view y) {
  int v = 0;
  for (char c : y) {
    v = v * 10 + (c - '0');
  }
  return v;
}

// A month and year as Month; a missing month is January for a start and
// December for an end.
Month month_of(std::string_view month, std::string_view year, bool end) {
  const int m = month.empty() ? (end ? 12 : 1) : month_number(month);
  return year_number(year) * 12 + m - 1;
}

struct Period {
  std::size_t paragraph = kNoIndex;
  std::size_t start = 0;  // the phrase, code points
  std::size_t end = 0;
  Month from = 0;
  std::optional<Month> to;  // nullopt: until the death, date unknown yet
};

std::optional<Period> period_in(const text::FoldedText& folded, std::size_t begin,
                                std::size_t end) {
  const std::string_view s(folded.text.data() + begin, end - begin);
  std::array<re2::StringPiece, 5> g;
  if (kPeriod->Match(s, 0, s.size(), RE2::UNANCHORED, g.data(), 5)) {
    Period p;
    p.from = month_of(sv(g[1]), sv(g[2]), false);
    p.to = month_of(sv(g[3]), sv(g[4]), true);
    p.start = folded.original(begin + static_cast<std::size_t>(g[0].data() - s.data()));
    p.end =
        folded.original_end(begin + static_cast<std::size_t>(g[0].data() - s.data()) + g[0].size());
    return p;
  }
  std::array<re2::StringPiece, 3> o;
  if (kOpenPeriod->Match(s, 0, s.size(), RE2::UNANCHORED, o.data(), 3)) {
    Period p;
    p.from = month_of(sv(o[1]), sv(o[2]), false);
    p.start = folded.original(begin + static_cast<std::size_t>(o[0].data() - s.data()));
    p.end =
        folded.original_end(begin + static_cast<std::size_t>(o[0].data() - s.data()) + o[0].size());
    return p;
  }
  return std::nullopt;
}

struct DatedMention {
  Month month = 0;
  std::size_t start = 0;
  std::size_t end = 0;
};

// Every month-and-year date of a folded text.
std::vector<DatedMention> dates_in(const text::FoldedText& folded) {
  std::vector<DatedMention> out;
  if (!kit::has_ascii_digit(folded.text)) {
    return out;
  }
  for (const kit::LazyRegex* re : {&kMonthYear, &kNumericDate}) {
    std::string_view rest(folded.text);
    std::array<re2::StringPiece, 3> g;
    while ((*re)->Match(rest, 0, rest.size(), RE2::UNANCHORED, g.data(), 3)) {
      const std::size_t at = static_cast<std::size_t>(g[0].data() - folded.text.data());
      const int month = re == &kMonthYear ? month_number(sv(g[1])) : year_number(sv(g[1]));
      if (month >= 1 && month <= 12) {
        out.push_back(DatedMention{year_number(sv(g[2])) * 12 + month - 1, folded.original(at),
                                   folded.original_end(at + g[0].size())});
      }
      rest = std::string_view(g[0].data() + g[0].size(), folded.text.size() - (at + g[0].size()));
    }
  }
  return out;
}

class CovidContextRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    const kit::TermList& terms = context_terms();
    std::size_t body_end = 0;
    while (body_end < doc.paragraphs.size() && doc.paragraphs[body_end].story == Story::kBody) {
      ++body_end;
    }
    // Covid discussed anywhere (text, tables, notes) settles it.
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if ((kit::is_report_text(para) || kit::is_note(para)) &&
          terms.contains(analysis.folded(p), "covid")) {
        return;
      }
    }
    // The review period: in the terms of reference, else a sentence about
    // the review's scope anywhere in the body.
    std::optional<Period> period;
    auto search = [&](std::size_t p, bool cue_needed) {
      const text::FoldedText& folded = analysis.folded(p);
      if (!kit::has_ascii_digit(folded.text)) {
        return;
      }
      for (const text::Range& r : analysis.sentences(p)) {
        const kit::FoldedSpan s = kit::to_folded_span(folded, r);
        if (cue_needed && !terms.contains_in(folded, s.folded_begin, s.folded_end, "period-cue")) {
          continue;
        }
        if (std::optional<Period> found = period_in(folded, s.folded_begin, s.folded_end)) {
          found->paragraph = p;
          period = found;
          return;
        }
      }
    };
    for (std::size_t p : section_paragraphs(doc, outline, "terms-of-reference")) {
      if (p < body_end && kit::is_report_text(doc.paragraphs[p])) {
        search(p, false);
      }
      if (period) {
        break;
      }
    }
    for (std::size_t p = 0; !period && p < body_end; ++p) {
      if (kit::is_report_text(doc.paragraphs[p])) {
        search(p, true);
      }
    }
    if (period && !period->to) {
      period->to = death_month(doc, analysis, body_end);
      if (!period->to) {
        return;
      }
    }
    if (period) {
      if (period->from > kRestrictionsEnd || *period->to < kRestrictionsStart) {
        return;
      }
      kit::report_absence(
          ctx, *this, doc, period->paragraph, text::Range{period->start, period->end},
          "The review period overlaps the Covid-19 restrictions (March 2020 to July "
          "2021), but the report does not discuss them; say how they affected the "
          "victim, the perpetrator and the services' contact with them");
      return;
    }
    // No period stated: an event of the facts dated within the restrictions.
    const std::vector<std::string> facts = kit::fact_sections();
    for (std::size_t p = 0; p < body_end; ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_report_text(para) || kit::is_heading(para)) {
        continue;
      }
      const bool in_facts = std::any_of(facts.begin(), facts.end(), [&](const std::string& key) {
        return outline.in_section(p, key);
      });
      if (!in_facts) {
        continue;
      }
      for (const DatedMention& d : dates_in(analysis.folded(p))) {
        if (d.month >= kRestrictionsStart && d.month <= kRestrictionsEnd) {
          kit::report_absence(
              ctx, *this, doc, p, text::Range{d.start, d.end},
              "Events of the review fall within the Covid-19 restrictions (March 2020 to "
              "July 2021), but the report does not discuss them; say how they affected "
              "the victim, the perpetrator and the services' contact with them");
          return;
        }
      }
    }
  }

 private:
  // The month of the death: the first month-and-year date in a sentence of
  // the title lines or body that speaks of the death.
  static std::optional<Month> death_month(const Document& doc, DocumentAnalysis& analysis,
                                          std::size_t body_end) {
    const kit::TermList& terms = context_terms();
    for (std::size_t p = 0; p < body_end; ++p) {
      if (!kit::is_report_text(doc.paragraphs[p])) {
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      if (!kit::has_ascii_digit(folded.text) || !terms.contains(folded, "death")) {
        continue;
      }
      const std::vector<DatedMention> dates = dates_in(folded);
      for (const text::Range& r : analysis.sentences(p)) {
        const kit::FoldedSpan s = kit::to_folded_span(folded, r);
        if (!terms.contains_in(folded, s.folded_begin, s.folded_end, "death")) {
          continue;
        }
        for (const DatedMention& d : dates) {
          if (d.start >= r.start && d.end <= r.end) {
            return d.month;
          }
        }
        // A year alone ("Amira died in 2023"): its January, so that a death
        // in 2020 is not taken to fall after March.
        re2::StringPiece year;
        const std::string_view sentence(folded.text.data() + s.folded_begin,
                                        s.folded_end - s.folded_begin);
        if (RE2::PartialMatch(sentence, *kYearAlone, &year)) {
          return year_number(sv(year)) * 12;
        }
      }
    }
    return std::nullopt;
  }

  RuleInfo info_{
      "structure/covid-context",
      "The review period overlaps the Covid-19 restrictions but the report does not discuss "
      "them",
      "Reads the review period from the terms of reference ('from January 2018 until Amira's "
      "death', 'between 2016 and 2021', with the death's date read from the text), or from a "
      "sentence about the review's scope elsewhere; when none is stated, from the month-and-year "
      "dates of events in the background, chronology, overview and analysis. When that period "
      "overlaps the national Covid-19 restrictions (March 2020 to July 2021) and the report "
      "never mentions Covid-19, the pandemic, lockdown or the restrictions, it fires once "
      "for the whole document (an absent discussion), with the period (or the first dated "
      "event) as a related location. A year named on its own ('in 2020') or a date in a "
      "citation is not an event; a period that ends before March 2020 does not fire.",
      "The Home Office QA Panel asked that a report whose events ran through the pandemic "
      "discuss the impact of Covid-19 on the victim and on the services' contact with her "
      "(feedback letter on DHR Case 23, Devon, 2023): lockdowns changed help-seeking, "
      "agencies moved to telephone and video contact, and victims were confined with abusers "
      "(Home Office, 'Key findings from analysis of domestic homicide reviews: October 2019 to "
      "September 2020', 2021).",
      "Fires: terms of reference covering 'agency contact from January 2018 until Amira's "
      "death in March 2023' and no word on Covid-19.\n"
      "Does not fire: a review period of 2014 to 2019; the same period with a paragraph on how "
      "the lockdowns affected GP contact.",
      "Add a paragraph (in the background or analysis) on how the Covid-19 restrictions "
      "affected the victim, the perpetrator and the agencies' contact with them, and whether "
      "services adapted.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_covid_context_rule() { return std::make_unique<CovidContextRule>(); }

}  // namespace dhrlint::structure
