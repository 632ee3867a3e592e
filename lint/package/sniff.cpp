#include "lint/package/sniff.hpp"
#include "lint/text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <vector>

namespace dhrlint::package {
namespace {
using text::append_utf8;

// [MS-CFB] special sector numbers.
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFAu;
constexpr std::size_t kCfbHeaderSize = 512;
constexpr std::size_t kDirEntrySize = 128;
constexpr std::size_t kHeaderDifatEntries = 109;

constexpr std::string_view kUnknownOle =
    "OLE2 compound file (a password-protected document or a legacy Office 97-2003 binary), "
    "not a .docx";

bool read_u16(std::string_view b, std::size_t at, std::uint32_t& out) {
  if (at > b.size() || b.size() - at < 2) {
    return false;
  }
  out = static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
        static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
  return true;
}

bool read_u32(std::string_view b, std::size_t at, std::uint32_t& out) {
  if (at > b.size() || b.size() - at < 4) {
    return false;
  }
  out = 0;
  for (int i = 3; i >= 0; --i) {
    out = out << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  }
  return true;
}

bool read_u64(std::string_view b, std::size_t at, std::uint64_t& out) {
  std::uint32_t lo = 0;
  std::uint32_t hi = 0;
  if (!read_u32(b, at, lo) || !read_u32(b, at + 4, hi)) {
    return false;
  }
  out = static_cast<std::uint64_t>(hi) << 32 | lo;
  return true;
}

// A directory entry name: UTF-16LE, `name_bytes` counting the terminating NUL.
std::string decode_entry_name(std::string_view b, std::size_t at, std::uint32_t name_bytes) {
  std::string name;
  const std::size_t units = name_bytes / 2 - 1;
  for (std::size_t i = 0; i < units; ++i) {
    std::uint32_t unit = 0;
    if (!read_u16(b, at + 2 * i, unit)) {
      break;
    }
    if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < units) {
      std::uint32_t low = 0;
      if (read_u16(b, at + 2 * (i + 1), low) && low >= 0xDC00 && low < 0xE000) {
        append_utf8(name, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        ++i;
        continue;
      }
    }
    append_utf8(name, unit >= 0xD800 && unit < 0xE000 ? 0xFFFD : unit);
  }
  return name;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool icontains(std::string_view s, std::string_view needle) {
  if (needle.empty()) {
    return true;
  }
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (iequals(s.substr(i, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

Error classify_ole(std::string_view bytes) {
  auto dir = read_cfb_directory(bytes);
  if (!dir.ok()) {
    return dir.error();
  }
  bool encryption_info = false;
  bool encrypted_package = false;
  bool word_document = false;
  bool workbook = false;
  bool powerpoint = false;
  for (const CfbEntry& e : dir.value()) {
    if (e.type != 2) {
      continue;  // streams only
    }
    if (iequals(e.name, "EncryptionInfo")) {
      encryption_info = true;
    }
    if (iequals(e.name, "EncryptedPackage")) {
      encrypted_package = true;
    }
    if (iequals(e.name, "WordDocument")) {
      word_document = true;
    }
    if (iequals(e.name, "Workbook") || iequals(e.name, "Book")) {
      workbook = true;
    }
    if (iequals(e.name, "PowerPoint Document")) {
      powerpoint = true;
    }
  }
  // [MS-OFFCRYPTO]: an encrypted OOXML package is an OLE file holding both.
  if (encrypted_package || encryption_info) {
    return make_error(ErrorKind::kEncrypted,
                      "document is password-protected; save it without a password");
  }
  if (word_document) {
    return make_error(ErrorKind::kLegacyDoc,
                      "legacy Word 97-2003 binary (.doc), not .docx; save it as .docx");
  }
  if (workbook) {
    return make_error(ErrorKind::kLegacyDoc, "legacy Excel 97-2003 binary (.xls), not .docx");
  }
  if (powerpoint) {
    return make_error(ErrorKind::kLegacyDoc, "legacy PowerPoint 97-2003 binary (.ppt), not .docx");
  }
  return make_error(ErrorKind::kLegacyDoc, std::string(kUnknownOle));
}

}  // namespace

Result<std::vector<CfbEntry>> read_cfb_directory(std::string_view bytes) {
  const auto unreadable = [] {
    return make_error(ErrorKind::kLegacyDoc, std::string(kUnknownOle));
  };
  if (bytes.size() < kCfbHeaderSize || bytes.substr(0, kOleSignature.size()) != kOleSignature) {
    return unreadable();
  }
  std::uint32_t sector_shift = 0;
  std::uint32_t fat_sector_count = 0;
  std::uint32_t first_dir_sector = 0;
  std::uint32_t first_difat_sector = 0;
  std::uint32_t difat_sector_count = 0;
  if (!read_u16(bytes, 0x1E, sector_shift) || !read_u32(bytes, 0x2C, fat_sector_count) ||
      !read_u32(bytes, 0x30, first_dir_sector) || !read_u32(bytes, 0x44, first_difat_sector) ||
      !read_u32(bytes, 0x48, difat_sector_count)) {
    return unreadable();
  }
  // Version 3 files use 512-byte sectors, version 4 files 4096-byte ones.
  if (sector_shift != 9 && sector_shift != 12) {
    return unreadable();
  }
  const std::size_t sector_size = std::size_t{1} << sector_shift;
  // Sector n starts at (n + 1) * sector_size; a short last sector is allowed
  // (reads past the end fail individually).
  const std::size_t sector_count =
      bytes.size() <= sector_size ? 0
                                  : (bytes.size() - sector_size + sector_size - 1) / sector_size;
  const auto sector_offset = [&](std::uint32_t sector) {
    return (static_cast<std::size_t>(sector) + 1) * sector_size;
  };
  const std::size_t ids_per_sector = sector_size / 4;

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  std::vector<std::uint32_t> fat_sectors;
  const std::size_t wanted = std::min<std::size_t>(fat_sector_count, sector_count);
  for (std::size_t i = 0; i < kHeaderDifatEntries && fat_sectors.size() < wanted; ++i) {
    std::uint32_t s = 0;
    if (!read_u32(bytes, 0x4C + 4 * i, s) || s >= sector_count) {
      break;
    }
    fat_sectors.push_back(s);
  }
  std::uint32_t difat = first_difat_sector;
  for (std::size_t hops = 0; fat_sectors.size() < wanted && difat < sector_count &&
                             hops < std::min<std::size_t>(difat_sector_count, sector_count);
       ++hops) {
    const std::size_t base = sector_offset(difat);
    for (std::size_t i = 0; i + 1 < ids_per_sector && fat_sectors.size() < wanted; ++i) {
      std::uint32_t s = 0;
      if (!read_u32(bytes, base + 4 * i, s) || s >= sector_count) {
        break;
      }
      fat_sectors.push_back(s);
    }
    if (!read_u32(bytes, base + 4 * (ids_per_sector - 1), difat)) {
      break;
    }
  }
  if (fat_sectors.empty()) {
    return unreadable();
  }

  const auto next_sector = [&](std::uint32_t sector, std::uint32_t& next) {
    const std::size_t fat_index = sector / ids_per_sector;
    if (fat_index >= fat_sectors.size()) {
      return false;
    }
    return read_u32(bytes, sector_offset(fat_sectors[fat_index]) + 4 * (sector % ids_per_sector),
                    next);
  };

  // The directory: a chain of sectors of 128-byte entries. Each sector is
  // visited at most once (a cycle in the FAT ends the walk).
  std::vector<CfbEntry> entries;
  std::vector<bool> visited(sector_count, false);
  // ENDOFCHAIN (or any other special value) ends the chain.
  std::uint32_t sector = first_dir_sector;
  while (sector < kMaxRegularSector) {
    if (sector >= sector_count || visited[sector]) {
      break;
    }
    visited[sector] = true;
    const std::size_t base = sector_offset(sector);
    for (std::size_t at = base; at + kDirEntrySize <= base + sector_size; at += kDirEntrySize) {
      std::uint32_t name_bytes = 0;
      std::uint32_t type = 0;
      if (!read_u16(bytes, at + 0x40, name_bytes) || !read_u16(bytes, at + 0x42, type)) {
        break;
      }
      type &= 0xFF;  // object type is one byte; the next is the colour
      if (type != 1 && type != 2 && type != 5) {
        continue;  // unallocated or invalid
      }
      if (name_bytes < 2 || name_bytes > 64 || name_bytes % 2 != 0) {
        continue;
      }
      entries.push_back(CfbEntry{decode_entry_name(bytes, at, name_bytes), static_cast<int>(type)});
    }
    if (!next_sector(sector, sector)) {
      break;
    }
  }
  if (entries.empty()) {
    return unreadable();
  }
  return entries;
}

std::optional<Error> sniff_non_zip(std::string_view bytes) {
  if (bytes.empty()) {
    return make_error(ErrorKind::kNotZip, "file is empty (0 bytes), not a .docx");
  }
  if (bytes.substr(0, kOleSignature.size()) == kOleSignature) {
    return classify_ole(bytes);
  }
  if (bytes.substr(0, 2) == "PK") {
    return std::nullopt;
  }

  // Text formats: look past a UTF-8 BOM and leading white space.
  std::string_view head = bytes.substr(0, 4096);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") {
    head.remove_prefix(3);
  }
  while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front()))) {
    head.remove_prefix(1);
  }
  if (istarts_with(head, "{\\rtf")) {
    return make_error(ErrorKind::kNotZip,
                      "Rich Text Format (RTF) file renamed, not a .docx; save it as .docx");
  }
  if (istarts_with(head, "%PDF")) {
    return make_error(ErrorKind::kNotZip, "PDF file renamed, not a .docx");
  }
  if (istarts_with(head, "<html") || istarts_with(head, "<!doctype html") ||
      (istarts_with(head, "<?xml") && icontains(head, "<html"))) {
    return make_error(ErrorKind::kNotZip,
                      "HTML file (perhaps Word's \"Web Page\" format) renamed, not a .docx");
  }
  if (istarts_with(head, "MIME-Version:")) {
    return make_error(ErrorKind::kNotZip,
                      "MHTML web archive (Word's \"Single File Web Page\") renamed, not a .docx");
  }
  if (istarts_with(head, "<?xml")) {
    if (icontains(head, "<pkg:package") || icontains(head, "Word.Document") ||
        icontains(head, "<w:wordDocument")) {
      return make_error(ErrorKind::kNotZip,
                        "Word XML file (Word 2003 XML or Flat OPC), not a .docx zip package; "
                        "save it as .docx");
    }
    return make_error(ErrorKind::kNotZip, "XML file, not a .docx zip package");
  }
  return std::nullopt;
}

std::optional<std::uint64_t> declared_zip_entry_count(std::string_view bytes) {
  constexpr std::size_t kEocdSize = 22;
  constexpr std::size_t kMaxComment = 0xFFFF;
  if (bytes.size() < kEocdSize) {
    return std::nullopt;
  }
  const std::size_t last = bytes.size() - kEocdSize;
  const std::size_t first = last > kMaxComment ? last - kMaxComment : 0;
  // The record nearest the end whose comment length reaches exactly the end
  // of the file; else the last signature seen (a truncated comment).
  std::optional<std::size_t> eocd;
  for (std::size_t at = last + 1; at-- > first;) {
    if (bytes.compare(at, 4, "PK\x05\x06") != 0) {
      continue;
    }
    std::uint32_t comment_len = 0;
    if (read_u16(bytes, at + 20, comment_len) && at + kEocdSize + comment_len == bytes.size()) {
      eocd = at;
      break;
    }
    if (!eocd) {
      eocd = at;
    }
  }
  if (!eocd) {
    return std::nullopt;
  }
  std::uint32_t count16 = 0;
  if (!read_u16(bytes, *eocd + 10, count16)) {
    return std::nullopt;
  }
  if (count16 != 0xFFFF) {
    return count16;
  }
  // Zip64: the locator sits just before the record and points at the zip64
  // end-of-central-directory record, which holds the 64-bit count.
  if (*eocd < 20 || bytes.compare(*eocd - 20, 4, "PK\x06\x07") != 0) {
    return count16;
  }
  std::uint64_t zip64_at = 0;
  std::uint64_t count64 = 0;
  if (!read_u64(bytes, *eocd - 20 + 8, zip64_at) || zip64_at > bytes.size() ||
      bytes.compare(static_cast<std::size_t>(zip64_at), 4, "PK\x06\x06") != 0 ||
      !read_u64(bytes, static_cast<std::size_t>(zip64_at) + 32, count64)) {
    return count16;
  }
  return count64;
}

}  // namespace dhrlint::package
