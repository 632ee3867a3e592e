// Baselines (--write-baseline FILE, --baseline FILE): today's findings
// recorded by fingerprint, so that a run reports only findings that are new.
// The file is committed to the report repository: it holds file paths and
// fingerprints (rule id, hashes, occurrence numbers), never document text.
//
//   {"dhrlint_baseline": 1, "files": {"drafts/overview.docx": ["draft/comments:…:…:1"]}}
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lint/engine/linter.hpp"

namespace dhrlint {

struct Baseline {
  // Path (as linted, lexically normalised) -> fingerprints.
  std::map<std::string, std::set<std::string>> files;
};

std::string format_baseline(const std::vector<FileResult>& results);

// "" or a one-line reason naming the file. Renamed rules' old ids in the
// fingerprints are read as the new ids.
std::string load_baseline(const std::string& path, Baseline& out);

// Removes from `results` every finding the baseline holds; returns how many.
std::size_t apply_baseline(const Baseline& baseline, std::vector<FileResult>& results);

}  // namespace dhrlint
