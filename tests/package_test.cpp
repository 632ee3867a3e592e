// The package layer against every bad-input kind of issue 2, each built here
// from scratch (libzip or raw bytes) in a temporary folder, and against the
// corpus files that carry these cases in the wild.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "lint/package/package.hpp"
#include "lint/package/sniff.hpp"

namespace {

namespace fs = std::filesystem;
using dhrlint::error_kind_name;
using dhrlint::ErrorKind;
using dhrlint::package::Package;
using dhrlint::package::PackageLimits;
using dhrlint::package::Relationship;

constexpr const char* kWordMainType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
constexpr const char* kTransitionalRels =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kStrictRels = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
constexpr const char* kDocumentXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>Fictional test paragraph.</w:t></w:r></w:p></w:body></w:document>";

// A folder under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("dhrlint-package-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void spit(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct Entry {
  std::string name;
  std::string data;
};

// Source callback producing `size` zero bytes: a bomb's payload without
// holding it in memory.
struct Zeros {
  std::uint64_t size = 0;
  std::uint64_t position = 0;
  zip_error_t error{};
};

zip_int64_t zeros_callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* zeros = static_cast<Zeros*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      zeros->position = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const zip_uint64_t n = std::min<zip_uint64_t>(len, zeros->size - zeros->position);
      std::memset(data, 0, static_cast<std::size_t>(n));
      zeros->position += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = zeros->size;
      st->mtime = 0;
      st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&zeros->error, data, len);
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&zeros->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

// Writes a zip with libzip (every entry deflated) plus `zero_parts`: entries
// of N zero bytes, deflated at level 9, streamed from a callback.
std::string make_zip(const TempDir& dir, const std::vector<Entry>& entries,
                     const std::vector<std::pair<std::string, std::uint64_t>>& zero_parts = {}) {
  const fs::path path = dir / "built.zip";
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(zip != nullptr);
  for (const Entry& e : entries) {
    zip_source_t* source = zip_source_buffer(zip, e.data.data(), e.data.size(), 0);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(zip, e.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  std::vector<Zeros> zeros(zero_parts.size());
  for (std::size_t i = 0; i < zero_parts.size(); ++i) {
    zeros[i].size = zero_parts[i].second;
    zip_error_init(&zeros[i].error);
    zip_source_t* source = zip_source_function(zip, zeros_callback, &zeros[i]);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(zip, zero_parts[i].first.c_str(), source, 0);
    REQUIRE(index >= 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  REQUIRE(zip_close(zip) == 0);
  for (Zeros& z : zeros) {
    zip_error_fini(&z.error);
  }
  std::string bytes = slurp(path);
  fs::remove(path);
  return bytes;
}

std::string content_types(const std::string& main_part = "/word/document.xml",
                          const std::string& main_type = kWordMainType,
                          const std::string& extra = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"" +
         main_part + "\" ContentType=\"" + main_type + "\"/>" + extra + "</Types>";
}

std::string rels(const std::vector<Relationship>& list) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (const Relationship& r : list) {
    xml += "<Relationship Id=\"" + r.id + "\" Type=\"" + r.type + "\" Target=\"" + r.target + "\"" +
           (r.external ? " TargetMode=\"External\"" : "") + "/>";
  }
  return xml + "</Relationships>";
}

std::string rel_type(const char* base, const char* kind) { return std::string(base) + kind; }

// A small but complete package: main part, styles, an external hyperlink.
std::vector<Entry> minimal_docx(const std::string& main = "word/document.xml") {
  const std::string folder = main.substr(0, main.rfind('/') + 1);
  const std::string file = main.substr(folder.size());
  return {
      {"[Content_Types].xml",
       content_types("/" + main, kWordMainType,
                     "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
                     "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>")},
      {"_rels/.rels",
       rels({{"rId1", rel_type(kTransitionalRels, "officeDocument"), main, false},
             {"rId2",
              "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
              "core-properties",
              "docProps/core.xml", false}})},
      {main, kDocumentXml},
      {folder + "_rels/" + file + ".rels",
       rels({{"rId1", rel_type(kTransitionalRels, "styles"), "styles.xml", false},
             {"rId2", rel_type(kTransitionalRels, "hyperlink"), "https://example.org/a?b=1#c",
              true}})},
      {"word/styles.xml",
       "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"},
  };
}

std::vector<Entry> replace_entry(std::vector<Entry> entries, const std::string& name,
                                 std::string data) {
  for (Entry& e : entries) {
    if (e.name == name) {
      e.data = data;
    }
  }
  return entries;
}

std::vector<Entry> without(std::vector<Entry> entries, const std::string& name) {
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const Entry& e) { return e.name == name; }),
                entries.end());
  return entries;
}

void put_u16(std::string& b, std::size_t at, std::uint32_t v) {
  b[at] = static_cast<char>(v & 0xFF);
  b[at + 1] = static_cast<char>((v >> 8) & 0xFF);
}
void put_u32(std::string& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) {
    b[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
  }
}
std::uint32_t get_u32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) {
    v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  }
  return v;
}

// Offsets of the local and central headers of the entry called `name`.
struct HeaderOffsets {
  std::size_t local = std::string::npos;
  std::size_t central = std::string::npos;
};
HeaderOffsets find_headers(const std::string& zip, const std::string& name) {
  HeaderOffsets found;
  for (std::size_t at = 0; at + 46 < zip.size(); ++at) {
    if (zip.compare(at, 4, "PK\x03\x04") == 0 && zip.compare(at + 30, name.size(), name) == 0 &&
        found.local == std::string::npos) {
      found.local = at;
    }
    if (zip.compare(at, 4, "PK\x01\x02") == 0 && zip.compare(at + 46, name.size(), name) == 0) {
      found.central = at;
    }
  }
  REQUIRE(found.local != std::string::npos);
  REQUIRE(found.central != std::string::npos);
  return found;
}

