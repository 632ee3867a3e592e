// identifying/real-name: a person's name that is not among the report's
// declared pseudonyms, nor the chair's, author's or a panel member's: names
// after titles and ranks ("DC Smith"), and names in person contexts
// ("Ahmed's mother", "Ahmed said", "her brother Ahmed").
#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/real-name.txt";

// A capitalised word written with an inner capital ("SafeLives", "NHSmail")
// is a brand or body, except the usual name patterns ("McDonald", "MacLeod",
// "O'Brien", "Al-Hassan", "DeSouza" is rare enough to lose).
bool camel_case(const Token& t) {
  const std::string_view s = t.plain;
  if (s.compare(0, 2, "Mc") == 0 || s.compare(0, 3, "Mac") == 0) {
    return false;
  }
  for (std::size_t i = 1; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const unsigned char prev = static_cast<unsigned char>(s[i - 1]);
    if (c >= 'A' && c <= 'Z' && prev != '\'' && prev != '-' && !(prev >= 0x80)) {
      return true;
    }
  }
  return false;
}

class RealNameRule : public Rule {
 public:
  RealNameRule() : RealNameRule(DataFile::load(kData)) {}
  explicit RealNameRule(const DataFile& data)
      : titles_(PhraseList(
            split_phrases(DataFile::load("kit/pseudonym-declarations.txt").values("title")))),
        relations_(data.values("relation")),
        determiners_(data.values("determiner")),
        possessed_(data.values("possessed")),
        verbs_(data.values("verb")),
        roles_(data.values("role")),
        scholarly_(data.values("scholarly")),
        stopwords_(DataFile::load("identifying/name-stopwords.txt").values("")),
        citation_re_("\\((?:[^()]{0,40}[,;] )?(?:19|20)\\d\\d[a-z]?[,;:)]|\\bet al\\b|https?://"),
        citation_after_re_("^\\s*(?:\\(\\s*(?:19|20)\\d\\d|,\\s*(?:19|20)\\d\\d|et al)") {
    info_.id = "identifying/real-name";
    info_.severity = Severity::kWarning;
    info_.summary = "A person is named who is not among the declared pseudonyms";
    info_.what =
        "Reads the names the report declares: the pseudonym table (a column headed Pseudonym, "
        "or Name next to Relationship / Age / Ethnicity), sentences that speak of pseudonyms and "
        "the sentences after them in the same paragraph (\"Pseudonyms are used ... Her daughter "
        "chose the name Margery and agreed the others: Stuart (son) ...\"), \"the name X\", "
        "\"referred to as X\", \"known as X\", the chair and author where named in that role "
        "(\"The independent chair, Jane Smith, ...\"), tables under a panel or contributors "
        "heading, and pseudonyms / allowed_names in the configuration. Then flags person names "
        "that are not among them: a name after a title or rank (Mr, Mrs, Ms, Miss, Dr, DC, PC, "
        "DS, DI, DCI, Sgt ...), a possessive before a family or personal word (\"Ahmed's "
        "mother\"), a name before a verb of speech or action (\"Ahmed said\"), a name after a "
        "relationship (\"her brother Ahmed\", \"Joan's next-door neighbour, Brenda\"), a full name "
        "in apposition to a role (\"Child A, Zara Hussain,\"). Roles (\"Child A\", \"the GP\", "
        "\"Officer 1\"), "
        "initials (\"Mrs J\"), agencies, ordinary English words (Debian's wbritish-large word "
        "list) and cited authors (\"Monckton Smith (2019)\", \"Stark's model\") are not "
        "flagged. Looks at everything the file carries, hidden text and tracked deletions "
        "included.";
    info_.why =
        "Real names of the victim and perpetrator had to be removed in the Bassetlaw review "
        "(Home Office QA Panel feedback letter on DHR \"Sarah\", Bassetlaw, Newark & Sherwood "
        "Community Safety Partnership, 2023: they \"appear in the TOR and should be removed "
        "before publication\"); reports replace names with pseudonyms agreed with the family "
        "(Home Office QA Panel feedback letter on DHR \"Salma\", Tower Hamlets Community Safety "
        "Partnership, 2020; University of Westminster research, \"Naming practices in domestic "
        "homicide reviews in England and Wales\") and refer to professionals by role. The "
        "default severity is warning, not error: a name outside the declared list is found by "
        "context, not by certainty (a cited author, a place, an undeclared pseudonym), so an "
        "author must judge each one; names the coordinator knows to be real belong in the "
        "private identifiers file, whose matches are errors (identifying/private-identifier).";
    info_.example =
        "Salma's brother Ahmed told DC Smith about the threats.  <- fires on \"Ahmed\" and "
        "\"Smith\" when only Salma is declared\n"
        "Salma's brother (Sibling 1) told the officer about the threats.  <- does not fire";
    info_.fix =
        "Replace the name with the person's pseudonym or role (\"her brother\", \"the "
        "officer\"); if it is a pseudonym, declare it in the pseudonym table or in "
        "`pseudonyms` in .dhrlint.toml; if it is the chair, author or a panel member, list them "
        "under `allowed_names`.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const text::Lexicon& lexicon = ctx.analysis().shared().lexicon;
    DocumentAnalysis& analysis = ctx.analysis();
    const PseudonymTable& declared = analysis.pseudonyms();
    scan_document(doc, ctx, *this, [&](const TextView& view, std::vector<Hit>& hits) {
      find(view, analysis.tokens(view.text), declared, lexicon, ctx.config(), hits);
    });
  }

