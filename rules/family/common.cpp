#include "rules/family/common.hpp"

#include <algorithm>
#include <string>

namespace dhrlint::family {

namespace {

constexpr std::size_t kBeforeWindow = 80;   // bytes before "interpreted" searched for its subject
constexpr std::size_t kAfterWindow = 40;    // bytes after "interpreted by"
constexpr std::size_t kMaxGapWords = 3;     // "her husband had also interpreted"
constexpr std::size_t kMaxClauseWords = 7;  // "her husband, who spoke some English, interpreted"
constexpr std::size_t kNegationWindow = 30;

const kit::LazyRegex kWord(R"(([a-z][a-z'-]*))");

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  re2::StringPiece input(s.data(), s.size());
  re2::StringPiece word;
  static const kit::LazyRegex kAnyWord(R"(([a-z0-9][a-z0-9'-]*))");
  while (RE2::FindAndConsume(&input, kAnyWord.get(), &word)) {
    out.emplace_back(word.data(), word.size());
  }
  return out;
}

struct Candidate {
  Relation relation = Relation::kNone;
  std::size_t begin = 0;  // folded bytes
  std::size_t end = 0;
};

Relation relation_of_group(std::string_view group) {
  if (group == "partner") {
    return Relation::kPartner;
  }
  if (group == "child") {
    return Relation::kChild;
  }
  if (group == "relative") {
    return Relation::kRelative;
  }
  return Relation::kNone;
}

// Relation words and the pseudonym table's names in [from, to) of `folded`.
std::vector<Candidate> relations_in(const text::FoldedText& folded, std::size_t from,
                                    std::size_t to, const ReportParts& parts) {
  std::vector<Candidate> out;
  for (const kit::TermMatch& m : relation_terms().find_in(folded, from, to)) {
    out.push_back(Candidate{relation_of_group(m.group), m.folded_begin, m.folded_end});
  }
  if (!parts.people.empty() && from < to) {
    const std::string_view window(folded.text.data() + from, to - from);
    re2::StringPiece input(window.data(), window.size());
    re2::StringPiece word;
    while (RE2::FindAndConsume(&input, kWord.get(), &word)) {
      std::string_view w(word.data(), word.size());
      if (w.size() > 2 && (w.substr(w.size() - 2) == "'s")) {
        w.remove_suffix(2);
      }
      const auto it = parts.people.find(w);
      if (it != parts.people.end()) {
        const std::size_t b = static_cast<std::size_t>(word.data() - folded.text.data());
        out.push_back(Candidate{it->second.relation, b, b + word.size()});
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace

FamilyReader::FamilyReader()
    : interpreting_("family/interpreting.txt"),
      language_("family/language.txt"),
      views_("family/views.txt"),
      context_("culture/context.txt"),
      advocacy_("advocacy/context.txt"),
      gap_words_(kit::folded_values("family/interpreting.txt", "gap")) {}

// What may stand between a relative and the interpreting verb: nothing, a
// few auxiliaries and adverbs ("had also"), or a relative clause ("who spoke
// some English").
bool FamilyReader::subject_gap(std::string_view gap) const {
  const std::vector<std::string_view> words = words_of(gap);
  if (words.empty()) {
    return true;
  }
  if (words.front() == "who") {
    return words.size() <= kMaxClauseWords;
  }
  return words.size() <= kMaxGapWords &&
         std::all_of(words.begin(), words.end(),
                     [&](std::string_view w) { return gap_words_.contains(w); });
}

const FamilyReading& FamilyReader::shared_reading(const Document& doc, DocumentAnalysis& analysis) {
  static const FamilyReader kReader;
  return analysis.family<FamilyReading>([&] { return kReader.read(doc, analysis); });
}

// The relative who is the subject of an interpreting verb at `to`: the
// nearest relation word or name in [from, to), not a possessor ("her
// mother's statement was translated"), at most a few words before, with no
// professional interpreter and no negation between.
Relation FamilyReader::relation_before(const text::FoldedText& folded, std::size_t from,
                                       std::size_t to, const ReportParts& parts) const {
  const std::vector<Candidate> c = relations_in(folded, from, to, parts);
  if (c.empty()) {
    return Relation::kNone;
  }
  const Candidate& last = c.back();
  const std::string_view gap(folded.text.data() + last.end, to - last.end);
  if (gap.rfind("'s", 0) == 0 || gap.rfind("s'", 0) == 0 || !subject_gap(gap)) {
    return Relation::kNone;
  }
  if (interpreting_.contains_in(folded, last.end, to, "professional") ||
      interpreting_.contains_in(folded, last.end, to, "negated")) {
    return Relation::kNone;
  }
  return last.relation;
}

// The relative after "interpreted by" at `from`: within the first few words.
Relation FamilyReader::relation_after(const text::FoldedText& folded, std::size_t from,
                                      std::size_t to, const ReportParts& parts) const {
  const std::vector<Candidate> c = relations_in(folded, from, to, parts);
  if (c.empty()) {
    return Relation::kNone;
  }
  const Candidate& first = c.front();
  const std::string_view gap(folded.text.data() + from, first.begin - from);
  if (words_of(gap).size() > kMaxGapWords ||
      interpreting_.contains_in(folded, from, first.begin, "professional")) {
    return Relation::kNone;
  }
  return first.relation;
}

FamilyReading FamilyReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  FamilyReading out;
  const ReportParts& parts = ReportParts::shared(doc, analysis);
  out.family_heading = parts.family_heading;
  out.involvement = parts.has_family_section;
  static const kit::LazyRegex kReviewContact(
      R"(\b(?:chair|panel|review|author|reviewer)\b.{0,80}?\b(?:met|meets|meeting|wrote|write|written|spoke|speak|spoken|contacted|interviewed|visited|telephoned|invited|letters?)\b)");

  struct Instance {
    RelativeInterpreting r;
    bool commented = false;
  };
  std::vector<Instance> instances;
  // Comment sentences: the paragraph and the relations they cover.
  struct Comment {
    std::size_t paragraph;
    bool generic;
    std::vector<Relation> relations;
  };
  std::vector<Comment> comments;
  static const kit::LazyRegex kInterpretWord(R"(\b(?:interpret|translat))");
  static const kit::LazyRegex kContact(
      R"(\b(?:chair|panel|review|author|met|meeting|wrote|letters?|leaflet|terms of reference|draft|report)\b)");

  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    const bool body = kit::is_report_text(p);
    if ((!body && !kit::is_note(p)) || parts.in(i, kReference)) {
      continue;
    }
    const text::FoldedText& folded = analysis.folded(i);
    if (folded.text.empty()) {
      continue;
    }
    const std::string& t = folded.text;
    auto has = [&](std::string_view w) { return t.find(w) != std::string::npos; };
    // Cheap substring tests first: most paragraphs name none of these.
    const bool kin_word = has("famil") || has("relativ") || has("kin");
    if (!out.no_family && kin_word &&
        (advocacy_.contains(folded, "unreachable") || views_.contains(folded, "unreachable"))) {
      out.no_family = true;
    }
    if (!out.leaflet && has("leaflet") && views_.contains(folded, "leaflet")) {
      out.leaflet = true;
    }
    const bool recommendation = parts.in(i, kRecommendations);
    const bool terms = parts.in(i, kTermsOfReference);
    if (!out.involvement && !recommendation && !terms &&
        (has("chair") || has("panel") || has("review") || has("author")) &&
        relation_terms().contains(folded) && RE2::PartialMatch(t, kReviewContact.get())) {
      out.involvement = true;
    }
    const bool family_part = parts.in(i, kFamilyInvolvement) && !kit::is_heading(p);
    const bool interpret_word = has("interpret") || has("translat");
    // Language in play: the victim's or the family's.
    if (!out.language && !recommendation && !terms &&
        (interpret_word || has("language") || has("english") || has("esol") || has("sign") ||
         has("bsl") || has("deaf"))) {
      const std::vector<kit::TermMatch> none = context_.find(folded, "not-cue");
      for (std::string_view group : {"language", "sign-language"}) {
        for (const kit::TermMatch& m : context_.find(folded, group)) {
          const bool negated = std::any_of(none.begin(), none.end(), [&](const kit::TermMatch& n) {
            return m.folded_begin < n.folded_end && n.folded_begin < m.folded_end;
          });
          if (!negated && !out.language) {
            out.language = Mention{i, m.start, m.end};
          }
        }
      }
    }
    const bool views_words =
        !out.views && !terms &&
        (((has("report") || has("draft") || has("summary") || has("findings") ||
           has("conclusions") || has("recommendations")) &&
          views_.contains(folded, "report")) ||
         ((has("declined") || has("did not")) && views_.contains(folded, "declined")));
    const bool want_language =
        (family_part || !parts.has_family_section) && !out.language_statement;
    const bool language_words = want_language && (language_.contains(folded, "statement") ||
                                                  language_.contains(folded, "language-name"));
    if (family_part && language_words) {
      out.language_statement = true;
    }
    if (!interpret_word && !views_words && !(language_words && !parts.has_family_section)) {
      continue;
    }
    const std::vector<text::Range>& sentences = analysis.sentences(i);
    for (const text::Range& r : sentences) {
      const kit::FoldedSpan s = kit::to_folded_span(folded, r);
      if (s.folded_begin >= s.folded_end) {
        continue;
      }
      const std::string_view sentence(folded.text.data() + s.folded_begin,
                                      s.folded_end - s.folded_begin);
      const bool interpreting = RE2::PartialMatch(sentence, kInterpretWord.get());
      const bool views_sentence =
          !out.views && !terms &&
          (views_.contains_in(folded, s.folded_begin, s.folded_end, "report") ||
           views_.contains_in(folded, s.folded_begin, s.folded_end, "declined"));
      const bool fallback_language =
          !parts.has_family_section && !out.language_statement &&
          (language_.contains_in(folded, s.folded_begin, s.folded_end, "statement") ||
           language_.contains_in(folded, s.folded_begin, s.folded_end, "language-name"));
      if (!interpreting && !views_sentence && !fallback_language) {
        continue;
      }
      const std::vector<Candidate> people =
          relations_in(folded, s.folded_begin, s.folded_end, parts);
      // The family's views on the report.
      if (views_sentence) {
        // A relative or the family, not the perpetrator alone ("Kamal
        // declined to take part in the review").
        const bool relative = std::any_of(people.begin(), people.end(), [](const Candidate& c) {
          return c.relation != Relation::kPartner;
        });
        const bool only_partner = !people.empty() && !relative;
        const bool family_subject =
            !only_partner &&
            (family_part || relative ||
             interpreting_.contains_in(folded, s.folded_begin, s.folded_end, "generic"));
        const bool about_report =
            views_.contains_in(folded, s.folded_begin, s.folded_end, "report") &&
            views_.contains_in(folded, s.folded_begin, s.folded_end, "response") &&
            !views_.contains_in(folded, s.folded_begin, s.folded_end, "modal");
        const bool declined = views_.contains_in(folded, s.folded_begin, s.folded_end, "declined");
        if (family_subject && !recommendation && (about_report || declined)) {
          out.views = true;
        }
      }
      // Without a family-involvement part: a sentence about the review's
      // contact with a relative that says what language.
      if (fallback_language && !people.empty() && RE2::PartialMatch(sentence, kContact.get())) {
        out.language_statement = true;
      }
      if (!interpreting) {
        continue;
      }
      // A comment: relatives interpreting is inappropriate.
      const bool generic =
          interpreting_.contains_in(folded, s.folded_begin, s.folded_end, "generic");
      const bool is_comment =
          interpreting_.contains_in(folded, s.folded_begin, s.folded_end, "comment") &&
          (generic || !people.empty());
      if (is_comment) {
        Comment c{i, generic, {}};
        for (const Candidate& x : people) {
          c.relations.push_back(x.relation);
        }
        comments.push_back(std::move(c));
      }
      if (recommendation) {
        continue;  // what should happen, not what did
      }
      const std::vector<kit::TermMatch> not_acting =
          interpreting_.find_in(folded, s.folded_begin, s.folded_end, "not-acting");
      auto construed = [&](const kit::TermMatch& m) {
        return std::any_of(not_acting.begin(), not_acting.end(), [&](const kit::TermMatch& n) {
          return m.folded_begin < n.folded_end && n.folded_begin < m.folded_end;
        });
      };
      Relation found = Relation::kNone;
      for (const kit::TermMatch& m :
           interpreting_.find_in(folded, s.folded_begin, s.folded_end, "acting")) {
        if (construed(m)) {
          continue;
        }
        const std::size_t neg_from =
            std::max(s.folded_begin,
                     m.folded_begin > kNegationWindow ? m.folded_begin - kNegationWindow : 0);
        // "asked her son to interpret", "used Child A as an interpreter".
        const std::vector<Candidate> inside =
            relations_in(folded, m.folded_begin, m.folded_end, parts);
        if (!inside.empty()) {
          if (!interpreting_.contains_in(folded, neg_from, m.folded_end, "negated")) {
            found = inside.front().relation;
            break;
          }
          continue;
        }
        const std::size_t from = std::max(
            s.folded_begin, m.folded_begin > kBeforeWindow ? m.folded_begin - kBeforeWindow : 0);
        const Relation r = relation_before(folded, from, m.folded_begin, parts);
        if (r != Relation::kNone) {
          found = r;
          break;
        }
      }
      if (found == Relation::kNone) {
        for (const kit::TermMatch& m :
             interpreting_.find_in(folded, s.folded_begin, s.folded_end, "by")) {
          if (construed(m)) {
            continue;
          }
          const std::size_t to = std::min(s.folded_end, m.folded_end + kAfterWindow);
          const Relation r = relation_after(folded, m.folded_end, to, parts);
          if (r != Relation::kNone) {
            found = r;
            break;
          }
        }
      }
      if (found != Relation::kNone) {
        const text::Range t = kit::trim(p.text, r);
        instances.push_back(
            Instance{RelativeInterpreting{Mention{i, t.start, t.end}, found}, is_comment});
      }
    }
  }
  // An instance is commented on in its own sentence, its paragraph or the
  // next one, or by a comment anywhere that covers its kind of relative.
  for (Instance& in : instances) {
    if (in.commented) {
      continue;
    }
    const std::size_t p = in.r.sentence.paragraph;
    const std::size_t next = kit::next_content_paragraph(doc, kit::body_anchor(doc, p));
    for (const Comment& c : comments) {
      if (c.paragraph == p || c.paragraph == next || c.generic ||
          std::find(c.relations.begin(), c.relations.end(), in.r.relation) != c.relations.end()) {
        in.commented = true;
        break;
      }
    }
    if (!in.commented) {
      out.uncommented.push_back(in.r);
    }
  }
  return out;
}

}  // namespace dhrlint::family