// Makes the zip lie: the entry declares `size` uncompressed bytes in both its
// local and its central header, whatever its data inflates to.
void patch_declared_size(std::string& zip, const std::string& name, std::uint32_t size) {
  const HeaderOffsets h = find_headers(zip, name);
  REQUIRE(get_u32(zip, h.local + 22) != 0xFFFFFFFFu);  // no zip64 indirection
  REQUIRE(get_u32(zip, h.central + 24) != 0xFFFFFFFFu);
  put_u32(zip, h.local + 22, size);
  put_u32(zip, h.central + 24, size);
}

std::uint32_t declared_compressed_size(const std::string& zip, const std::string& name) {
  return get_u32(zip, find_headers(zip, name).central + 20);
}

// A version 3 (512-byte sectors) or 4 (4096-byte sectors) compound file
// holding one 4096-byte stream per name (4096 is the mini-stream cutoff, so
// every stream lives in regular sectors and no mini FAT is needed). The
// directory is a valid red-black tree under the root entry.
std::string make_cfb(std::vector<std::string> names, unsigned sector_shift = 9) {
  const std::size_t ss = std::size_t{1} << sector_shift;
  constexpr std::size_t kStream = 4096;
  constexpr std::uint32_t kFree = 0xFFFFFFFFu, kEnd = 0xFFFFFFFEu, kFatSect = 0xFFFFFFFDu,
                          kNoStream = 0xFFFFFFFFu;
  // CFB orders siblings by name length, then by upper-cased name.
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    if (a.size() != b.size()) {
      return a.size() < b.size();
    }
    std::string ua = a, ub = b;
    for (char& c : ua) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    for (char& c : ub) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return ua < ub;
  });
  const std::size_t entries = names.size() + 1;
  const std::size_t dir_sectors = (entries * 128 + ss - 1) / ss;
  const std::size_t per_stream = kStream / ss;
  const std::size_t sectors = 1 + dir_sectors + names.size() * per_stream;
  REQUIRE(sectors <= ss / 4);  // one FAT sector is enough

  std::string file((sectors + 1) * ss, '\0');
  file.replace(0, 8, dhrlint::package::kOleSignature);
  put_u16(file, 0x18, 0x3E);
  put_u16(file, 0x1A, sector_shift == 9 ? 3 : 4);
  put_u16(file, 0x1C, 0xFFFE);
  put_u16(file, 0x1E, sector_shift);
  put_u16(file, 0x20, 6);
  put_u32(file, 0x28, sector_shift == 9 ? 0 : static_cast<std::uint32_t>(dir_sectors));
  put_u32(file, 0x2C, 1);  // FAT sectors
  put_u32(file, 0x30, 1);  // first directory sector
  put_u32(file, 0x38, 4096);
  put_u32(file, 0x3C, kEnd);  // no mini FAT
  put_u32(file, 0x40, 0);
  put_u32(file, 0x44, kEnd);  // no DIFAT sectors
  put_u32(file, 0x48, 0);
  for (std::size_t i = 0; i < 109; ++i) {
    put_u32(file, 0x4C + 4 * i, i == 0 ? 0 : kFree);
  }

  const auto sector_at = [&](std::size_t s) { return (s + 1) * ss; };
  // FAT: sector 0 is the FAT, then the directory chain, then each stream.
  for (std::size_t i = 0; i < ss / 4; ++i) {
    put_u32(file, sector_at(0) + 4 * i, kFree);
  }
  put_u32(file, sector_at(0), kFatSect);
  for (std::size_t i = 0; i < dir_sectors; ++i) {
    put_u32(file, sector_at(0) + 4 * (1 + i),
            i + 1 == dir_sectors ? kEnd : static_cast<std::uint32_t>(2 + i));
  }
  std::vector<std::uint32_t> starts;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::size_t first = 1 + dir_sectors + k * per_stream;
    starts.push_back(static_cast<std::uint32_t>(first));
    for (std::size_t i = 0; i < per_stream; ++i) {
      put_u32(file, sector_at(0) + 4 * (first + i),
              i + 1 == per_stream ? kEnd : static_cast<std::uint32_t>(first + i + 1));
    }
    // Recognisable stream content (a Word FIB starts with 0xA5EC).
    file[sector_at(first)] = '\xEC';
    file[sector_at(first) + 1] = '\xA5';
  }

  // Directory entries: 0 is the root; the streams form a balanced tree,
  // black except for the last level when it is not full.
  struct Node {
    std::uint32_t left = kNoStream, right = kNoStream;
    bool red = false;
  };
  std::vector<Node> nodes(names.size());
  std::size_t height = 0;
  while ((std::size_t{1} << height) - 1 < names.size()) {
    ++height;
  }
  const bool perfect = (std::size_t{1} << height) - 1 == names.size();
  const auto build = [&](auto&& self, std::size_t lo, std::size_t hi,
                         std::size_t depth) -> std::uint32_t {
    if (lo >= hi) {
      return kNoStream;
    }
    const std::size_t mid = (lo + hi) / 2;
    nodes[mid].left = self(self, lo, mid, depth + 1);
    nodes[mid].right = self(self, mid + 1, hi, depth + 1);
    nodes[mid].red = !perfect && depth + 1 == height;
    return static_cast<std::uint32_t>(mid + 1);  // directory ids: stream k is entry k + 1
  };
  const std::uint32_t root_child = build(build, 0, names.size(), 0);
  const auto write_entry = [&](std::size_t id, const std::string& name, int type,
                               std::uint32_t left, std::uint32_t right, std::uint32_t child,
                               bool red, std::uint32_t start, std::uint32_t size) {
    const std::size_t at = sector_at(1) + id * 128;
    for (std::size_t i = 0; i < name.size(); ++i) {
      put_u16(file, at + 2 * i, static_cast<unsigned char>(name[i]));
    }
    put_u16(file, at + 0x40, static_cast<std::uint32_t>((name.size() + 1) * 2));
    file[at + 0x42] = static_cast<char>(type);
    file[at + 0x43] = red ? 0 : 1;
    put_u32(file, at + 0x44, left);
    put_u32(file, at + 0x48, right);
    put_u32(file, at + 0x4C, child);
    put_u32(file, at + 0x74, start);
    put_u32(file, at + 0x78, size);
  };
  write_entry(0, "Root Entry", 5, kNoStream, kNoStream, root_child, false, kEnd, 0);
  for (std::size_t k = 0; k < names.size(); ++k) {
    write_entry(k + 1, names[k], 2, nodes[k].left, nodes[k].right, kNoStream, nodes[k].red,
                starts[k], static_cast<std::uint32_t>(kStream));
  }
  for (std::size_t id = entries; id < dir_sectors * ss / 128; ++id) {  // unused entries
    const std::size_t at = sector_at(1) + id * 128;
    put_u32(file, at + 0x44, kNoStream);
    put_u32(file, at + 0x48, kNoStream);
    put_u32(file, at + 0x4C, kNoStream);
  }
  return file;
}

