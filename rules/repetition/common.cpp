#include "rules/repetition/common.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace dhrlint::repetition {

namespace {

constexpr std::size_t kParagraphShingle = 3;
constexpr std::size_t kPassageShingle = 8;
constexpr std::size_t kMaxPostings = 16;      // paragraphs kept per prefix shingle
constexpr std::size_t kMaxCandidates = 8;     // near-duplicate candidates verified per paragraph
constexpr std::size_t kMinIndexedWords = 20;  // smaller paragraphs cannot be 0.8-similar to 25+

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// An open-addressing map from a 64-bit hash to a 64-bit value, first
// insertion kept. Key 0 is the empty slot, so a zero hash is stored as 1.
class FirstSeen {
 public:
  explicit FirstSeen(std::size_t expected) {
    std::size_t size = 64;
    while (size < expected * 2) {
      size <<= 1;
    }
    keys_.assign(size, 0);
    values_.assign(size, 0);
  }
  // The value first stored under `key`, or nullptr.
  const std::uint64_t* find(std::uint64_t key) const {
    key = key == 0 ? 1 : key;
    for (std::size_t i = key & (keys_.size() - 1);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == key) {
        return &values_[i];
      }
      if (keys_[i] == 0) {
        return nullptr;
      }
    }
  }
  void insert(std::uint64_t key, std::uint64_t value) {
    key = key == 0 ? 1 : key;
    if ((count_ + 1) * 2 > keys_.size()) {
      grow();
    }
    for (std::size_t i = key & (keys_.size() - 1);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == key) {
        return;
      }
      if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = value;
        ++count_;
        return;
      }
    }
  }

 private:
  void grow() {
    std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
    std::vector<std::uint64_t> values(keys.size(), 0);
    keys.swap(keys_);
    values.swap(values_);
    count_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != 0) {
        insert(keys[i], values[i]);
      }
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint64_t> values_;
  std::size_t count_ = 0;
};

// One paragraph as the rules compare it.
struct Text {
  std::size_t paragraph = 0;
  std::vector<std::uint64_t> words;     // hashes of the folded words
  std::vector<text::Range> spans;       // each word's code points
  std::vector<std::uint64_t> passage;   // 8-shingle hashes, by position (30+ words)
  std::vector<std::uint64_t> shingles;  // 3-shingle hashes, sorted, unique
};

// The hashes of every run of k words, by position: a polynomial rolling hash
// over the words' (mixed, so random) hashes.
void shingles_of(const std::vector<std::uint64_t>& words, std::size_t k,
                 std::vector<std::uint64_t>& out) {
  constexpr std::uint64_t kBase = 0x100000001b3ULL;
  if (words.size() < k) {
    return;
  }
  std::uint64_t top = 1;  // kBase^(k-1)
  for (std::size_t i = 1; i < k; ++i) {
    top *= kBase;
  }
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < k; ++i) {
    h = h * kBase + words[i];
  }
  out.reserve(words.size() - k + 1);
  out.push_back(h);
  for (std::size_t i = k; i < words.size(); ++i) {
    h = (h - words[i - k] * top) * kBase + words[i];
    out.push_back(h);
  }
}

