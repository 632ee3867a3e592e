#include "lint/engine/linter.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/fingerprint.hpp"
#include "lint/engine/suppression.hpp"
#include "rules/kit/location.hpp"

namespace dhrlint {

bool rule_pattern_matches(std::string_view pattern, std::string_view id) {
  if (pattern == id) {
    return true;
  }
  // A renamed rule's old id selects the rule under its new one.
  for (const RuleAlias& alias : rule_aliases()) {
    if (alias.old_id == pattern) {
      return alias.id == id;
    }
  }
  // "category/*" selects every rule of the category.
  if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == "/*") {
    const std::string_view category = pattern.substr(0, pattern.size() - 1);  // keeps the '/'
    return id.substr(0, category.size()) == category;
  }
  return false;
}

bool rule_enabled(const Config& config, std::string_view id) {
  return std::none_of(
      config.disabled_rules.begin(), config.disabled_rules.end(),
      [&](const std::string& pattern) { return rule_pattern_matches(pattern, id); });
}

bool finding_fails(const Config& config, const Finding& finding) {
  if (config.fail_on_none) {
    return false;
  }
  return static_cast<int>(finding.severity) >= static_cast<int>(config.fail_on);
}

namespace {

// The severity the config gives a rule: an exact id wins over "category/*".
std::optional<Severity> severity_override(const Config& config, std::string_view id) {
  std::optional<Severity> by_category;
  for (const auto& [pattern, severity] : config.severity_overrides) {
    if (pattern == id) {
      return severity;
    }
    if (rule_pattern_matches(pattern, id)) {
      by_category = severity;
    }
  }
  return by_category;
}

// What an output reads of a model once the findings are made (see
// FileResult::document): megabytes of paragraphs become a few notes.
std::shared_ptr<const Document> output_view(Document&& doc) {
  auto view = std::make_shared<Document>();
  view->path = std::move(doc.path);
  view->main_part = std::move(doc.main_part);
  view->strict = doc.strict;
  view->notes = std::move(doc.notes);
  for (Note& note : view->notes) {
    note.paragraphs = {};
  }
  return view;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

unsigned thread_count(unsigned requested, std::size_t work) {
  unsigned n = requested != 0 ? requested : std::thread::hardware_concurrency();
  if (n == 0) {
    n = 1;
  }
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(work, 1)));
}

}  // namespace

Linter::Linter(Config config) : Linter(std::move(config), make_all_rules()) {}

Linter::Linter(Config config, std::vector<std::unique_ptr<Rule>> rules)
    : config_(std::make_shared<const Config>(std::move(config))), rules_(std::move(rules)) {}

const Rule* Linter::find_rule(std::string_view id) const {
  for (const auto& rule : rules_) {
    if (rule->info().id == id) {
      return rule.get();
    }
  }
  return nullptr;
}

std::vector<Finding> Linter::lint_document(const Document& doc, const Config& config,
                                           std::vector<std::string>* failures,
                                           std::vector<double>* rule_seconds) const {
  DocumentAnalysis analysis(doc, config, shared_);
  RuleContext ctx(doc, config, analysis);
  std::vector<Finding> findings;
  if (rule_seconds != nullptr) {
    rule_seconds->resize(rules_.size(), 0.0);
  }
  // The build's rules, then the configuration's own (custom/...).
  const std::size_t builtin = rules_.size();
  for (std::size_t r = 0; r < builtin + config.custom_rules.size(); ++r) {
    const Rule* rule = r < builtin ? rules_[r].get() : config.custom_rules[r - builtin].get();
    const RuleInfo& info = rule->info();
    if (!rule_enabled(config, info.id)) {
      continue;
    }
    std::string failure;
    const auto started = std::chrono::steady_clock::now();
    try {
      rule->check(doc, ctx);
    } catch (const std::exception& e) {
      failure = info.id + ": " + e.what();
    } catch (...) {
      failure = info.id + ": unknown exception";
    }
    if (rule_seconds != nullptr && r < builtin) {
      (*rule_seconds)[r] += seconds_since(started);
    }
    std::vector<Finding> produced = ctx.take_findings();
    if (!failure.empty()) {
      // A half-run rule's findings would be incomplete: drop them, say so.
      if (failures != nullptr) {
        failures->push_back(std::move(failure));
      }
      continue;
    }
    const std::optional<Severity> override_severity = severity_override(config, info.id);
    for (Finding& f : produced) {
      if (override_severity) {
        f.severity = *override_severity;
      }
      findings.push_back(std::move(f));
    }
  }
  auto by_contract_order = [&](const Finding& a, const Finding& b) {
    return finding_less(a, b, doc.main_part);
  };
  std::sort(findings.begin(), findings.end(), by_contract_order);
  if (findings.empty() && doc.comments.empty()) {
    return findings;
  }
  const ParagraphIndex index(doc);
  // Fingerprints before suppression, so that silencing one finding does not
  // renumber the occurrences of its neighbours in a baseline.
  assign_fingerprints(doc, index, findings);
  if (!doc.comments.empty()) {
    std::vector<SuppressionUse> uses = apply_suppressions(doc, index, findings);
    std::vector<Finding> unused = report_unused_suppressions(doc, config, analysis, uses);
    if (!unused.empty()) {
      assign_fingerprints(doc, index, unused);
      findings.insert(findings.end(), std::make_move_iterator(unused.begin()),
                      std::make_move_iterator(unused.end()));
      std::stable_sort(findings.begin(), findings.end(), by_contract_order);
    }
  }
  return findings;
}

