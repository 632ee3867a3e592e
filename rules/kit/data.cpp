#include "rules/kit/data.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "rules/kit/terms.hpp"

namespace dhrlint::kit {

std::string DataError::to_string() const {
  std::string out = "data/" + file;
  if (line > 0) {
    out += ":" + std::to_string(line);
  }
  return out + ": " + reason;
}

namespace {

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "head: School": the shape of the retired key: value format. A literal entry
// never looks like this, so such a line is reported instead of being read as
// a term no text contains.
bool looks_like_key_value(std::string_view line) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon == 0) {
    return false;
  }
  return std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

}  // namespace

DataFile DataFile::load(std::string_view name) {
  const std::string_view bytes = embedded_data(name);
  DataFile file = parse(name, bytes);
  if (bytes.empty()) {
    file.errors_.push_back(DataError{std::string(name), 0, "no such data file, or it is empty"});
  }
  return file;
}

DataFile DataFile::parse(std::string_view name, std::string_view bytes) {
  DataFile file;
  file.name_ = std::string(name);
  std::string group;
  std::size_t number = 0;
  while (!bytes.empty()) {
    const std::size_t nl = bytes.find('\n');
    const std::string_view raw = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    ++number;
    const std::string_view line = trim_blanks(raw);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    if (line.front() == '[') {
      if (line.size() < 3 || line.back() != ']') {
        file.errors_.push_back(
            DataError{file.name_, number, "a group line is [name], with a name"});
        continue;
      }
      group = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    DataEntry entry;
    entry.line = number;
    if (line.substr(0, 3) == "re:") {
      entry.pattern = true;
      entry.text = std::string(trim_blanks(line.substr(3)));
      if (entry.text.empty()) {
        file.errors_.push_back(DataError{file.name_, number, "re: without a pattern"});
        continue;
      }
    } else {
      if (looks_like_key_value(line)) {
        file.errors_.push_back(DataError{
            file.name_, number,
            "'" + std::string(line) + "' is a key: value line; write [key] and then the value"});
        continue;
      }
      entry.text = std::string(line);
    }
    file.entries_.push_back(Grouped{group, std::move(entry)});
  }
  return file;
}

std::vector<std::string> DataFile::group_names() const {
  std::vector<std::string> names;
  for (const Grouped& g : entries_) {
    if (std::find(names.begin(), names.end(), g.group) == names.end()) {
      names.push_back(g.group);
    }
  }
  return names;
}

std::vector<DataEntry> DataFile::entries(std::string_view group) const {
  std::vector<DataEntry> out;
  for (const Grouped& g : entries_) {
    if (g.group == group) {
      out.push_back(g.entry);
    }
  }
  return out;
}

std::vector<std::string> DataFile::values(std::string_view group) const {
  std::vector<std::string> out;
  for (const Grouped& g : entries_) {
    if (g.group == group) {
      out.push_back(g.entry.text);
    }
  }
  return out;
}

std::string DataFile::first(std::string_view group) const {
  for (const Grouped& g : entries_) {
    if (g.group == group) {
      return g.entry.text;
    }
  }
  return {};
}

void DataFile::validate() {
  for (const Grouped& g : entries_) {
    const std::string source = g.entry.pattern ? g.entry.text : term_to_pattern(g.entry.text);
    if (source.empty()) {
      errors_.push_back(DataError{name_, g.entry.line, "the entry holds no word"});
      continue;
    }
    RE2 re(source, pattern_options());
    if (!re.ok()) {
      errors_.push_back(DataError{name_, g.entry.line, "RE2 rejects the pattern: " + re.error()});
    }
  }
}

std::string alternation(std::vector<DataEntry> entries, bool longest_first) {
  if (longest_first) {
    std::stable_sort(entries.begin(), entries.end(), [](const DataEntry& a, const DataEntry& b) {
      return a.text.size() > b.text.size();
    });
  }
  std::string out;
  for (const DataEntry& e : entries) {
    if (!out.empty()) {
      out += '|';
    }
    out += e.pattern ? e.text : RE2::QuoteMeta(e.text);
  }
  return out;
}

}  // namespace dhrlint::kit
