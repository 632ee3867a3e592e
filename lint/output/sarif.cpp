#include "lint/output/sarif.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "dhrlint/dhrlint.hpp"

namespace dhrlint {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

// A relative path as a URI reference: '/' separators, and the characters a
// URI may not hold percent-encoded (a space in "Overview Report.docx").
// An absolute path becomes a file: URI (SARIF1004: a relative reference
// must not start with '/'); GitHub wants paths relative to the repository,
// so lint with relative paths in CI.
std::string path_uri(const std::string& path) {
  std::string uri = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

Json rule_json(const RuleInfo& info) {
  Json r;
  r["id"] = info.id;
  // SARIF's name is an identifier-like label: the id's last part, in
  // PascalCase ("school-name" -> "SchoolName").
  std::string name;
  bool upper = true;
  for (char c : info.id.substr(info.id.find('/') + 1)) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  r["name"] = name;
  r["shortDescription"] = Json{{"text", info.summary}};
  r["fullDescription"] = Json{{"text", info.what}};
  const std::string help = info.summary + "\n\nWhat it does\n" + info.what +
                           "\n\nWhy it matters\n" + info.why + "\n\nExample\n" + info.example +
                           "\n\nHow to fix\n" + info.fix;
  const std::string markdown = "**" + info.summary + "**\n\n## What it does\n" + info.what +
                               "\n\n## Why it matters\n" + info.why + "\n\n## Example\n" +
                               info.example + "\n\n## How to fix\n" + info.fix;
  r["help"] = Json{{"text", help}, {"markdown", markdown}};
  r["defaultConfiguration"] = Json{{"level", std::string(sarif_level(info.severity))}};
  r["properties"] = Json{{"tags", Json::array({info.id.substr(0, info.id.find('/')), "dhr"})}};
  return r;
}

}  // namespace

std::string format_sarif(const std::vector<FileResult>& results,
                         const std::vector<const RuleInfo*>& rules) {
  std::vector<const RuleInfo*> sorted_rules = rules;
  std::sort(sorted_rules.begin(), sorted_rules.end(),
            [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
  sorted_rules.erase(
      std::unique(sorted_rules.begin(), sorted_rules.end(),
                  [](const RuleInfo* a, const RuleInfo* b) { return a->id == b->id; }),
      sorted_rules.end());
  std::map<std::string, std::size_t> rule_index;
  Json driver_rules = Json::array();
  for (const RuleInfo* info : sorted_rules) {
    rule_index[info->id] = driver_rules.size();
    driver_rules.push_back(rule_json(*info));
  }

  Json results_json = Json::array();
  Json notifications = Json::array();
  for (const FileResult& file : results) {
    if (file.status == FileStatus::kError) {
      Json n;
      n["level"] = "error";
      n["message"] = Json{{"text", file.path + ": " + file.error.message + " (" +
                                       std::string(error_kind_name(file.error.kind)) + ")"}};
      n["locations"] = Json::array({Json{
          {"physicalLocation", Json{{"artifactLocation", Json{{"uri", path_uri(file.path)}}}}}}});
      n["properties"] = Json{{"error_kind", std::string(error_kind_name(file.error.kind))}};
      notifications.push_back(std::move(n));
      continue;
    }
    for (const Finding& f : file.findings) {
      const Location& loc = f.location;
      Json physical;
      physical["artifactLocation"] = Json{{"uri", path_uri(file.path)}};
      if (loc.paragraph) {
        Json region;
        region["startLine"] = *loc.paragraph;
        if (loc.start && loc.end) {
          region["startColumn"] = *loc.start + 1;
          region["endColumn"] = std::max(*loc.end, *loc.start) + 1;
        }
        physical["region"] = std::move(region);
      }
      Json location;
      location["physicalLocation"] = std::move(physical);
      Json logical;
      logical["name"] = loc.section ? "section " + *loc.section : loc.part;
      logical["fullyQualifiedName"] =
          loc.part + (loc.section ? "/section " + *loc.section : std::string()) +
          (loc.paragraph ? "/paragraph " + std::to_string(*loc.paragraph) : std::string());
      logical["kind"] = "element";
      location["logicalLocations"] = Json::array({std::move(logical)});
      Json props;
      props["part"] = loc.part;
      props["section"] = loc.section ? Json(*loc.section) : Json(nullptr);
      if (loc.property) {
        props["property"] = *loc.property;
      }
      if (loc.visibility) {
        props["visibility"] = *loc.visibility;
      }
      location["properties"] = std::move(props);

      Json result;
      result["ruleId"] = f.rule;
      if (const auto it = rule_index.find(f.rule); it != rule_index.end()) {
        result["ruleIndex"] = it->second;
      }
      result["level"] = std::string(sarif_level(f.severity));
      result["message"] = Json{{"text", f.message_without_text()}};
      result["locations"] = Json::array({std::move(location)});
      if (!f.fingerprint.empty()) {
        result["partialFingerprints"] = Json{{"dhrlintFingerprint/v1", f.fingerprint}};
      }
      results_json.push_back(std::move(result));
    }
  }

  Json run;
  run["tool"] = Json{{"driver", Json{{"name", "dhrlint"},
                                     {"version", kVersion},
                                     {"semanticVersion", kVersion},
                                     {"rules", std::move(driver_rules)}}}};
  Json invocation;
  invocation["executionSuccessful"] = true;
  if (!notifications.empty()) {
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  run["invocations"] = Json::array({std::move(invocation)});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results_json);

  Json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = Json::array({std::move(run)});
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace dhrlint
