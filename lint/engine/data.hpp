// Rule data compiled in from data/ (cmake/EmbedData.cmake): term lists,
// validator data, each a text file with its sources in its header comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dhrlint {

// The bytes of data/<name> ("identifying/school-words.txt"); empty if absent.
std::string_view embedded_data(std::string_view name);

// The non-blank, non-comment lines of data/<name>, trimmed. '#' starts a
// comment when it begins a line (after optional spaces).
std::vector<std::string> data_lines(std::string_view name);

}  // namespace dhrlint
