// The rule registry, generated from rules/registry.def by the preprocessor:
// explicit lines, no static registration, so there is no global state and the
// set of rules is visible in one place.
#include <algorithm>

#include "dhrlint/rule.hpp"

// Each rule file defines its factory; declare them all.
#define DHRLINT_CATEGORY(folder)
#define DHRLINT_ALIAS(old_id, id)
#define DHRLINT_RULE(folder, stem)                         \
  namespace dhrlint::folder {                              \
  std::unique_ptr<Rule> make_##stem##_rule(); /* NOLINT */ \
  }
#include "rules/registry.def"
#undef DHRLINT_CATEGORY
#undef DHRLINT_RULE
#undef DHRLINT_ALIAS

namespace dhrlint {

namespace {

constexpr RuleRegistration kRules[] = {
#define DHRLINT_ALIAS(old_id, id)
#define DHRLINT_CATEGORY(folder)
#define DHRLINT_RULE(folder, stem) {#folder, #stem, &folder::make_##stem##_rule},
#include "rules/registry.def"
#undef DHRLINT_CATEGORY
#undef DHRLINT_RULE
#undef DHRLINT_ALIAS
};

constexpr std::string_view kCategories[] = {
#define DHRLINT_ALIAS(old_id, id)
#define DHRLINT_CATEGORY(folder) #folder,
#define DHRLINT_RULE(folder, stem)
#include "rules/registry.def"
#undef DHRLINT_CATEGORY
#undef DHRLINT_RULE
#undef DHRLINT_ALIAS
};

constexpr RuleAlias kAliases[] = {
#define DHRLINT_ALIAS(old_id, id) {old_id, id},
#define DHRLINT_CATEGORY(folder)
#define DHRLINT_RULE(folder, stem)
#include "rules/registry.def"
#undef DHRLINT_CATEGORY
#undef DHRLINT_RULE
#undef DHRLINT_ALIAS
};

}  // namespace

std::span<const RuleAlias> rule_aliases() { return kAliases; }

std::string canonical_rule_id(std::string_view id) {
  for (const RuleAlias& alias : kAliases) {
    if (alias.old_id == id) {
      return std::string(alias.id);
    }
  }
  return std::string(id);
}

std::span<const RuleRegistration> registered_rules() { return kRules; }

std::span<const std::string_view> registered_categories() { return kCategories; }

std::vector<std::unique_ptr<Rule>> make_all_rules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.reserve(std::size(kRules));
  for (const RuleRegistration& r : kRules) {
    rules.push_back(r.make());
  }
  std::sort(rules.begin(), rules.end(),
            [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
  return rules;
}

}  // namespace dhrlint
