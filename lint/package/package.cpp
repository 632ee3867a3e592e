#include "lint/package/package.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <pugixml.hpp>

#include "lint/package/sniff.hpp"

namespace dhrlint::package {
namespace {

constexpr std::string_view kTransitionalRels =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view kStrictRels = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
constexpr std::string_view kContentTypesPart = "[Content_Types].xml";
constexpr std::string_view kPackageRelsPart = "_rels/.rels";

// Main document content types (.docx, .dotx, .docm, .dotm), lower case.
constexpr std::array<std::string_view, 4> kWordMainTypes{{
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroenabled.main+xml",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
}};

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }  // read-only: never zip_close
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The lookup key of a part name: OPC part names compare ASCII
// case-insensitively; a leading '/' and backslashes (written by a few
// generators) do not change which part is meant.
std::string normalised_name(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '\\', '/');
  if (!out.empty() && out.front() == '/') {
    out.erase(0, 1);
  }
  return out;
}

std::string part_key(std::string_view name) { return lower_ascii(normalised_name(name)); }

std::string strip_slash(std::string_view name) {
  if (!name.empty() && name.front() == '/') {
    name.remove_prefix(1);
  }
  return std::string(name);
}

std::string human_size(std::uint64_t bytes) {
  std::ostringstream out;
  if (bytes >= (1ull << 20)) {
    const double mib = static_cast<double>(bytes) / static_cast<double>(1ull << 20);
    if (bytes % (1ull << 20) == 0) {
      out << bytes / (1ull << 20) << " MiB";
    } else {
      out << std::fixed << std::setprecision(1) << mib << " MiB";
    }
  } else {
    out << bytes << " bytes";
  }
  return out.str();
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string_view local_name(const char* qualified) {
  std::string_view name(qualified);
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Attributes of the package files are unprefixed; a prefixed spelling is
// matched by local name too (prefixes are never significant here).
std::string_view attr(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (local_name(a.name()) == name) {
      return a.value();
    }
  }
  return {};
}

// Parses one of the package's own XML files. They never carry a DOCTYPE; one
// that does is refused rather than half-trusted.
std::optional<Error> parse_package_xml(const std::string& bytes, std::string_view part,
                                       pugi::xml_document& doc) {
  const pugi::xml_parse_result parsed = doc.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_auto);
  if (!parsed) {
    std::ostringstream msg;
    msg << "part " << in_quotes(part) << " is not well-formed XML: " << parsed.description()
        << " at byte " << parsed.offset;
    return make_error(ErrorKind::kXml, msg.str());
  }
  for (pugi::xml_node child : doc.children()) {
    if (child.type() == pugi::node_doctype) {
      return make_error(ErrorKind::kXml, "part " + in_quotes(part) +
                                             " declares a DOCTYPE, which no real package file "
                                             "has; refused");
    }
  }
  return std::nullopt;
}

// "a/b/c.xml" -> "a/b/"; "c.xml" -> "".
std::string_view folder_of(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : name.substr(0, slash + 1);
}

