// Rule data: the files under data/, compiled into the binary at build time
// (cmake/EmbedData.cmake) and read in one format:
//
//   # a comment line (the file's first comments name its sources)
//   [group]            starts a group, or re-opens it; entries before any
//                      group line belong to the group ""
//   Pupil Referral Unit  a literal entry (a word or phrase, as written)
//   re: \bhbv?\b       an RE2 pattern entry
//
// Errors are values: a malformed line is a DataError naming the file, the
// line and the reason (RE2's own words for a pattern it rejects).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dhrlint::kit {

// The bytes of data/<name> ("identifying/school-name.txt"); empty if absent.
std::string_view embedded_data(std::string_view name);
// Every file name under data/ that the build embedded, sorted.
std::vector<std::string_view> embedded_data_names();

struct DataError {
  std::string file;      // "hba/terms.txt"
  std::size_t line = 0;  // 1-based; 0 for the file as a whole
  std::string reason;
  std::string to_string() const;  // "data/hba/terms.txt:12: reason"
};

struct DataEntry {
  std::string text;      // the literal as written, or the pattern without "re:"
  bool pattern = false;  // an `re:` line
  std::size_t line = 0;
};

class DataFile {
 public:
  // Parses data/<name>. Unknown files and malformed lines give errors; the
  // well-formed lines are kept all the same.
  static DataFile load(std::string_view name);
  // Parses `bytes` as if it were data/<name> (for tests).
  static DataFile parse(std::string_view name, std::string_view bytes);

  const std::string& name() const { return name_; }
  const std::vector<DataError>& errors() const { return errors_; }
  bool ok() const { return errors_.empty(); }

  // The groups in order of first appearance.
  std::vector<std::string> group_names() const;
  // The entries of `group`, in file order ("" is the group before any [group]
  // line).
  std::vector<DataEntry> entries(std::string_view group) const;
  // The texts of the entries of `group` (literal entries as written; for word
  // lists and phrase lists).
  std::vector<std::string> values(std::string_view group) const;
  // The first entry of `group` ("" when it has none), for one-value groups.
  std::string first(std::string_view group) const;
  // All entries, with their groups.
  struct Grouped {
    std::string group;
    DataEntry entry;
  };
  const std::vector<Grouped>& all() const { return entries_; }

  // Checks every entry beyond syntax: each pattern compiles with RE2, each
  // literal turns into a term pattern that compiles. Appends to errors().
  void validate();

 private:
  std::string name_;
  std::vector<Grouped> entries_;
  std::vector<DataError> errors_;
};

// The RE2 source matching any entry of `entries`: literal entries quoted,
// pattern entries as written, joined by '|'; `longest_first` orders them by
// length so that "PNC ID" wins over "PNC".
std::string alternation(std::vector<DataEntry> entries, bool longest_first = false);

}  // namespace dhrlint::kit