// The first error of open -> main_part -> read_part(main), or nullopt.
std::optional<dhrlint::Error> load_main(const fs::path& path, std::uint64_t* inflated = nullptr) {
  auto package = Package::open(path);
  if (!package.ok()) {
    return package.error();
  }
  auto main = package.value().main_part();
  if (!main.ok()) {
    return main.error();
  }
  auto bytes = package.value().read_part(main.value());
  if (inflated != nullptr) {
    *inflated = package.value().bytes_inflated();
  }
  if (!bytes.ok()) {
    return bytes.error();
  }
  return std::nullopt;
}

ErrorKind open_error_kind(const std::string& bytes) {
  auto package = Package::open_bytes(bytes);
  REQUIRE_FALSE(package.ok());
  INFO("error: " << package.error().message);
  CHECK_FALSE(package.error().message.empty());
  return package.error().kind;
}

std::optional<fs::path> corpus_dir() {
  const fs::path dir = DHRLINT_CORPUS_DIR;
  if (fs::is_directory(dir)) {
    return dir;
  }
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL("corpus folder " << dir << " is absent and CI=true");
  }
  MESSAGE("skipped: corpus folder " << dir << " is absent (set DHRLINT_CORPUS_DIR)");
  return std::nullopt;
}

}  // namespace

TEST_CASE("package: a minimal docx opens; main part, content types and relationships") {
  TempDir dir;
  const std::string zip = make_zip(dir, minimal_docx());
  auto opened = Package::open_bytes(zip);
  REQUIRE(opened.ok());
  Package& package = opened.value();
  const std::uint64_t after_open = package.bytes_inflated();
  CHECK(after_open > 0);  // [Content_Types].xml and the .rels parts

  REQUIRE(package.main_part().ok());
  CHECK(package.main_part().value() == "word/document.xml");
  CHECK_FALSE(package.strict());
  CHECK(package.content_type("word/document.xml") == kWordMainType);
  CHECK(package.content_type("/word/styles.xml") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  CHECK(package.content_type("word/_rels/document.xml.rels") ==
        "application/vnd.openxmlformats-package.relationships+xml");  // Default by extension
  CHECK(package.content_type("word/missing.bin") == "");

  auto bytes = package.read_part("word/document.xml");
  REQUIRE(bytes.ok());
  CHECK(bytes.value() == kDocumentXml);
  CHECK(package.bytes_inflated() == after_open + std::strlen(kDocumentXml));

  const auto package_rels = package.relationships("");
  REQUIRE(package_rels.size() == 2);
  CHECK(dhrlint::package::rel_is(package_rels[0], "officeDocument"));
  CHECK(dhrlint::package::rel_is(package_rels[1], "core-properties"));
  CHECK(package_rels[1].target == "docProps/core.xml");  // resolved although absent

  const auto doc_rels = package.relationships("word/document.xml");
  REQUIRE(doc_rels.size() == 2);
  CHECK(doc_rels[0].id == "rId1");
  CHECK(dhrlint::package::rel_is(doc_rels[0], "styles"));
  CHECK(doc_rels[0].target == "word/styles.xml");  // relative to word/
  CHECK_FALSE(doc_rels[0].external);
  CHECK(dhrlint::package::rel_is(doc_rels[1], "hyperlink"));
  CHECK(doc_rels[1].external);
  CHECK(doc_rels[1].target == "https://example.org/a?b=1#c");  // kept as data, never opened
  CHECK(package.relationships("word/styles.xml").empty());     // no .rels: none

  CHECK(package.part_names().size() == 5);
  CHECK(package.has_part("[Content_Types].xml"));
  auto missing = package.read_part("word/numbering.xml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == ErrorKind::kMissingPart);
}

TEST_CASE("package: inputs that are not zip archives are named") {
  TempDir dir;
  struct Case {
    const char* label;
    std::string bytes;
    const char* says;  // a word the sentence must contain
  };
  std::mt19937 random(20240601);
  std::string noise(4096, '\0');
  for (char& c : noise) {
    c = static_cast<char>(random() & 0xFF);
  }
  noise[0] = 'x';  // not accidentally "PK" or an OLE signature
  const std::vector<Case> cases = {
      {"random bytes", noise, "not a zip"},
      {"empty file", "", "empty"},
      {"RTF", "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}", "RTF"},
      {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n", "PDF"},
      {"HTML", "<html><head><title>x</title></head><body>x</body></html>", "HTML"},
      {"HTML doctype", "\xEF\xBB\xBF\n<!DOCTYPE html>\n<html lang=\"en\"></html>", "HTML"},
      {"Word 2003 XML",
       "<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument/>",
       "Word XML"},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    const fs::path path = dir / "input.docx";
    spit(path, c.bytes);
    auto package = Package::open(path);
    REQUIRE_FALSE(package.ok());
    CHECK(package.error().kind == ErrorKind::kNotZip);
    CHECK(package.error().message.find(c.says) != std::string::npos);
    CHECK(slurp(path) == c.bytes);  // never written to
  }
}

TEST_CASE("package: a missing path or a folder is an io error") {
  TempDir dir;
  auto missing = Package::open(dir / "nope.docx");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == ErrorKind::kIo);
  fs::create_directories(dir / "folder.docx");
  auto folder = Package::open(dir / "folder.docx");
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error().kind == ErrorKind::kIo);
  CHECK(error_kind_name(folder.error().kind) == "io");
}

TEST_CASE("package: OLE2 compound files: legacy .doc, password-protected, unknown") {
  TempDir dir;
  for (unsigned shift : {9u, 12u}) {
    INFO("sector shift " << shift);
    const std::string legacy = make_cfb({"WordDocument", "1Table"}, shift);
    auto entries = dhrlint::package::read_cfb_directory(legacy);
    REQUIRE(entries.ok());
    REQUIRE(entries.value().size() == 3);
    CHECK(entries.value()[0].name == "Root Entry");
    CHECK(entries.value()[0].type == 5);
    spit(dir / "legacy.docx", legacy);
    auto doc = Package::open(dir / "legacy.docx");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().kind == ErrorKind::kLegacyDoc);
    CHECK(doc.error().message.find("legacy Word 97-2003 binary (.doc), not .docx") !=
          std::string::npos);

    spit(dir / "locked.docx", make_cfb({"EncryptionInfo", "EncryptedPackage"}, shift));
    auto locked = Package::open(dir / "locked.docx");
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().kind == ErrorKind::kEncrypted);
    CHECK(locked.error().message == "document is password-protected; save it without a password");
  }
  // An OLE file holding neither: still named, generically.
  CHECK(open_error_kind(make_cfb({"Contents"})) == ErrorKind::kLegacyDoc);
  // A bare or damaged OLE header: the directory cannot be read, same answer.
  std::string header_only = make_cfb({"WordDocument"}).substr(0, 512);
  CHECK(open_error_kind(header_only) == ErrorKind::kLegacyDoc);
  std::string cyclic = make_cfb({"Contents"});
  put_u32(cyclic, 512 + 4 * 1, 1);  // the directory sector chains to itself
  auto cyclic_entries = dhrlint::package::read_cfb_directory(cyclic);
  REQUIRE(cyclic_entries.ok());
  CHECK(cyclic_entries.value().size() == 2);
  std::string wild = make_cfb({"WordDocument"});
  put_u32(wild, 0x30, 0x7FFFFFF0u);  // directory sector far outside the file
  CHECK(open_error_kind(wild) == ErrorKind::kLegacyDoc);
}

