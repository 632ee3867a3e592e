#include "rules/identifying/common.hpp"

#include <algorithm>

namespace dhrlint::identifying {

namespace {

// The [head] entries and the [lower-head] ones (heads written in lower case
// after the name).
std::vector<std::string> with_lower_heads(const DataFile& data) {
  std::vector<std::string> heads = data.values("head");
  for (std::string& h : data.values("lower-head")) {
    heads.push_back(std::move(h));
  }
  return heads;
}

}  // namespace

NamedPlaceFinder::NamedPlaceFinder(std::string_view data_file)
    : NamedPlaceFinder(DataFile::load(data_file)) {}

NamedPlaceFinder::NamedPlaceFinder(const DataFile& data)
    : heads_(PhraseList(split_phrases(with_lower_heads(data)))),
      bare_heads_(PhraseList(split_phrases(data.values("bare-head")))),
      bare_followers_(data.values("bare-follower")),
      generic_(data.values("generic")),
      org_nouns_(data.values("org-noun")),
      head_then_not_(data.values("head-then-not")),
      extend_(data.values("extend")),
      stopwords_(DataFile::load("identifying/name-stopwords.txt").values("")),
      of_after_(data.values("of-after")),
      continuations_(split_phrases(data.values("continuation"))),
      apposition_after_(data.values("apposition-after")),
      keep_possessive_(!data.values("keep-leading-possessive").empty()) {
  for (const std::string& a : data.values("allowed")) {
    allowed_.push_back(folded(a));
  }
}

void NamedPlaceFinder::find(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<std::string>& extra_allowed,
                            const text::Lexicon& lexicon, const std::string& message,
                            std::vector<Hit>& hits) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // "his uncle's restaurant, the Shalimar Spice on Market Street"
    if (!tokens[i].capitalised && apposition_after_.contains(tokens[i].base) &&
        i + 1 < tokens.size() && tokens[i + 1].gap_before == ", ") {
      std::size_t first = i + 1;
      if (tokens[first].base == "the" && first + 1 < tokens.size() &&
          tokens[first + 1].gap_before == " ") {
        ++first;
      }
      std::size_t end = first;
      bool distinctive = false;
      while (end < tokens.size() && end - first < 3 && tokens[end].capitalised &&
             !tokens[end].has_digit && !tokens[end].all_caps &&
             (end == first || joins_name(tokens[end - 1], tokens[end]))) {
        distinctive = distinctive || (!lexicon.is_common_word(tokens[end].base) &&
                                      !generic_.contains(tokens[end].base) &&
                                      !stopwords_.contains(tokens[end].base));
        ++end;
      }
      if (end > first && distinctive && (end - first >= 2 || lexicon.available())) {
        hits.push_back(Hit{tokens[first].start, tokens[end - 1].end, message});
        i = end - 1;
        continue;
      }
    }
    std::size_t head_len = match_phrase(tokens, i, heads_);
    if (head_len == 0) {
      head_len = match_phrase(tokens, i, bare_heads_);
      if (head_len == 0) {
        continue;
      }
      const std::size_t next = i + head_len;
      // "Primary Care", "Primary school", "Secondary Care Trust": not a name.
      if (next < tokens.size() && joins_name(tokens[next - 1], tokens[next]) &&
          (tokens[next].capitalised || bare_followers_.contains(tokens[next].base))) {
        continue;
      }
    }
    std::size_t end = i + head_len;  // token index one past the name
    // Stacked heads ("Sixth Form College", "Nursery School") are one name.
    while (end < tokens.size() && joins_name(tokens[end - 1], tokens[end])) {
      const std::size_t more = match_phrase(tokens, end, heads_);
      if (more == 0) {
        break;
      }
      end += more;
    }
    const std::string last_head_word(tokens[end - 1].plain);
    if (end < tokens.size() && joins_name(tokens[end - 1], tokens[end]) &&
        !tokens[end - 1].possessive && head_then_not_.contains(tokens[end].base)) {
      i = end - 1;
      continue;  // "College of Policing", "Academy Trust"
    }
    std::size_t first = name_phrase_start(tokens, i, stopwords_, of_after_);
    // A leading possessive is the owner, not the name ("Salma's Primary
    // School"; "St Mary's" is not leading), unless the data file says names
    // of this kind often start with one ("Rahman's Café").
    while ((!keep_possessive_ || !tokens[i].capitalised) && first < i && tokens[first].possessive) {
      ++first;
    }
    // A sentence-initial verb ("Attended Bow Green ...") is not part of it.
    if (first < i && tokens[first].sentence_initial) {
      const std::string& w = tokens[first].base;
      const bool verb_like = w.size() > 4 && (w.compare(w.size() - 2, 2, "ed") == 0 ||
                                              w.compare(w.size() - 3, 3, "ing") == 0);
      if (verb_like && lexicon.is_common_word(w)) {
        ++first;
      }
    }
    bool distinctive = false;
    bool org = false;
    for (std::size_t k = first; k < end; ++k) {
      const Token& t = tokens[k];
      if (org_nouns_.contains(t.base)) {
        org = true;
      }
      if (k >= i) {
        continue;
      }
      if (!t.capitalised || generic_.contains(t.base) || stopwords_.contains(t.base)) {
        continue;
      }
      if (text::length(t.base) < 2 || t.has_digit) {
        continue;  // "Town N", "Surgery 1"
      }
      distinctive = true;
    }
    if (!distinctive || org) {
      i = end - 1;
      continue;
    }
    // Continuations: "School for Girls", "Academy Shoreditch".
    bool continued = false;
    for (const auto& words : continuations_) {
      if (end + words.size() > tokens.size()) {
        continue;
      }
      bool ok = true;
      for (std::size_t w = 0; w < words.size() && ok; ++w) {
        ok = tokens[end + w].text == words[w] && joins_name(tokens[end + w - 1], tokens[end + w]);
      }
      if (ok) {
        end += words.size();
        continued = true;
        break;
      }
    }
    if (!continued && extend_.contains(folded(last_head_word))) {
      for (int n = 0; n < 2 && end < tokens.size(); ++n) {
        const Token& t = tokens[end];
        if (!joins_name(tokens[end - 1], t) || !t.capitalised || t.all_caps || t.has_digit ||
            t.sentence_initial || org_nouns_.contains(t.base) || generic_.contains(t.base) ||
            stopwords_.contains(t.base) || lexicon.is_common_word(t.base)) {
          break;
        }
        ++end;
      }
    }
    const std::string tail = folded(text.substr(tokens[first].byte_start));
    auto allowed_here = [&](const std::string& a) {
      return !a.empty() && tail.compare(0, a.size(), a) == 0 &&
             (tail.size() == a.size() || !std::isalnum(static_cast<unsigned char>(tail[a.size()])));
    };
    bool is_allowed = std::any_of(allowed_.begin(), allowed_.end(), allowed_here);
    for (const std::string& org_name : extra_allowed) {
      if (!is_allowed) {
        is_allowed = allowed_here(folded(org_name));
      }
    }
    if (!is_allowed) {
      hits.push_back(Hit{tokens[first].start, tokens[end - 1].end, message});
    }
    i = end - 1;
  }
}

}  // namespace dhrlint::identifying
