// --dump: the document model the rules see, as the contract's JSON
// (output-contract.md "What dhrlint sees").
#pragma once

#include <string>

#include "dhrlint/document.hpp"
#include "dhrlint/result.hpp"

namespace dhrlint {

// The model as one pretty-printed JSON document with a trailing newline.
std::string dump_document(const Document& doc);

// The contract's object for an unreadable input:
// {"path", "status": "error", "error_kind", "error"}.
std::string dump_error(const std::string& path, const Error& error);

}  // namespace dhrlint
