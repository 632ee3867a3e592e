// incomplete/dangling-crossref: "see 1.9.4", "paragraph 3.2", "Appendix C"
// pointing at report numbers or appendices the report does not have.
#include <re2/re2.h>

#include <cctype>
#include <map>
#include <set>

#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

constexpr std::string_view kData = "incomplete/crossrefs.txt";
// Below this many report numbers the report is not (readably) numbered and
// numeric references cannot be checked.
constexpr std::size_t kMinReportNumbers = 3;
// An appendix title is a short line.
constexpr std::size_t kAppendixTitleWords = 15;

const std::map<std::string, std::string>& number_words() {
  static const std::map<std::string, std::string> kWords = {
      {"one", "1"},  {"two", "2"},  {"three", "3"},   {"four", "4"},
      {"five", "5"}, {"six", "6"},  {"seven", "7"},   {"eight", "8"},
      {"nine", "9"}, {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"}};
  return kWords;
}

// "a" -> "A", "one" -> "1", "03" -> "3".
std::string canonical_appendix(std::string id) {
  const auto& words = number_words();
  if (auto it = words.find(id); it != words.end()) {
    return it->second;
  }
  if (!id.empty() && id[0] >= '0' && id[0] <= '9') {
    while (id.size() > 1 && id[0] == '0') {
      id.erase(0, 1);
    }
    return id;
  }
  for (char& c : id) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return id;
}

struct Reference {
  std::size_t start = 0;  // code points: what the finding spans
  std::size_t end = 0;
  std::string target;  // "1.9.4" or appendix id "C"
  bool appendix = false;
  bool single = false;           // one-component number ("section 4")
  bool see = false;              // introduced by "see"
  std::size_t folded_begin = 0;  // the whole reference in folded text
  std::size_t folded_end = 0;
  std::string keyword;  // "paragraph", "appendix", ...
};

// Word numbers at most nine list levels (ilvl 0-8).
constexpr std::size_t kMaxLevels = 9;

class DanglingCrossrefRule final : public Rule {
 public:
  DanglingCrossrefRule() : terms_(kData) {}

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    // What the report has: report numbers (and their prefixes: "section 4"
    // exists when 4.1 does) and appendix ids.
    std::set<std::string> numbers;
    std::size_t report_numbers = 0;
    std::set<std::string> appendices;
    std::set<std::size_t> appendix_titles;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      if (!kit::is_report_text(p)) {
        continue;
      }
      const std::string own = kit::own_report_number(p);
      if (!own.empty() && !p.table) {
        ++report_numbers;
        // Its prefixes up to Word's nine levels: a hostile list level whose
        // label repeats "%1." thousands of times must not put thousands of
        // ever longer prefixes of one number into the set.
        std::size_t levels = 0;
        for (std::size_t k = 0; k <= own.size() && levels < kMaxLevels; ++k) {
          if (k == own.size() || own[k] == '.') {
            numbers.insert(own.substr(0, k));
            ++levels;
          }
        }
      }
      std::string id;
      // A contents line names an appendix; it does not make the report have it.
      if (appendix_title(doc, ctx.analysis(), i, &id) && !kit::is_contents_line(doc, i)) {
        appendices.insert(canonical_appendix(id));
        appendix_titles.insert(i);
      }
    }
    const bool numbered = report_numbers >= kMinReportNumbers;

    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      const bool body = kit::is_report_text(p);
      const bool note = kit::is_note(p);
      if (!(body || note) || appendix_titles.count(i)) {
        continue;
      }
      const text::FoldedText& folded = ctx.analysis().folded(i);
      if (folded.text.find_first_of("0123456789") == std::string::npos &&
          folded.text.find("app") == std::string::npos &&
          folded.text.find("anne") == std::string::npos) {
        continue;
      }
      // Checked after the cheap filter: for a table cell it builds the
      // table's header row.
      if (kit::is_contents_line(doc, i)) {
        continue;
      }
      for (const Reference& ref : references(p.text, folded)) {
        if (ref.appendix) {
          if (appendices.count(ref.target)) {
            continue;
          }
        } else {
          if (!numbered || numbers.count(ref.target)) {
            continue;
          }
          // "section 47", "section 2 of the Mental Health Act": a single
          // number is a report section only when the text says so.
        }
        const kit::FoldedSpan sentence =
            kit::sentence_at(ctx.analysis().sentences(i), folded, ref.start);
        if (points_elsewhere(folded, sentence, ref)) {
          continue;
        }
        std::string what = ref.appendix ? ref.keyword + " " + ref.target : ref.target;
        ctx.report(*this, i, ref.start, ref.end,
                   "Cross-reference to " + what +
                       ", which this report does not have; correct the reference or add the " +
                       (ref.appendix ? "appendix" : "paragraph"));
      }
    }
  }

 private:
  // A heading or short line "Appendix C: Terms of reference", or a line
  // "C. Terms of reference" under an "Appendices" heading.
  bool appendix_title(const Document& doc, DocumentAnalysis& analysis, std::size_t i,
                      std::string* id) const {
    const Paragraph& p = doc.paragraphs[i];
    if (p.table || p.in_text_box) {
      return false;
    }
    // Most paragraphs are neither: a title names an appendix or annex, and a
    // lettered line is a heading. (Folding works code point by code point, so
    // the folded content below is a tail of the paragraph's folded text.)
    const std::string& whole = analysis.folded(i).text;
    if (!p.heading_level && whole.find("appendix") == std::string::npos &&
        whole.find("annex") == std::string::npos) {
      return false;
    }
    const std::string content =
        text::fold_string(text::slice(p.text, kit::content_start(p), text::length(p.text)));
    std::string raw;
    if (RE2::PartialMatch(content, *title_, &raw)) {
      std::size_t words = 0;
      bool in = false;
      for (char c : content) {
        const bool w = c != ' ' && c != '\t';
        if (w && !in) {
          ++words;
        }
        in = w;
      }
      if (p.heading_level || words <= kAppendixTitleWords) {
        *id = raw;
        return true;
      }
    }
    if (p.heading_level) {
      for (std::size_t h : p.headings) {
        if (h < doc.paragraphs.size() &&
            RE2::PartialMatch(analysis.folded(h).text, *plural_title_) &&
            RE2::PartialMatch(content, *lettered_title_, &raw)) {
          *id = raw;
          return true;
        }
      }
    }
    return false;
  }

  std::vector<Reference> references(const std::string& original,
                                    const text::FoldedText& folded) const {
    std::vector<Reference> out;
    const re2::StringPiece all(folded.text);
    re2::StringPiece groups[4];
    // Each pattern below needs a word the text may not hold: a search of the
    // folded text for it is cheaper than the pattern's pass.
    const auto holds = [&](std::string_view word) {
      return folded.text.find(word) != std::string::npos;
    };
    const bool has_keyword = holds("para") || holds("section") || holds("chapter");
    const bool has_see = holds("see ");
    const bool has_appendix = holds("append") || holds("annex");
    // paragraph(s) / section(s) / chapter(s) N[.N...] [, and, to N ...]
    for (std::size_t pos = 0;
         has_keyword && pos < folded.text.size() &&
         numbered_ref_->Match(all, pos, folded.text.size(), RE2::UNANCHORED, groups, 4);) {
      const auto b = static_cast<std::size_t>(groups[0].data() - all.data());
      const std::size_t e = b + groups[0].size();
      pos = std::max(e, b + 1);
      const bool see = groups[1].data() != nullptr && !groups[1].empty();
      std::string keyword(groups[2].data(), groups[2].size());
      add_numbers(folded, b, e, keyword, see, groups[3], out);
    }
    // see 1.9.4 (bare, at least two components)
    for (std::size_t pos = 0;
         has_see && pos < folded.text.size() &&
         bare_ref_->Match(all, pos, folded.text.size(), RE2::UNANCHORED, groups, 2);) {
      const auto b = static_cast<std::size_t>(groups[0].data() - all.data());
      pos = b + groups[0].size();
      const auto nb = static_cast<std::size_t>(groups[1].data() - all.data());
      Reference r;
      r.start = folded.original(nb);
      r.end = folded.original_end(nb + groups[1].size());
      r.target = std::string(groups[1].data(), groups[1].size());
      r.see = true;
      r.folded_begin = b;
      r.folded_end = pos;
      out.push_back(r);
    }
    // Appendix C / Appendices B and C / Annex 2
    for (std::size_t pos = 0;
         has_appendix && pos < folded.text.size() &&
         appendix_ref_->Match(all, pos, folded.text.size(), RE2::UNANCHORED, groups, 4);) {
      const auto b = static_cast<std::size_t>(groups[0].data() - all.data());
      const std::size_t e = b + groups[0].size();
      pos = std::max(e, b + 1);
      std::string keyword(groups[1].data(), groups[1].size());
      keyword = keyword.compare(0, 5, "annex") == 0 ? "Annex" : "Appendix";
      // Every id in the list: the first and those after "and", ",", "to".
      std::vector<std::pair<std::size_t, std::size_t>> ids;  // folded byte ranges
      {
        const auto ib = static_cast<std::size_t>(groups[2].data() - all.data());
        ids.emplace_back(ib, ib + groups[2].size());
        re2::StringPiece rest = groups[3];
        re2::StringPiece id;
        while (RE2::FindAndConsume(&rest, *list_id_, &id)) {
          const auto xb = static_cast<std::size_t>(id.data() - all.data());
          ids.emplace_back(xb, xb + id.size());
        }
      }
      for (std::size_t k = 0; k < ids.size(); ++k) {
        const std::string raw = folded.text.substr(ids[k].first, ids[k].second - ids[k].first);
        const std::size_t ostart = folded.original(ids[k].first);
        const std::size_t oend = folded.original_end(ids[k].second);
        // A lone letter must be a capital in the text ("Appendix C", not "an
        // appendix a ..."): word ids ("one") and digits pass.
        if (raw.size() == 1 && std::isalpha(static_cast<unsigned char>(raw[0]))) {
          const std::string letter = text::slice(original, ostart, oend);
          if (letter.empty() || !std::isupper(static_cast<unsigned char>(letter[0]))) {
            continue;
          }
        }
        Reference r;
        r.appendix = true;
        r.keyword = keyword;
        r.target = canonical_appendix(raw);
        r.start = k == 0 ? folded.original(b) : ostart;
        r.end = oend;
        r.folded_begin = b;
        r.folded_end = e;
        out.push_back(r);
      }
    }
    return out;
  }

  void add_numbers(const text::FoldedText& folded, std::size_t b, std::size_t e,
                   const std::string& keyword, bool see, re2::StringPiece first,
                   std::vector<Reference>& out) const {
    const re2::StringPiece all(folded.text);
    // The numbers: the first captured, then any in the list that follows.
    re2::StringPiece rest(folded.text.data() + (first.data() - all.data()),
                          e - static_cast<std::size_t>(first.data() - all.data()));
    re2::StringPiece number;
    bool first_one = true;
    while (RE2::FindAndConsume(&rest, *number_, &number)) {
      const auto nb = static_cast<std::size_t>(number.data() - all.data());
      Reference r;
      r.keyword = keyword;
      r.see = see;
      r.target = std::string(number.data(), number.size());
      r.single = r.target.find('.') == std::string::npos;
      r.start = first_one ? folded.original(b) : folded.original(nb);
      if (first_one && see) {
        // The span starts at the keyword, not at "see".
        const std::size_t kb = folded.text.find(keyword, b);
        if (kb != std::string::npos && kb < nb) {
          r.start = folded.original(kb);
        }
      }
      r.end = folded.original_end(nb + number.size());
      r.folded_begin = b;
      r.folded_end = e;
      first_one = false;
      out.push_back(r);
    }
  }

  // True when the reference points at another document, or (for a single
  // number such as "section 47") when nothing says it is this report's.
  bool points_elsewhere(const text::FoldedText& folded, const kit::FoldedSpan& sentence,
                        const Reference& ref) const {
    const std::string after = folded.text.substr(
        ref.folded_end, std::min<std::size_t>(80, folded.text.size() - ref.folded_end));
    const std::size_t before_begin = ref.folded_begin > 60 ? ref.folded_begin - 60 : 0;
    const std::string before = folded.text.substr(before_begin, ref.folded_begin - before_begin);
    std::string next_word;
    if (RE2::PartialMatch(after, *of_other_, &next_word) && next_word != "this" &&
        next_word != "these") {
      return true;
    }
    if (RE2::PartialMatch(before, *statute_before_)) {
      return true;
    }
    // "see 1.9.4" with no document named right after it is this report's
    // numbering: other documents are cited as "paragraph 56 of ...".
    const bool internal =
        (ref.see && !ref.single) ||
        terms_.contains_in(folded, sentence.folded_begin, sentence.folded_end, "internal");
    if (ref.appendix &&
        terms_.contains_in(folded, sentence.folded_begin, sentence.folded_end, "separate")) {
      return true;
    }
    if (!internal &&
        terms_.contains_in(folded, sentence.folded_begin, sentence.folded_end, "external")) {
      return true;
    }
    if (!ref.appendix && ref.single && !ref.see && !internal) {
      return true;
    }
    return false;
  }

  kit::TermList terms_;
  const kit::LazyRegex numbered_ref_{
      R"(\b(see (?:also )?)?(paragraphs?|paras?|sections?|chapters?)\.?\s+(\d{1,3}(?:\.\d{1,3})*)(?:\s*(?:,|and|or|to|-)\s*\d{1,3}(?:\.\d{1,3})*)*\b)"};
  const kit::LazyRegex bare_ref_{R"(\bsee (?:also )?(\d{1,3}(?:\.\d{1,3})+)\b)"};
  const kit::LazyRegex number_{R"((\d{1,3}(?:\.\d{1,3})*))"};
  const kit::LazyRegex appendix_ref_{
      R"(\b(appendix|appendices|annexes|annexe|annex)\s+([a-z]|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b((?:\s*(?:,|and|&|to|-)\s*(?:[a-z]|\d{1,2})\b)*))"};
  const kit::LazyRegex list_id_{R"((?:,|and|&|to|-)\s*([a-z]|\d{1,2})\b)"};
  const kit::LazyRegex title_{
      R"(^\W*(?:appendix|annexe?)\s+([a-z]|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"};
  const kit::LazyRegex plural_title_{R"(^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:appendices|annexes)\b)"};
  const kit::LazyRegex lettered_title_{R"(^\W*([a-z]|\d{1,2})\s*[.):\-])"};
  // "paragraph 56 of the guidance", "section 9 of the Domestic Violence, Crime
  // and Victims Act 2004", "section 76 Serious Crime Act 2015", "paragraph 4
  // in the IMR".
  const kit::LazyRegex of_other_{
      R"(^\s*(?:[a-z]\)\s*|\([a-z0-9]+\)\s*)?,?\s*(?:(?:of|in|under|within|from) (\w+)|(?:the )?(?:[a-z'-]+ ){0,6}act\b))"};
  // "the Care Act 2014, section 42", "the IMR's paragraph 4.2".
  const kit::LazyRegex statute_before_{
      R"((?:\bact(?: \d{4})?|\bimr(?:'s)?|\bguidance(?:'s)?|\bregulations)\s*,?\s*(?:at\s+)?(?:see\s+)?$)"};

  RuleInfo info_{
      "incomplete/dangling-crossref",
      "A cross-reference points at a paragraph or appendix the report does not have",
      "Reads references such as 'see 1.9.4', 'paragraph 3.2', 'paragraphs 4.1 to 4.3', "
      "'section 5' (when the text says it is this report's: 'see section 5', 'section 5 "
      "above') and 'Appendix C' / 'Appendices B and C', in the body and the notes, and checks "
      "them against the report's own paragraph numbers (Word's numbering and typed numbers; "
      "'section 4' exists when 4.1 does) and its appendix titles. References to other "
      "documents do not fire: 'paragraph 56 of the guidance', 'section 9 of the Domestic "
      "Violence, Crime and Victims Act 2004', 'a section 47 enquiry', the IMR's paragraphs, "
      "an appendix published separately. Lines of a table of contents (Word's, or typed with a "
      "tab or dot leaders and a page number) are neither references nor proof that an "
      "appendix exists.",
      "The QA Panel, the family and agencies navigate the report by its numbers (the Home "
      "Office QA Panel's feedback letter to Tower Hamlets Community Safety Partnership on DHR "
      "'Salma', 2020, cites 1.6.5 and 1.8.3); a reference to a paragraph or appendix that is "
      "not there is left over from an earlier draft and sends the reader nowhere.",
      "Fires: 'This is discussed further at paragraph 6.4.' when the report has no 6.4; "
      "'The terms of reference are at Appendix C.' when there is no Appendix C.\n"
      "Does not fire: 'paragraph 56 of the guidance', 'a section 47 enquiry was opened'.",
      "Point the reference at the right paragraph (Word's Insert > Cross-reference keeps "
      "numbers right after renumbering), or add the missing appendix.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_dangling_crossref_rule() {
  return std::make_unique<DanglingCrossrefRule>();
}

}  // namespace dhrlint::incomplete