TEST_CASE("package: a truncated zip is named truncated, never not-zip") {
  TempDir dir;
  const std::string zip = make_zip(dir, minimal_docx());
  for (std::size_t cut : {zip.size() / 2, zip.size() / 10, zip.size() * 9 / 10, zip.size() - 1}) {
    INFO("cut at " << cut << " of " << zip.size());
    spit(dir / "cut.docx", zip.substr(0, cut));
    auto package = Package::open(dir / "cut.docx");
    REQUIRE_FALSE(package.ok());
    CHECK(package.error().kind == ErrorKind::kTruncated);
    CHECK(error_kind_name(package.error().kind) == "truncated");
  }
  // Damaged data inside an intact archive: the part read fails, not the open.
  std::string damaged = zip;
  const auto h = find_headers(damaged, "word/document.xml");
  const std::size_t data = h.local + 30 + (get_u32(damaged, h.local + 26) & 0xFFFF) +
                           (get_u32(damaged, h.local + 28) & 0xFFFF);
  for (std::size_t i = 4; i < 12; ++i) {
    damaged[data + i] = static_cast<char>(~damaged[data + i]);
  }
  auto package = Package::open_bytes(damaged);
  REQUIRE(package.ok());
  auto part = package.value().read_part("word/document.xml");
  REQUIRE_FALSE(part.ok());
  CHECK(part.error().kind == ErrorKind::kTruncated);
}

TEST_CASE("package: zip bomb: 300 MiB of zeros, honest and lying declared sizes") {
  TempDir dir;
  constexpr std::uint64_t kBomb = 300ull << 20;
  std::vector<Entry> entries = without(minimal_docx(), "word/document.xml");
  std::string zip = make_zip(dir, entries, {{"word/document.xml", kBomb}});
  const std::uint32_t compressed = declared_compressed_size(zip, "word/document.xml");
  MESSAGE("bomb: " << kBomb << " bytes of zeros deflated to " << compressed << " bytes, "
                   << zip.size() << " byte file");

  // Honest sizes: refused from the central directory before inflating, at
  // open (over the whole package's limit) ...
  {
    auto package = Package::open_bytes(zip);
    REQUIRE_FALSE(package.ok());
    CHECK(package.error().kind == ErrorKind::kZipBomb);
    MESSAGE("honest bomb: " << package.error().message);
  }
  // ... and, where the package's limit allows it, at the part (over the
  // part's limit), with nothing inflated.
  {
    PackageLimits limits;
    limits.max_total = 1ull << 30;
    auto package = Package::open_bytes(zip, limits);
    REQUIRE(package.ok());
    REQUIRE(package.value().main_part().ok());
    const std::uint64_t before = package.value().bytes_inflated();
    auto part = package.value().read_part("word/document.xml");
    REQUIRE_FALSE(part.ok());
    CHECK(part.error().kind == ErrorKind::kZipBomb);
    CHECK(package.value().bytes_inflated() - before == 0);
    MESSAGE("honest bomb, one part: " << part.error().message);
  }
  // Lying sizes: the headers claim 4 KiB; counting the bytes produced stops it.
  patch_declared_size(zip, "word/document.xml", 4096);
  {
    const PackageLimits limits;
    auto package = Package::open_bytes(zip, limits);
    REQUIRE(package.ok());
    const std::uint64_t before = package.value().bytes_inflated();
    auto part = package.value().read_part("word/document.xml");
    REQUIRE_FALSE(part.ok());
    CHECK(part.error().kind == ErrorKind::kZipBomb);
    const std::uint64_t work = package.value().bytes_inflated() - before;
    const auto ratio_bound = static_cast<std::uint64_t>(limits.max_ratio * compressed);
    const std::uint64_t bound =
        std::min(limits.max_part, std::max(limits.ratio_floor, ratio_bound));
    MESSAGE("lying bomb: inflated " << work << " bytes (bound " << bound << " + one chunk of "
                                    << Package::kChunk << "): " << part.error().message);
    CHECK(work > 4096);
    CHECK(work <= bound + Package::kChunk);
  }
  // With the ratio limit out of the way the per-part limit stops it.
  {
    PackageLimits limits;
    limits.max_ratio = 1e9;
    limits.max_part = 8ull << 20;
    auto package = Package::open_bytes(zip, limits);
    REQUIRE(package.ok());
    const std::uint64_t before = package.value().bytes_inflated();
    auto part = package.value().read_part("/WORD/DOCUMENT.XML");
    REQUIRE_FALSE(part.ok());
    CHECK(part.error().kind == ErrorKind::kZipBomb);
    const std::uint64_t work = package.value().bytes_inflated() - before;
    CHECK(work > limits.max_part);
    CHECK(work <= limits.max_part + Package::kChunk);
  }
}

