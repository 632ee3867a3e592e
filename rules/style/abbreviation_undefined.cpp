// style/abbreviation-undefined: an abbreviation (MARAC, IDVA, CAMHS) whose
// first use neither spells it out nor stands in a glossary or a footnote that
// does.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "rules/kit/kit.hpp"

namespace dhrlint::style {

namespace {

struct Lists {
  std::set<std::string, std::less<>> common;  // as written
  std::set<std::string, std::less<>> ignore;
  std::set<std::string, std::less<>> words;
  kit::TermSet titles;  // folded
  std::set<std::string, std::less<>> roman;
};

Lists load_lists() {
  const kit::DataFile file = kit::DataFile::load("style/common-abbreviations.txt");
  Lists lists;
  for (const std::string& v : file.values("common")) {
    lists.common.insert(v);
  }
  for (const std::string& v : file.values("ignore")) {
    lists.ignore.insert(v);
  }
  for (const std::string& v : file.values("words")) {
    lists.words.insert(v);
  }
  lists.titles = kit::TermSet(file.values("titles"));
  // Roman numerals I to L: "Part II", "Appendix IV", "XL".
  static const char* const kTens[] = {"", "X", "XX", "XXX", "XL", "L"};
  static const char* const kUnits[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  for (const char* tens : kTens) {
    for (const char* units : kUnits) {
      lists.roman.insert(std::string(tens) + units);
    }
  }
  return lists;
}

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// An abbreviation as written: 2 to 6 of A-Z, 0-9 and &, starting with a
// letter, at least two letters, no lower case.
bool abbreviation_shape(std::string_view w) {
  if (w.size() < 2 || w.size() > 6 || !upper(w.front())) {
    return false;
  }
  std::size_t letters = 0;
  for (char c : w) {
    if (upper(c)) {
      ++letters;
    } else if (!digit(c) && c != '&') {
      return false;
    }
  }
  return letters >= 2;
}

std::string_view trim_left(std::string_view s, std::string_view chars) {
  const std::size_t at = s.find_first_not_of(chars);
  return at == std::string_view::npos ? std::string_view() : s.substr(at);
}
std::string_view trim_right(std::string_view s, std::string_view chars) {
  const std::size_t at = s.find_last_not_of(chars);
  return at == std::string_view::npos ? std::string_view() : s.substr(0, at + 1);
}

constexpr std::string_view kSpaceQuotes =
    " \t\xC2\xA0\"'\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x98\xE2\x80\x99";

// One abbreviation written in a paragraph.
struct Use {
  std::string abbreviation;  // without a plural s or a possessive
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  std::size_t start = 0;  // code points of the abbreviation itself
  std::size_t end = 0;
  std::size_t byte_end = 0;  // the written token's end (plural s, possessive included)
};

class AbbreviationUndefinedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const Lists& lists = *lists_;
    DocumentAnalysis& analysis = ctx.analysis();
    std::vector<signed char> glossary_heading(doc.paragraphs.size(), -1);

    // Defined anywhere: a glossary (section or table), a footnote or endnote
    // that spells it out.
    std::set<std::string, std::less<>> defined;
    std::vector<std::size_t> order;
    reading_order(doc, order);
    for (std::size_t p : order) {
      const Paragraph& para = doc.paragraphs[p];
      const bool glossary = in_glossary(doc, p, glossary_heading);
      const bool note = kit::is_note(para);
      if (!glossary && !note) {
        continue;
      }
      const std::vector<kit::Token>& tokens = analysis.tokens(p);
      for (const Use& use : uses(doc, p, tokens, lists, analysis)) {
        if (glossary || defined_here(para, tokens, use) || note_entry(para, tokens, use)) {
          defined.insert(use.abbreviation);
        }
      }
    }

    // The first use of each, in reading order.
    std::set<std::string, std::less<>> seen;
    for (std::size_t p : order) {
      const Paragraph& para = doc.paragraphs[p];
      if (in_glossary(doc, p, glossary_heading) || capitals_line(analysis.tokens(p))) {
        continue;
      }
      const bool heading = para.heading_level.has_value();
      const std::vector<kit::Token>& tokens = analysis.tokens(p);
      for (const Use& use : uses(doc, p, tokens, lists, analysis)) {
        if (seen.count(use.abbreviation) != 0) {
          continue;
        }
        const bool here = defined_here(para, tokens, use);
        if (heading && !here) {
          continue;  // a heading is no first use; the text under it is
        }
        seen.insert(use.abbreviation);
        if (here || defined.count(use.abbreviation) != 0) {
          continue;
        }
        Finding& f =
            ctx.report(*this, p, use.start, use.end,
                       "'" + use.abbreviation +
                           "' is not spelt out at its first use; write the words out with the "
                           "abbreviation in brackets, or add it to the glossary");
        f.redacted_message =
            "An abbreviation is not spelt out at its first use; write the words out with the "
            "abbreviation in brackets, or add it to the glossary";
      }
    }
  }

