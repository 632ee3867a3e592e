#include "lint/engine/data.hpp"

namespace dhrlint {

std::vector<std::string> data_lines(std::string_view name) {
  std::vector<std::string> out;
  std::string_view all = embedded_data(name);
  while (!all.empty()) {
    std::size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    out.emplace_back(line);
  }
  return out;
}

}  // namespace dhrlint