TEST_CASE("package: the total limit counts bytes inflated across parts") {
  TempDir dir;
  PackageLimits limits;
  limits.max_part = 4ull << 20;
  limits.max_total = 7ull << 20;
  limits.max_ratio = 1e9;
  std::vector<Entry> entries = minimal_docx();
  std::string zip = make_zip(dir, entries,
                             {{"word/media/a.bin", 3ull << 20},
                              {"word/media/b.bin", 3ull << 20},
                              {"word/media/c.bin", 3ull << 20}});
  // Declared sizes already exceed the total: refused at open.
  auto refused = Package::open_bytes(zip, limits);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::kZipBomb);
  // Declaring 1 KiB each, the parts still cannot inflate past the total.
  for (const char* name : {"word/media/a.bin", "word/media/b.bin", "word/media/c.bin"}) {
    patch_declared_size(zip, name, 1024);
  }
  auto opened = Package::open_bytes(zip, limits);
  REQUIRE(opened.ok());
  Package& package = opened.value();
  auto a = package.read_part("word/media/a.bin");
  // The true 3 MiB is more than the declared 1 KiB: damaged, but bounded.
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().kind == ErrorKind::kTruncated);
  auto b = package.read_part("word/media/b.bin");
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().kind == ErrorKind::kTruncated);
  auto c = package.read_part("word/media/c.bin");
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().kind == ErrorKind::kZipBomb);
  CHECK(package.bytes_inflated() > limits.max_total);
  CHECK(package.bytes_inflated() <= limits.max_total + Package::kChunk);
}

TEST_CASE("package: compression ratio limit once a part passes the floor") {
  TempDir dir;
  std::vector<Entry> entries = minimal_docx();
  std::string zip = make_zip(dir, entries, {{"word/media/zeros.bin", 12ull << 20}});
  const PackageLimits limits;  // 12 MiB is under the 16 MiB part limit
  auto declared = Package::open_bytes(zip, limits);
  REQUIRE(declared.ok());
  auto refused = declared.value().read_part("word/media/zeros.bin");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::kZipBomb);
  CHECK(refused.error().message.find("ratio") != std::string::npos);

  patch_declared_size(zip, "word/media/zeros.bin", 100);
  const std::uint32_t compressed = declared_compressed_size(zip, "word/media/zeros.bin");
  auto counted = Package::open_bytes(zip, limits);
  REQUIRE(counted.ok());
  const std::uint64_t before = counted.value().bytes_inflated();
  auto stopped = counted.value().read_part("word/media/zeros.bin");
  REQUIRE_FALSE(stopped.ok());
  CHECK(stopped.error().kind == ErrorKind::kZipBomb);
  const std::uint64_t work = counted.value().bytes_inflated() - before;
  const auto bound =
      std::max<std::uint64_t>(limits.ratio_floor, static_cast<std::uint64_t>(200.0 * compressed));
  CHECK(work <= bound + Package::kChunk);
  CHECK(work < (12ull << 20));
}

TEST_CASE("package: too many entries") {
  TempDir dir;
  std::vector<Entry> entries = minimal_docx();
  for (int i = 0; i < 20; ++i) {
    entries.push_back({"junk/" + std::to_string(i) + ".txt", "x"});
  }
  const std::string zip = make_zip(dir, entries);
  PackageLimits limits;
  limits.max_entries = 20;
  auto refused = Package::open_bytes(zip, limits);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::kZipBomb);
  CHECK(refused.error().message.find("25 entries") != std::string::npos);
  limits.max_entries = 25;
  CHECK(Package::open_bytes(zip, limits).ok());

  // Past the default of 10,000 (empty entries keep the file small).
  std::vector<Entry> many = minimal_docx();
  for (int i = 0; i < 10000; ++i) {
    many.push_back({"junk/" + std::to_string(i), ""});
  }
  auto too_many = Package::open_bytes(make_zip(dir, many));
  REQUIRE_FALSE(too_many.ok());
  CHECK(too_many.error().kind == ErrorKind::kZipBomb);
  CHECK(dhrlint::package::declared_zip_entry_count(make_zip(dir, minimal_docx())) == 5u);
}

TEST_CASE("package: duplicate entry names, encrypted entries, odd compression") {
  TempDir dir;
  // Two spellings of one part name (OPC names are case-insensitive).
  std::vector<Entry> twice = minimal_docx();
  twice.push_back({"Word/Document.xml", kDocumentXml});
  auto dup = Package::open_bytes(make_zip(dir, twice));
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.error().kind == ErrorKind::kTruncated);
  CHECK(dup.error().message.find("two entries") != std::string::npos);

  // The very same name twice (libzip will not write it; patch a twin).
  std::vector<Entry> twin = minimal_docx();
  twin.push_back({"word/documenX.xml", "<x/>"});
  std::string zip = make_zip(dir, twin);
  const auto h = find_headers(zip, "word/documenX.xml");
  zip[h.local + 30 + 12] = 't';
  zip[h.central + 46 + 12] = 't';
  auto same = Package::open_bytes(zip);
  REQUIRE_FALSE(same.ok());
  CHECK(same.error().message.find("two entries") != std::string::npos);

  // Zip-level encryption: general purpose flag bit 0 on one entry.
  std::string encrypted = make_zip(dir, minimal_docx());
  const auto e = find_headers(encrypted, "word/styles.xml");
  encrypted[e.local + 6] = static_cast<char>(encrypted[e.local + 6] | 1);
  encrypted[e.central + 8] = static_cast<char>(encrypted[e.central + 8] | 1);
  auto enc = Package::open_bytes(encrypted);
  REQUIRE_FALSE(enc.ok());
  CHECK(enc.error().kind == ErrorKind::kEncrypted);

  // A compression method OPC does not allow (bzip2 = 12).
  std::string odd = make_zip(dir, minimal_docx());
  const auto o = find_headers(odd, "word/styles.xml");
  put_u16(odd, o.local + 8, 12);
  put_u16(odd, o.central + 10, 12);
  auto method = Package::open_bytes(odd);
  REQUIRE_FALSE(method.ok());
  CHECK(method.error().message.find("compression method 12") != std::string::npos);
}