 private:
  // Body paragraphs a reader reads (headings included: a heading may spell an
  // abbreviation out), each note's paragraphs after the paragraph that
  // references it; unreferenced notes last.
  static void reading_order(const Document& doc, std::vector<std::size_t>& order) {
    order = kit::reading_order_with_notes(doc, &kit::is_report_text);
  }

  // Under a glossary heading, or in a table whose first row names glossary
  // columns ("Abbreviation | Meaning").
  bool in_glossary(const Document& doc, std::size_t p, std::vector<signed char>& cache) const {
    const Paragraph& para = doc.paragraphs[p];
    if (para.story != Story::kBody) {
      return false;
    }
    for (std::size_t h : para.headings) {
      if (h >= cache.size()) {
        continue;
      }
      if (cache[h] < 0) {
        cache[h] = sections_.contains(doc.paragraphs[h].text, "glossary") ? 1 : 0;
      }
      if (cache[h] == 1) {
        return true;
      }
    }
    return para.table && sections_.contains(kit::header_row_text_of(doc, p), "glossary-table");
  }

  // A line written in capitals ("DOMESTIC HOMICIDE REVIEW", "OFFICIAL -
  // SENSITIVE"): a heading typed by hand or a marking, not running text.
  static bool capitals_line(const std::vector<kit::Token>& tokens) {
    std::size_t words = 0;
    std::size_t caps = 0;
    for (const kit::Token& t : tokens) {
      if (t.has_digit && !t.all_caps) {
        continue;
      }
      ++words;
      caps += t.all_caps ? 1 : 0;
    }
    return caps >= 2 && caps * 10 >= words * 6;
  }

  std::vector<Use> uses(const Document& doc, std::size_t p, const std::vector<kit::Token>& tokens,
                        const Lists& lists, DocumentAnalysis& analysis) const {
    std::vector<Use> out;
    const Paragraph& para = doc.paragraphs[p];
    const std::size_t from = kit::content_start(para);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const kit::Token& t = tokens[i];
      if (t.start < from || !upper(t.plain.empty() ? 'a' : t.plain.front())) {
        continue;
      }
      Use use;
      use.first_token = i;
      use.last_token = i;
      use.abbreviation = std::string(t.plain);
      use.start = t.start;
      use.end = t.start + text::length(t.plain);
      use.byte_end = t.byte_end;
      // "A&E", "P&O": the tokenizer splits at '&'.
      while (use.last_token + 1 < tokens.size() && tokens[use.last_token + 1].gap_before == "&" &&
             !tokens[use.last_token + 1].plain.empty() &&
             upper(tokens[use.last_token + 1].plain.front())) {
        const kit::Token& next = tokens[++use.last_token];
        use.abbreviation += "&" + std::string(next.plain);
        use.end = next.start + text::length(next.plain);
        use.byte_end = next.byte_end;
      }
      i = use.last_token;
      // A plural: "IMRs", "IDVAs".
      std::string& a = use.abbreviation;
      if (a.size() >= 3 && a.back() == 's' && std::none_of(a.begin(), a.end() - 1, lower)) {
        a.pop_back();
        --use.end;
      }
      if (!abbreviation_shape(a) || lists.common.count(a) != 0 || lists.ignore.count(a) != 0 ||
          lists.roman.count(a) != 0) {
        continue;
      }
      const std::string folded = kit::folded(a);
      if (lists.words.count(a) == 0 && (analysis.lexicon().is_common_word(folded) ||
                                        analysis.lexicon().is_proper_noun(folded))) {
        continue;  // "NOT", "URGENT": a word in capitals; "JONES, A. (2019)": a name
      }
      // "Mrs J", "Mr JS", "Child AB": a person's initials.
      if (use.first_token > 0) {
        const kit::Token& before = tokens[use.first_token - 1];
        if (trim_left(t.gap_before, " \t\xC2\xA0.").empty() && lists.titles.contains(before.base)) {
          continue;
        }
      }
      if (analysis.pseudonyms().declares(folded)) {
        continue;
      }
      out.push_back(std::move(use));
    }
    return out;
  }

  // Spelt out where it is used: "Multi-Agency Risk Assessment Conference
  // (MARAC)", "MARAC (Multi-Agency Risk Assessment Conference)", or the
  // words' initials just before it ("... Conference, known as MARAC").
  static bool defined_here(const Paragraph& para, const std::vector<kit::Token>& tokens,
                           const Use& use) {
    const std::string_view text = para.text;
    const std::string_view before = trim_right(tokens[use.first_token].gap_before, kSpaceQuotes);
    const std::string_view after =
        trim_left(text.substr(std::min(use.byte_end, text.size())), kSpaceQuotes);
    if (!before.empty() && before.back() == '(' && !after.empty() && after.front() == ')') {
      return true;
    }
    if (!after.empty() && after.front() == '(') {
      const std::size_t close = after.find(')');
      const std::string_view inside = trim_left(
          after.substr(1, close == std::string_view::npos ? 80 : close - 1), kSpaceQuotes);
      const std::size_t space = inside.find(' ');
      if (!inside.empty() && space != std::string_view::npos && space + 1 < inside.size() &&
          (inside.front() | 0x20) == (use.abbreviation.front() | 0x20)) {
        return true;
      }
    }
    return initials_before(tokens, use);
  }

