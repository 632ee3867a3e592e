#include "lint/engine/fingerprint.hpp"

#include <charconv>
#include <map>
#include <tuple>

#include "lint/text/text.hpp"

namespace dhrlint {

std::string text_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  // splitmix64's finaliser: FNV's low bits are weak on short inputs.
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int k = 15; k >= 0; --k) {
    out[static_cast<std::size_t>(k)] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

std::string fingerprint_text(const Paragraph& paragraph) {
  std::string_view text = paragraph.text;
  if (paragraph.typed_number_end > 0) {
    text.remove_prefix(text::byte_of(text, paragraph.typed_number_end));
  }
  const std::string folded = text::fold_string(text);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

ParagraphIndex::ParagraphIndex(const Document& doc) : doc_(doc) {
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    auto it = parts_.begin();
    while (it != parts_.end() && it->first != p.part) {
      ++it;
    }
    if (it == parts_.end()) {
      parts_.emplace_back(p.part, std::vector<std::size_t>{});
      it = parts_.end() - 1;
    }
    if (it->second.size() <= p.index) {
      it->second.resize(p.index + 1, kNoIndex);
    }
    it->second[p.index] = i;
  }
}

const Paragraph* ParagraphIndex::find(std::string_view part, std::uint32_t index) const {
  for (const auto& [name, by_index] : parts_) {
    if (name == part) {
      if (index < by_index.size() && by_index[index] != kNoIndex) {
        return &doc_.paragraphs[by_index[index]];
      }
      return nullptr;
    }
  }
  return nullptr;
}

namespace {

// The text a finding is about, for its match hash.
std::string matched_text(const Document& doc, const Paragraph* paragraph, const Finding& f) {
  const Location& loc = f.location;
  if (loc.deleted_text) {
    return *loc.deleted_text;
  }
  if (loc.property) {
    for (const auto* map : {&doc.properties.core, &doc.properties.app, &doc.properties.custom}) {
      if (auto it = map->find(*loc.property); it != map->end()) {
        return it->second;
      }
    }
    return {};
  }
  if (paragraph != nullptr && loc.start && loc.end && *loc.end > *loc.start) {
    return text::fold_string(text::slice(paragraph->text, *loc.start, *loc.end));
  }
  return {};
}

}  // namespace

void assign_fingerprints(const Document& doc, const ParagraphIndex& index,
                         std::vector<Finding>& findings) {
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> seen;
  // Findings come sorted by paragraph: fold and hash each paragraph once.
  const Paragraph* hashed = nullptr;
  std::string hashed_value;
  for (Finding& f : findings) {
    const Location& loc = f.location;
    const Paragraph* paragraph = loc.paragraph ? index.find(loc.part, *loc.paragraph) : nullptr;
    FingerprintFields fields;
    fields.rule = f.rule;
    if (paragraph != nullptr) {
      if (paragraph != hashed) {
        hashed = paragraph;
        hashed_value = text_hash(fingerprint_text(*paragraph));
      }
      fields.paragraph_hash = hashed_value;
    } else if (loc.property) {
      fields.paragraph_hash = text_hash(loc.part + '\n' + *loc.property);
    } else {
      // A whole-document finding, or one on a comment or note nobody
      // references: what it is about is the part and the ids it names.
      fields.paragraph_hash = text_hash(loc.part + '\n' + loc.comment_id.value_or("") + '\n' +
                                        loc.note_id.value_or(""));
    }
    fields.match_hash = text_hash(matched_text(doc, paragraph, f));
    fields.occurrence = ++seen[{fields.rule, fields.paragraph_hash, fields.match_hash}];
    f.fingerprint = format_fingerprint(fields);
  }
}

std::string format_fingerprint(const FingerprintFields& fields) {
  return fields.rule + ':' + fields.paragraph_hash + ':' + fields.match_hash + ':' +
         std::to_string(fields.occurrence);
}

std::optional<FingerprintFields> parse_fingerprint(std::string_view fingerprint) {
  FingerprintFields fields;
  std::string_view rest = fingerprint;
  auto next = [&](std::string& out) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      return false;
    }
    out = std::string(rest.substr(0, colon));
    rest.remove_prefix(colon + 1);
    return !out.empty();
  };
  if (!next(fields.rule) || !next(fields.paragraph_hash) || !next(fields.match_hash)) {
    return std::nullopt;
  }
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), fields.occurrence);
  if (ec != std::errc() || end != rest.data() + rest.size() || fields.occurrence == 0) {
    return std::nullopt;
  }
  return fields;
}

}  // namespace dhrlint
