#include "rules/children/common.hpp"

#include <algorithm>
#include <string>

#include "rules/family/parts.hpp"

namespace dhrlint::children {

namespace {

constexpr int kAdultAge = 18;
constexpr int kSchoolFrom = 4;  // Operation Encompass: children aged 4 to 17
constexpr int kEncompassStartYear = 2011;

// "Child A", "Child B's", "Children A and B", "Child 1": how reports name the
// children (matched on the visible text: capitals matter).
const kit::LazyRegex kChildLabel(R"(\b(?:Child [A-H1-9]|Children [A-H] and [A-H])\b)");
// A child and an age, on folded text: "her son, aged 11", "children aged 4
// and 7", "an 8-year-old daughter", "her son (11)".
const kit::LazyRegex kAged(
    R"(\b(?:son|sons|daughter|daughters|child|children|boy|boys|girl|girls|stepson|stepdaughter|grandson|granddaughter|twins|siblings|baby)\b[^.;:]{0,40}?\baged? (\d{1,2})\b)");
const kit::LazyRegex kYearOld(
    R"(\b(\d{1,2})[- ]years?[- ]old (?:son|daughter|child|boy|girl|stepson|stepdaughter|grandson|granddaughter)\b)");
const kit::LazyRegex kBracketAge(R"(\b(?:son|daughter|child)\w* \((?:aged )?(\d{1,2})\))");
// Words without which no cue of children/cues.txt or age can match: one
// pass over a paragraph before the term lists.
const kit::LazyRegex kChildWord(
    R"(\b(?:child|children|sons?|daughters?|boys?|girls?|bab(?:y|ies)|pupils?|school|infants?|toddlers?|twins|nursery|teenage|childless|stepson|stepdaughter|grandson|granddaughter|siblings|new-?born|section|s\.? ?47|strategy|contact|looked|designated safeguarding lead|(?:year|yr) \d{1,2})\b)");
const kit::LazyRegex kYear(R"(\b((?:19|20)\d\d)\b)");

bool overlaps(const kit::TermMatch& a, const std::vector<kit::TermMatch>& others) {
  return std::any_of(others.begin(), others.end(), [&](const kit::TermMatch& b) {
    return a.folded_begin < b.folded_end && b.folded_begin < a.folded_end;
  });
}

// The ages of children in `folded`, in order, with where each was found.
struct Age {
  int age;
  std::size_t folded_begin;
  std::size_t folded_end;
};
std::vector<Age> child_ages(const std::string& folded) {
  std::vector<Age> out;
  for (const kit::LazyRegex* re : {&kAged, &kYearOld, &kBracketAge}) {
    const RE2& r = re->get();
    re2::StringPiece m[2];
    std::size_t pos = 0;
    while (pos < folded.size() && r.Match(folded, pos, folded.size(), RE2::UNANCHORED, m, 2)) {
      const std::size_t b = static_cast<std::size_t>(m[0].data() - folded.data());
      out.push_back(Age{std::stoi(std::string(m[1])), b, b + m[0].size()});
      pos = b + std::max<std::size_t>(m[0].size(), 1);
    }
  }
  return out;
}

// The latest year a sentence names, or 0.
int latest_year(std::string_view sentence) {
  re2::StringPiece input(sentence.data(), sentence.size());
  std::string year;
  int latest = 0;
  while (RE2::FindAndConsume(&input, kYear.get(), &year)) {
    latest = std::max(latest, std::stoi(year));
  }
  return latest;
}

}  // namespace

ChildrenReader::ChildrenReader() : cues_("children/cues.txt"), learning_("children/learning.txt") {}

const ChildrenReading& ChildrenReader::shared_reading(const Document& doc,
                                                      DocumentAnalysis& analysis) {
  static const ChildrenReader kReader;
  return analysis.family<ChildrenReading>([&] { return kReader.read(doc, analysis); });
}

ChildrenReading ChildrenReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  ChildrenReading out;
  const family::ReportParts& parts = family::ReportParts::shared(doc, analysis);
  out.has_recommendations = parts.has_recommendations;
  out.recommendations_heading = parts.recommendations_heading;
  bool strong = false;
  bool adult = false;
  std::optional<Mention> weak;
  auto cue = [&](std::size_t p, std::size_t start, std::size_t end) {
    if (!out.first_cue) {
      out.first_cue = Mention{p, start, end};
    }
  };
  // The pseudonym table's children and their ages.
  for (const auto& [name, person] : parts.people) {
    if (person.relation != family::Relation::kChild || !person.age) {
      continue;
    }
    if (*person.age < kAdultAge) {
      strong = true;
      out.school_age = out.school_age || *person.age >= kSchoolFrom;
    } else {
      adult = true;
    }
  }
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    const bool body = kit::is_report_text(p);
    if ((!body && !kit::is_note(p)) || parts.in(i, family::kReference)) {
      continue;
    }
    const text::FoldedText& folded = analysis.folded(i);
    if (folded.text.empty()) {
      continue;
    }
    if (!out.encompass && folded.text.find("encompass") != std::string::npos &&
        learning_.contains(folded, "encompass")) {
      out.encompass = true;
    }
    if (parts.in(i, family::kRecommendations)) {
      // A heading ("Recommendations for schools") is not a recommendation.
      if (!kit::is_heading(p) && learning_.contains(folded, "learning")) {
        out.child_recommendation = true;
      }
      continue;
    }
    if (parts.in(i, family::kTermsOfReference)) {
      continue;  // what the review asks, not what it found
    }
    const bool has_child_word = RE2::PartialMatch(folded.text, kChildWord.get());
    if (has_child_word) {
      re2::StringPiece label;
      if (kChildLabel->Match(p.text, 0, p.text.size(), RE2::UNANCHORED, &label, 1)) {
        const std::size_t b = static_cast<std::size_t>(label.data() - p.text.data());
        const std::size_t start = text::length(std::string_view(p.text).substr(0, b));
        strong = true;
        cue(i, start, start + text::length(label));
      }
      for (const Age& a : child_ages(folded.text)) {
        if (a.age < kAdultAge) {
          strong = true;
          out.school_age = out.school_age || a.age >= kSchoolFrom;
          cue(i, folded.original(a.folded_begin), folded.original_end(a.folded_end));
        } else {
          adult = true;
        }
      }
      for (std::string_view group : {"young", "school", "safeguarding", "present"}) {
        const std::vector<kit::TermMatch> m = cues_.find(folded, group);
        if (!m.empty()) {
          strong = true;
          cue(i, m.front().start, m.front().end);
          if (group == "school") {
            out.school_age = true;
          }
        }
      }
      if (cues_.contains(folded, "adult")) {
        adult = true;
      }
      if (!weak) {
        const std::vector<kit::TermMatch> not_weak = cues_.find(folded, "not-weak");
        for (const kit::TermMatch& m : cues_.find(folded, "weak")) {
          if (!overlaps(m, not_weak)) {
            weak = Mention{i, m.start, m.end};
            break;
          }
        }
      }
    }
    // Police-attended incidents, in the body.
    if (body && !out.police_incident &&
        (folded.text.find("police") != std::string::npos ||
         folded.text.find("officers") != std::string::npos ||
         folded.text.find("999") != std::string::npos ||
         folded.text.find("101") != std::string::npos ||
         folded.text.find("domestic") != std::string::npos) &&
        cues_.contains(folded, "police-incident")) {
      const std::vector<text::Range>& sentences = analysis.sentences(i);
      for (const text::Range& r : sentences) {
        const kit::FoldedSpan span = kit::to_folded_span(folded, r);
        if (!cues_.contains_in(folded, span.folded_begin, span.folded_end, "police-incident")) {
          continue;
        }
        const int year =
            latest_year(std::string_view(folded.text)
                            .substr(span.folded_begin, span.folded_end - span.folded_begin));
        if (year != 0 && year < kEncompassStartYear) {
          continue;  // before Operation Encompass began (Plymouth, 2011)
        }
        const text::Range t = kit::trim(p.text, r);
        out.police_incident = Mention{i, t.start, t.end};
        break;
      }
    }
  }
  out.children = strong || (weak && !adult);
  if (!strong && weak && !adult && !out.first_cue) {
    out.first_cue = weak;
  }
  if (!out.children) {
    out.first_cue.reset();
  }
  return out;
}

}  // namespace dhrlint::children
