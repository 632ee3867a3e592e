#include "lint/cli/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace dhrlint {

namespace fs = std::filesystem;

bool is_lintable_name(const std::string& file_name) {
  if (file_name.rfind("~$", 0) == 0) {
    return false;  // Word's owner/lock file
  }
  if (file_name.size() < 5) {
    return false;
  }
  std::string ext = file_name.substr(file_name.size() - 5);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".docx" || ext == ".docm";
}

Inputs discover_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const std::string& given : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (ec || !fs::exists(status)) {
      inputs.missing.push_back({given, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      inputs.files.push_back(given);
      continue;
    }
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      inputs.missing.push_back({given, "cannot list directory: " + ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        break;
      }
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) {
        if (name == ".git") {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (entry.is_regular_file(type_ec) && is_lintable_name(name)) {
        inputs.files.push_back(entry.path().string());
      }
    }
    if (ec) {
      inputs.missing.push_back({given, "cannot list directory: " + ec.message()});
    }
  }
  std::sort(inputs.files.begin(), inputs.files.end());
  inputs.files.erase(std::unique(inputs.files.begin(), inputs.files.end()), inputs.files.end());
  return inputs;
}

}  // namespace dhrlint
