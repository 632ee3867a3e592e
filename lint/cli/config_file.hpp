// .dhrlint.toml and the private identifiers file (output-contract.md
// "Configuration and private identifiers"). Errors as values: each function
// returns "" on success or a one-line reason.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/config.hpp"

namespace dhrlint {

inline constexpr const char* kConfigFileName = ".dhrlint.toml";

// The identifiers file's lines: UTF-8, one identifier a line, '#' starts a
// comment, blank lines ignored, surrounding spaces trimmed. Returns an error
// for invalid UTF-8.
std::string parse_identifiers(std::string_view content, std::vector<std::string>& out);
std::string read_identifiers_file(const std::filesystem::path& path, std::vector<std::string>& out);

// Applies a .dhrlint.toml to `config`. `rule_ids` are the known rule ids, so
// that a misspelt id in [rules] is an error rather than silently ignored.
std::string load_config_file(const std::filesystem::path& path,
                             const std::vector<std::string>& rule_ids, Config& config);

// The nearest .dhrlint.toml from `input`'s folder upward (a directory input
// starts at itself), stopping at a repository root (a folder holding .git).
std::optional<std::filesystem::path> find_config_for(const std::filesystem::path& input);

// "" when `pattern` names a known rule ("identifying/school-name") or a
// category with rules ("identifying/*"); else the one-line reason, with the
// nearest known id or category as a did-you-mean.
std::string check_rule_pattern(std::string_view pattern, const std::vector<std::string>& rule_ids);

// "error"|"warning"|"info"|"none" into config.fail_on / fail_on_none.
std::string apply_fail_on(std::string_view value, Config& config);

}  // namespace dhrlint
