// identifying/real-name: a person's name that is not among the report's
// declared pseudonyms, nor the chair's, author's or a panel member's: names
// after titles and ranks ("DC Smith"), and names in person contexts
// ("Ahmed's mother", "Ahmed said", "her brother Ahmed").
#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "lint/engine/analysis.hpp"
#include "lint/engine/data.hpp"
#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/real-name.txt";

// A capitalised word written with an inner capital ("SafeLives", "NHSmail")
// is a brand or body, except the usual name patterns ("McDonald", "MacLeod",
// "O'Brien", "Al-Hassan", "DeSouza" is rare enough to lose).
bool camel_case(const Token& t) {
  const std::string& s = t.plain;
  if (s.compare(0, 2, "Mc") == 0 || s.compare(0, 3, "Mac") == 0) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const unsigned char prev = static_cast<unsigned char>(s[i - 1]);
    if (c >= 'A' && c <= 'Z' && prev != '\'' && prev != '-' && !(prev >= 0x80)) return true;
  }
  return false;
}

class RealNameRule : public Rule {
 public:
  RealNameRule()
      : titles_(PhraseList(split_phrases(data_values(kData, "title")))),
        relations_(data_values(kData, "relation")),
        determiners_(data_values(kData, "determiner")),
        possessed_(data_values(kData, "possessed")),
        verbs_(data_values(kData, "verb")),
        roles_(data_values(kData, "role")),
        scholarly_(data_values(kData, "scholarly")),
        pseudonym_headers_(data_values(kData, "pseudonym-header")),
        name_headers_(data_values(kData, "name-header")),
        companion_headers_(data_values(kData, "companion-header")),
        panel_headings_(data_values(kData, "panel-heading")),
        declare_before_(folded_phrases(split_phrases(data_values(kData, "declare-before")))),
        role_words_(data_values(kData, "role-word")),
        role_fillers_(data_values(kData, "role-filler")),
        stopwords_(data_lines("identifying/name-stopwords.txt")),
        citation_re_("\\((?:[^()]{0,40}[,;] )?(?:19|20)\\d\\d[a-z]?[,;:)]|\\bet al\\b|https?://"),
        citation_after_re_("^\\s*(?:\\(\\s*(?:19|20)\\d\\d|,\\s*(?:19|20)\\d\\d|et al)") {
    info_.id = "identifying/real-name";
    info_.severity = Severity::kWarning;
    info_.summary = "A person is named who is not among the declared pseudonyms";
    info_.what =
        "Reads the names the report declares: the pseudonym table (a column headed Pseudonym, "
        "or Name next to Relationship / Age / Ethnicity), sentences that speak of pseudonyms, "
        "\"referred to as X\", \"known as X\", the chair and author where named in that role "
        "(\"The independent chair, Jane Smith, ...\"), tables under a panel or contributors "
        "heading, and pseudonyms / allowed_names in the configuration. Then flags person names "
        "that are not among them: a name after a title or rank (Mr, Mrs, Ms, Miss, Dr, DC, PC, "
        "DS, DI, DCI, Sgt ...), a possessive before a family or personal word (\"Ahmed's "
        "mother\"), a name before a verb of speech or action (\"Ahmed said\"), a name after a "
        "relationship (\"her brother Ahmed\"). Roles (\"Child A\", \"the GP\", \"Officer 1\"), "
        "initials (\"Mrs J\"), agencies, ordinary English words (Debian's wbritish-large word "
        "list) and cited authors (\"Monckton Smith (2019)\", \"Stark's model\") are not "
        "flagged. Looks at everything the file carries, hidden text and tracked deletions "
        "included.";
    info_.why =
        "Real names of the victim and perpetrator had to be removed in the Bassetlaw review "
        "(QA letter L3: they \"appear in the TOR and should be removed before publication\"); "
        "reports replace names with pseudonyms chosen with the family (L0, R12) and refer to "
        "professionals by role (dhr-guide.md §4 \"Real names\", \"Professionals' names\"). The "
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
    const std::set<std::string> declared = declared_names(doc, ctx);
    TokenCache& tokens = token_cache(ctx);
    scan_document(doc, ctx, *this, [&](const TextView& view, std::vector<Hit>& hits) {
      find(view, tokens.tokens(view.text), declared, lexicon, ctx.config(), hits);
    });
  }

 private:
  // ---- Declared names -----------------------------------------------------

