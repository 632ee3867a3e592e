// What a rule reports. Field names follow output-contract.md's JSON exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dhrlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view severity_name(Severity s);                     // "info", "warning", "error"
std::optional<Severity> parse_severity(std::string_view name);  // inverse; nullopt if unknown

struct Location {
  std::string part;                        // OOXML part name
  std::optional<std::string> section;      // report paragraph number, nullopt = null
  std::optional<std::uint32_t> paragraph;  // 1-based w:p ordinal in `part`
  std::optional<std::size_t> start;        // code points into visible text
  std::optional<std::size_t> end;
  // Optional extras from the contract.
  std::optional<std::string> property;  // "creator", custom property name, ...
  std::optional<std::string> comment_id;
  std::optional<std::string> note_id;
  std::optional<std::string> visibility;    // "hidden", "deleted", "unreferenced"
  std::optional<std::string> deleted_text;  // for findings on tracked deleted text
  std::vector<Location> related;
};

struct Finding {
  std::string rule;  // "category/name"
  Severity severity = Severity::kWarning;
  std::string message;
  Location location;
  std::string excerpt;  // short context around the span, "…" at cut ends
  // The message without document text, for --redact and SARIF, when
  // `message` quotes the document (an author's name, a placeholder's text);
  // empty when `message` holds none.
  std::string redacted_message;
  // The baseline fingerprint (lint/engine/fingerprint.hpp), set by the engine:
  // "rule:paragraph-hash:match-hash:occurrence". Hashes only, no text.
  std::string fingerprint;

  const std::string& message_without_text() const {
    return redacted_message.empty() ? message : redacted_message;
  }
};

// The contract's order: (part, paragraph, start, rule). `main_part` is unused (kept for
// callers that pass it).
bool finding_less(const Finding& a, const Finding& b, std::string_view main_part);

}  // namespace dhrlint
