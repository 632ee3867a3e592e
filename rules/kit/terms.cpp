#include "rules/kit/terms.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <mutex>
#include <optional>

#include "rules/kit/codepoints.hpp"

namespace dhrlint::kit {

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

RE2::Options term_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  // Only the whole match is ever asked for: the groups in data patterns need
  // not capture, which makes the programs smaller to compile and to run.
  options.set_never_capture(true);
  return options;
}

// Non-overlapping matches of one compiled pattern in bytes [begin, end).
void collect(const RE2& re, const text::FoldedText& folded, std::size_t begin, std::size_t end,
             const std::string& group, std::vector<TermMatch>& out) {
  const re2::StringPiece all(folded.text);
  end = std::min(end, folded.text.size());
  std::size_t pos = begin;
  re2::StringPiece m;
  while (pos <= end && re.Match(all, pos, end, RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<std::size_t>(m.data() - all.data());
    const std::size_t e = b + m.size();
    if (e > b) {
      TermMatch t;
      t.folded_begin = b;
      t.folded_end = e;
      t.start = folded.original(b);
      t.end = folded.original_end(e);
      t.group = group;
      out.push_back(std::move(t));
      pos = e;
    } else {
      pos = b + 1;
    }
  }
}

}  // namespace

std::string term_to_pattern(std::string_view literal) {
  const std::string folded_literal = text::fold_string(literal);
  std::vector<std::string> tokens;
  std::string current;
  for (char c : folded_literal) {
    if (c == ' ' || c == '-') {
      if (!current.empty()) {
        tokens.push_back(std::move(current));
      }
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) {
    tokens.push_back(std::move(current));
  }
  if (tokens.empty()) {
    return {};
  }
  std::string out;
  if (is_word_byte(tokens.front().front())) {
    out += "\\b";
  }
  bool ends_in_word = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    bool wildcard = false;
    if (token.size() > 1 && token.back() == '*') {
      wildcard = true;
      token.pop_back();
    }
    if (i > 0) {
      out += "[\\s\\-'\"]+";
    }
    out += RE2::QuoteMeta(token);
    if (wildcard) {
      out += "\\w*";
    }
    ends_in_word = wildcard || is_word_byte(token.back());
  }
  if (ends_in_word) {
    out += "\\b";
  }
  return out;
}

struct TermList::Compiled {
  // One [group] of the file: its entries' alternation, compiled the first
  // time a search asks for the group (a document that asks for one group of
  // a twelve-group file compiles one).
  struct Group {
    const Compiled* owner = nullptr;
    std::string name;
    std::vector<const DataFile::Grouped*> entries;
    mutable std::once_flag once;
    mutable std::unique_ptr<RE2> re;        // null when RE2 rejects the group
    mutable std::vector<DataError> errors;  // the group's compile errors

    // The group's pattern; null if RE2 rejects it or it has no entries.
    const RE2* regex() const {
      std::call_once(once, [this] { compile(); });
      return re.get();
    }

    // One alternation for the group. Entries are compiled one by one only
    // when the alternation fails, to name the bad entry: the embedded data
    // is checked entry by entry in the tests (registry_test), so a run pays
    // for one compile per group, not one per entry as well.
    void compile() const {
      auto built = std::make_unique<RE2>(alternation(nullptr), term_options());
      if (!built->ok()) {
        built = std::make_unique<RE2>(alternation(&errors), term_options());
      }
      if (!built->ok()) {
        errors.push_back(
            DataError{owner->file.name(), 0, "group [" + name + "]: " + built->error()});
        return;
      }
      if (!built->pattern().empty()) {
        re = std::move(built);
      }
    }

    // "(?:a)|(?:b)|..." over the entries' patterns. With `errors_out`, each
    // entry is compiled alone first and one RE2 rejects is reported and left out.
    std::string alternation(std::vector<DataError>* errors_out) const {
      std::string source;
      for (const DataFile::Grouped* g : entries) {
        const std::string pattern =
            g->entry.pattern ? g->entry.text : term_to_pattern(g->entry.text);
        if (pattern.empty()) {
          continue;
        }
        if (errors_out != nullptr) {
          const RE2 alone(pattern, term_options());
          if (!alone.ok()) {
            errors_out->push_back(DataError{owner->file.name(), g->entry.line,
                                            "RE2 rejects the pattern: " + alone.error()});
            continue;
          }
        }
        source += source.empty() ? "(?:" : "|(?:";
        source += pattern;
        source += ")";
      }
      return source;
    }
  };

  DataFile file;
  std::once_flag once;
  std::vector<std::unique_ptr<Group>> groups;  // in file order

