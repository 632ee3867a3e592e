// Recognising what a file is when it is not a zip package, before libzip sees
// it, so the user hears "legacy .doc" or "password-protected" rather than
// "not a zip". Password-protected OOXML and legacy Word 97-2003 files are
// both OLE2 compound files (CFB, [MS-CFB]); telling them apart needs the
// names of the streams in the compound file's directory, which a small,
// bounded directory reader gives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/result.hpp"

namespace dhrlint::package {

inline constexpr std::string_view kOleSignature{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

struct CfbEntry {
  std::string name;  // UTF-8 (names are UTF-16LE in the file)
  int type = 0;      // 1 storage, 2 stream, 5 root storage
};

// Every allocated entry of the compound file's directory, in directory
// order. Walks the FAT chain of the directory only; every sector index is
// bounds-checked and the walk stops on cycles, so hostile files cost at most
// one pass over their own bytes. kLegacyDoc (generic sentence) when the
// structure is unreadable.
Result<std::vector<CfbEntry>> read_cfb_directory(std::string_view bytes);

// An Error naming the format when `bytes` are certainly not a zip package
// (empty, OLE2, RTF, HTML, PDF, ...); nullopt when they may be a zip and
// libzip should decide.
std::optional<Error> sniff_non_zip(std::string_view bytes);

// The entry count the zip's end-of-central-directory record declares (zip64
// aware), found by a bounded scan of the last 64 KiB; nullopt when there is
// no such record. Lets an absurd entry count be refused before libzip
// allocates a directory for it.
std::optional<std::uint64_t> declared_zip_entry_count(std::string_view bytes);

}  // namespace dhrlint::package