// Resolves a relationship target against the source part's folder (or the
// package root for a target starting with '/'). nullopt when it is not a
// part name inside this package: a URI with a scheme, or a path whose ".."
// climbs above the root.
std::optional<std::string> resolve_target(std::string_view base_folder, std::string_view target) {
  if (const std::size_t hash = target.find('#'); hash != std::string_view::npos) {
    target = target.substr(0, hash);
  }
  if (target.empty()) {
    return std::nullopt;
  }
  const std::size_t colon = target.find(':');
  if (colon != std::string_view::npos && target.find('/') > colon) {
    return std::nullopt;  // scheme
  }
  std::string path = target.front() == '/' || target.front() == '\\'
                         ? std::string(target.substr(1))
                         : std::string(base_folder) + std::string(target);
  std::replace(path.begin(), path.end(), '\\', '/');
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string segment = path.substr(start, end - start);
    if (segment == "..") {
      if (segments.empty()) {
        return std::nullopt;  // escapes the package
      }
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  if (segments.empty()) {
    return std::nullopt;
  }
  std::string resolved;
  for (const std::string& s : segments) {
    if (!resolved.empty()) {
      resolved += '/';
    }
    resolved += s;
  }
  return resolved;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Error zip_open_error(int code, std::string_view bytes) {
  switch (code) {
    case ZIP_ER_NOZIP:
      // A local file header at the start but no end-of-central-directory
      // record: the tail of a zip is missing (an interrupted download or copy).
      if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        return make_error(ErrorKind::kTruncated,
                          "zip archive is truncated: it has no end-of-central-directory record "
                          "(an incomplete download or copy?)");
      }
      return make_error(ErrorKind::kNotZip, "not a zip archive, so not a .docx");
    case ZIP_ER_INCONS:
      return make_error(ErrorKind::kTruncated,
                        "zip archive is damaged: its central directory is inconsistent");
    case ZIP_ER_MULTIDISK:
      return make_error(ErrorKind::kTruncated,
                        "split (multi-disk) zip archive; a .docx is a single archive");
    case ZIP_ER_MEMORY:
      return make_error(ErrorKind::kIo, "out of memory while opening the zip archive");
    default: {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string message = "zip archive cannot be read: ";
      message += zip_error_strerror(&error);
      zip_error_fini(&error);
      return make_error(ErrorKind::kTruncated, message);
    }
  }
}

Error zip_read_error(int code, std::string_view part) {
  const std::string p = in_quotes(part);
  switch (code) {
    case ZIP_ER_CRC:
      return make_error(ErrorKind::kTruncated, "part " + p + " is damaged (CRC mismatch)");
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
      return make_error(ErrorKind::kTruncated,
                        "part " + p + " is damaged (invalid compressed data)");
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_INCONS:
      return make_error(ErrorKind::kTruncated,
                        "part " + p + " is cut off or damaged (the zip archive is inconsistent)");
    case ZIP_ER_COMPNOTSUPP:
      return make_error(ErrorKind::kTruncated,
                        "part " + p + " uses an unsupported compression method");
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return make_error(ErrorKind::kEncrypted, "part " + p + " is encrypted with a zip password");
    case ZIP_ER_MEMORY:
      return make_error(ErrorKind::kIo, "out of memory while reading part " + p);
    default: {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string message = "part " + p + " cannot be read: ";
      message += zip_error_strerror(&error);
      zip_error_fini(&error);
      return make_error(ErrorKind::kTruncated, message);
    }
  }
}

std::string describe_content_type(std::string_view content_type) {
  const std::string ct = lower_ascii(content_type);
  if (ct.find("spreadsheetml") != std::string::npos || ct.find("ms-excel") != std::string::npos) {
    return "an Excel workbook part";
  }
  if (ct.find("presentationml") != std::string::npos ||
      ct.find("ms-powerpoint") != std::string::npos) {
    return "a PowerPoint presentation part";
  }
  return "of content type " + in_quotes(content_type);
}

bool is_word_main_type(std::string_view content_type) {
  std::string ct = lower_ascii(content_type);
  // Media types may carry parameters ("; charset=..."); the type is before them.
  if (const std::size_t semi = ct.find(';'); semi != std::string::npos) {
    ct.resize(semi);
  }
  while (!ct.empty() && std::isspace(static_cast<unsigned char>(ct.back()))) {
    ct.pop_back();
  }
  return std::find(kWordMainTypes.begin(), kWordMainTypes.end(), ct) != kWordMainTypes.end();
}

}  // namespace

bool rel_type_is(std::string_view type_uri, std::string_view kind) {
  const auto with = [&](std::string_view base, std::string_view name) {
    return type_uri.size() == base.size() + name.size() &&
           type_uri.substr(0, base.size()) == base && type_uri.substr(base.size()) == name;
  };
  if (kind == "core-properties") {
    // One OPC type for Transitional and Strict; some producers write the
    // officeDocument-namespace spelling.
    return type_uri ==
               "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
               "core-properties" ||
           type_uri ==
               "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/"
               "core-properties" ||
           with(kTransitionalRels, "metadata/core-properties");
  }
  if (kind == "extended-properties") {
    return with(kTransitionalRels, kind) || with(kStrictRels, "extendedProperties");
  }
  if (kind == "custom-properties") {
    return with(kTransitionalRels, kind) || with(kStrictRels, "customProperties");
  }
  // Word 2010+ extensions live in Microsoft's namespaces (no Strict form).
  if (kind == "commentsExtended" || kind == "people") {
    return with("http://schemas.microsoft.com/office/2011/relationships/", kind);
  }
  if (kind == "commentsIds") {
    return with("http://schemas.microsoft.com/office/2016/09/relationships/", kind);
  }
  if (kind == "commentsExtensible") {
    return with("http://schemas.microsoft.com/office/2018/08/relationships/", kind);
  }
  return with(kTransitionalRels, kind) || with(kStrictRels, kind);
}

