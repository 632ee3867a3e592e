// style/victim-blaming-language: words that blame the victim or minimise the
// abuse ("domestic dispute", "volatile relationship", "failed to engage"),
// each with the wording to use instead (data/style/victim-blaming.txt).
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/kit/kit.hpp"

namespace dhrlint::style {

namespace {

struct Family {
  std::string name;        // the group: "domestic dispute"
  std::string suggestion;  // its "=> " entry
};

// The phrase families as one RE2 over folded text, one capturing group per
// family, and the phrases that only contain one ([not]).
struct Matcher {
  std::vector<Family> families;
  std::unique_ptr<RE2> all;
  std::unique_ptr<RE2> exceptions;
};

std::string phrase_alternation(const std::vector<kit::DataEntry>& entries) {
  std::string out;
  for (const kit::DataEntry& e : entries) {
    if (!e.pattern && e.text.rfind("=> ", 0) == 0) {
      continue;
    }
    const std::string pattern = e.pattern ? e.text : kit::term_to_pattern(e.text);
    if (pattern.empty()) {
      continue;
    }
    out += (out.empty() ? "" : "|") + std::string("(?:") + pattern + ")";
  }
  return out;
}

Matcher load_matcher() {
  const kit::DataFile file = kit::DataFile::load("style/victim-blaming.txt");
  Matcher m;
  std::string all;
  for (const std::string& group : file.group_names()) {
    const std::vector<kit::DataEntry> entries = file.entries(group);
    if (group == "not") {
      m.exceptions = std::make_unique<RE2>(phrase_alternation(entries));
      continue;
    }
    Family f;
    f.name = group;
    for (const kit::DataEntry& e : entries) {
      if (!e.pattern && e.text.rfind("=> ", 0) == 0) {
        f.suggestion = e.text.substr(3);
      }
    }
    all += (all.empty() ? "(" : "|(") + phrase_alternation(entries) + ")";
    m.families.push_back(std::move(f));
  }
  m.all = std::make_unique<RE2>(all.empty() ? "a^" : all);
  return m;
}

bool quote(char c) { return c == '\'' || c == '"'; }

class VictimBlamingLanguageRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const Matcher& m = *matcher_;
    if (!m.all->ok()) {
      return;
    }
    const int groups = m.all->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
    DocumentAnalysis& analysis = ctx.analysis();
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_report_text(para) && !kit::is_note(para)) {
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      const std::string& s = folded.text;
      std::size_t pos = 0;
      std::size_t mention_end = std::string::npos;  // the last phrase spoken of
      while (pos < s.size() &&
             m.all->Match(s, pos, s.size(), RE2::UNANCHORED, sub.data(), groups + 1)) {
        const auto begin = static_cast<std::size_t>(sub[0].data() - s.data());
        const std::size_t end = begin + sub[0].size();
        pos = end > begin ? end : begin + 1;
        std::size_t family = 0;
        while (family < m.families.size() && sub[family + 1].data() == nullptr) {
          ++family;
        }
        // "terms such as 'domestic dispute' and 'volatile relationship'":
        // the list goes on speaking of the words.
        if (mentioned(s, begin) ||
            (mention_end != std::string::npos && list_gap(s, mention_end, begin))) {
          mention_end = end;
          continue;
        }
        if (family >= m.families.size() || excepted(m, s, begin, end) ||
            engages_with_name(s, end, analysis)) {
          continue;
        }
        const Family& f = m.families[family];
        const std::size_t start_cp = folded.original(begin);
        const std::size_t end_cp = folded.original_end(end);
        const std::string matched = text::slice(para.text, start_cp, end_cp);
        // In quotation marks the words are someone else's (a police log, a
        // witness) that the report quotes, usually to question them: the
        // report's own language is what this rule is about.
        if (quoted(s, begin, end)) {
          continue;
        }
        const bool attributed = recorded_as(s, begin);
        std::string message;
        std::string redacted;
        if (attributed) {
          message = "Quotes '" + matched + "'";
          redacted = "Quotes wording";
          const std::string rest =
              ", which blames the victim or minimises the abuse: if it is an agency's record, "
              "say whose words they are ('the police log described it as ...') and what it "
              "was; " +
              f.suggestion;
          message += rest;
          redacted += rest;
        } else {
          const std::string rest = " blames the victim or minimises the abuse; " + f.suggestion;
          message = "'";
          message += matched;
          message += "'";
          message += rest;
          redacted = "This wording" + rest;
        }
        Finding& finding = ctx.report(*this, p, start_cp, end_cp, message);
        finding.redacted_message = redacted;
      }
    }
  }

 private:
  // Inside a [not] phrase: "agencies failed to engage with her".
  static bool excepted(const Matcher& m, const std::string& s, std::size_t begin, std::size_t end) {
    if (!m.exceptions || !m.exceptions->ok()) {
      return false;
    }
    const std::size_t from = begin > 80 ? begin - 80 : 0;
    const std::size_t to = std::min(s.size(), end + 40);
    re2::StringPiece hit;
    std::size_t at = from;
    while (at < to && m.exceptions->Match(s, at, to, RE2::UNANCHORED, &hit, 1)) {
      const auto hb = static_cast<std::size_t>(hit.data() - s.data());
      const std::size_t he = hb + hit.size();
      if (hb <= begin && end <= he) {
        return true;
      }
      at = he > hb ? hb + 1 : he + 1;
    }
    return false;
  }

  // "... failed to engage with Amira": the service's failure, not hers (the
  // name is a declared pseudonym).
  static bool engages_with_name(const std::string& s, std::size_t end, DocumentAnalysis& analysis) {
    if (end < 6 || s.compare(end - 6, 6, "engage") != 0) {
      return false;
    }
    std::string_view rest(s);
    rest = rest.substr(end);
    if (rest.substr(0, 6) != " with ") {
      return false;
    }
    rest = rest.substr(6);
    std::size_t n = 0;
    while (n < rest.size() && ((rest[n] >= 'a' && rest[n] <= 'z') || rest[n] < 0)) {
      ++n;
    }
    return n > 0 && analysis.pseudonyms().declares(rest.substr(0, n));
  }

  // "the term 'domestic dispute'", "language such as 'volatile
  // relationship'": the report speaks of the words, as a recommendation or
  // a finding about an agency's language does, rather than using them.
  static bool mentioned(const std::string& s, std::size_t begin) {
    static const RE2 kMention(
        R"(\b(?:terms?|phrases?|words?|wording|language|expressions?|labels?|descriptions?))"
        R"(\s+(?:such as\s+|like\s+|of\s+)?['"]?$)");
    const std::size_t from = begin > 40 ? begin - 40 : 0;
    return RE2::PartialMatch(re2::StringPiece(s.data() + from, begin - from), kMention);
  }

  // Only quotes, commas, spaces and one "and" / "or" between two phrases.
  static bool list_gap(const std::string& s, std::size_t from, std::size_t to) {
    if (to < from || to - from > 12) {
      return false;
    }
    std::string gap;
    for (std::size_t i = from; i < to; ++i) {
      if (!quote(s[i]) && s[i] != ',' && s[i] != ' ') {
        gap += s[i];
      }
    }
    return gap.empty() || gap == "and" || gap == "or";
  }

  // 'domestic dispute', "volatile relationship": quotation marks round it.
  static bool quoted(const std::string& s, std::size_t begin, std::size_t end) {
    std::size_t b = begin;
    while (b > 0 && s[b - 1] == ' ') {
      --b;
    }
    std::size_t e = end;
    while (e < s.size() && (s[e] == '.' || s[e] == ',' || s[e] == ' ')) {
      ++e;
    }
    if (b > 0 && quote(s[b - 1]) && e < s.size() && quote(s[e])) {
      return true;
    }
    // Inside a longer double-quoted stretch of the same sentence: "it had
    // always been "a volatile relationship" in which ...". An odd number of
    // double quotes before the phrase (back to the sentence's start) opens
    // one, and a double quote after it closes it.
    std::size_t start = begin;
    while (start > 0 && s[start - 1] != '.' && s[start - 1] != '!' && s[start - 1] != '?') {
      --start;
    }
    std::size_t open = 0;
    for (std::size_t i = start; i < begin; ++i) {
      open += s[i] == '"' ? 1 : 0;
    }
    const std::size_t close = s.find('"', end);
    return open % 2 == 1 && close != std::string::npos;
  }

  // "recorded as a domestic dispute", "described as volatile": the words of
  // a record.
  static bool recorded_as(const std::string& s, std::size_t begin) {
    static const RE2 kRecorded(
        R"((?:recorded|logged|described|classified|categori[sz]ed|referred to|noted|documented|)"
        R"(called|termed|graded)(?: it| this| the (?:incident|call|relationship))? as )"
        R"((?:an? |the |being )?['"]?$)");
    const std::size_t from = begin > 60 ? begin - 60 : 0;
    return RE2::PartialMatch(re2::StringPiece(s.data() + from, begin - from), kRecorded);
  }

  kit::Lazy<Matcher> matcher_{load_matcher};

  RuleInfo info_{
      "style/victim-blaming-language",
      "Wording that blames the victim or minimises the abuse",
      "Reports each phrase of data/style/victim-blaming.txt in the body (tables and text "
      "boxes included) and in footnotes and endnotes: 'domestic dispute', "
      "'volatile' or 'toxic relationship', 'crime of passion', 'mutual abuse', 'failed' or "
      "'refused to engage', 'non-engagement', 'hard to reach', 'allowed herself', 'chose to "
      "stay', 'provoked him'. Each finding spans the phrase and gives the data file's "
      "suggested wording. A phrase after 'recorded as', 'described as', 'logged as' "
      "without quotation marks still fires (the report takes the label over as its own), and "
      "the message asks the author to attribute it and say what the incident was. Not "
      "reported: a phrase in quotation marks (the report quotes someone else's words, a "
      "record's or a witness's, usually to question them), the same words about a service "
      "('agencies failed to engage with her', "
      "'police failed to engage with Amira', 'hard to reach services'), and the words "
      "spoken of rather than used ('the term \"domestic dispute\"', 'language such as ...': "
      "a finding or recommendation about an agency's language).",
      "Domestic abuse is the abuser's behaviour towards the victim: physical, sexual, "
      "economic or psychological abuse, controlling or coercive behaviour, a single incident "
      "or a course of conduct (Domestic Abuse Act 2021, section 1); controlling or coercive "
      "behaviour is an offence (Serious Crime Act 2015, section 76). Words that make the "
      "relationship 'volatile' or the victim the one who 'failed to engage' or 'allowed "
      "herself' to be controlled move the responsibility from the abuser to the victim or to "
      "both; a blog post of AAFDA (Advocacy After Fatal Domestic Abuse) by a member of the "
      "Home Office QA Panel finds the victim's story often told in terms that imply blame "
      "(\"The status of victims of domestic abuse is too low: let's raise it\"). The QA Panel "
      "looks for a report in which the victim's voice is present (Home Office QA Panel feedback "
      "letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020).",
      "Fires: 'Police attended a domestic dispute at the flat.'; 'Amira failed to engage with "
      "the IDVA service.'; 'The police log recorded it as a \"domestic dispute\".' (the message "
      "asks for attribution).\n"
      "Does not fire: 'Police attended a domestic abuse incident at the flat.'; 'The IDVA "
      "service failed to engage with Amira.'",
      "Use the suggested wording: name the abuse and the abuser ('Kamal assaulted Amira'), "
      "say what services offered and what stood in her way; when quoting a record, attribute "
      "the words to it and say what the incident was.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_victim_blaming_language_rule() {
  return std::make_unique<VictimBlamingLanguageRule>();
}

}  // namespace dhrlint::style
