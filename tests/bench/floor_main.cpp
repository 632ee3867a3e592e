// dhrlint-floor FILE.docx: the floor of the whole-process benchmark
// (tools/bench.sh): open the zip, inflate every XML part (.xml and .rels) and
// parse it with pugixml, nothing else. A linter cannot do less work than
// this, so dhrlint's time is reported as a multiple of it.
#include <zip.h>

#include <cstdio>
#include <pugixml.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dhrlint-floor FILE.docx\n");
    return 2;
  }
  int err = 0;
  zip_t* za = zip_open(argv[1], ZIP_RDONLY, &err);
  if (za == nullptr) {
    std::fprintf(stderr, "%s: cannot open\n", argv[1]);
    return 1;
  }
  std::size_t elements = 0;
  const zip_int64_t n = zip_get_num_entries(za, 0);
  std::vector<char> buffer;
  for (zip_int64_t i = 0; i < n; ++i) {
    const std::string name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0);
    const bool xml = name.size() > 4 && (name.compare(name.size() - 4, 4, ".xml") == 0 ||
                                         name.compare(name.size() - 5, 5, ".rels") == 0);
    if (!xml) {
      continue;
    }
    zip_stat_t st;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) {
      continue;
    }
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (f == nullptr) {
      continue;
    }
    buffer.resize(st.size);
    const zip_int64_t got = zip_fread(f, buffer.data(), st.size);
    zip_fclose(f);
    if (got < 0) {
      continue;
    }
    pugi::xml_document doc;
    if (doc.load_buffer(buffer.data(), static_cast<std::size_t>(got))) {
      elements += doc.first_child() ? 1 : 0;
    }
  }
  zip_close(za);
  return elements > 0 ? 0 : 1;
}