bool rel_is(const Relationship& rel, std::string_view kind) { return rel_type_is(rel.type, kind); }

std::string rels_part_for(std::string_view source_part) {
  const std::string source = strip_slash(source_part);
  if (source.empty()) {
    return std::string(kPackageRelsPart);
  }
  const std::string_view folder = folder_of(source);
  return std::string(folder) + "_rels/" + source.substr(folder.size()) + ".rels";
}

struct Package::Impl {
  PackageLimits limits;
  // The bytes libzip reads from; declared before `zip` so it outlives it.
  std::unique_ptr<const std::string> bytes;
  std::unique_ptr<zip_t, ZipDiscard> zip;

  struct Entry {
    std::string name;  // as the zip spells it
    zip_uint64_t index = 0;
  };
  std::vector<std::string> names;                                   // parts in zip order
  std::unordered_map<std::string, Entry> by_key;                    // part_key -> entry
  std::unordered_map<std::string, std::string> default_types;       // extension -> type
  std::unordered_map<std::string, std::string> override_types;      // part_key -> type
  std::unordered_map<std::string, std::vector<Relationship>> rels;  // rels part key -> rels

  std::string main_part;
  std::optional<Error> main_error;
  bool strict = false;
  std::uint64_t inflated = 0;

  const Entry* find(std::string_view name) const {
    const auto it = by_key.find(part_key(name));
    return it == by_key.end() ? nullptr : &it->second;
  }

  std::optional<Error> index_entries();
  Result<std::string> read(std::string_view name);
  std::optional<Error> load_content_types();
  std::optional<Error> load_relationships();
  void find_main_part();
  std::string content_type(std::string_view part) const;
};

std::optional<Error> Package::Impl::index_entries() {
  const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  if (count < 0) {
    return make_error(ErrorKind::kTruncated, "zip archive is damaged");
  }
  if (static_cast<std::uint64_t>(count) > limits.max_entries) {
    std::ostringstream msg;
    msg << "zip archive has " << count << " entries, over the limit of " << limits.max_entries
        << " (a real .docx has tens to hundreds)";
    return make_error(ErrorKind::kZipBomb, msg.str());
  }
  std::uint64_t declared_total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), i, 0, &st) != 0 || (st.valid & ZIP_STAT_NAME) == 0) {
      return make_error(ErrorKind::kTruncated, "zip archive is damaged: an entry cannot be read");
    }
    const std::string name = st.name;
    if (!name.empty() && (name.back() == '/' || name.back() == '\\')) {
      continue;  // a folder
    }
    // OPC allows only stored and deflated items, never encrypted ones.
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
      return make_error(ErrorKind::kEncrypted,
                        "zip entry " + in_quotes(name) +
                            " is encrypted with a zip password (Word never does this)");
    }
    if ((st.valid & ZIP_STAT_COMP_METHOD) != 0 && st.comp_method != ZIP_CM_STORE &&
        st.comp_method != ZIP_CM_DEFLATE) {
      std::ostringstream msg;
      msg << "zip entry " << in_quotes(name) << " uses compression method " << st.comp_method
          << "; a .docx uses only stored or deflated entries";
      return make_error(ErrorKind::kTruncated, msg.str());
    }
    if ((st.valid & ZIP_STAT_SIZE) != 0) {
      declared_total += st.size;
    }
    const auto [it, inserted] = by_key.emplace(part_key(name), Entry{name, i});
    if (!inserted) {
      // Two readers could take different entries for one part: ambiguous,
      // and a known way to smuggle content past a checker.
      return make_error(ErrorKind::kTruncated, "zip archive holds two entries for one part (" +
                                                   in_quotes(it->second.name) + " and " +
                                                   in_quotes(name) + ")");
    }
    names.push_back(name);
  }
  if (declared_total > limits.max_total) {
    return make_error(ErrorKind::kZipBomb, "zip archive declares " + human_size(declared_total) +
                                               " uncompressed, over the limit of " +
                                               human_size(limits.max_total));
  }
  return std::nullopt;
}