  // Every group in one RE2::Set (index = position in `groups`), so that a
  // search of all groups over a whole paragraph is one pass that names the
  // groups worth running, not one pass per group. Built once the list has
  // been asked kSetAfter times: compiling it costs about what a hundred
  // paragraph searches save, so a one-page draft never pays for it.
  static constexpr unsigned kSetAfter = 64;
  mutable std::atomic<unsigned> whole_searches{0};
  mutable std::once_flag set_once;
  mutable std::unique_ptr<RE2::Set> set;

  void build_set() const {
    auto built = std::make_unique<RE2::Set>(term_options(), RE2::UNANCHORED);
    for (const auto& g : groups) {
      const RE2* re = g->regex();
      if (re == nullptr || built->Add(re->pattern(), nullptr) < 0) {
        return;  // a group the set cannot hold: search group by group
      }
    }
    if (built->Compile()) {
      set = std::move(built);
    }
  }

  // The groups with a match somewhere in `text`, or nullopt when the set
  // cannot tell (not built yet, one group, or its DFA ran out of memory):
  // then run them all.
  std::optional<std::vector<int>> groups_matching(std::string_view text) const {
    if (groups.size() < 2 || whole_searches.fetch_add(1, std::memory_order_relaxed) < kSetAfter) {
      return std::nullopt;
    }
    std::call_once(set_once, [this] { build_set(); });
    if (!set) {
      return std::nullopt;
    }
    std::vector<int> hit;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (!set->Match(re2::StringPiece(text.data(), text.size()), &hit, &info) &&
        info.kind != RE2::Set::kNoError) {
      return std::nullopt;
    }
    std::sort(hit.begin(), hit.end());
    return hit;
  }

  // Groups by name, in file order; nothing is compiled here.
  void index() {
    for (const DataFile::Grouped& g : file.all()) {
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& x) { return x->name == g.group; });
      if (it == groups.end()) {
        auto group = std::make_unique<Group>();
        group->owner = this;
        group->name = g.group;
        groups.push_back(std::move(group));
        it = groups.end() - 1;
      }
      (*it)->entries.push_back(&g);
    }
  }
};

TermList::TermList(std::string_view data_name) : state_(std::make_unique<Compiled>()) {
  state_->file = DataFile::load(data_name);
}

TermList::~TermList() = default;
TermList::TermList(TermList&&) noexcept = default;
TermList& TermList::operator=(TermList&&) noexcept = default;

const TermList::Compiled& TermList::compiled() const {
  std::call_once(state_->once, [this] { state_->index(); });
  return *state_;
}

std::vector<DataError> TermList::errors() const {
  std::vector<DataError> out = compiled().file.errors();
  for (const auto& g : compiled().groups) {
    g->regex();
    out.insert(out.end(), g->errors.begin(), g->errors.end());
  }
  return out;
}

std::vector<std::string> TermList::group_names() const {
  std::vector<std::string> names;
  for (const auto& g : compiled().groups) {
    if (g->regex() != nullptr) {
      names.push_back(g->name);
    }
  }
  return names;
}

std::vector<TermMatch> TermList::find(const text::FoldedText& folded,
                                      std::string_view group) const {
  return find_in(folded, 0, folded.text.size(), group);
}

std::vector<TermMatch> TermList::find_in(const text::FoldedText& folded, std::size_t begin,
                                         std::size_t end, std::string_view group) const {
  std::vector<TermMatch> all;
  const Compiled& c = compiled();
  // The set sees the whole text as each group's search does (same context
  // for \b, ^ and $), so it names exactly the groups that match.
  std::optional<std::vector<int>> only;
  if (group.empty() && begin == 0 && end >= folded.text.size()) {
    only = c.groups_matching(folded.text);
  }
  for (std::size_t i = 0; i < c.groups.size(); ++i) {
    const Compiled::Group& g = *c.groups[i];
    if (!group.empty() && g.name != group) {
      continue;
    }
    if (only && !std::binary_search(only->begin(), only->end(), static_cast<int>(i))) {
      continue;
    }
    if (const RE2* re = g.regex()) {
      collect(*re, folded, begin, end, g.name, all);
    }
  }
  // Earliest first, longest first at a tie; drop matches overlapping a kept one.
  std::sort(all.begin(), all.end(), [](const TermMatch& a, const TermMatch& b) {
    if (a.folded_begin != b.folded_begin) {
      return a.folded_begin < b.folded_begin;
    }
    return a.folded_end > b.folded_end;
  });
  std::vector<TermMatch> kept;
  for (TermMatch& m : all) {
    if (!kept.empty() && m.folded_begin < kept.back().folded_end) {
      continue;
    }
    kept.push_back(std::move(m));
  }
  return kept;
}

