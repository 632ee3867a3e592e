// The engine: runs every enabled rule over a document, and documents in
// parallel over files, with results in a stable order.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/config.hpp"
#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "dhrlint/result.hpp"
#include "dhrlint/rule.hpp"
#include "rules/kit/analysis.hpp"

namespace dhrlint {

struct SuppressionUse;  // lint/engine/suppression.hpp

enum class FileStatus { kOk, kError };

// Where a file's time went (Linter::collect_stats): what --stats prints.
struct FileStats {
  double read_seconds = 0;           // package, XML, model, numbering
  std::vector<double> rule_seconds;  // by position in Linter::rules()
  std::size_t paragraphs = 0;
};

struct FileResult {
  std::string path;
  FileStatus status = FileStatus::kOk;
  Error error;                    // meaningful when status == kError
  std::vector<Finding> findings;  // sorted with finding_less
  // What outputs read of the model the findings point into: its path, main
  // part and notes with their numbers (the text output names "footnote 6").
  // The whole model only when the Linter keeps documents
  // (Linter::keep_documents): a folder run holds this for every file until
  // the report is written. Null when the file could not be read.
  std::shared_ptr<const Document> document;
  // The configuration the file was linted with (its fail_on decides the exit code).
  std::shared_ptr<const Config> config;
  // Rules that threw while checking this document: "rule-id: what". Their
  // findings for this document are dropped; the run goes on.
  std::vector<std::string> rule_failures;
  // Filled when the Linter collects stats; empty otherwise.
  FileStats stats;
};

// One file to lint and the configuration that applies to it (the nearest
// .dhrlint.toml may differ between inputs).
struct LintJob {
  std::string path;
  std::shared_ptr<const Config> config;
  // The package's bytes when they do not come from `path` (standard input);
  // `path` is then only the name the output uses.
  std::optional<std::string> bytes;
};

// True if `pattern` ("draft/comments" or "draft/*") selects rule `id`.
bool rule_pattern_matches(std::string_view pattern, std::string_view id);
// True unless the config disables the rule.
bool rule_enabled(const Config& config, std::string_view id);
// True if the finding is at or above the config's failure threshold.
bool finding_fails(const Config& config, const Finding& finding);

class Linter {
 public:
  // All rules of the build (make_all_rules).
  explicit Linter(Config config = {});
  // A given rule set (tests).
  Linter(Config config, std::vector<std::unique_ptr<Rule>> rules);

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* find_rule(std::string_view id) const;
  // Keep each file's whole model in its FileResult (for outputs that print
  // paragraph text); by default only what the text and JSON outputs read.
  void keep_documents(bool keep) { keep_documents_ = keep; }
  // Time the reading of each file and each rule (FileResult::stats).
  void collect_stats(bool collect) { collect_stats_ = collect; }
  const Config& config() const { return *config_; }
  std::shared_ptr<const Config> shared_config() const { return config_; }

  // Runs the enabled rules over a model: findings with severity overrides
  // applied, sorted with finding_less. Rules that throw are named in
  // `failures` (when given) and their findings dropped.
  // With `rule_seconds`, each rule's time is added at its position in rules().
  std::vector<Finding> lint_document(const Document& doc, const Config& config,
                                     std::vector<std::string>* failures = nullptr,
                                     std::vector<double>* rule_seconds = nullptr) const;
  std::vector<Finding> lint_document(const Document& doc) const {
    return lint_document(doc, *config_);
  }

  // Reads and lints one file; never throws for bad input.
  FileResult lint_file(const std::string& path) const {
    return lint_job({path, config_, std::nullopt});
  }
  FileResult lint_job(const LintJob& job) const;

  // Lints files on `threads` threads (0: the core count). Results come in
  // sorted path order whatever order the threads finish in.
  std::vector<FileResult> lint_files(std::vector<std::string> paths, unsigned threads = 0) const;
  // `progress`, when set, is called (from the worker threads, one call at a
  // time) with the number of files done and the total after each file.
  std::vector<FileResult> lint_jobs(
      std::vector<LintJob> jobs, unsigned threads = 0,
      const std::function<void(std::size_t, std::size_t)>& progress = {}) const;

 private:
  std::vector<Finding> report_unused_suppressions(const Document& doc, const Config& config,
                                                  DocumentAnalysis& analysis,
                                                  const std::vector<SuppressionUse>& uses) const;

  std::shared_ptr<const Config> config_;
  std::vector<std::unique_ptr<Rule>> rules_;
  SharedResources shared_;  // read-only after construction, shared by all threads
  bool keep_documents_ = false;
  bool collect_stats_ = false;
};

}  // namespace dhrlint
