// The command line: options, configuration, exit codes (output-contract.md).
// main() only forwards to run_cli, so tests can run it in-process too.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dhrlint/rule.hpp"

namespace dhrlint {

// Exit codes fixed by the contract; when several apply: 2, then 3, then 1.
enum ExitCode : int {
  kExitClean = 0,
  kExitFindings = 1,
  kExitUsage = 2,
  kExitUnreadable = 3,
};

struct Terminal {
  bool colour = false;  // stdout is a terminal and NO_COLOR is not set
};

// `dhrlint --list-rules`: one rule a line, id, default severity, summary.
std::string format_rule_list(const std::vector<std::unique_ptr<Rule>>& rules);
// `dhrlint --explain ID`: what it does, why it matters, example, how to fix.
std::string format_rule_explanation(const RuleInfo& info);

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            Terminal terminal);

}  // namespace dhrlint
