#include "lint/output/json.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "dhrlint/dhrlint.hpp"

namespace dhrlint {

namespace {

using Json = nlohmann::ordered_json;

template <class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json location_json(const Location& loc) {
  Json j;
  j["part"] = loc.part;
  j["section"] = or_null(loc.section);
  j["paragraph"] = or_null(loc.paragraph);
  j["start"] = or_null(loc.start);
  j["end"] = or_null(loc.end);
  // The contract's optional fields: present only where they apply.
  if (loc.property) {
    j["property"] = *loc.property;
  }
  if (loc.comment_id) {
    j["comment_id"] = *loc.comment_id;
  }
  if (loc.note_id) {
    j["note_id"] = *loc.note_id;
  }
  if (loc.visibility) {
    j["visibility"] = *loc.visibility;
  }
  if (loc.deleted_text) {
    j["deleted_text"] = *loc.deleted_text;
  }
  if (!loc.related.empty()) {
    Json related = Json::array();
    for (const Location& r : loc.related) {
      related.push_back(location_json(r));
    }
    j["related"] = std::move(related);
  }
  return j;
}

Json finding_json(const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["severity"] = std::string(severity_name(f.severity));
  j["message"] = f.message;
  j["location"] = location_json(f.location);
  j["excerpt"] = f.excerpt;
  // An extra field (the contract allows them): the baseline fingerprint,
  // hashes only, for tools that track findings across runs.
  if (!f.fingerprint.empty()) {
    j["fingerprint"] = f.fingerprint;
  }
  return j;
}

}  // namespace

std::string format_finding_json(const Finding& finding) {
  return finding_json(finding).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string format_json(const std::vector<FileResult>& results) {
  std::vector<const FileResult*> sorted;
  sorted.reserve(results.size());
  for (const FileResult& r : results) {
    sorted.push_back(&r);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const FileResult* a, const FileResult* b) { return a->path < b->path; });

  Json root;
  root["tool"] = Json{{"name", "dhrlint"}, {"version", kVersion}};
  Json files = Json::array();
  for (const FileResult* r : sorted) {
    Json file;
    file["path"] = r->path;
    if (r->status == FileStatus::kError) {
      file["status"] = "error";
      file["error_kind"] = std::string(error_kind_name(r->error.kind));
      file["error"] = r->error.message;
      file["findings"] = Json::array();
    } else {
      file["status"] = "ok";
      Json findings = Json::array();
      for (const Finding& f : r->findings) {
        findings.push_back(finding_json(f));
      }
      file["findings"] = std::move(findings);
    }
    files.push_back(std::move(file));
  }
  root["files"] = std::move(files);
  // Invalid UTF-8 in a document must not abort the output: replace it.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace dhrlint