bool TermList::contains(const text::FoldedText& folded, std::string_view group) const {
  return contains_in(folded, 0, folded.text.size(), group);
}

bool TermList::contains_in(const text::FoldedText& folded, std::size_t begin, std::size_t end,
                           std::string_view group) const {
  const re2::StringPiece all(folded.text);
  end = std::min(end, folded.text.size());
  if (begin > end) {
    return false;
  }
  const Compiled& c = compiled();
  if (group.empty() && begin == 0 && end == folded.text.size()) {
    if (const std::optional<std::vector<int>> only = c.groups_matching(folded.text)) {
      return !only->empty();
    }
  }
  for (const auto& g : c.groups) {
    if (!group.empty() && g->name != group) {
      continue;
    }
    const RE2* re = g->regex();
    if (re != nullptr && re->Match(all, begin, end, RE2::UNANCHORED, nullptr, 0)) {
      return true;
    }
  }
  return false;
}

bool TermList::contains(std::string_view utf8, std::string_view group) const {
  return contains(text::fold(utf8), group);
}

std::vector<std::string> folded_values(std::string_view data_name, std::string_view group) {
  std::vector<std::string> out;
  for (const DataEntry& e : DataFile::load(data_name).entries(group)) {
    out.push_back(text::fold_string(e.pattern ? "re:" + e.text : e.text));
  }
  return out;
}

namespace {

// FNV-1a: the terms and the words looked up are short.
std::size_t term_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : s) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return static_cast<std::size_t>(h ^ (h >> 29));
}

// An open-addressing index over `words` (slot = position + 1, 0 empty), at
// most half full so that probing ends.
std::vector<std::uint32_t> hash_index(const std::vector<std::string>& words) {
  std::size_t capacity = 8;
  while (capacity < words.size() * 2) {
    capacity *= 2;
  }
  std::vector<std::uint32_t> slots(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::size_t k = 0; k < words.size(); ++k) {
    std::size_t i = term_hash(words[k]) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = static_cast<std::uint32_t>(k + 1);
  }
  return slots;
}

// The position of `word` in `words` through their hash_index, or nullopt.
std::optional<std::size_t> find_indexed(const std::vector<std::string>& words,
                                        const std::vector<std::uint32_t>& slots,
                                        std::string_view word) {
  if (words.empty()) {
    return std::nullopt;
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = term_hash(word) & mask; slots[i] != 0; i = (i + 1) & mask) {
    if (words[slots[i] - 1] == word) {
      return slots[i] - 1;
    }
  }
  return std::nullopt;
}

}  // namespace

TermSet::TermSet(std::vector<std::string> terms) {
  for (std::string& t : terms) {
    t = folded(t);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  terms_ = std::move(terms);
  slots_ = hash_index(terms_);
}

bool TermSet::contains(std::string_view folded_term) const {
  return find_indexed(terms_, slots_, folded_term).has_value();
}

std::vector<std::vector<std::string>> split_phrases(const std::vector<std::string>& phrases) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& phrase : phrases) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < phrase.size()) {
      const std::size_t j = phrase.find(' ', i);
      const std::size_t e = j == std::string::npos ? phrase.size() : j;
      if (e > i) {
        words.push_back(phrase.substr(i, e - i));
      }
      i = e + 1;
    }
    if (!words.empty()) {
      out.push_back(std::move(words));
    }
  }
  // Longest first, so "Pupil Referral Unit" wins over a shorter head.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

PhraseList::PhraseList(std::vector<std::vector<std::string>> phrases)
    : phrases_(std::move(phrases)) {
  for (const std::vector<std::string>& words : phrases_) {
    first_words_.push_back(words.front());
  }
  std::sort(first_words_.begin(), first_words_.end());
  first_words_.erase(std::unique(first_words_.begin(), first_words_.end()), first_words_.end());
  starts_.resize(first_words_.size());
  for (std::size_t k = 0; k < phrases_.size(); ++k) {
    const auto at = std::lower_bound(first_words_.begin(), first_words_.end(), phrases_[k].front());
    starts_[static_cast<std::size_t>(at - first_words_.begin())].push_back(
        static_cast<std::uint32_t>(k));
  }
  slots_ = hash_index(first_words_);
}

const std::vector<std::uint32_t>* PhraseList::starting_with(std::string_view word) const {
  const std::optional<std::size_t> at = find_indexed(first_words_, slots_, word);
  return at ? &starts_[*at] : nullptr;
}

}  // namespace dhrlint::kit
