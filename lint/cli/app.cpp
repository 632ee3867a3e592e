#include "lint/cli/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "dhrlint/dhrlint.hpp"
#include "lint/cli/baseline.hpp"
#include "lint/cli/config_file.hpp"
#include "lint/cli/inputs.hpp"
#include "lint/engine/linter.hpp"
#include "lint/output/annotate.hpp"
#include "lint/output/dump.hpp"
#include "lint/output/github.hpp"
#include "lint/output/html.hpp"
#include "lint/output/json.hpp"
#include "lint/output/junit.hpp"
#include "lint/output/sarif.hpp"
#include "lint/output/text.hpp"
#include "lint/package/package.hpp"

namespace dhrlint {

namespace fs = std::filesystem;

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on;  // empty: from configuration, else "error"
  std::string dump;
  bool list_rules = false;
  std::string explain;
  bool version = false;
  int jobs = 0;
  std::string identifiers;
  std::string config;
  bool no_config = false;
  bool stats = false;
  bool quiet = false;
  std::string stdin_filename;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string output;
  bool redact = false;
  std::string baseline;
  std::string write_baseline;
  std::string annotate;
};

// Indents every line of `text` by two spaces and wraps it at kWrapColumn
// (the --explain layout); words longer than a line stay whole.
constexpr std::size_t kWrapColumn = 88;

std::string indented(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string word;
    std::string current;
    while (words >> word) {
      if (!current.empty() && 2 + current.size() + 1 + word.size() > kWrapColumn) {
        out += "  " + current + "\n";
        current.clear();
      }
      current += (current.empty() ? "" : " ") + word;
    }
    out += current.empty() ? "\n" : "  " + current + "\n";
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Standard input's bytes, up to the largest package dhrlint would open (the
// inflated-size limit is the tighter one; a .docx compresses its XML).
std::string read_standard_input(std::string& out) {
  constexpr std::size_t kMaxStdin = std::size_t{64} << 20;
  char buf[1 << 16];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    out.append(buf, static_cast<std::size_t>(std::cin.gcount()));
    if (out.size() > kMaxStdin) {
      return "more than 64 MiB; not linted";
    }
  }
  return "";
}

// Why OUT cannot be --annotate's output for `input`, or "" when it can: it
// must keep the input's extension (a .docm stays a .docm), must not be the
// input (dhrlint never writes to an input) nor the report, and its folder
// must exist.
std::string check_annotate_target(const std::string& out, const std::string& input,
                                  bool input_is_file, const std::string& report) {
  auto extension = [](const std::string& path) {
    std::string e = fs::path(path).extension().string();
    for (char& c : e) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return e;
  };
  if (extension(out) != extension(input)) {
    return "the copy must have the input's extension (" +
           (extension(input).empty() ? std::string("none") : extension(input)) + ")";
  }
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(out, ec);
  if (ec) {
    return "not a usable path";
  }
  if (input_is_file) {
    std::error_code ec2;
    std::error_code ec3;
    if (fs::weakly_canonical(input, ec2) == target ||
        (fs::exists(out, ec3) && fs::equivalent(out, input, ec3))) {
      return "is the input; dhrlint never writes to an input";
    }
  }
  if (!report.empty()) {
    std::error_code ec2;
    if (fs::weakly_canonical(report, ec2) == target) {
      return "is also the --output report";
    }
  }
  if (fs::is_directory(target, ec)) {
    return "is a folder";
  }
  const fs::path folder = target.parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    return "its folder does not exist";
  }
  return "";
}

// The input's bytes for --annotate, or nullopt when it cannot be read or is
// larger than any package dhrlint opens (the lint then reports why, exit 3).
std::optional<std::string> read_input_for_annotation(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size > package::PackageLimits{}.max_total) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in || in.gcount() != static_cast<std::streamsize>(size)) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace

std::string format_stats(const std::vector<FileResult>& results, const Linter& linter,
                         const RunTimes& times) {
  std::size_t unreadable = 0;
  std::size_t paragraphs = 0;
  std::size_t findings = 0;
  double read = 0;
  std::vector<double> by_rule(linter.rules().size(), 0.0);
  for (const FileResult& r : results) {
    unreadable += r.status == FileStatus::kError ? 1 : 0;
    paragraphs += r.stats.paragraphs;
    findings += r.findings.size();
    read += r.stats.read_seconds;
    for (std::size_t k = 0; k < r.stats.rule_seconds.size() && k < by_rule.size(); ++k) {
      by_rule[k] += r.stats.rule_seconds[k];
    }
  }
  double rules = 0;
  std::vector<std::pair<double, std::string>> slowest;
  for (std::size_t k = 0; k < by_rule.size(); ++k) {
    rules += by_rule[k];
    slowest.emplace_back(by_rule[k], linter.rules()[k]->info().id);
  }
  std::sort(slowest.begin(), slowest.end(), std::greater<>());
  auto ms = [](double seconds) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << std::setw(8) << seconds * 1000.0 << " ms";
    return s.str();
  };
  std::ostringstream out;
  out << "dhrlint: stats: " << results.size() << (results.size() == 1 ? " file" : " files") << " ("
      << unreadable << " unreadable), " << paragraphs << " paragraphs, " << findings
      << " findings\n";
  out << "  start-up " << ms(times.startup) << "  options, building the rules\n";
  out << "  lint     " << ms(times.lint) << "  wall time, all files\n";
  out << "    read   " << ms(read) << "  package, XML, model, numbering (summed over files)\n";
  out << "    rules  " << ms(rules) << "  (summed over files); the slowest:\n";
  for (std::size_t k = 0; k < slowest.size() && k < 8 && slowest[k].first > 0; ++k) {
    out << "      " << std::left << std::setw(36) << slowest[k].second << std::right
        << ms(slowest[k].first) << '\n';
  }
  out << "  output   " << ms(times.output) << '\n';
  out << "  total    " << ms(times.total)
      << "  from the start of main (process start-up not included)\n";
  return out.str();
}

namespace {

std::vector<std::string> rule_ids_of(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<std::string> ids;
  ids.reserve(rules.size());
  for (const auto& r : rules) {
    ids.push_back(r->info().id);
  }
  return ids;
}

bool finding_fails_any(const FileResult& r) {
  const Config& config = r.config ? *r.config : Config{};
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const Finding& f) { return finding_fails(config, f); });
}

}  // namespace

void redact_findings(std::vector<FileResult>& results) {
  for (FileResult& r : results) {
    for (Finding& f : r.findings) {
      f.message = f.message_without_text();
      f.redacted_message.clear();
      f.excerpt.clear();
      f.location.deleted_text.reset();
      for (Location& related : f.location.related) {
        related.deleted_text.reset();
      }
    }
  }
}

std::string format_rule_list(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::size_t width = 0;
  for (const auto& r : rules) {
    width = std::max(width, r->info().id.size());
  }
  std::ostringstream out;
  for (const auto& r : rules) {
    const RuleInfo& info = r->info();
    const std::string_view severity = severity_name(info.severity);
    out << info.id << std::string(width - info.id.size() + 2, ' ') << severity
        << std::string(9 - severity.size(), ' ') << info.summary << '\n';
  }
  return out.str();
}