  void add_all_words(std::string_view text, std::set<std::string>& out) const {
    for (const Token& t : tokenize_(text)) out.insert(t.base);
  }

  void add_words(std::string_view text, std::set<std::string>& out) const {
    for (const Token& t : tokenize_(text)) {
      if (t.capitalised && !t.has_digit) out.insert(t.base);
    }
  }

  static bool header_in(const std::string& header, const TermSet& set) {
    std::string h = folded(header);
    while (!h.empty() && (h.back() == ' ' || h.back() == ':' || h.back() == '.')) h.pop_back();
    while (!h.empty() && h.front() == ' ') h.erase(0, 1);
    return set.contains(h);
  }

  void declare_from_tables(const Document& doc, TokenCache& cache,
                           std::set<std::string>& out) const {
    for (const Table& table : doc.tables) {
      if (table.rows.empty()) continue;
      // Under a panel / contributors / author heading: every name counts.
      bool panel = false;
      for (const Table::Row& row : table.rows) {
        for (const Table::Cell& cell : row.cells) {
          if (cell.paragraphs.empty() || cell.paragraphs.front() >= doc.paragraphs.size()) continue;
          const Paragraph& first = doc.paragraphs[cell.paragraphs.front()];
          for (std::size_t h : first.headings) {
            if (h >= doc.paragraphs.size()) continue;
            for (const Token& t : cache.tokens(doc.paragraphs[h].text)) {
              if (panel_headings_.contains(t.base)) panel = true;
            }
            const std::string heading = folded(doc.paragraphs[h].text);
            if (heading.find("review team") != std::string::npos) panel = true;
          }
          break;
        }
        break;
      }
      const Table::Row& header = table.rows.front();
      std::vector<std::uint32_t> name_columns;
      bool companion = false;
      for (const Table::Cell& cell : header.cells) {
        const std::string text = cell_text(doc, table, 0, cell.col);
        if (header_in(text, pseudonym_headers_)) name_columns.push_back(cell.col);
        if (header_in(text, companion_headers_)) companion = true;
      }
      if (companion) {
        for (const Table::Cell& cell : header.cells) {
          if (header_in(cell_text(doc, table, 0, cell.col), name_headers_)) {
            name_columns.push_back(cell.col);
          }
        }
      }
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        for (const Table::Cell& cell : table.rows[r].cells) {
          const bool in_name_column = r > 0 && std::find(name_columns.begin(), name_columns.end(),
                                                         cell.col) != name_columns.end();
          if (!panel && !in_name_column) continue;
          add_words(cell_text(doc, table, r, cell.col), out);
        }
      }
    }
  }

  // Capitalised words from token `from` on (up to four, name-joined).
  void take_name(const std::vector<Token>& tokens, std::size_t from,
                 std::set<std::string>& out) const {
    // Skip an opening quote or a title before the name.
    std::size_t i = from;
    if (i < tokens.size()) {
      const std::size_t title = match_phrase(tokens, i, titles_);
      if (title > 0) i += title;
    }
    for (std::size_t n = 0; i < tokens.size() && n < 4; ++i, ++n) {
      const Token& t = tokens[i];
      if (!t.capitalised || t.has_digit) break;
      if (n > 0 && !joins_name(tokens[i - 1], t)) break;
      out.insert(t.base);
    }
  }

  void declare_from_text(const Document& doc, DocumentAnalysis& analysis, TokenCache& cache,
                         std::set<std::string>& out) const {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (para.text.empty()) continue;
      const std::string& lowered = analysis.folded(p).text;
      // Sentences that speak of pseudonyms declare their capitalised words
      // ("Salma (pseudonym)", "The pseudonyms used are Salma and Omar").
      if (lowered.find("pseudonym") != std::string::npos ||
          lowered.find("not her real name") != std::string::npos ||
          lowered.find("not his real name") != std::string::npos ||
          lowered.find("not their real name") != std::string::npos) {
        for (const text::Range& s : analysis.sentences(p)) {
          const std::string sentence = text::slice(para.text, s.start, s.end);
          const std::string f = folded(sentence);
          if (f.find("pseudonym") != std::string::npos ||
              f.find("real name") != std::string::npos) {
            add_words(sentence, out);
          }
        }
      }
      const std::vector<Token>& tokens = cache.tokens(para.text);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        // "referred to as Salma", "known as Omar"
        const std::size_t len = match_phrase_folded(tokens, i, declare_before_);
        if (len > 0 && i + len < tokens.size()) take_name(tokens, i + len, out);
        // "The independent chair, Jane Smith," / "chaired by Dr Jane Smith"
        if (role_words_.contains(tokens[i].base)) {
          std::size_t j = i + 1;
          while (j < tokens.size() && role_fillers_.contains(tokens[j].base) &&
                 !tokens[j].capitalised) {
            ++j;
          }
          if (j < tokens.size() && j - i <= 6) take_name(tokens, j, out);
          // "Jane Smith, the independent chair"
          std::size_t k = i;
          while (k > 0 && role_fillers_.contains(tokens[k - 1].base) && i - k < 5) --k;
          if (k > 0 && tokens[k - 1].capitalised && !tokens[k - 1].has_digit) {
            const std::string& gap = tokens[k].gap_before;
            if (gap.find(',') != std::string::npos || gap.find('(') != std::string::npos ||
                gap.find('-') != std::string::npos ||
                gap.find("\xE2\x80\x93") != std::string::npos) {
              std::size_t a = k - 1;
              while (a > 0 && tokens[a - 1].capitalised && joins_name(tokens[a - 1], tokens[a]) &&
                     k - a < 4) {
                --a;
              }
              for (std::size_t n = a; n < k; ++n) out.insert(tokens[n].base);
            }
          }
        }
      }
    }
  }

  static std::vector<std::vector<std::string>> folded_phrases(
      std::vector<std::vector<std::string>> phrases) {
    for (std::vector<std::string>& words : phrases) {
      for (std::string& w : words) w = folded(w);
    }
    return phrases;
  }

  // Like match_phrase but case-insensitive (phrases as folded words, see
  // folded_phrases).
  static std::size_t match_phrase_folded(const std::vector<Token>& tokens, std::size_t i,
                                         const std::vector<std::vector<std::string>>& phrases) {
    for (const auto& words : phrases) {
      if (i + words.size() > tokens.size()) continue;
      bool ok = true;
      for (std::size_t w = 0; w < words.size() && ok; ++w) {
        ok = tokens[i + w].base == words[w];
      }
      if (ok) return words.size();
    }
    return 0;
  }

  std::set<std::string> declared_names(const Document& doc, RuleContext& ctx) const {
    std::set<std::string> out;
    for (const std::string& name : ctx.config().pseudonyms) add_all_words(name, out);
    for (const std::string& name : ctx.config().allowed_names) add_all_words(name, out);
    for (const std::string& name : ctx.config().allowed_organisations) add_all_words(name, out);
    TokenCache& cache = token_cache(ctx);
    declare_from_tables(doc, cache, out);
    declare_from_text(doc, ctx.analysis(), cache, out);
    return out;
  }

  // ---- Finding names ------------------------------------------------------

  bool name_token(const Token& t) const {
    return t.capitalised && !t.has_digit && !t.all_caps && !camel_case(t) &&
           !stopwords_.contains(t.base) && !roles_.contains(t.base) && text::length(t.base) >= 2;
  }

  // Reports tokens [a, b) as a name unless declared or not a name.
  void consider(const std::vector<Token>& tokens, std::size_t a, std::size_t b, bool titled,
                bool subject, const std::set<std::string>& declared, const text::Lexicon& lexicon,
                const Config& config, std::string_view text, std::set<std::size_t>& seen,
                std::vector<Hit>& hits) const {
    if (a >= b) return;
    bool undeclared_name = false;
    for (std::size_t k = a; k < b; ++k) {
      const Token& t = tokens[k];
      // An initial ("Mrs J", "J. Smith") is how reports anonymise.
      if (text::length(t.base) < 2) continue;
      if (!name_token(t)) return;
      if (declared.count(t.base) > 0) continue;
      // Outside a title, an ordinary English word is not taken for a name
      // ("Police said", "Support told"); after a title it is ("Mrs Hope").
      if (!titled && lexicon.available() && lexicon.is_common_word(t.base)) continue;
      undeclared_name = true;
    }
    if (!undeclared_name) return;
    // A subject phrase ending in an ordinary word is usually a body ("Barts
    // Health said", "Tower Hamlets reported").
    if (subject && b - a > 1 && lexicon.available() && lexicon.is_common_word(tokens[b - 1].base)) {
      return;
    }
    std::string phrase;
    for (std::size_t k = a; k < b; ++k) phrase += (k > a ? " " : "") + tokens[k].base;
    for (const std::string& org : config.allowed_organisations) {
      if (folded(org) == phrase) return;
    }
    // A cited author: "(2019)" or "et al" right after, or "Stark's model".
    const std::size_t end_byte = tokens[b - 1].byte_end;
    const std::string_view after =
        text.substr(end_byte, std::min<std::size_t>(60, text.size() - end_byte));
    if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), citation_after_re_)) {
      return;
    }
    if (b < tokens.size() && scholarly_.contains(tokens[b].base)) return;
    if (b + 1 < tokens.size() && scholarly_.contains(tokens[b + 1].base)) return;
    if (!seen.insert(tokens[a].start).second) return;
    // The span is the name, without a possessive ending ("Ruksana's" -> "Ruksana").
    const Token& last = tokens[b - 1];
    hits.push_back(Hit{tokens[a].start, last.start + text::length(last.plain),
                       "Names a person who is not among the declared pseudonyms; use the "
                       "pseudonym or a role, or declare the pseudonym"});
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
  void find(const TextView& view, const std::vector<Token>& tokens,
            const std::set<std::string>& declared, const text::Lexicon& lexicon,
            const Config& config, std::vector<Hit>& hits) const {
    if (view.paragraph == kNoIndex) return;
    const std::string_view text = view.text;
    const Paragraph& para = view.doc.paragraphs[view.paragraph];
    // Reference lists in notes: a note that cites (a year in brackets, a URL).
    const bool note = para.story == Story::kFootnote || para.story == Story::kEndnote;
    if (note && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), citation_re_)) return;
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
            if (possessive) break;
          }
          consider(tokens, j, b, true, false, declared, lexicon, config, text, seen, hits);
          i = b > 0 ? b - 1 : i;
          continue;
        }
      }
      // "Ahmed's mother"
      if (t.possessive && t.capitalised && i + 1 < tokens.size() &&
          possessed_.contains(tokens[i + 1].base) && !tokens[i + 1].capitalised &&
          joins_name(t, tokens[i + 1])) {
        consider(tokens, name_start(tokens, i), i + 1, false, false, declared, lexicon, config,
                 text, seen, hits);
        continue;
      }
      // "Ahmed said"
      if (t.capitalised && !t.possessive && i + 1 < tokens.size() &&
          verbs_.contains(tokens[i + 1].base) && !tokens[i + 1].capitalised &&
          tokens[i + 1].gap_before == " ") {
        std::size_t a = name_start(tokens, i);
        // "Later Ahmed said": drop a sentence-initial ordinary word.
        while (a < i && tokens[a].sentence_initial && lexicon.is_common_word(tokens[a].base)) ++a;
        consider(tokens, a, i + 1, false, true, declared, lexicon, config, text, seen, hits);
        continue;
      }
      // "her brother Ahmed", "Salma's partner, Omar,"
      if (!t.capitalised && relations_.contains(t.base) && i > 0 && i + 1 < tokens.size() &&
          (determiners_.contains(tokens[i - 1].base) || tokens[i - 1].possessive) &&
          joins_name(tokens[i - 1], t)) {
        const Token& next = tokens[i + 1];
        const std::string& gap = next.gap_before;
        if ((gap == " " || gap == ", ") && name_token(next)) {
          std::size_t b = i + 1;
          while (b < tokens.size() && b - (i + 1) < 3 && name_token(tokens[b]) &&
                 (b == i + 1 || joins_name(tokens[b - 1], tokens[b]))) {
            const bool possessive = tokens[b].possessive;
            ++b;
            if (possessive) break;
          }
          consider(tokens, i + 1, b, false, false, declared, lexicon, config, text, seen, hits);
        }
      }
    }
  }

  RuleInfo info_;
  Tokenizer tokenize_;
  PhraseList titles_;
  TermSet relations_;
  TermSet determiners_;
  TermSet possessed_;
  TermSet verbs_;
  TermSet roles_;
  TermSet scholarly_;
  TermSet pseudonym_headers_;
  TermSet name_headers_;
  TermSet companion_headers_;
  TermSet panel_headings_;
  std::vector<std::vector<std::string>> declare_before_;  // folded
  TermSet role_words_;
  TermSet role_fillers_;
  TermSet stopwords_;
  RE2 citation_re_;
  RE2 citation_after_re_;
};

}  // namespace

std::unique_ptr<Rule> make_real_name_rule() { return std::make_unique<RealNameRule>(); }

}  // namespace dhrlint::identifying
