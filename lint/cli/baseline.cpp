#include "lint/cli/baseline.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dhrlint/rule.hpp"
#include "lint/engine/fingerprint.hpp"

namespace dhrlint {

namespace {

using Json = nlohmann::ordered_json;

std::string normal_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

}  // namespace

std::string format_baseline(const std::vector<FileResult>& results) {
  Json files = Json::object();
  for (const FileResult& r : results) {
    if (r.status != FileStatus::kOk || r.findings.empty()) {
      continue;
    }
    std::set<std::string> fingerprints;
    for (const Finding& f : r.findings) {
      fingerprints.insert(f.fingerprint);
    }
    files[normal_path(r.path)] = Json(fingerprints);
  }
  Json root;
  root["dhrlint_baseline"] = 1;
  root["note"] =
      "Findings recorded by dhrlint --write-baseline: rule id, hash of the paragraph, hash of "
      "the matched text, occurrence. No document text.";
  root["files"] = std::move(files);
  return root.dump(2) + "\n";
}

std::string load_baseline(const std::string& path, Baseline& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return "--baseline " + path + ": cannot open the file";
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const Json root = Json::parse(buffer.str(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) {
    return "--baseline " + path + ": not a JSON object (write one with --write-baseline)";
  }
  if (!root.contains("dhrlint_baseline") || root["dhrlint_baseline"] != 1) {
    return "--baseline " + path + ": not a dhrlint baseline (no \"dhrlint_baseline\": 1)";
  }
  if (!root.contains("files") || !root["files"].is_object()) {
    return "--baseline " + path + ": \"files\" must be an object of path -> fingerprints";
  }
  for (const auto& [file, list] : root["files"].items()) {
    std::string entry = "--baseline " + path + ": the entry for ";
    entry += file;
    if (!list.is_array()) {
      return entry + " must be a list";
    }
    std::set<std::string>& fingerprints = out.files[normal_path(file)];
    for (const Json& item : list) {
      std::optional<FingerprintFields> fields =
          item.is_string() ? parse_fingerprint(item.get<std::string>()) : std::nullopt;
      if (!fields) {
        return entry + " holds something that is not a fingerprint";
      }
      fields->rule = canonical_rule_id(fields->rule);
      fingerprints.insert(format_fingerprint(*fields));
    }
  }
  return {};
}

std::size_t apply_baseline(const Baseline& baseline, std::vector<FileResult>& results) {
  std::size_t removed = 0;
  for (FileResult& r : results) {
    const auto it = baseline.files.find(normal_path(r.path));
    if (it == baseline.files.end()) {
      continue;
    }
    removed += std::erase_if(r.findings,
                             [&](const Finding& f) { return it->second.contains(f.fingerprint); });
  }
  return removed;
}

}  // namespace dhrlint