TEST_CASE("package: missing main part, no main part, not a Word package") {
  TempDir dir;
  // The relationship names word/document.xml, which is not there.
  auto absent = Package::open_bytes(make_zip(dir, without(minimal_docx(), "word/document.xml")));
  REQUIRE(absent.ok());
  REQUIRE_FALSE(absent.value().main_part().ok());
  CHECK(absent.value().main_part().error().kind == ErrorKind::kMissingPart);
  CHECK(absent.value().main_part().error().message.find("word/document.xml") != std::string::npos);

  // A zip that is not an OPC package at all.
  auto plain = Package::open_bytes(make_zip(dir, {{"notes.txt", "hello"}}));
  REQUIRE(plain.ok());
  REQUIRE_FALSE(plain.value().main_part().ok());
  CHECK(plain.value().main_part().error().kind == ErrorKind::kNotWord);
  CHECK(plain.value().main_part().error().message ==
        "not a Word document: the package holds no main document part");

  // A theme package, like poi__stress025: officeDocument points at a theme.
  const std::string theme_type = "application/vnd.openxmlformats-officedocument.themeManager+xml";
  auto theme = Package::open_bytes(make_zip(
      dir, {{"[Content_Types].xml", content_types("/theme/theme/themeManager.xml", theme_type)},
            {"_rels/.rels", rels({{"rId1", rel_type(kTransitionalRels, "officeDocument"),
                                   "theme/theme/themeManager.xml", false}})},
            {"theme/theme/themeManager.xml", "<a:themeManager/>"}}));
  REQUIRE(theme.ok());
  CHECK(theme.value().main_part().error().kind == ErrorKind::kNotWord);

  // A workbook renamed .docx.
  auto workbook = Package::open_bytes(make_zip(
      dir, {{"[Content_Types].xml",
             content_types(
                 "/xl/workbook.xml",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")},
            {"_rels/.rels", rels({{"rId1", rel_type(kTransitionalRels, "officeDocument"),
                                   "xl/workbook.xml", false}})},
            {"xl/workbook.xml", "<workbook/>"}}));
  REQUIRE(workbook.ok());
  CHECK(workbook.value().main_part().error().kind == ErrorKind::kNotWord);
  CHECK(workbook.value().main_part().error().message.find("Excel") != std::string::npos);

  // No _rels/.rels but the content types name the Word main part: read it.
  auto no_rels = Package::open_bytes(make_zip(dir, without(minimal_docx(), "_rels/.rels")));
  REQUIRE(no_rels.ok());
  REQUIRE(no_rels.value().main_part().ok());
  CHECK(no_rels.value().main_part().value() == "word/document.xml");
}

TEST_CASE("package: a renamed main part is found through _rels/.rels") {
  TempDir dir;
  for (const std::string main : {"word/blah_blah.xml", "word/document22.xml", "content/main.xml"}) {
    INFO(main);
    auto package = Package::open_bytes(make_zip(dir, minimal_docx(main)));
    REQUIRE(package.ok());
    REQUIRE(package.value().main_part().ok());
    CHECK(package.value().main_part().value() == main);
    CHECK(package.value().read_part(main).value() == kDocumentXml);
    const auto found = package.value().relationships(main);
    REQUIRE(found.size() == 2);
    CHECK(package.value().has_part(found[0].target) == (main.rfind("word/", 0) == 0));
  }
  // An absolute target ("/word/document2.xml", as pandoc writes it).
  auto entries = minimal_docx("word/document2.xml");
  entries = replace_entry(entries, "_rels/.rels",
                          rels({{"rId1", rel_type(kTransitionalRels, "officeDocument"),
                                 "/word/document2.xml", false}}));
  auto absolute = Package::open_bytes(make_zip(dir, entries));
  REQUIRE(absolute.ok());
  CHECK(absolute.value().main_part().value() == "word/document2.xml");
  // A .docm: the macro-enabled main content type is a Word main part.
  auto docm = Package::open_bytes(make_zip(
      dir, replace_entry(minimal_docx(), "[Content_Types].xml",
                         content_types("/word/document.xml",
                                       "application/vnd.ms-word.document.macroEnabled.main+xml"))));
  REQUIRE(docm.ok());
  CHECK(docm.value().main_part().ok());
}

TEST_CASE("package: Strict relationship types") {
  TempDir dir;
  std::vector<Entry> entries = minimal_docx();
  entries = replace_entry(
      entries, "_rels/.rels",
      rels({{"rId1", rel_type(kStrictRels, "officeDocument"), "word/document.xml", false},
            {"rId2", rel_type(kStrictRels, "extendedProperties"), "docProps/app.xml", false},
            {"rId3", rel_type(kStrictRels, "customProperties"), "docProps/custom.xml", false}}));
  entries =
      replace_entry(entries, "word/_rels/document.xml.rels",
                    rels({{"rId1", rel_type(kStrictRels, "styles"), "styles.xml", false},
                          {"rId2", rel_type(kStrictRels, "footnotes"), "footnotes.xml", false}}));
  auto package = Package::open_bytes(make_zip(dir, entries));
  REQUIRE(package.ok());
  REQUIRE(package.value().main_part().ok());
  CHECK(package.value().strict());
  const auto top = package.value().relationships("");
  REQUIRE(top.size() == 3);
  CHECK(dhrlint::package::rel_is(top[1], "extended-properties"));
  CHECK(dhrlint::package::rel_is(top[2], "custom-properties"));
  CHECK_FALSE(dhrlint::package::rel_is(top[1], "custom-properties"));
  const auto doc = package.value().relationships("/word/document.xml");
  REQUIRE(doc.size() == 2);
  CHECK(dhrlint::package::rel_is(doc[0], "styles"));
  CHECK(dhrlint::package::rel_is(doc[1], "footnotes"));
  CHECK_FALSE(dhrlint::package::rel_is(doc[1], "endnotes"));

  using dhrlint::package::rel_type_is;
  CHECK(rel_type_is(rel_type(kTransitionalRels, "extended-properties"), "extended-properties"));
  CHECK(rel_type_is(
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "core-properties"));
  CHECK(rel_type_is("http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                    "commentsExtended"));
  CHECK_FALSE(rel_type_is(rel_type(kTransitionalRels, "header"), "footer"));
  CHECK_FALSE(rel_type_is(rel_type(kTransitionalRels, "headerx"), "header"));
  CHECK(dhrlint::package::rels_part_for("") == "_rels/.rels");
  CHECK(dhrlint::package::rels_part_for("/word/document.xml") == "word/_rels/document.xml.rels");
  CHECK(dhrlint::package::rels_part_for("main.xml") == "_rels/main.xml.rels");
}

TEST_CASE("package: part names are case-insensitive") {
  TempDir dir;
  std::vector<Entry> entries = minimal_docx();
  for (Entry& e : entries) {
    if (e.name == "word/document.xml") {
      e.name = "Word/Document.XML";
    }
    if (e.name == "word/_rels/document.xml.rels") {
      e.name = "WORD/_RELS/DOCUMENT.XML.RELS";
    }
  }
  auto package = Package::open_bytes(make_zip(dir, entries));
  REQUIRE(package.ok());
  REQUIRE(package.value().main_part().ok());
  CHECK(package.value().main_part().value() == "Word/Document.XML");  // the zip's spelling
  CHECK(package.value().has_part("/word/document.xml"));
  CHECK(package.value().has_part("WORD/DOCUMENT.XML"));
  CHECK(package.value().read_part("word/DOCUMENT.xml").ok());
  CHECK(package.value().content_type("word/document.xml") == kWordMainType);
  const auto found = package.value().relationships("word/document.xml");
  REQUIRE(found.size() == 2);
  // Resolved against the source's folder ("WORD/"), then spelled as the zip spells it.
  CHECK(found[0].target == "word/styles.xml");
  CHECK(package.value().has_part(found[0].target));
}

TEST_CASE("package: relationship targets that escape the package are ignored") {
  TempDir dir;
  std::vector<Entry> entries = replace_entry(
      minimal_docx(), "word/_rels/document.xml.rels",
      rels({{"rId1", rel_type(kTransitionalRels, "styles"), "../../../etc/passwd", false},
            {"rId2", rel_type(kTransitionalRels, "footnotes"), "../customXml/item1.xml", false},
            {"rId3", rel_type(kTransitionalRels, "image"), "http://example.org/x.png", false},
            {"rId4", rel_type(kTransitionalRels, "image"), "media/./a/../image%201.png", false},
            {"rId5", rel_type(kTransitionalRels, "header"), "/../header1.xml", false}}));
  entries.push_back({"word/media/image 1.png", "png"});
  auto package = Package::open_bytes(make_zip(dir, entries));
  REQUIRE(package.ok());
  const auto found = package.value().relationships("word/document.xml");
  REQUIRE(found.size() == 5);
  CHECK(found[0].target.empty());
  CHECK(found[1].target == "customXml/item1.xml");
  CHECK(found[2].target.empty());  // a URL without TargetMode="External" is no part
  CHECK(found[3].target == "word/media/image 1.png");
  CHECK(found[4].target.empty());
  // The main relationship escaping the package: missing main part.
  auto escaping = Package::open_bytes(
      make_zip(dir, replace_entry(minimal_docx(), "_rels/.rels",
                                  rels({{"rId1", rel_type(kTransitionalRels, "officeDocument"),
                                         "../word/document.xml", false}}))));
  REQUIRE(escaping.ok());
  CHECK(escaping.value().main_part().error().kind == ErrorKind::kMissingPart);
}

TEST_CASE("package: malformed or DOCTYPE-carrying package XML is refused") {
  TempDir dir;
  const std::string doctype =
      "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY e SYSTEM \"http://example.org/\">]>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
  auto with_doctype = Package::open_bytes(
      make_zip(dir, replace_entry(minimal_docx(), "[Content_Types].xml", doctype)));
  REQUIRE_FALSE(with_doctype.ok());
  CHECK(with_doctype.error().kind == ErrorKind::kXml);
  CHECK(with_doctype.error().message.find("DOCTYPE") != std::string::npos);

  auto broken_rels = Package::open_bytes(make_zip(
      dir, replace_entry(minimal_docx(), "word/_rels/document.xml.rels", "<Relationships><oops")));
  REQUIRE_FALSE(broken_rels.ok());
  CHECK(broken_rels.error().kind == ErrorKind::kXml);
  CHECK(broken_rels.error().message.find("word/_rels/document.xml.rels") != std::string::npos);

  // Prefixed package XML and a UTF-16 .rels still parse (local names only).
  const std::string prefixed =
      "<ct:Types xmlns:ct=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<ct:Override PartName=\"/word/document.xml\" ContentType=\"" +
      std::string(kWordMainType) + "\"/></ct:Types>";
  const std::string utf8_rels =
      rels({{"rId1", rel_type(kTransitionalRels, "officeDocument"), "word/document.xml", false}});
  std::string utf16_rels = "\xFF\xFE";
  for (char c : utf8_rels) {
    utf16_rels += c;
    utf16_rels += '\0';
  }
  auto entries = replace_entry(minimal_docx(), "[Content_Types].xml", prefixed);
  entries = replace_entry(entries, "_rels/.rels", utf16_rels);
  auto odd = Package::open_bytes(make_zip(dir, entries));
  REQUIRE(odd.ok());
  REQUIRE(odd.value().main_part().ok());
  CHECK(odd.value().main_part().value() == "word/document.xml");
}

TEST_CASE("package: corpus files with package-level cases") {
  const auto dir = corpus_dir();
  if (!dir) {
    return;
  }
  struct Expect {
    std::string file;
    ErrorKind kind;
  };
  std::vector<Expect> broken = {
      {"poi__truncated62886.docx", ErrorKind::kTruncated},
      {"poi__bug53475-password-is-pass.docx", ErrorKind::kEncrypted},
      {"poi__cpansearch.perl.org_src_tobyink_acme-rundoc-0.001_word-lib_hello_world.docm",
       ErrorKind::kLegacyDoc},
      {"oparser__many_entries_archive.docx", ErrorKind::kZipBomb},
      {"oparser__oversized_archive.docx", ErrorKind::kZipBomb},
      {"poi__stress025.docx", ErrorKind::kNotWord},
  };
  for (const auto& entry : fs::directory_iterator(*dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("poi__clusterfuzz-", 0) == 0) {
      broken.push_back({name, ErrorKind::kTruncated});
    }
  }
  for (const Expect& e : broken) {
    INFO(e.file);
    REQUIRE(fs::exists(*dir / e.file));
    std::uint64_t inflated = 0;
    const auto error = load_main(*dir / e.file, &inflated);
    REQUIRE(error.has_value());
    CHECK(error_kind_name(error->kind) == error_kind_name(e.kind));
    MESSAGE(e.file << ": " << error_kind_name(error->kind) << ": " << error->message);
    CHECK(inflated < (1ull << 20));  // refused without real inflation work
  }
  struct Main {
    std::string file;
    std::string main;
    bool strict;
  };
  const std::vector<Main> mains = {
      {"d2p__renamed_document_xml.docx", "word/blah_blah.xml", false},
      {"docx4j__HelloWordOnline.docx", "word/document22.xml", false},
      {"pandoc__alternate_document_path.docx", "word/document2.xml", false},
      {"d2p__strict.docx", "word/document.xml", true},
      {"mammoth__strict-format.docx", "word/document.xml", true},
      {"pandoc__7691.docx", "word/document.xml", true},
  };
  for (const Main& m : mains) {
    INFO(m.file);
    auto package = Package::open(*dir / m.file);
    REQUIRE(package.ok());
    REQUIRE(package.value().main_part().ok());
    CHECK(package.value().main_part().value() == m.main);
    CHECK(package.value().strict() == m.strict);
    auto bytes = package.value().read_part(m.main);
    REQUIRE(bytes.ok());
    CHECK(bytes.value().find("document") != std::string::npos);
    bool has_styles = false;
    for (const Relationship& r : package.value().relationships(m.main)) {
      if (dhrlint::package::rel_is(r, "styles")) {
        has_styles = package.value().has_part(r.target);
      }
    }
    CHECK(has_styles);
  }
}

TEST_CASE("package: randomly damaged packages and compound files fail cleanly") {
  // Not a fuzzer (that is its own target), but enough mutations of a valid
  // package and a valid compound file that the sanitizer build sees every
  // error path: each input opens or fails with a one-line reason, and no
  // read inflates past the limits.
  TempDir dir;
  const std::string zip = make_zip(dir, minimal_docx());
  const std::string cfb = make_cfb({"WordDocument", "1Table", "EncryptionInfo"});
  std::mt19937 random(7);
  const auto check_error = [](const dhrlint::Error& e) {
    CHECK_FALSE(e.message.empty());
    CHECK(e.message.find('\n') == std::string::npos);
  };
  int opened = 0;
  int read = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string bytes = zip;
    const int mutations = 1 + static_cast<int>(random() % 4);
    for (int m = 0; m < mutations; ++m) {
      const std::size_t at = random() % bytes.size();
      switch (random() % 4) {
        case 0:
          bytes[at] = static_cast<char>(random() & 0xFF);
          break;
        case 1:
          bytes[at] = static_cast<char>(bytes[at] ^ (1 << (random() % 8)));
          break;
        case 2:
          bytes.erase(at, 1 + random() % 8);
          break;
        default:
          bytes.insert(at, 1 + random() % 8, static_cast<char>(random() & 0xFF));
          break;
      }
      if (bytes.empty()) {
        bytes = "P";
      }
    }
    auto package = Package::open_bytes(bytes);
    if (!package.ok()) {
      check_error(package.error());
      continue;
    }
    ++opened;
    const auto main = package.value().main_part();
    if (!main.ok()) {
      check_error(main.error());
    }
    for (const std::string& name : package.value().part_names()) {
      auto part = package.value().read_part(name);
      if (part.ok()) {
        ++read;
      } else {
        check_error(part.error());
      }
    }
    CHECK(package.value().bytes_inflated() <= package.value().limits().max_total + Package::kChunk);
  }
  MESSAGE("damaged zips: " << opened << " of 1500 opened, " << read << " parts read");

  for (int round = 0; round < 1500; ++round) {
    std::string bytes = cfb;
    const int mutations = 1 + static_cast<int>(random() % 6);
    for (int m = 0; m < mutations; ++m) {
      // Mostly the header and the FAT/directory sectors, where the pointers are.
      const std::size_t at = random() % std::min<std::size_t>(bytes.size(), std::size_t{3} * 512);
      bytes[at] = static_cast<char>(random() & 0xFF);
    }
    if (random() % 4 == 0) {
      bytes.resize(8 + random() % bytes.size());
    }
    bytes.replace(0, 8, dhrlint::package::kOleSignature);
    const ErrorKind kind = open_error_kind(bytes);
    CHECK((kind == ErrorKind::kLegacyDoc || kind == ErrorKind::kEncrypted));
  }
}
