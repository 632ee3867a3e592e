// The package layer: a .docx/.docm as an OPC package (a zip archive) read
// with limits, its content types and relationships, and the main document
// part found through `_rels/.rels` (never assumed to be word/document.xml).
//
// Every input is untrusted (ooxml-notes.md section 8):
//  * non-zip inputs are recognised and named before libzip sees them: OLE2
//    compound files (password-protected .docx, legacy .doc), RTF, HTML, PDF;
//  * limits are enforced on the sizes the zip declares before inflating AND
//    on the bytes actually produced while inflating, because declared sizes
//    lie; inflation stops within one chunk of a limit;
//  * only the parts a caller asks for are inflated (plus the tiny package
//    files [Content_Types].xml and *.rels, parsed when the package opens);
//  * external relationship targets are URLs and are never opened.
// Errors are values: every failure is a dhrlint::Error with a contract
// error_kind and one sentence without the file name (the caller adds it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/result.hpp"

namespace dhrlint::package {

// Defaults no real report reaches: Word writes a 150-page report's
// document.xml in 1-5 MiB (the largest file of the shared corpus, an Apache
// POI test document, has 12 MiB), and only XML parts are inflated. They keep
// any input within 2 s and 256 MiB (README "Limits"), with the reader's caps
// on paragraphs and text.
struct PackageLimits {
  std::uint64_t max_total = 48ull << 20;   // bytes inflated over the whole package
  std::uint64_t max_part = 16ull << 20;    // bytes inflated for one part
  double max_ratio = 200;                  // inflated / compressed, per part ...
  std::uint64_t ratio_floor = 1ull << 20;  // ... checked once a part's output passes this
  std::uint64_t max_entries = 10000;       // zip entries (a real .docx has 10-400)
};

struct Relationship {
  std::string id;
  std::string type;  // the full relationship type URI
  // Internal: the resolved part name (no leading '/', "." and ".." resolved,
  // spelled as the zip spells it when such an entry exists); empty when the
  // target escapes the package or is not a usable part name.
  // External (TargetMode="External"): the target URI exactly as written; it
  // is data, never opened or fetched.
  std::string target;
  bool external = false;
};

// True when `rel` has the relationship type named by `kind`, in its
// Transitional or Strict spelling: "officeDocument", "styles", "numbering",
// "footnotes", "endnotes", "comments", "commentsExtended", "header",
// "footer", "settings", "core-properties", "extended-properties",
// "custom-properties", "hyperlink", and any other officeDocument relationship
// name ("image", "theme", "fontTable", ...) by its Transitional spelling.
bool rel_is(const Relationship& rel, std::string_view kind);
bool rel_type_is(std::string_view type_uri, std::string_view kind);

// The .rels part holding the relationships of `source_part`
// ("" -> "_rels/.rels"; "word/document.xml" -> "word/_rels/document.xml.rels").
std::string rels_part_for(std::string_view source_part);

// A read-only view of one package. Movable, not copyable, not thread-safe
// (one Package per document; documents are linted in parallel, each with its
// own Package). The input file is only ever read.
class Package {
 public:
  // Inflation happens in chunks of this size; a limit is noticed at the end
  // of the chunk that crosses it, so no read produces more than limit + chunk.
  static constexpr std::size_t kChunk = std::size_t{64} * 1024;

  static Result<Package> open(const std::filesystem::path& path, const PackageLimits& limits = {});
  static Result<Package> open_bytes(std::string bytes, const PackageLimits& limits = {});

  Package(Package&&) noexcept;
  Package& operator=(Package&&) noexcept;
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;
  ~Package();

  // The main document part's name (e.g. "word/document.xml"), or why there
  // is none: kNotWord when the package has no Word main part (no
  // officeDocument relationship and no Word main content type, or a main part
  // of another content type, such as a theme package or a workbook),
  // kMissingPart when the relationship names a part the zip does not hold.
  Result<std::string> main_part() const;
  // The officeDocument relationship uses the Strict (ISO/IEC 29500 Strict)
  // type URI.
  bool strict() const;

  // Part names are case-insensitive (OPC); a leading '/' is optional.
  bool has_part(std::string_view name) const;
  // The part's bytes, inflated under the limits (kZipBomb when one is
  // exceeded; kMissingPart when absent; kTruncated when its data is corrupt).
  Result<std::string> read_part(std::string_view name);
  // Bytes produced by inflation so far, over all reads (including the
  // package files parsed by open). Tests assert bounded work with it.
  std::uint64_t bytes_inflated() const;

  // From [Content_Types].xml: the Override for the part, else the Default
  // for its extension (both matched case-insensitively); "" when neither.
  std::string content_type(std::string_view part) const;
  // Relationships whose source is `source_part` ("" = the package itself),
  // in document order. A missing .rels part means none.
  std::vector<Relationship> relationships(std::string_view source_part) const;
  // Every entry of the zip that is a part (directories left out), as the zip
  // spells it, in zip order.
  std::vector<std::string> part_names() const;
  const PackageLimits& limits() const;

 private:
  struct Impl;
  explicit Package(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dhrlint::package