Result<std::string> Package::Impl::read(std::string_view name) {
  const Entry* entry = find(name);
  if (entry == nullptr) {
    return make_error(ErrorKind::kMissingPart,
                      "part " + in_quotes(strip_slash(name)) + " is missing");
  }
  const std::string& part = entry->name;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip.get(), entry->index, 0, &st) != 0) {
    return zip_read_error(zip_error_code_zip(zip_get_error(zip.get())), part);
  }
  const bool size_known = (st.valid & ZIP_STAT_SIZE) != 0;
  const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
  const auto ratio_exceeded = [&](std::uint64_t produced) {
    return produced > limits.ratio_floor &&
           static_cast<double>(produced) > limits.max_ratio * static_cast<double>(compressed);
  };
  const auto bomb = [&](const std::string& what) {
    return make_error(ErrorKind::kZipBomb, "part " + in_quotes(part) + " " + what);
  };

  // Declared sizes first: refuse without inflating a byte when they already
  // break a limit. They may lie, so the same limits are checked again below
  // on the bytes actually produced.
  if (size_known) {
    if (st.size > limits.max_part) {
      return bomb("declares " + human_size(st.size) + " uncompressed, over the per-part limit of " +
                  human_size(limits.max_part));
    }
    if (inflated + st.size > limits.max_total) {
      return bomb("would take the package past its limit of " + human_size(limits.max_total) +
                  " uncompressed");
    }
    if (ratio_exceeded(st.size)) {
      std::ostringstream msg;
      msg << "declares a compression ratio of "
          << static_cast<std::uint64_t>(static_cast<double>(st.size) /
                                        static_cast<double>(std::max<std::uint64_t>(compressed, 1)))
          << ":1 (" << human_size(st.size) << " from " << compressed
          << " bytes), over the limit of " << limits.max_ratio << ":1";
      return bomb(msg.str());
    }
  }

  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(zip.get(), entry->index, 0));
  if (!file) {
    return zip_read_error(zip_error_code_zip(zip_get_error(zip.get())), part);
  }

  std::string out;
  // Room for the declared size plus the last (empty) read, so an honest part
  // is never reallocated; a lying size only costs regrowth, still bounded.
  out.reserve(static_cast<std::size_t>(size_known ? st.size : 0) + kChunk);
  std::uint64_t produced = 0;
  for (;;) {
    const std::size_t before = out.size();
    out.resize(before + kChunk);
    const zip_int64_t n = zip_fread(file.get(), out.data() + before, kChunk);
    if (n < 0) {
      return zip_read_error(zip_error_code_zip(zip_file_get_error(file.get())), part);
    }
    out.resize(before + static_cast<std::size_t>(n));
    if (n == 0) {
      break;
    }
    produced += static_cast<std::uint64_t>(n);
    inflated += static_cast<std::uint64_t>(n);
    if (produced > limits.max_part) {
      return bomb("inflates past the per-part limit of " + human_size(limits.max_part) +
                  (size_known ? " although it declares " + human_size(st.size) : std::string()) +
                  "; stopped");
    }
    if (inflated > limits.max_total) {
      return bomb("takes the package past its limit of " + human_size(limits.max_total) +
                  " uncompressed; stopped");
    }
    if (ratio_exceeded(produced)) {
      std::ostringstream msg;
      msg << "inflates " << compressed << " compressed bytes past " << human_size(produced)
          << ", over the compression ratio limit of " << limits.max_ratio << ":1; stopped";
      return bomb(msg.str());
    }
  }
  if (size_known && produced != st.size) {
    std::ostringstream msg;
    msg << "part " << in_quotes(part) << " is damaged: it inflates to " << produced
        << " bytes but the zip declares " << st.size;
    return make_error(ErrorKind::kTruncated, msg.str());
  }
  return out;
}

