// Umbrella header: reading a draft into the model and linting it.
#pragma once

#include <filesystem>

#include "dhrlint/config.hpp"
#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "dhrlint/result.hpp"
#include "dhrlint/rule.hpp"

namespace dhrlint {

inline constexpr const char* kVersion = "0.1.0";

// Read a .docx/.docm into the model. Never throws for bad input: a Result
// holding the Error (kind + one-line reason) instead.
Result<Document> read_document(const std::filesystem::path& path);
// The same from bytes in memory (tests, fuzzing); `name` is used as Document::path.
Result<Document> read_document_bytes(std::string bytes, std::string name);

}  // namespace dhrlint