  static bool initials_before(const std::vector<kit::Token>& tokens, const Use& use) {
    static const std::set<std::string, std::less<>> kSkip = {
        "of", "and",  "for",   "the", "in",       "on",        "to", "at", "a",
        "an", "with", "known", "as",  "referred", "hereafter", "or", "by"};
    std::string letters;
    for (char c : use.abbreviation) {
      if (upper(c)) {
        letters += c;
      }
    }
    std::string initials;
    const std::size_t first = use.first_token > 12 ? use.first_token - 12 : 0;
    for (std::size_t j = first; j < use.first_token; ++j) {
      const kit::Token& t = tokens[j];
      if (kSkip.count(t.base) != 0) {
        continue;
      }
      bool start = true;
      for (char c : t.text) {
        if (start && (upper(c) || lower(c))) {
          initials += static_cast<char>(c & ~0x20);
        }
        start = c == '-';
      }
    }
    return letters.size() >= 2 && initials.find(letters) != std::string::npos;
  }

  // A note that is a glossary entry: "MARAC: Multi-Agency ...", "MARAC -
  // ...", "MARAC stands for ...", "MARAC means ...".
  static bool note_entry(const Paragraph& para, const std::vector<kit::Token>& tokens,
                         const Use& use) {
    if (!kit::is_note(para)) {
      return false;
    }
    if (use.first_token != 0 || tokens.empty()) {
      return false;  // the note must start with it
    }
    const std::string_view after =
        trim_left(std::string_view(para.text).substr(std::min(use.byte_end, para.text.size())),
                  " \t\xC2\xA0");
    for (std::string_view sep : {":", "-", "=", "\xE2\x80\x93", "\xE2\x80\x94", "stands for",
                                 "means", "is the", "is an", "is a"}) {
      if (after.substr(0, sep.size()) == sep) {
        return true;
      }
    }
    return false;
  }

  kit::Lazy<Lists> lists_{load_lists};
  kit::TermList sections_{"style/sections.txt"};

  RuleInfo info_{
      "style/abbreviation-undefined",
      "An abbreviation is not spelt out at its first use",
      "Reports the first use of each abbreviation (2 to 6 capitals, digits or '&', at least "
      "two letters: MARAC, IDVA, CAMHS, IMRs) in reading order (the body with its tables and "
      "text boxes, each footnote or endnote after the paragraph that references it) when that "
      "use does not spell it out ('Multi-Agency Risk Assessment Conference (MARAC)', 'MARAC "
      "(Multi-Agency Risk Assessment Conference)', or the words' initials just before it) "
      "and no glossary and no footnote or endnote spells it out. A glossary is the text under "
      "a Glossary, Abbreviations, Acronyms or Definitions heading, or a table whose first row "
      "names an Abbreviation or Term and its Meaning, wherever it stands. One finding per "
      "abbreviation, on its first use. Not reported: abbreviations everyone knows (GP, NHS, "
      "UK, A&E, CCTV: data/style/common-abbreviations.txt), Roman numerals, capitals after a "
      "title or a letter pseudonym ('Mrs J', 'Mr JS', 'Child AB'), declared pseudonyms, "
      "English words and names in capitals ('NOT', 'DRAFT', 'JONES' in a citation) unless "
      "the data file lists them as abbreviations (DASH, MASH), lines written wholly in "
      "capitals, and headings (a heading that spells an abbreviation out counts as its "
      "definition).",
      "The overview report is published (Home Office, \"Multi-agency Statutory Guidance for "
      "the Conduct of Domestic Homicide Reviews\" (2016), section 8 \"Publication of the "
      "Overview Report\") and is read by the victim's family and the public as well as by "
      "professionals; the QA Panel asks for reports that are 'accessible to the reader' (Home "
      "Office QA Panel feedback letter to Tower Hamlets Community Safety Partnership on DHR "
      "'Salma', 2020). Agency abbreviations (MARAC, MASH, IDVA, CAMHS) mean nothing to most "
      "of those readers.",
      "Fires: 'The case was not referred to MARAC.' when neither the text before it, a "
      "glossary nor a footnote spells MARAC out.\n"
      "Does not fire: 'She was referred to the Multi-Agency Risk Assessment Conference "
      "(MARAC).'; 'Her GP referred her to A&E.'; 'Mrs J told the panel ...'; 'Part II'.",
      "Spell the abbreviation out at its first use with the abbreviation in brackets "
      "('Independent Domestic Violence Advocate (IDVA)'), or add it to the report's glossary; "
      "if the abbreviation is used only once or twice, write the words instead.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_abbreviation_undefined_rule() {
  return std::make_unique<AbbreviationUndefinedRule>();
}

}  // namespace dhrlint::style