std::optional<Error> Package::Impl::load_content_types() {
  if (find(kContentTypesPart) == nullptr) {
    return std::nullopt;  // main_part() reports it
  }
  auto bytes_or = read(kContentTypesPart);
  if (!bytes_or.ok()) {
    return bytes_or.error();
  }
  pugi::xml_document doc;
  if (auto error = parse_package_xml(bytes_or.value(), kContentTypesPart, doc)) {
    return error;
  }
  const pugi::xml_node types = doc.document_element();
  if (local_name(types.name()) != "Types") {
    return make_error(ErrorKind::kXml, "part '[Content_Types].xml' has no Types element");
  }
  for (pugi::xml_node child : types.children()) {
    if (child.type() != pugi::node_element) {
      continue;
    }
    const std::string_view kind = local_name(child.name());
    const std::string_view content_type = attr(child, "ContentType");
    if (kind == "Default") {
      std::string_view extension = attr(child, "Extension");
      if (!extension.empty() && extension.front() == '.') {
        extension.remove_prefix(1);
      }
      default_types.emplace(lower_ascii(extension), std::string(content_type));
    } else if (kind == "Override") {
      override_types.emplace(part_key(attr(child, "PartName")), std::string(content_type));
    }
  }
  return std::nullopt;
}

std::optional<Error> Package::Impl::load_relationships() {
  // Every .rels part is tiny; parsing them all up front lets relationships()
  // be a plain lookup and reports a damaged one when the package opens.
  for (const std::string& name : names) {
    const std::string key = part_key(name);
    constexpr std::string_view kSuffix = ".rels";
    if (key.size() < kSuffix.size() ||
        key.compare(key.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
      continue;
    }
    // Only "<folder>/_rels/<source>.rels" holds relationships.
    const std::string_view folder = folder_of(key);
    if (folder != "_rels/" &&
        (folder.size() < 7 || folder.substr(folder.size() - 7) != "/_rels/")) {
      continue;
    }
    const std::string source_folder =
        normalised_name(name).substr(0, folder.size() - std::string_view("_rels/").size());
    auto bytes_or = read(name);
    if (!bytes_or.ok()) {
      return bytes_or.error();
    }
    pugi::xml_document doc;
    if (auto error = parse_package_xml(bytes_or.value(), name, doc)) {
      return error;
    }
    const pugi::xml_node root = doc.document_element();
    if (local_name(root.name()) != "Relationships") {
      return make_error(ErrorKind::kXml,
                        "part " + in_quotes(name) + " has no Relationships element");
    }
    std::vector<Relationship>& list = rels[key];
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element || local_name(child.name()) != "Relationship") {
        continue;
      }
      Relationship rel;
      rel.id = attr(child, "Id");
      rel.type = attr(child, "Type");
      const std::string_view target = attr(child, "Target");
      rel.external = lower_ascii(attr(child, "TargetMode")) == "external";
      if (rel.external) {
        rel.target = target;
      } else if (auto resolved = resolve_target(source_folder, target)) {
        // Spell it as the zip does; percent-encoded targets name the decoded
        // item ("media/image%201.png" -> "media/image 1.png").
        if (const Entry* e = find(*resolved)) {
          rel.target = e->name;
        } else if (const Entry* decoded = find(percent_decode(*resolved))) {
          rel.target = decoded->name;
        } else {
          rel.target = *resolved;
        }
      }
      list.push_back(std::move(rel));
    }
  }
  return std::nullopt;
}

std::string Package::Impl::content_type(std::string_view part) const {
  const std::string key = part_key(part);
  if (const auto it = override_types.find(key); it != override_types.end()) {
    return it->second;
  }
  const std::size_t dot = key.rfind('.');
  const std::size_t slash = key.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return {};
  }
  const auto it = default_types.find(key.substr(dot + 1));
  return it == default_types.end() ? std::string() : it->second;
}

