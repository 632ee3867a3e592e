#include "fuzz/fuzz_one.hpp"

#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "lint/output/dump.hpp"
#include "lint/output/json.hpp"
#include "lint/output/text.hpp"
#include "support/fixture_docx.hpp"

namespace dhrlint::fuzz {

namespace {

// A small draft with every kind of part the modes replace: numbering,
// footnotes, a comment, a table, a tracked change, properties.
constexpr const char* kBase =
    "@core creator = Jane Smith\n"
    "TITLE Domestic Homicide Review\n"
    "H1 Introduction\n"
    "H2 Family\n"
    "P The children attended {del:Bow Green Primary School}{ins:the school}.[^See 1.2.1.]\n"
    "P The {comment:chair|Check this} met the family at 27 Orchard Mead.\n"
    "A the police;\n"
    "| Name | Pseudonym |\n"
    "| --- | --- |\n"
    "| Victim | Amira |\n";

constexpr const char* kModeParts[] = {
    "",
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
    "word/comments.xml",
    "docProps/core.xml",
    "word/settings.xml",
};
constexpr int kModes = static_cast<int>(sizeof(kModeParts) / sizeof(kModeParts[0]));

const testing::DocxParts& base_parts() {
  static const testing::DocxParts kParts = [] {
    std::string error;
    testing::DocxParts parts = testing::build_docx_parts(kBase, &error);
    if (parts.empty()) {
      __builtin_trap();  // the base draft is ours: a syntax error is a bug here
    }
    return parts;
  }();
  return kParts;
}

const Linter& linter() {
  static const Linter kLinter;
  return kLinter;
}

}  // namespace

std::string package_around(int mode, const std::string& xml) {
  testing::DocxParts parts = base_parts();
  if (mode > 0 && mode < kModes) {
    for (auto& [name, bytes] : parts) {
      if (name == kModeParts[mode]) {
        bytes = xml;
      }
    }
  }
  std::string error;
  return testing::zip_parts(parts, &error);
}

Outcome run_one(const std::uint8_t* data, std::size_t size) {
  Outcome out;
  if (size == 0) {
    return out;
  }
  const int mode = data[0] % kModes;
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes = mode == 0 ? std::move(rest) : package_around(mode, rest);

  Result<Document> read = read_document_bytes(std::move(bytes), "fuzz.docx");
  FileResult result;
  result.path = "fuzz.docx";
  if (!read.ok()) {
    result.status = FileStatus::kError;
    result.error = read.error();
    (void)dump_error(result.path, result.error);
  } else {
    auto doc = std::make_shared<const Document>(std::move(read.value()));
    result.findings = linter().lint_document(*doc, linter().config(), &result.rule_failures);
    result.document = doc;
    result.config = linter().shared_config();
    (void)dump_document(*doc);
  }
  std::vector<FileResult> results;
  results.push_back(std::move(result));
  std::ostringstream text;
  write_text(text, results, false);
  const std::string json = format_json(results);
  const FileResult& r = results.front();
  out.mode = mode;
  out.read = r.status == FileStatus::kOk;
  if (!out.read) {
    out.error_kind = std::string(error_kind_name(r.error.kind));
  }
  out.findings = r.findings.size();
  out.rule_failures = r.rule_failures.size();
  // The outputs must at least say something about the file.
  if (json.find("fuzz.docx") == std::string::npos || text.str().empty()) {
    __builtin_trap();
  }
  return out;
}

}  // namespace dhrlint::fuzz
