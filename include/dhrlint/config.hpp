// Run configuration: what .dhrlint.toml and the command line set. Plain data.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dhrlint/finding.hpp"

namespace dhrlint {

class Rule;

struct Config {
  // Rule selection and severity overrides ("identifying/school-name" -> error).
  std::vector<std::string> disabled_rules;  // ids or "category/*"
  std::map<std::string, Severity> severity_overrides;

  // Private identifiers (contract: --identifiers FILE): real names, places,
  // schools, numbers. Never printed except as a finding's matched text.
  std::vector<std::string> identifiers;

  // Pseudonyms and people the report may name, declared in configuration in
  // addition to those the report itself declares (pseudonym table, "referred
  // to as X").
  std::vector<std::string> pseudonyms;
  std::vector<std::string> allowed_names;          // chair, author, panel members
  std::vector<std::string> allowed_organisations;  // named bodies that stay named

  // Rules defined in configuration ([custom.<name>] tables, id
  // "custom/<name>"), built and their patterns checked when it loads.
  std::vector<std::shared_ptr<const Rule>> custom_rules;

  // The statutory guidance edition whose model layout the structure rules
  // check ("2016", "2024": the editions of data/structure/editions.txt), and
  // the kind of document ("auto": read from its title; "overview",
  // "executive-summary").
  std::string edition = "2016";
  std::string document_kind = "auto";
  // style/long-sentence: a sentence of more words than this is reported
  // ([style] max_sentence_words in .dhrlint.toml).
  int max_sentence_words = 60;

  Severity fail_on = Severity::kError;  // --fail-on (nullopt-like "none" handled by CLI)
  bool fail_on_none = false;
};

}  // namespace dhrlint