void Package::Impl::find_main_part() {
  const auto it = rels.find(std::string(kPackageRelsPart));
  const Relationship* office_document = nullptr;
  if (it != rels.end()) {
    for (const Relationship& rel : it->second) {
      if (!rel.external && rel_is(rel, "officeDocument")) {
        office_document = &rel;
        break;
      }
    }
  }
  if (office_document == nullptr) {
    // No usable relationship: a package whose content types name a Word
    // main part that exists is still read (a generator forgot _rels/.rels);
    // anything else is not a Word document at all.
    for (const std::string& name : names) {
      if (is_word_main_type(content_type(name))) {
        main_part = name;
        return;
      }
    }
    main_error = make_error(ErrorKind::kNotWord,
                            "not a Word document: the package holds no main document part");
    return;
  }
  strict = office_document->type.rfind(kStrictRels, 0) == 0;
  if (office_document->target.empty()) {
    main_error = make_error(ErrorKind::kMissingPart,
                            "the main document relationship in _rels/.rels points outside the "
                            "package");
    return;
  }
  const Entry* entry = find(office_document->target);
  if (entry == nullptr) {
    main_error = make_error(ErrorKind::kMissingPart, "the main document part " +
                                                         in_quotes(office_document->target) +
                                                         " named in _rels/.rels is missing");
    return;
  }
  const std::string type = content_type(entry->name);
  if (type.empty()) {
    main_error = make_error(ErrorKind::kNotWord, "not a Word document: the main part " +
                                                     in_quotes(entry->name) +
                                                     " has no content type in [Content_Types].xml");
    return;
  }
  if (!is_word_main_type(type)) {
    main_error =
        make_error(ErrorKind::kNotWord,
                   "not a Word document: the package holds no main document part (" +
                       in_quotes(entry->name) + " is " + describe_content_type(type) + ")");
    return;
  }
  main_part = entry->name;
}

Package::Package(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Package::Package(Package&&) noexcept = default;
Package& Package::operator=(Package&&) noexcept = default;
Package::~Package() = default;

Result<Package> Package::open(const std::filesystem::path& path, const PackageLimits& limits) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return make_error(ErrorKind::kIo, "cannot open: no such file");
  }
  if (std::filesystem::is_directory(status)) {
    return make_error(ErrorKind::kIo, "cannot open: it is a directory");
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    return make_error(ErrorKind::kIo, "cannot open: " + ec.message());
  }
  if (size > limits.max_total) {
    return make_error(ErrorKind::kZipBomb, "file is " + human_size(size) +
                                               ", over the package limit of " +
                                               human_size(limits.max_total));
  }
  std::ifstream in(path, std::ios::binary | std::ios::in);
  if (!in) {
    return make_error(ErrorKind::kIo, "cannot open for reading");
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    return make_error(ErrorKind::kIo, "cannot read the whole file (it changed while being read?)");
  }
  return open_bytes(std::move(bytes), limits);
}

Result<Package> Package::open_bytes(std::string bytes, const PackageLimits& limits) {
  if (auto not_zip = sniff_non_zip(bytes)) {
    return *not_zip;
  }
  // Refuse an absurd entry count before libzip builds a directory for it.
  if (const auto declared = declared_zip_entry_count(bytes);
      declared && *declared > limits.max_entries) {
    std::ostringstream msg;
    msg << "zip archive declares " << *declared << " entries, over the limit of "
        << limits.max_entries << " (a real .docx has tens to hundreds)";
    return make_error(ErrorKind::kZipBomb, msg.str());
  }

  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->bytes = std::make_unique<const std::string>(std::move(bytes));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(impl->bytes->data(), impl->bytes->size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return make_error(ErrorKind::kIo, "out of memory while opening the zip archive");
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    return zip_open_error(code, *impl->bytes);
  }
  zip_error_fini(&error);
  impl->zip.reset(zip);

  if (auto e = impl->index_entries()) {
    return *e;
  }
  if (auto e = impl->load_content_types()) {
    return *e;
  }
  if (auto e = impl->load_relationships()) {
    return *e;
  }
  impl->find_main_part();
  return Package(std::move(impl));
}

Result<std::string> Package::main_part() const {
  if (impl_->main_error) {
    return *impl_->main_error;
  }
  return impl_->main_part;
}

bool Package::strict() const { return impl_->strict; }

bool Package::has_part(std::string_view name) const { return impl_->find(name) != nullptr; }

Result<std::string> Package::read_part(std::string_view name) { return impl_->read(name); }

std::uint64_t Package::bytes_inflated() const { return impl_->inflated; }

std::string Package::content_type(std::string_view part) const { return impl_->content_type(part); }

std::vector<Relationship> Package::relationships(std::string_view source_part) const {
  const auto it = impl_->rels.find(part_key(rels_part_for(source_part)));
  return it == impl_->rels.end() ? std::vector<Relationship>{} : it->second;
}

std::vector<std::string> Package::part_names() const { return impl_->names; }

const PackageLimits& Package::limits() const { return impl_->limits; }

}  // namespace dhrlint::package