std::vector<Finding> Linter::report_unused_suppressions(
    const Document& doc, const Config& config, DocumentAnalysis& analysis,
    const std::vector<SuppressionUse>& uses) const {
  const Rule* rule = find_rule("draft/suppression-unused");
  if (rule == nullptr || !rule_enabled(config, rule->info().id)) {
    return {};
  }
  RuleContext ctx(doc, config, analysis);
  for (const SuppressionUse& use : uses) {
    if (use.silenced > 0) {
      continue;
    }
    // A suppression is judged only when every rule it names ran: one for a
    // rule switched off here has nothing to silence, by choice.
    bool judged = true;
    bool names_known_rule = use.directive.rules.empty();
    for (const std::string& id : use.directive.rules) {  // an old id resolves in the match
      bool known = false;
      for (const auto& r : rules_) {
        if (rule_pattern_matches(id, r->info().id)) {
          known = true;
          judged = judged && rule_enabled(config, r->info().id);
        }
      }
      for (const auto& custom : config.custom_rules) {
        if (rule_pattern_matches(id, custom->info().id)) {
          known = true;
        }
      }
      names_known_rule = names_known_rule || known;
    }
    if (!judged) {
      continue;
    }
    const Comment& comment = doc.comments[use.comment];
    if (comment.anchor >= doc.paragraphs.size()) {
      continue;
    }
    const text::Range span = kit::comment_span(doc, comment);
    std::string message =
        names_known_rule
            ? "This dhrlint-disable comment silences no finding; delete it or move it onto "
              "the text the finding is about"
            : "This dhrlint-disable comment names no rule dhrlint has (see dhrlint "
              "--list-rules); correct the rule id or delete the comment";
    Finding& f = ctx.report(*rule, comment.anchor, span.start, span.end, std::move(message));
    f.location.comment_id = comment.id;
    if (const std::optional<Severity> s = severity_override(config, rule->info().id)) {
      f.severity = *s;
    }
  }
  return ctx.take_findings();
}

FileResult Linter::lint_job(const LintJob& job) const {
  FileResult result;
  result.path = job.path;
  result.config = job.config ? job.config : config_;
  const auto started = std::chrono::steady_clock::now();
  Result<Document> read = [&]() -> Result<Document> {
    try {
      return job.bytes ? read_document_bytes(*job.bytes, job.path) : read_document(job.path);
    } catch (const std::exception& e) {
      // The reader reports bad input as values; this is the last guard so
      // one file can never take the run down.
      return make_error(ErrorKind::kIo, std::string("internal error while reading: ") + e.what());
    }
  }();
  if (!read.ok()) {
    result.status = FileStatus::kError;
    result.error = read.error();
    return result;
  }
  auto doc = std::make_shared<Document>(std::move(read).value());
  if (doc->path.empty()) {
    doc->path = job.path;
  }
  if (collect_stats_) {
    result.stats.read_seconds = seconds_since(started);
    result.stats.paragraphs = doc->paragraphs.size();
  }
  result.findings = lint_document(*doc, *result.config, &result.rule_failures,
                                  collect_stats_ ? &result.stats.rule_seconds : nullptr);
  if (keep_documents_) {
    result.document = std::move(doc);
  } else {
    result.document = output_view(std::move(*doc));
  }
  return result;
}

std::vector<FileResult> Linter::lint_files(std::vector<std::string> paths, unsigned threads) const {
  std::vector<LintJob> jobs;
  jobs.reserve(paths.size());
  for (std::string& p : paths) {
    jobs.push_back({std::move(p), config_, std::nullopt});
  }
  return lint_jobs(std::move(jobs), threads);
}

std::vector<FileResult> Linter::lint_jobs(
    std::vector<LintJob> jobs, unsigned threads,
    const std::function<void(std::size_t, std::size_t)>& progress) const {
  std::sort(jobs.begin(), jobs.end(),
            [](const LintJob& a, const LintJob& b) { return a.path < b.path; });
  jobs.erase(std::unique(jobs.begin(), jobs.end(),
                         [](const LintJob& a, const LintJob& b) { return a.path == b.path; }),
             jobs.end());
  std::vector<FileResult> results(jobs.size());
  // Each worker takes the next unclaimed job and writes only its own slot, so
  // the order of results is the order of jobs however the threads interleave.
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      results[i] = lint_job(jobs[i]);
      if (progress) {
        const std::lock_guard<std::mutex> lock(progress_mutex);
        progress(++done, jobs.size());
      }
    }
  };
  const unsigned n = thread_count(threads, jobs.size());
  if (n <= 1) {
    worker();
    return results;
  }
  std::vector<std::thread> pool;
  pool.reserve(n);
  for (unsigned t = 0; t < n; ++t) {
    pool.emplace_back(worker);
  }
  for (std::thread& t : pool) {
    t.join();
  }
  return results;
}

}  // namespace dhrlint
