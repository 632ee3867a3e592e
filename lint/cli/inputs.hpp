// Finding the files to lint from the command line's PATHs.
#pragma once

#include <string>
#include <vector>

namespace dhrlint {

struct MissingInput {
  std::string path;
  std::string reason;  // "no such file or directory", ...
};

struct Inputs {
  std::vector<std::string> files;     // sorted, unique
  std::vector<MissingInput> missing;  // paths given that do not exist or cannot be listed
};

// True for names dhrlint lints inside a directory: *.docx / *.docm (any case),
// not Word's "~$" lock files.
bool is_lintable_name(const std::string& file_name);

// Files are taken as given (whatever their extension: the reader names what
// they are); directories are walked recursively for lintable names.
Inputs discover_inputs(const std::vector<std::string>& paths);

}  // namespace dhrlint