 private:
  // ---- Finding names ------------------------------------------------------

  bool name_token(const Token& t) const {
    return t.capitalised && !t.has_digit && !t.all_caps && !camel_case(t) &&
           !stopwords_.contains(t.base) && !roles_.contains(t.base) && text::length(t.base) >= 2;
  }

  // Reports tokens [a, b) as a name unless declared or not a name.
  void consider(const std::vector<Token>& tokens, std::size_t a, std::size_t b, bool titled,
                bool subject, const PseudonymTable& declared, const text::Lexicon& lexicon,
                const Config& config, std::string_view text, std::set<std::size_t>& seen,
                std::vector<Hit>& hits) const {
    if (a >= b) {
      return;
    }
    bool undeclared_name = false;
    for (std::size_t k = a; k < b; ++k) {
      const Token& t = tokens[k];
      // An initial ("Mrs J", "J. Smith") is how reports anonymise.
      if (text::length(t.base) < 2) {
        continue;
      }
      if (!name_token(t)) {
        return;
      }
      if (declared.declares(t.base)) {
        continue;
      }
      // Outside a title, an ordinary English word is not taken for a name
      // ("Police said", "Support told"); after a title it is ("Mrs Hope").
      if (!titled && lexicon.available() && lexicon.is_common_word(t.base)) {
        continue;
      }
      undeclared_name = true;
    }
    if (!undeclared_name) {
      return;
    }
    // A subject phrase ending in an ordinary word is usually a body ("Barts
    // Health said", "Tower Hamlets reported").
    if (subject && b - a > 1 && lexicon.available() && lexicon.is_common_word(tokens[b - 1].base)) {
      return;
    }
    std::string phrase;
    for (std::size_t k = a; k < b; ++k) {
      phrase += (k > a ? " " : "") + tokens[k].base;
    }
    for (const std::string& org : config.allowed_organisations) {
      if (folded(org) == phrase) {
        return;
      }
    }
    // A cited author: "(2019)" or "et al" right after, or "Stark's model".
    const std::size_t end_byte = tokens[b - 1].byte_end;
    const std::string_view after =
        text.substr(end_byte, std::min<std::size_t>(60, text.size() - end_byte));
    if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *citation_after_re_)) {
      return;
    }
    if (b < tokens.size() && scholarly_.contains(tokens[b].base)) {
      return;
    }
    if (b + 1 < tokens.size() && scholarly_.contains(tokens[b + 1].base)) {
      return;
    }
    if (!seen.insert(tokens[a].start).second) {
      return;
    }
    // The span is the name, without a possessive ending ("Ruksana's" -> "Ruksana").
    const Token& last = tokens[b - 1];
    hits.push_back(Hit{tokens[a].start, last.start + text::length(last.plain),
                       "Names a person who is not among the declared pseudonyms; use the "
                       "pseudonym or a role, or declare the pseudonym"});
  }

  // One past the last token of the name starting at token `first`: up to
  // three name words joined as a name, ending after a possessive one.
  std::size_t name_end(const std::vector<Token>& tokens, std::size_t first) const {
    std::size_t b = first;
    while (b < tokens.size() && b - first < 3 && name_token(tokens[b]) &&
           (b == first || joins_name(tokens[b - 1], tokens[b]))) {
      const bool possessive = tokens[b].possessive;
      ++b;
      if (possessive) {
        break;
      }
    }
    return b;
  }

  // "A", "B", "1", "12": the label of a role ("Child A", "Officer 1").
  static bool is_role_label(const Token& t) {
    const std::string_view w = t.text;
    if (w.empty() || w.size() > 2) {
      return false;
    }
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
           (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z');
  }

  // The capitalised name phrase ending at token `last` (inclusive).
  std::size_t name_start(const std::vector<Token>& tokens, std::size_t last) const {
    std::size_t a = last;
    while (a > 0 && last - a < 3 && name_token(tokens[a - 1]) &&
           joins_name(tokens[a - 1], tokens[a])) {
      --a;
    }
    // A sentence-initial ordinary word is not part of the name ("Later Ahmed said").
    return a;
  }

  // `tokens` are the Tokens of view.text.
  void find(const TextView& view, const std::vector<Token>& tokens, const PseudonymTable& declared,
            const text::Lexicon& lexicon, const Config& config, std::vector<Hit>& hits) const {
    if (view.paragraph == kNoIndex) {
      return;
    }
    const std::string_view text = view.text;
    const Paragraph& para = view.doc.paragraphs[view.paragraph];
    // Reference lists in notes: a note that cites (a year in brackets, a URL).
    const bool note = is_note(para);
    if (note && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *citation_re_)) {
      return;
    }
    std::set<std::size_t> seen;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      // Title or rank + name: "DC Smith", "Mrs Jane Smith", "Mr and Mrs Khan".
      const std::size_t title = match_phrase(tokens, i, titles_);
      if (title > 0 && !t.possessive) {
        std::size_t j = i + title;
        if (j + 1 < tokens.size() && tokens[j].text == "and" &&
            match_phrase(tokens, j + 1, titles_) > 0) {
          i = j;  // the second title takes the name
          continue;
        }
        if (j < tokens.size() && joins_name(tokens[j - 1], tokens[j]) && tokens[j].capitalised &&
            !tokens[j].has_digit) {
          std::size_t b = j;
          while (b < tokens.size() && b - j < 3 && tokens[b].capitalised && !tokens[b].has_digit &&
                 (b == j || joins_name(tokens[b - 1], tokens[b])) &&
                 !stopwords_.contains(tokens[b].base)) {
            const bool possessive = tokens[b].possessive;
            ++b;
            if (possessive) {
              break;
            }
          }
          consider(tokens, j, b, true, false, declared, lexicon, config, text, seen, hits);
          i = b > 0 ? b - 1 : i;
          continue;
        }
      }
      // "Ahmed's mother"
      if (t.possessive && t.capitalised && i + 1 < tokens.size() && !tokens[i + 1].capitalised &&
          possessed_.contains(tokens[i + 1].base) && joins_name(t, tokens[i + 1])) {
        consider(tokens, name_start(tokens, i), i + 1, false, false, declared, lexicon, config,
                 text, seen, hits);
        continue;
      }
      // "Ahmed said"
      if (t.capitalised && !t.possessive && i + 1 < tokens.size() && !tokens[i + 1].capitalised &&
          tokens[i + 1].gap_before == " " && verbs_.contains(tokens[i + 1].base)) {
        std::size_t a = name_start(tokens, i);
        // "Later Ahmed said": drop a sentence-initial ordinary word.
        while (a < i && tokens[a].sentence_initial && lexicon.is_common_word(tokens[a].base)) {
          ++a;
        }
        consider(tokens, a, i + 1, false, true, declared, lexicon, config, text, seen, hits);
        continue;
      }
      // "Child A, Zara Hussain," / "Child A (Zara Hussain)": a full name in
      // apposition to the role that stands in for it.
      if (t.capitalised && roles_.contains(t.base) && i + 2 < tokens.size() &&
          is_role_label(tokens[i + 1]) && tokens[i + 1].gap_before == " ") {
        const Token& next = tokens[i + 2];
        if ((next.gap_before == ", " || next.gap_before == " (") && name_token(next)) {
          const std::size_t b = name_end(tokens, i + 2);
          consider(tokens, i + 2, b, false, false, declared, lexicon, config, text, seen, hits);
          i = b - 1;
          continue;
        }
      }
      // "her brother Ahmed", "Salma's partner, Omar,", "Joan's next-door
      // neighbour, Brenda," (up to two describing words before the relation).
      if (t.capitalised || i + 1 >= tokens.size() || !relations_.contains(t.base)) {
        continue;
      }
      std::size_t owner = i;
      while (owner > 0 && i - owner < 3 && !tokens[owner - 1].capitalised &&
             !tokens[owner - 1].possessive && !determiners_.contains(tokens[owner - 1].base) &&
             !relations_.contains(tokens[owner - 1].base) &&
             joins_name(tokens[owner - 1], tokens[owner])) {
        --owner;
      }
      if (owner != i && (owner == 0 || !(determiners_.contains(tokens[owner - 1].base) ||
                                         tokens[owner - 1].possessive))) {
        owner = i;  // describing words with no owner before them: not a relation
      }
      if (owner > 0 &&
          (determiners_.contains(tokens[owner - 1].base) || tokens[owner - 1].possessive) &&
          joins_name(tokens[owner - 1], tokens[owner])) {
        const Token& next = tokens[i + 1];
        const std::string_view gap = next.gap_before;
        if ((gap == " " || gap == ", ") && name_token(next)) {
          const std::size_t b = name_end(tokens, i + 1);
          consider(tokens, i + 1, b, false, false, declared, lexicon, config, text, seen, hits);
        }
      }
    }
  }

  RuleInfo info_;
  PhraseList titles_;
  TermSet relations_;
  TermSet determiners_;
  TermSet possessed_;
  TermSet verbs_;
  TermSet roles_;
  TermSet scholarly_;
  TermSet stopwords_;
  kit::LazyRegex citation_re_;
  kit::LazyRegex citation_after_re_;
};

}  // namespace

std::unique_ptr<Rule> make_real_name_rule() { return std::make_unique<RealNameRule>(); }

}  // namespace dhrlint::identifying