std::size_t shared(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

// For sets of at least `size` shingles, the prefix (smallest hashes) two
// sets of Jaccard similarity >= kNearDuplicate must share an element of.
std::size_t prefix_length(std::size_t size) {
  const auto need = static_cast<std::size_t>(std::ceil(kNearDuplicate * static_cast<double>(size)));
  return size - std::min(size, need) + 1;
}

class Reader {
 public:
  Reader(const Document& doc, DocumentAnalysis& analysis)
      : doc_(doc), analysis_(analysis), expected_cache_(doc.paragraphs.size(), -1) {}

  RepetitionReading read() {
    const std::vector<std::size_t> order = reading_order();
    FirstSeen exact(order.size());
    FirstSeen passages(4096);  // grows with what is indexed
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> prefixes;
    std::vector<Text> indexed;  // paragraphs the maps point into
    std::vector<std::uint32_t> hits;
    std::vector<std::uint32_t> touched;

    RepetitionReading reading;
    for (std::size_t p : order) {
      if (expected(p)) {
        continue;
      }
      std::uint64_t whole = 0;
      Text t = read_words(p, whole);
      if (t.words.size() < kParagraphShingle) {
        continue;
      }
      // A repeated paragraph: word for word, then nearly. Its earlier twin
      // stands for it in the maps.
      if (t.words.size() >= kParagraphWords) {
        if (const std::uint64_t* q = exact.find(whole)) {
          report_paragraph(reading, t, indexed[*q], true);
          continue;
        }
      }
      add_shingles(t);
      if (t.words.size() >= kParagraphWords) {
        if (const Text* q = near_duplicate(t, prefixes, indexed, hits, touched)) {
          report_paragraph(reading, t, *q, false);
          continue;
        }
      }
      if (t.words.size() >= kPassageWords && !indexed.empty()) {
        find_passages(reading, t, passages, indexed);
      }
      // Index it.
      const auto id = static_cast<std::uint32_t>(indexed.size());
      if (t.words.size() >= kMinIndexedWords) {
        exact.insert(whole, id);
        const std::size_t n = prefix_length(t.shingles.size());
        for (std::size_t i = 0; i < n && i < t.shingles.size(); ++i) {
          std::vector<std::uint32_t>& list = prefixes[t.shingles[i]];
          if (list.size() < kMaxPostings) {
            list.push_back(id);
          }
        }
      }
      if (t.words.size() >= kPassageWords) {
        for (std::size_t i = 0; i < t.passage.size(); ++i) {
          passages.insert(t.passage[i], (static_cast<std::uint64_t>(id) << 32) | i);
        }
      }
      indexed.push_back(std::move(t));
    }
    return reading;
  }

 private:
  // Body paragraphs in order, each note's paragraphs after the paragraph
  // that references it; notes nobody references at the end.
  std::vector<std::size_t> reading_order() const {
    return kit::reading_order_with_notes(doc_, &reads);
  }

  static bool reads(const Paragraph& para) {
    return kit::is_report_text(para) && !para.table && !para.heading_level;
  }

  // Under a heading where repetition is expected (the note's anchor's).
  bool expected(std::size_t p) {
    const std::size_t at = kit::body_anchor(doc_, p);
    if (at >= doc_.paragraphs.size()) {
      return false;
    }
    for (std::size_t h : doc_.paragraphs[at].headings) {
      if (h < expected_cache_.size() && expected_heading(h)) {
        return true;
      }
    }
    return false;
  }
  bool expected_heading(std::size_t h) {
    if (expected_cache_[h] < 0) {
      static const kit::TermList kSections("repetition/sections.txt");
      const std::string& heading = doc_.paragraphs[h].text;
      expected_cache_[h] =
          kSections.contains(heading, "expected") && !kSections.contains(heading, "not-expected")
              ? 1
              : 0;
    }
    return expected_cache_[h] == 1;
  }

  // The paragraph's words and their hashes, and the hash of them all.
  Text read_words(std::size_t p, std::uint64_t& whole) {
    Text t;
    t.paragraph = p;
    const std::size_t from = kit::content_start(doc_.paragraphs[p]);
    const std::vector<kit::Token>& tokens = analysis_.tokens(p);
    t.words.reserve(tokens.size());
    t.spans.reserve(tokens.size());
    whole = 0xcbf29ce484222325ULL;
    for (const kit::Token& token : tokens) {
      if (token.start < from) {
        continue;
      }
      t.words.push_back(mix(std::hash<std::string_view>{}(token.base)));
      t.spans.push_back(text::Range{token.start, token.end});
      whole = mix(whole ^ t.words.back());
    }
    return t;
  }

  // Its shingles, once it is known not to repeat an earlier paragraph word for
  // word.
  static void add_shingles(Text& t) {
    if (t.words.size() >= kPassageWords) {
      shingles_of(t.words, kPassageShingle, t.passage);
    }
    shingles_of(t.words, kParagraphShingle, t.shingles);
    std::sort(t.shingles.begin(), t.shingles.end());
    t.shingles.erase(std::unique(t.shingles.begin(), t.shingles.end()), t.shingles.end());
  }

  // The earlier paragraph most like `t` at kNearDuplicate or more, or null.
  static const Text* near_duplicate(
      const Text& t, const std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>& prefixes,
      const std::vector<Text>& indexed, std::vector<std::uint32_t>& hits,
      std::vector<std::uint32_t>& touched) {
    hits.resize(indexed.size(), 0);
    touched.clear();
    const std::size_t n = prefix_length(t.shingles.size());
    for (std::size_t i = 0; i < n && i < t.shingles.size(); ++i) {
      const auto it = prefixes.find(t.shingles[i]);
      if (it == prefixes.end()) {
        continue;
      }
      for (std::uint32_t q : it->second) {
        if (hits[q]++ == 0) {
          touched.push_back(q);
        }
      }
    }
    // The candidates sharing most prefix shingles first, earliest at a tie.
    std::sort(touched.begin(), touched.end(), [&](std::uint32_t a, std::uint32_t b) {
      return hits[a] != hits[b] ? hits[a] > hits[b] : a < b;
    });
    const Text* best = nullptr;
    double best_similarity = kNearDuplicate;
    const double size = static_cast<double>(t.shingles.size());
    std::size_t checked = 0;
    for (std::uint32_t q : touched) {
      hits[q] = 0;
      const double other = static_cast<double>(indexed[q].shingles.size());
      if (checked >= kMaxCandidates || other < kNearDuplicate * size ||
          size < kNearDuplicate * other) {
        continue;
      }
      ++checked;
      const auto common = static_cast<double>(shared(t.shingles, indexed[q].shingles));
      const double similarity = common / (size + other - common);
      if (similarity >= best_similarity && (best == nullptr || similarity > best_similarity)) {
        best = &indexed[q];
        best_similarity = similarity;
      }
    }
    return best;
  }

  static void report_paragraph(RepetitionReading& reading, const Text& t, const Text& q,
                               bool exact) {
    Repeat r;
    r.paragraph = t.paragraph;
    r.start = t.spans.front().start;
    r.end = t.spans.back().end;
    r.earlier = q.paragraph;
    r.earlier_start = q.spans.front().start;
    r.earlier_end = q.spans.back().end;
    r.words = t.words.size();
    r.exact = exact;
    reading.paragraphs.push_back(r);
  }

  // Runs of kPassageWords or more words of `t` that stand, in order, in one
  // earlier paragraph. Each position is looked up once; a match is extended
  // as far as both texts agree, and the walk resumes after it.
  static void find_passages(RepetitionReading& reading, const Text& t, const FirstSeen& index,
                            const std::vector<Text>& indexed) {
    std::size_t i = 0;
    while (i < t.passage.size()) {
      const std::uint64_t* hit = index.find(t.passage[i]);
      if (hit == nullptr) {
        ++i;
        continue;
      }
      const Text& q = indexed[*hit >> 32];
      const std::size_t j = *hit & 0xffffffffU;
      // Extend over words: the shingle matched, so its words did (to a hash);
      // then word by word while they agree.
      std::size_t length = kPassageShingle;
      while (i + length < t.words.size() && j + length < q.words.size() &&
             t.words[i + length] == q.words[j + length]) {
        ++length;
      }
      if (length >= kPassageWords) {
        Repeat r;
        r.paragraph = t.paragraph;
        r.start = t.spans[i].start;
        r.end = t.spans[i + length - 1].end;
        r.earlier = q.paragraph;
        r.earlier_start = q.spans[j].start;
        r.earlier_end = q.spans[j + length - 1].end;
        r.words = length;
        r.exact = true;
        reading.passages.push_back(r);
      }
      i += length - kPassageShingle + 1;
    }
  }

  const Document& doc_;
  DocumentAnalysis& analysis_;
  std::vector<signed char> expected_cache_;
};

}  // namespace

const RepetitionReading& shared_reading(const Document& doc, DocumentAnalysis& analysis) {
  return analysis.family<RepetitionReading>([&] { return Reader(doc, analysis).read(); });
}

std::string place_name(const Document& doc, std::size_t p) {
  if (p >= doc.paragraphs.size()) {
    return "an earlier paragraph";
  }
  const Paragraph& para = doc.paragraphs[p];
  if (kit::is_note(para)) {
    const NoteKind kind = para.story == Story::kFootnote ? NoteKind::kFootnote : NoteKind::kEndnote;
    for (const Note& n : doc.notes) {
      if (n.kind == kind && n.id == para.owner_id && !n.number.empty()) {
        return std::string(kind == NoteKind::kFootnote ? "footnote " : "endnote ") + n.number;
      }
    }
    return kind == NoteKind::kFootnote ? "an earlier footnote" : "an earlier endnote";
  }
  std::string number = kit::own_report_number(para);
  if (number.empty()) {
    number = para.section;
  }
  return number.empty() ? "an earlier paragraph" : "paragraph " + number;
}

}  // namespace dhrlint::repetition
