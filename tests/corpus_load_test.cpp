// Every corpus file opens at package level (zip, content types, relationships,
// main part, main part inflated) or fails with the error kind its MANIFEST.tsv
// row describes. The reader's own corpus checks (model, oracles) build on
// this; this test stays at the package level.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "lint/package/package.hpp"

namespace {

namespace fs = std::filesystem;
using dhrlint::error_kind_name;
using dhrlint::ErrorKind;
using dhrlint::package::Package;

std::optional<fs::path> corpus_dir() {
  const fs::path dir = DHRLINT_CORPUS_DIR;
  if (fs::is_directory(dir)) {
    return dir;
  }
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL("corpus folder " << dir << " is absent and CI=true");
  }
  MESSAGE("skipped: corpus folder " << dir << " is absent (set DHRLINT_CORPUS_DIR)");
  return std::nullopt;
}

struct ManifestRow {
  std::string category;
  std::string edge_cases;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) {
    fields.push_back(field);
  }
  if (!line.empty() && line.back() == '\t') {
    fields.emplace_back();
  }
  return fields;
}

// file name -> row, columns found by their header names.
std::map<std::string, ManifestRow> read_manifest(const fs::path& path) {
  std::map<std::string, ManifestRow> rows;
  std::ifstream in(path);
  std::string line;
  REQUIRE(std::getline(in, line));
  const std::vector<std::string> header = split_tabs(line);
  const auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE_MESSAGE(it != header.end(), "MANIFEST.tsv has no column " << name);
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t file = column("file");
  const std::size_t category = column("category");
  const std::size_t edge_cases = column("edge_cases");
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.empty()) {
      continue;
    }
    const std::vector<std::string> fields = split_tabs(line);
    if (fields.size() <= std::max({file, category, edge_cases})) {
      continue;
    }
    rows[fields[file]] = ManifestRow{fields[category], fields[edge_cases]};
  }
  return rows;
}

bool contains(const std::string& text, const std::string& word) {
  return text.find(word) != std::string::npos;
}

// The error kind a row's edge_cases sentence describes; nullopt when the file
// must load. A broken row with an unknown description fails the test, so a
// new broken corpus file makes someone decide what dhrlint must say.
std::optional<ErrorKind> expected_kind(const ManifestRow& row, bool& understood) {
  understood = true;
  const std::string& e = row.edge_cases;
  if (contains(e, "not a Word document")) {
    return ErrorKind::kNotWord;
  }
  if (row.category != "broken") {
    return std::nullopt;
  }
  if (contains(e, "ENCRYPTED")) {
    return ErrorKind::kEncrypted;
  }
  if (contains(e, "LEGACY")) {
    return ErrorKind::kLegacyDoc;
  }
  if (contains(e, "TRUNCATED") || contains(e, "corrupt zip")) {
    return ErrorKind::kTruncated;
  }
  if (contains(e, "ZIP BOMB") || contains(e, "entries")) {
    return ErrorKind::kZipBomb;
  }
  understood = false;
  return std::nullopt;
}

}  // namespace

TEST_CASE("corpus: every file opens or fails clearly") {
  const auto dir = corpus_dir();
  if (!dir) {
    return;
  }
  const auto manifest = read_manifest(*dir / "MANIFEST.tsv");
  REQUIRE_FALSE(manifest.empty());

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(*dir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".docx" || ext == ".docm")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == manifest.size());

  int loaded = 0;
  int refused = 0;
  std::uint64_t most_inflated_by_refusal = 0;
  for (const fs::path& path : files) {
    const std::string name = path.filename().string();
    INFO(name);
    const auto row = manifest.find(name);
    REQUIRE_MESSAGE(row != manifest.end(), name << " is not in MANIFEST.tsv");
    bool understood = true;
    const std::optional<ErrorKind> expected = expected_kind(row->second, understood);
    REQUIRE_MESSAGE(understood,
                    "no expected error kind for broken row: " << row->second.edge_cases);

    // open -> main part -> main part inflated; the first error is the answer.
    std::optional<dhrlint::Error> error;
    std::uint64_t inflated = 0;
    auto package = Package::open(path);
    if (!package.ok()) {
      error = package.error();
    } else if (auto main = package.value().main_part(); !main.ok()) {
      error = main.error();
      inflated = package.value().bytes_inflated();
    } else {
      auto bytes = package.value().read_part(main.value());
      inflated = package.value().bytes_inflated();
      if (!bytes.ok()) {
        error = bytes.error();
      } else {
        CHECK_FALSE(bytes.value().empty());
        CHECK(package.value().content_type(main.value()).find("main+xml") != std::string::npos);
      }
    }

    if (expected) {
      REQUIRE_MESSAGE(error.has_value(),
                      name << " should fail with " << error_kind_name(*expected) << " but loaded");
      CHECK(error_kind_name(error->kind) == error_kind_name(*expected));
      CHECK_FALSE(error->message.empty());
      CHECK(error->message.find('\n') == std::string::npos);  // one line
      most_inflated_by_refusal = std::max(most_inflated_by_refusal, inflated);
      ++refused;
    } else {
      CHECK_MESSAGE(!error.has_value(), name << ": " << (error ? error->message : ""));
      if (!error) {
        ++loaded;
      }
    }
  }
  MESSAGE("corpus at package level: " << loaded << " loaded, " << refused
                                      << " refused with the expected kind, of " << files.size()
                                      << "; a refusal inflated at most " << most_inflated_by_refusal
                                      << " bytes");
  CHECK(loaded + refused == static_cast<int>(files.size()));
}
