// incomplete/truncated-paragraph: a numbered report paragraph that stops
// mid-sentence, as paragraph 1.8.3 in the QA Panel letter on DHR 'Salma'
// (Tower Hamlets CSP).
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

using kit::code_points;
using kit::is_closer;
using kit::is_space;
using kit::is_terminal;

// A numbered paragraph without closing punctuation and this few words, not
// ending on an open word, reads as a typed heading ("1.6 Background").
constexpr std::size_t kHeadingLikeWords = 12;
// Up to this many words a line without a full stop is a heading even with a
// verb in it ("Who Joan was", "What the family told us").
constexpr std::size_t kShortHeadingWords = 6;

bool is_word_cp(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) || c == U'\'' || c == U'\u2019' || c == U'-' ||
         c == U'\u2011';
}

// The last word ending at or before `end` (code points), as a range.
text::Range last_word(const std::vector<char32_t>& cps, std::size_t begin, std::size_t end) {
  std::size_t e = end;
  while (e > begin && !u_isalnum(static_cast<UChar32>(cps[e - 1]))) {
    --e;
  }
  std::size_t s = e;
  while (s > begin && is_word_cp(cps[s - 1])) {
    --s;
  }
  return {s, e};
}

std::string utf8_of(const std::vector<char32_t>& cps, text::Range r) {
  icu::UnicodeString u;
  for (std::size_t i = r.start; i < r.end; ++i) {
    u.append(static_cast<UChar32>(cps[i]));
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Start of the last sentence in [begin, end): just after the last terminal
// punctuation (with its closers) that is followed by white space.
std::size_t last_sentence_start(const std::vector<char32_t>& cps, std::size_t begin,
                                std::size_t end) {
  for (std::size_t i = end; i > begin + 1; --i) {
    const std::size_t k = i - 1;  // candidate white space position
    if (!is_space(cps[k])) {
      continue;
    }
    std::size_t j = k;
    while (j > begin && is_closer(cps[j - 1])) {
      --j;
    }
    if (j > begin && is_terminal(cps[j - 1])) {
      std::size_t s = k;
      while (s < end && is_space(cps[s])) {
        ++s;
      }
      return s;
    }
  }
  return begin;
}

class TruncatedParagraphRule final : public Rule {
 public:
  TruncatedParagraphRule() {
    for (const std::string& w : kit::folded_values("incomplete/sentence-endings.txt", "open")) {
      open_words_.insert(w);
    }
    for (const std::string& w :
         kit::folded_values("incomplete/sentence-endings.txt", "never-final")) {
      never_final_.insert(w);
    }
    for (const std::string& w :
         kit::folded_values("incomplete/sentence-endings.txt", "sentence-verbs")) {
      sentence_verbs_.insert(w);
    }
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      if (!kit::is_numbered_report_paragraph(p) || p.heading_level || p.label_is_bullet ||
          kit::is_quote_style(p)) {
        continue;
      }
      const std::vector<char32_t> cps = code_points(p.text);
      text::Range content = kit::trim(p.text, {kit::content_start(p), cps.size()});
      if (content.start == content.end) {
        continue;  // incomplete/empty-paragraph
      }
      check_paragraph(doc, ctx, i, cps, content);
    }
  }

 private:
  void check_paragraph(const Document& doc, RuleContext& ctx, std::size_t i,
                       const std::vector<char32_t>& cps, text::Range content) const {
    const Paragraph& p = doc.paragraphs[i];
    std::size_t k = content.end;
    while (k > content.start && is_closer(cps[k - 1])) {
      --k;
    }
    if (k == content.start) {
      return;
    }
    const char32_t last = cps[k - 1];
    const std::size_t next = kit::next_content_paragraph(doc, i);
    const Paragraph* next_para = next == kNoIndex ? nullptr : &doc.paragraphs[next];
    const bool list_follows =
        next_para != nullptr &&
        (kit::is_list_item(*next_para) || next_para->table || kit::is_quote_style(*next_para));

    if (is_terminal(last)) {
      // A sentence closed on a word no sentence ends with ("... told the.").
      const text::Range w = last_word(cps, content.start, k - 1);
      if (w.end != k - 1) {
        return;
      }
      const std::string word = utf8_of(cps, w);
      const std::string folded = text::fold_string(word);
      if (!never_final_.count(folded)) {
        return;
      }
      if (folded == "a" && word != "a") {
        return;  // "Child A.", "Appendix A."
      }
      const std::size_t s = last_sentence_start(cps, content.start, k - 1);
      report(ctx, i, s, content.end, word);
      return;
    }
    if (last == U';') {
      return;  // a list item
    }
    if (last == U':') {
      // A lead-in: fine when a list, table, quotation or further numbered
      // text follows; cut off when the section ends there.
      if (next_para != nullptr && !next_para->heading_level) {
        return;
      }
      const std::size_t s = last_sentence_start(cps, content.start, k);
      report(ctx, i, s, content.end, ":");
      return;
    }
    if (list_follows) {
      return;  // "The panel recommends that" + (a), (b) ...
    }
    // A typed heading: the next report number is its child ("3.4 Analysis of
    // agency contact ..." followed by 3.4.1).
    if (next_para != nullptr && next_para->is_report_number) {
      const std::string own = kit::own_report_number(p);
      const std::string child = kit::own_report_number(*next_para);
      if (!own.empty() && child.size() > own.size() + 1 && child.compare(0, own.size(), own) == 0 &&
          child[own.size()] == '.') {
        return;
      }
    }

    const std::string tail = utf8_of(cps, {content.start, content.end});
    if (RE2::PartialMatch(tail, *url_end_)) {
      return;
    }
    if (RE2::PartialMatch(tail, *citation_end_)) {
      return;
    }
    // A paragraph that is one quotation ("'I am scared'") or bracketed aside.
    const char32_t first = cps[content.start];
    if ((first == U'"' || first == U'\u201C' || first == U'\'' || first == U'\u2018') &&
        is_closer(cps[content.end - 1])) {
      return;
    }

    const text::Range w = last_word(cps, content.start, k);
    const std::string word = w.start < w.end ? utf8_of(cps, w) : std::string();
    const std::string folded_word = text::fold_string(word);
    const bool open_word = !folded_word.empty() && open_words_.count(folded_word) > 0 &&
                           !(folded_word == "a" && word != "a");
    if (!open_word) {
      if (last != U',' && last != U'-' && last != U'\u2013' && last != U'\u2014' && last != U'(' &&
          last != U'&' && last != U'/') {
        // No closing punctuation after an ordinary word: a typed heading when
        // short and free of sentence punctuation, a cut-off sentence otherwise.
        const std::size_t words = count_words(cps, content);
        bool has_stop = false;
        for (std::size_t j = content.start; j + 1 < k; ++j) {
          if (is_terminal(cps[j]) && is_space(cps[j + 1])) {
            has_stop = true;
          }
        }
        // A heading names a topic; a sentence has a finite verb ("said",
        // "was", "had"). Very short lines pass either way ("Who Joan was").
        const bool heading_like =
            !has_stop && (words <= kShortHeadingWords ||
                          (words <= kHeadingLikeWords && !has_sentence_verb(cps, content)));
        if (heading_like) {
          return;
        }
      }
    }
    const std::size_t s = last_sentence_start(cps, content.start, content.end);
    report(ctx, i, s, content.end, word.empty() ? std::string(1, '?') : word);
  }

  bool has_sentence_verb(const std::vector<char32_t>& cps, text::Range r) const {
    std::size_t j = r.start;
    while (j < r.end) {
      while (j < r.end && !u_isalnum(static_cast<UChar32>(cps[j]))) {
        ++j;
      }
      std::size_t e = j;
      while (e < r.end && is_word_cp(cps[e])) {
        ++e;
      }
      if (e > j && sentence_verbs_.count(text::fold_string(utf8_of(cps, {j, e})))) {
        return true;
      }
      j = e;
    }
    return false;
  }

  static std::size_t count_words(const std::vector<char32_t>& cps, text::Range r) {
    std::size_t n = 0;
    bool in_word = false;
    for (std::size_t j = r.start; j < r.end; ++j) {
      const bool w = u_isalnum(static_cast<UChar32>(cps[j]));
      if (w && !in_word) {
        ++n;
      }
      in_word = w;
    }
    return n;
  }

  void report(RuleContext& ctx, std::size_t i, std::size_t start, std::size_t end,
              const std::string& last) const {
    std::string message = "Numbered paragraph stops mid-sentence";
    if (last == ":") {
      message += " (a lead-in ending in ':' with nothing after it)";
    } else if (!last.empty() && last != "?") {
      message += " (ends on '" + last + "')";
    }
    message += "; finish the sentence or remove the fragment";
    Finding& f = ctx.report(*this, i, start, end, std::move(message));
    if (last != ":" && !last.empty() && last != "?") {
      f.redacted_message =
          "Numbered paragraph stops mid-sentence; finish the sentence or remove "
          "the fragment";
    }
  }

  std::set<std::string> open_words_;
  std::set<std::string> never_final_;
  std::set<std::string> sentence_verbs_;
  // A paragraph ending in a web address or e-mail address (no full stop, so
  // the link still works when copied).
  const kit::LazyRegex url_end_{R"((?i)(?:https?://|www\.|[A-Za-z0-9._%+-]+@)[^\s]+$)"};
  // A reference-list style citation: "(2016)", "(Home Office, 2016)", "p. 12",
  // "et al." at the end.
  const kit::LazyRegex citation_end_{
      R"((?i)(?:\(\s*(?:[^()]*,\s*)?(?:1[89]|20)\d\d[a-z]?\s*\)|\bpp?\.\s*\d+(?:\s*[-–]\s*\d+)?|\bet al)\W*$)"};

  RuleInfo info_{
      "incomplete/truncated-paragraph",
      "A numbered report paragraph stops mid-sentence",
      "Looks at every numbered report paragraph (Word numbering or a typed number such as "
      "'1.8.3') in the body and flags one whose text stops mid-sentence: it ends on a word "
      "no sentence ends with ('and', 'the', 'of', 'which', 'to', 'with', ...), it has no "
      "closing punctuation, or it is a lead-in ending in ':' with nothing after it before the "
      "next heading. Headings, list items ending in ';', lead-ins followed by a list, table or "
      "quotation, table cells, quotations, citations and web addresses, and paragraphs whose "
      "full stop is followed by a closing quote, bracket or footnote mark do not fire. The "
      "span is the last, unfinished sentence.",
      "The Home Office QA Panel sends reports back for exactly this: '1.8.3 appears to be "
      "incomplete' (Home Office QA Panel feedback letter to Tower Hamlets Community Safety "
      "Partnership on DHR 'Salma', 2020). Panels and families cite the report by paragraph "
      "number, and a cut-off paragraph usually means text was lost while editing.",
      "Fires: '1.8.3 Following the incident, police attended the address and'.\n"
      "Does not fire: '1.8.3 Following the incident, police attended the address.' or "
      "'1.8.4 The panel considered the following:' followed by an (a), (b) list.",
      "Finish the sentence, or delete the fragment and renumber. If the text was a heading, "
      "give it a heading style.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_truncated_paragraph_rule() {
  return std::make_unique<TruncatedParagraphRule>();
}

}  // namespace dhrlint::incomplete
