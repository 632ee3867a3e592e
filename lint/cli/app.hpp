// The command line: options, configuration, exit codes (output-contract.md).
// main() only forwards to run_cli, so tests can run it in-process too.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dhrlint/rule.hpp"
#include "lint/engine/linter.hpp"

namespace dhrlint {

// Exit codes fixed by the contract; when several apply: 2, then 3, then 1.
enum ExitCode : int {
  kExitClean = 0,
  kExitFindings = 1,
  kExitUsage = 2,
  kExitUnreadable = 3,
};

// Wall times of one run's phases, in seconds (--stats).
struct RunTimes {
  double startup = 0;  // options and building the rules
  double lint = 0;     // reading and linting every file
  double output = 0;   // writing the report
  double total = 0;    // from the start of run_cli
};

// The --stats report: counts, phases, reading and the slowest rules summed
// over files (from FileResult::stats).
std::string format_stats(const std::vector<FileResult>& results, const Linter& linter,
                         const RunTimes& times);

struct Terminal {
  bool colour = false;    // stdout is a terminal and NO_COLOR is not set
  bool progress = false;  // stderr is a terminal: a progress line for long runs
};

// --redact: every finding without document text: no excerpt, no deleted
// text, the message without quoted text (Finding::message_without_text).
void redact_findings(std::vector<FileResult>& results);

// `dhrlint --list-rules`: one rule a line, id, default severity, summary.
std::string format_rule_list(const std::vector<std::unique_ptr<Rule>>& rules);
// `dhrlint --explain ID`: what it does, why it matters, example, how to fix.
std::string format_rule_explanation(const RuleInfo& info);

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            Terminal terminal);

}  // namespace dhrlint
