// The rule interface. A rule sees only the document model and the config and
// reports findings through its RuleContext; it cannot fail a run.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/config.hpp"
#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"

namespace dhrlint {

// Documentation printed by --list-rules (id + summary) and --explain (all),
// in ruff's shape: what it does, why it matters, an example, how to fix it.
struct RuleInfo {
  std::string id;       // "identifying/school-name"
  std::string summary;  // one line
  std::string what;     // what it does
  std::string why;      // why it matters: rationale citing guidance / panel practice
  std::string example;  // an example that fires (and one that does not)
  std::string fix;      // how to fix it (also the fix hint)
  Severity severity = Severity::kWarning;  // default severity
};

class RuleContext;

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void check(const Document& doc, RuleContext& ctx) const = 0;
};

// Per-document context handed to every rule: the config, a way to report, and
// shared lazily built analyses (see lint/engine/analysis.hpp) so that what many
// rules need is computed once per document.
class DocumentAnalysis;

class RuleContext {
 public:
  RuleContext(const Document& doc, const Config& config, DocumentAnalysis& analysis)
      : doc_(doc), config_(config), analysis_(analysis) {}

  const Config& config() const { return config_; }
  DocumentAnalysis& analysis() { return analysis_; }

  // Report a finding on paragraph `p` (index into doc.paragraphs), span
  // [start, end) of its visible text. Part, paragraph ordinal, section and
  // excerpt are filled in from the model. Severity defaults to the rule's.
  Finding& report(const Rule& rule, std::size_t p, std::size_t start, std::size_t end,
                  std::string message);
  // A whole-document finding (section null, main part).
  Finding& report_document(const Rule& rule, std::string message);
  // A finding with a fully specified location (properties, deleted text, ...).
  Finding& report_at(const Rule& rule, Location location, std::string message,
                     std::string excerpt = {});

  std::vector<Finding> take_findings() { return std::move(findings_); }

 private:
  const Document& doc_;
  const Config& config_;
  DocumentAnalysis& analysis_;
  std::vector<Finding> findings_;
};

// Registry (rules/registry.def): every rule the build knows, in id order. No
// global state: each call builds a fresh set.
std::vector<std::unique_ptr<Rule>> make_all_rules();

// One line of rules/registry.def: the rule in rules/<folder>/<stem>.cpp.
struct RuleRegistration {
  std::string_view folder;  // "identifying"; the id's category with '-' for '_'
  std::string_view stem;    // "school_name"; the id's name with '-' for '_'
  std::unique_ptr<Rule> (*make)();
};
std::span<const RuleRegistration> registered_rules();
// The rule folders (categories), as rules/registry.def lists them.
std::span<const std::string_view> registered_categories();

// A renamed rule's old id, still accepted in configuration, --select and
// --ignore, suppressions and baselines (rules/registry.def DHRLINT_ALIAS).
struct RuleAlias {
  std::string_view old_id;
  std::string_view id;
};
std::span<const RuleAlias> rule_aliases();
// The current id for `id`: itself unless it is an old id. Patterns pass
// through ("draft/*").
std::string canonical_rule_id(std::string_view id);

}  // namespace dhrlint