std::string format_rule_explanation(const RuleInfo& info) {
  std::ostringstream out;
  out << info.id << " (default severity: " << severity_name(info.severity) << ")\n"
      << indented(info.summary) << "\nWhat it does\n"
      << indented(info.what) << "\nWhy it matters\n"
      << indented(info.why) << "\nExample\n"
      << indented(info.example) << "\nHow to fix\n"
      << indented(info.fix);
  return out.str();
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            Terminal terminal) {
  const auto started = std::chrono::steady_clock::now();
  Options opt;
  CLI::App app{
      "dhrlint: lints draft Domestic Homicide Review reports (.docx) for identifying details, "
      "incomplete paragraphs and drafting residue.",
      "dhrlint"};
  app.footer(
      "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or "
      "configuration error, or no input found; 3 an input could not be read (the others are "
      "linted). When several apply: 2, then 3, then 1.");
  app.add_option("PATH", opt.paths,
                 "Files or directories (searched for *.docx, *.docm); - reads a .docx from "
                 "standard input");
  app.add_option("--stdin-filename", opt.stdin_filename,
                 "The name standard input's document has in the output, and where its "
                 ".dhrlint.toml is looked for")
      ->type_name("NAME");
  app.add_flag("-q,--quiet", opt.quiet, "Text format: the findings only, no summary line");
  app.add_option("--format", opt.format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json", "github", "junit", "sarif", "html"}));
  app.add_option("--fail-on", opt.fail_on,
                 "Exit 1 when a finding is at or above this severity (default: error)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  app.add_option("--dump", opt.dump, "Print the document model dhrlint sees for FILE as JSON")
      ->type_name("FILE");
  app.add_flag("--list-rules", opt.list_rules, "List the rules: id, default severity, summary");
  app.add_option("--explain", opt.explain, "Explain rule ID: what, why, example, how to fix")
      ->type_name("ID");
  app.add_flag("--version", opt.version, "Print the version");
  app.add_option("-j,--jobs", opt.jobs, "Documents linted in parallel (default: core count)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--identifiers", opt.identifiers,
                 "Private identifiers file: one real name, place or number a line")
      ->type_name("FILE");
  auto* config_opt = app.add_option("--config", opt.config,
                                    "Configuration file (default: the nearest .dhrlint.toml)")
                         ->type_name("FILE");
  app.add_flag("--no-config", opt.no_config, "Do not look for .dhrlint.toml")->excludes(config_opt);
  app.add_option("--select", opt.select,
                 "Lint with only these rules: ids or category/* (comma-separated, repeatable); "
                 "rules the configuration switches off stay off")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("RULES");
  app.add_option("--ignore", opt.ignore,
                 "Switch these rules off: ids or category/* (comma-separated, repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("RULES");
  app.add_option("-o,--output", opt.output, "Write the report to FILE instead of standard output")
      ->type_name("FILE");
  app.add_flag("--redact", opt.redact,
               "Leave document text out of the report: no excerpts, no deleted text, messages "
               "without quoted text (for reports uploaded to a code host)");
  auto* baseline_opt = app.add_option("--baseline", opt.baseline,
                                      "Report only findings that are not in this baseline file")
                           ->type_name("FILE");
  app.add_option("--write-baseline", opt.write_baseline,
                 "Record today's findings in FILE (fingerprints only, no document text) and "
                 "exit 0 unless an input is unreadable")
      ->type_name("FILE")
      ->excludes(baseline_opt);
  app.add_option("--annotate", opt.annotate,
                 "Write a copy of the one input to OUT with each finding as a Word comment by "
                 "dhrlint (same extension as the input; never the input itself)")
      ->type_name("OUT");
  app.add_flag("--stats", opt.stats,
               "After the output, print to standard error where the time went (start-up, "
               "reading, each rule, output) and counts");

  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitClean;
  } catch (const CLI::ParseError& e) {
    err << "dhrlint: " << e.what() << "\n(see dhrlint --help)\n";
    return kExitUsage;
  }

  if (opt.version) {
    out << "dhrlint " << kVersion << '\n';
    return kExitClean;
  }
  if (opt.list_rules) {
    out << format_rule_list(make_all_rules());
    return kExitClean;
  }
  if (!opt.explain.empty()) {
    const std::string id = canonical_rule_id(opt.explain);
    if (id != opt.explain) {
      out << opt.explain << " is the old id of " << id << ".\n\n";
    }
    for (const auto& rule : make_all_rules()) {
      if (rule->info().id == id) {
        out << format_rule_explanation(rule->info());
        return kExitClean;
      }
    }
    err << "dhrlint: unknown rule \"" << opt.explain << "\" (see dhrlint --list-rules)\n";
    return kExitUsage;
  }

  if (!opt.dump.empty()) {
    if (!opt.paths.empty()) {
      err << "dhrlint: --dump takes one file and no other PATH\n";
      return kExitUsage;
    }
    Result<Document> doc = read_document(opt.dump);
    if (!doc.ok()) {
      err << "dhrlint: " << opt.dump << ": " << doc.error().message << " ("
          << error_kind_name(doc.error().kind) << ")\n";
      out << dump_error(opt.dump, doc.error());
      return kExitUnreadable;
    }
    if (doc.value().path.empty()) {
      doc.value().path = opt.dump;
    }
    out << dump_document(doc.value());
    return kExitClean;
  }

  if (opt.paths.empty()) {
    err << "dhrlint: no input given (usage: dhrlint [options] PATH...; see --help)\n";
    return kExitUsage;
  }

  // Configuration: everything is checked before anything is linted, so a bad
  // configuration is exit 2 with nothing linted.
  Linter linter(Config{});
  linter.collect_stats(opt.stats);
  // The HTML report shows each finding's paragraph, so it needs the whole model.
  linter.keep_documents(opt.format == "html");
  const double startup_seconds = seconds_since(started);
  const std::vector<std::string> rule_ids = rule_ids_of(linter.rules());
  std::vector<std::string> cli_identifiers;
  if (!opt.identifiers.empty()) {
    if (std::string e = read_identifiers_file(opt.identifiers, cli_identifiers); !e.empty()) {
      err << "dhrlint: " << e << '\n';
      return kExitUsage;
    }
  }
  for (const auto* list : {&opt.select, &opt.ignore}) {
    for (const std::string& pattern : *list) {
      // custom/<name>: each configuration defines its own custom rules.
      if (pattern.rfind("custom/", 0) == 0) {
        continue;
      }
      if (std::string reason = check_rule_pattern(pattern, rule_ids); !reason.empty()) {
        err << "dhrlint: " << (list == &opt.select ? "--select" : "--ignore") << ": " << reason
            << '\n';
        return kExitUsage;
      }
    }
  }
  auto finish_config = [&](Config config) {
    // The command line narrows what the configuration enables: --select
    // keeps only the rules it names, --ignore switches rules off.
    if (!opt.select.empty()) {
      std::vector<std::string> ids = rule_ids;
      for (const auto& custom : config.custom_rules) {
        ids.push_back(custom->info().id);
      }
      for (const std::string& id : ids) {
        if (std::none_of(opt.select.begin(), opt.select.end(),
                         [&](const std::string& p) { return rule_pattern_matches(p, id); })) {
          config.disabled_rules.push_back(id);
        }
      }
    }
    config.disabled_rules.insert(config.disabled_rules.end(), opt.ignore.begin(), opt.ignore.end());
    if (!opt.identifiers.empty()) {
      config.identifiers = cli_identifiers;
    }
    if (!opt.fail_on.empty()) {
      apply_fail_on(opt.fail_on, config);
    }
    return std::make_shared<const Config>(std::move(config));
  };

  std::shared_ptr<const Config> explicit_config;
  if (!opt.config.empty()) {
    Config config;
    if (std::string e = load_config_file(opt.config, rule_ids, config); !e.empty()) {
      err << "dhrlint: " << e << '\n';
      return kExitUsage;
    }
    explicit_config = finish_config(std::move(config));
  }

  // "-": one document read from standard input, named by --stdin-filename.
  const bool from_stdin = std::find(opt.paths.begin(), opt.paths.end(), "-") != opt.paths.end();
  opt.paths.erase(std::remove(opt.paths.begin(), opt.paths.end(), "-"), opt.paths.end());
  std::optional<LintJob> stdin_job;
  if (from_stdin) {
    stdin_job.emplace();
    stdin_job->path = opt.stdin_filename.empty() ? "-" : opt.stdin_filename;
    if (std::string e = read_standard_input(stdin_job->bytes.emplace()); !e.empty()) {
      err << "dhrlint: standard input: " << e << '\n';
      return kExitUsage;
    }
  } else if (!opt.stdin_filename.empty()) {
    err << "dhrlint: --stdin-filename names the document read from standard input (-)\n";
    return kExitUsage;
  }

  const Inputs inputs = opt.paths.empty() && from_stdin ? Inputs{} : discover_inputs(opt.paths);
  if (inputs.files.empty() && !from_stdin) {
    for (const MissingInput& m : inputs.missing) {
      err << "dhrlint: " << m.path << ": " << m.reason << '\n';
    }
    err << "dhrlint: no .docx or .docm file found; nothing was linted\n";
    return kExitUsage;
  }

  // --annotate: checked before anything is linted (exit 2 on misuse).
  std::string annotate_input_bytes;
  std::optional<std::filesystem::perms> annotate_permissions;
  if (!opt.annotate.empty()) {
    const std::size_t count = inputs.files.size() + inputs.missing.size() + (from_stdin ? 1 : 0);
    if (count != 1) {
      err << "dhrlint: --annotate takes exactly one input file\n";
      return kExitUsage;
    }
    if (std::string e = check_annotate_target(
            opt.annotate,
            from_stdin
                ? (opt.stdin_filename.empty() ? std::string("-.docx") : opt.stdin_filename)
                : (inputs.files.empty() ? inputs.missing.front().path : inputs.files.front()),
            !from_stdin, opt.output);
        !e.empty()) {
      err << "dhrlint: --annotate " << opt.annotate << ": " << e << '\n';
      return kExitUsage;
    }
    if (from_stdin) {
      annotate_input_bytes = *stdin_job->bytes;
    } else if (!inputs.files.empty()) {
      // The copy and the findings come from the same bytes, read once.
      if (auto bytes = read_input_for_annotation(inputs.files.front())) {
        annotate_input_bytes = std::move(*bytes);
        std::error_code ec;
        const auto status = fs::status(inputs.files.front(), ec);
        if (!ec) {
          annotate_permissions = status.permissions();
        }
      }
    }
    linter.keep_documents(true);
  }

  std::vector<LintJob> jobs;
  std::map<std::string, std::shared_ptr<const Config>> discovered;  // config path -> config
  const std::shared_ptr<const Config> no_file_config = finish_config(Config{});
  for (const std::string& file : inputs.files) {
    std::shared_ptr<const Config> config = explicit_config;
    if (!config && !opt.no_config) {
      if (const auto found = find_config_for(file)) {
        auto& slot = discovered[found->string()];
        if (!slot) {
          Config loaded;
          if (std::string e = load_config_file(*found, rule_ids, loaded); !e.empty()) {
            err << "dhrlint: " << e << '\n';
            return kExitUsage;
          }
          slot = finish_config(std::move(loaded));
        }
        config = slot;
      }
    }
    jobs.push_back({file, config ? config : no_file_config, std::nullopt});
    if (!opt.annotate.empty() && !annotate_input_bytes.empty()) {
      jobs.back().bytes = annotate_input_bytes;
    }
  }
  if (stdin_job) {
    // Its configuration: the one given, else the nearest to the name it is
    // given, else the nearest to the current folder.
    std::shared_ptr<const Config> config = explicit_config;
    if (!config && !opt.no_config) {
      const std::filesystem::path near(opt.stdin_filename.empty() ? "." : opt.stdin_filename);
      if (const auto found = find_config_for(near)) {
        Config loaded;
        if (std::string e = load_config_file(*found, rule_ids, loaded); !e.empty()) {
          err << "dhrlint: " << e << '\n';
          return kExitUsage;
        }
        config = finish_config(std::move(loaded));
      }
    }
    stdin_job->config = config ? config : no_file_config;
    jobs.push_back(std::move(*stdin_job));
  }

  Baseline baseline;
  if (!opt.baseline.empty()) {
    if (std::string e = load_baseline(opt.baseline, baseline); !e.empty()) {
      err << "dhrlint: " << e << '\n';
      return kExitUsage;
    }
  }

  // --output: never one of the inputs (dhrlint never writes to an input);
  // opened once every configuration has loaded (a configuration error leaves
  // no empty report behind) and before anything is linted, so an unwritable
  // path is exit 2.
  std::ofstream output_file;
  if (!opt.output.empty()) {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::weakly_canonical(opt.output, ec);
    for (const std::string& file : inputs.files) {
      std::error_code ec2;
      if (!ec && std::filesystem::weakly_canonical(file, ec2) == target && !ec2) {
        err << "dhrlint: --output " << opt.output
            << " is one of the inputs; dhrlint never writes to an input\n";
        return kExitUsage;
      }
    }
    output_file.open(opt.output, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      err << "dhrlint: --output " << opt.output << ": cannot write the file\n";
      return kExitUsage;
    }
  }
  std::ostream& report = opt.output.empty() ? out : output_file;

  const auto lint_started = std::chrono::steady_clock::now();
  // A progress line for long runs, only where someone watches stderr.
  constexpr std::size_t kProgressFrom = 20;
  std::function<void(std::size_t, std::size_t)> progress;
  if (terminal.progress && !opt.quiet && jobs.size() >= kProgressFrom) {
    progress = [&err](std::size_t done, std::size_t total) {
      err << "\rdhrlint: " << done << "/" << total << " files" << (done == total ? "\n" : "")
          << std::flush;
    };
  }
  std::vector<FileResult> results =
      linter.lint_jobs(std::move(jobs), static_cast<unsigned>(opt.jobs), progress);
  const double lint_seconds = seconds_since(lint_started);
  for (const MissingInput& m : inputs.missing) {
    FileResult missing;
    missing.path = m.path;
    missing.status = FileStatus::kError;
    missing.error = make_error(ErrorKind::kIo, m.reason);
    missing.config = no_file_config;
    results.push_back(std::move(missing));
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const FileResult& a, const FileResult& b) { return a.path < b.path; });

  if (!opt.write_baseline.empty()) {
    std::ofstream file(opt.write_baseline, std::ios::binary | std::ios::trunc);
    file << format_baseline(results);
    file.flush();
    if (!file) {
      err << "dhrlint: --write-baseline " << opt.write_baseline << ": cannot write the file\n";
      return kExitUsage;
    }
    std::size_t recorded = 0;
    for (const FileResult& r : results) {
      recorded += r.findings.size();
    }
    err << "dhrlint: wrote " << recorded << (recorded == 1 ? " finding" : " findings")
        << " to the baseline " << opt.write_baseline << '\n';
  }
  std::size_t in_baseline = 0;
  if (!opt.baseline.empty()) {
    in_baseline = apply_baseline(baseline, results);
  }
  if (opt.redact) {
    redact_findings(results);
  }

  bool unreadable = false;
  bool failing = false;
  for (const FileResult& r : results) {
    if (r.status == FileStatus::kError) {
      unreadable = true;
      err << "dhrlint: " << r.path << ": " << r.error.message << " ("
          << error_kind_name(r.error.kind) << ")\n";
    }
    for (const std::string& failure : r.rule_failures) {
      err << "dhrlint: " << r.path << ": internal error in rule " << failure
          << " (its findings for this file are left out)\n";
    }
    failing = failing || finding_fails_any(r);
  }

  const auto output_started = std::chrono::steady_clock::now();
  // Every rule a finding of this run may name, for the outputs that print a
  // rule's help or fix: the build's and each configuration's custom rules.
  std::vector<RuleInfo> infos;
  for (const auto& rule : linter.rules()) {
    infos.push_back(rule->info());
  }
  for (const FileResult& r : results) {
    for (const auto& custom :
         r.config ? r.config->custom_rules : std::vector<std::shared_ptr<const Rule>>{}) {
      if (std::none_of(infos.begin(), infos.end(),
                       [&](const RuleInfo& i) { return i.id == custom->info().id; })) {
        infos.push_back(custom->info());
      }
    }
  }
  if (opt.format == "json") {
    report << format_json(results);
  } else if (opt.format == "junit") {
    report << format_junit(results);
  } else if (opt.format == "sarif") {
    std::vector<const RuleInfo*> pointers;
    for (const RuleInfo& info : infos) {
      pointers.push_back(&info);
    }
    report << format_sarif(results, pointers);
  } else if (opt.format == "github") {
    write_github(report, results);
  } else if (opt.format == "html") {
    HtmlOptions html;
    html.rules = infos;
    html.redact = opt.redact;
    write_html(report, results, html);
  } else {
    write_text(report, results, terminal.colour && opt.output.empty(), !opt.quiet);
  }
  report.flush();
  if (!report) {
    err << "dhrlint: --output " << opt.output << ": writing the report failed\n";
    return kExitUsage;
  }
  if (!opt.annotate.empty()) {
    // Only a document that was read gets a copy; an unreadable one is exit 3
    // as usual, with no file written.
    if (results.size() == 1 && results.front().status == FileStatus::kOk &&
        results.front().document && !annotate_input_bytes.empty()) {
      const FileResult& r = results.front();
      auto annotated = annotate_docx(annotate_input_bytes, *r.document, r.findings, infos);
      if (!annotated.ok()) {
        err << "dhrlint: " << r.path << ": cannot annotate: " << annotated.error().message << " ("
            << error_kind_name(annotated.error().kind) << ")\n";
        return kExitUnreadable;
      }
      if (auto e =
              write_file_atomically(opt.annotate, annotated.value().bytes, annotate_permissions)) {
        err << "dhrlint: --annotate " << opt.annotate << ": " << e->message << '\n';
        return kExitUsage;
      }
      err << "dhrlint: wrote " << opt.annotate << " with " << annotated.value().comments.size()
          << (annotated.value().comments.size() == 1 ? " comment" : " comments")
          << " by dhrlint; remove them before the report is published\n";
    } else if (results.size() == 1 && results.front().status == FileStatus::kOk) {
      err << "dhrlint: " << results.front().path << ": cannot annotate: the input could not be "
          << "read again\n";
      return kExitUnreadable;
    }
  }
  if (opt.stats) {
    RunTimes times;
    times.startup = startup_seconds;
    times.lint = lint_seconds;
    times.output = seconds_since(output_started);
    times.total = seconds_since(started);
    err << format_stats(results, linter, times);
  }

  if (in_baseline > 0 && !opt.quiet) {
    err << "dhrlint: " << in_baseline << (in_baseline == 1 ? " finding is" : " findings are")
        << " in the baseline " << opt.baseline << " and not shown\n";
  }
  if (unreadable) {
    return kExitUnreadable;
  }
  if (!opt.write_baseline.empty()) {
    return kExitClean;
  }
  return failing ? kExitFindings : kExitClean;
}

}  // namespace dhrlint
