#include "lint/ooxml/xml.hpp"

#include <array>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dhrlint::ooxml {
namespace {

struct NsEntry {
  std::string_view uri;
  std::string_view prefix;
};

// Known namespaces. Strict (purl.oclc.org) URIs share the Transitional prefix.
constexpr std::array<NsEntry, 36> kNamespaces{{
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", "w"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships", "r"},
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"},
    {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "wp"},
    {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", "wp"},
    {"http://schemas.openxmlformats.org/drawingml/2006/main", "a"},
    {"http://purl.oclc.org/ooxml/drawingml/main", "a"},
    {"http://schemas.openxmlformats.org/drawingml/2006/picture", "pic"},
    {"http://purl.oclc.org/ooxml/drawingml/picture", "pic"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", "m"},
    {"http://purl.oclc.org/ooxml/officeDocument/math", "m"},
    {"urn:schemas-microsoft-com:vml", "v"},
    {"urn:schemas-microsoft-com:office:office", "o"},
    {"urn:schemas-microsoft-com:office:word", "w10"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "wps"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", "wpg"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas", "wpc"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing", "wp14"},
    {"http://schemas.microsoft.com/office/word/2010/wordml", "w14"},
    {"http://schemas.microsoft.com/office/word/2012/wordml", "w15"},
    {"http://schemas.microsoft.com/office/word/2015/wordml/symex", "w16"},
    {"http://schemas.microsoft.com/office/word/2016/wordml/cid", "w16"},
    {"http://schemas.microsoft.com/office/word/2018/wordml/cex", "w16"},
    {"http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "cp"},
    {"http://purl.org/dc/elements/1.1/", "dc"},
    {"http://purl.org/dc/terms/", "dcterms"},
    {"http://www.w3.org/2001/XMLSchema-instance", "xsi"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "ep"},
    {"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "ep"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", "cup"},
    {"http://purl.oclc.org/ooxml/officeDocument/customProperties", "cup"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "vt"},
    {"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "vt"},
    {"http://schemas.openxmlformats.org/package/2006/content-types", "ct"},
}};

constexpr std::string_view kPackageRels =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

// Prefixes whose mc:Choice branches dhrlint can read (Requires satisfied).
bool understood_prefix(std::string_view canonical) {
  return !canonical.empty() && canonical != "x";
}

class Canonicaliser {
 public:
  void run(pugi::xml_node root) {
    // Iterative pre-order walk; a stack frame per open element (parsers do not
    // recurse, and neither may we: hostile files nest deeply).
    struct Frame {
      pugi::xml_node node;
      bool entered;
      std::size_t decls_before;  // size of decls_ before this element's declarations
    };
    std::vector<Frame> stack;
    for (pugi::xml_node c = root.last_child(); c; c = c.previous_sibling()) {
      stack.push_back({c, false, 0});
    }
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      if (f.entered) {
        leave(f.decls_before);
        continue;
      }
      if (f.node.type() != pugi::node_element) {
        continue;
      }
      std::size_t before = decls_.size();
      enter(f.node);
      stack.push_back({f.node, true, before});
      for (pugi::xml_node c = f.node.last_child(); c; c = c.previous_sibling()) {
        stack.push_back({c, false, 0});
      }
    }
  }

 private:
  // Namespace declarations in scope: for each prefix ("" being the default
  // namespace) the URIs declared for it, innermost last, so a lookup costs
  // one hash look-up however deep the nesting and however many elements
  // declare the same prefix (a hostile file declaring xmlns:v on each of
  // 50,000 nested shapes made a scan of all declarations quadratic).
  // decls_ lists the prefixes in declaration order, to undo on leaving.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>> scope_;
  std::vector<std::string> decls_;

  void declare(std::string prefix, std::string_view uri) {
    scope_[prefix].emplace_back(uri);
    decls_.push_back(std::move(prefix));
  }

  void leave(std::size_t decls_before) {
    while (decls_.size() > decls_before) {
      auto it = scope_.find(decls_.back());
      it->second.pop_back();
      decls_.pop_back();
    }
  }

  std::string_view lookup(std::string_view prefix) const {
    if (prefix == "xml") {
      return kXmlNs;
    }
    auto it = scope_.find(prefix);
    if (it == scope_.end() || it->second.empty()) {
      return {};
    }
    return it->second.back();
  }

  std::string canonical_name(std::string_view qname, bool is_attribute) const {
    auto colon = qname.find(':');
    std::string_view prefix = colon == std::string_view::npos ? "" : qname.substr(0, colon);
    std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    // Unprefixed attributes are in no namespace; keep them as they are.
    if (is_attribute && prefix.empty()) {
      return std::string(qname);
    }
    std::string_view uri = lookup(prefix);
    if (uri == kXmlNs) {
      return "xml:" + std::string(local);
    }
    if (uri == kPackageRels) {
      return "pr:" + std::string(local);
    }
    std::string_view canon = canonical_prefix(uri);
    if (canon.empty()) {
      if (uri.empty() && prefix.empty()) {
        return std::string(local);
      }
      canon = "x";
    }
    std::string out;
    out.reserve(canon.size() + 1 + local.size());
    out.append(canon).append(":").append(local);
    return out;
  }

  void enter(pugi::xml_node el) {
    for (pugi::xml_attribute a : el.attributes()) {
      std::string_view n = a.name();
      if (n == "xmlns") {
        declare("", a.value());
      } else if (n.substr(0, 6) == "xmlns:") {
        declare(std::string(n.substr(6)), a.value());
      }
    }
    el.set_name(canonical_name(el.name(), false).c_str());
    // mc:Choice Requires="wps w14": rewrite to canonical prefixes (or "x") so
    // the branch choice below needs no scope.
    bool is_choice = std::strcmp(el.name(), "mc:Choice") == 0;
    for (pugi::xml_attribute a : el.attributes()) {
      std::string_view n = a.name();
      if (n == "xmlns" || n.substr(0, 6) == "xmlns:") {
        continue;
      }
      if (n.find(':') != std::string_view::npos) {
        a.set_name(canonical_name(n, true).c_str());
      }
      if (is_choice && n == "Requires") {
        std::string canon;
        std::string_view req = a.value();
        std::size_t i = 0;
        while (i < req.size()) {
          while (i < req.size() && req[i] == ' ') {
            ++i;
          }
          std::size_t j = i;
          while (j < req.size() && req[j] != ' ') {
            ++j;
          }
          if (j > i) {
            std::string_view c = canonical_prefix(lookup(req.substr(i, j - i)));
            if (!canon.empty()) {
              canon += ' ';
            }
            canon += c.empty() ? std::string_view("x") : c;
          }
          i = j;
        }
        a.set_value(canon.c_str());
      }
    }
  }
};

bool choice_understood(pugi::xml_node choice) {
  std::string_view req = choice.attribute("Requires").value();
  std::size_t i = 0;
  while (i < req.size()) {
    std::size_t j = req.find(' ', i);
    if (j == std::string_view::npos) {
      j = req.size();
    }
    if (j > i && !understood_prefix(req.substr(i, j - i))) {
      return false;
    }
    i = j + 1;
  }
  return true;
}

// pugixml frees a removed subtree recursively; a hostile, deeply nested
// discarded branch would overflow the stack. Remove leaves first instead:
// every node is descended to once and removed once.
void remove_subtree(pugi::xml_node root) {
  pugi::xml_node n = root;
  while (true) {
    while (n.first_child()) {
      n = n.first_child();
    }
    if (n == root) {
      break;
    }
    pugi::xml_node parent = n.parent();
    parent.remove_child(n);
    n = parent;
  }
  root.parent().remove_child(root);
}

// Replaces each mc:AlternateContent by the children of its chosen branch, in
// one pre-order pass; spliced content is visited next, so nested
// AlternateContent inside the chosen branch is resolved too.
void resolve_alternate_content(pugi::xml_document& doc) {
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (node.type() == pugi::node_element && std::strcmp(node.name(), "mc:AlternateContent") == 0) {
      pugi::xml_node chosen;
      for (pugi::xml_node c : node.children()) {
        if (std::strcmp(c.name(), "mc:Choice") == 0 && choice_understood(c)) {
          chosen = c;
          break;
        }
      }
      if (!chosen) {
        chosen = node.child("mc:Fallback");
      }
      pugi::xml_node parent = node.parent();
      pugi::xml_node first_spliced;
      if (chosen) {
        while (pugi::xml_node c = chosen.first_child()) {
          pugi::xml_node moved = parent.insert_move_before(c, node);
          if (!first_spliced) {
            first_spliced = moved;
          }
        }
      }
      pugi::xml_node next = first_spliced ? first_spliced : node.next_sibling();
      if (!next) {
        // Climb to the next node in pre-order after `node`.
        for (pugi::xml_node up = parent; up && !next; up = up.parent()) {
          next = up.next_sibling();
        }
      }
      remove_subtree(node);
      node = next;
      continue;
    }
    // Pre-order successor.
    if (node.first_child()) {
      node = node.first_child();
    } else {
      while (node && !node.next_sibling()) {
        node = node.parent();
      }
      if (node) {
        node = node.next_sibling();
      }
    }
  }
}

bool has_doctype(std::string_view bytes) {
  // Only the prolog can hold a DOCTYPE; look at the first few KiB, in UTF-8
  // or UTF-16 (ASCII letters with interleaved zero bytes).
  std::string_view head = bytes.substr(0, 4096);
  if (head.find("<!DOCTYPE") != std::string_view::npos) {
    return true;
  }
  std::string narrow;
  for (char c : head) {
    if (c != '\0') {
      narrow.push_back(c);
    }
  }
  return narrow.find("<!DOCTYPE") != std::string::npos;
}

}  // namespace

std::string_view canonical_prefix(std::string_view namespace_uri) {
  if (namespace_uri.empty()) {
    return {};
  }
  for (const auto& e : kNamespaces) {
    if (e.uri == namespace_uri) {
      return e.prefix;
    }
  }
  return {};
}

namespace {

Result<XmlDoc> parse_part(std::string_view bytes, std::string_view part_name, unsigned options) {
  if (has_doctype(bytes)) {
    return make_error(ErrorKind::kXml, "part " + std::string(part_name) +
                                           " declares a DOCTYPE, which no Word part has; refused");
  }
  auto doc = std::make_unique<pugi::xml_document>();
  pugi::xml_parse_result r =
      doc->load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_auto);
  if (!r) {
    return make_error(ErrorKind::kXml, "malformed XML in " + std::string(part_name) + ": " +
                                           r.description() + " at byte " +
                                           std::to_string(r.offset));
  }
  return XmlDoc(std::move(doc));
}

// parse_default keeps whitespace-only PCDATA out; Word's text is always in
// w:t, where xml:space="preserve" spaces are non-whitespace-only or matter:
// keep whitespace PCDATA so " " in w:t survives.
constexpr unsigned kReadOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

}  // namespace

Result<XmlDoc> load_part_xml(std::string_view bytes, std::string_view part_name) {
  auto doc = parse_part(bytes, part_name, kReadOptions);
  if (doc.ok()) {
    canonicalise(*doc.value());
  }
  return doc;
}

Result<XmlDoc> load_part_xml_as_written(std::string_view bytes, std::string_view part_name) {
  // Declaration, comments and processing instructions are nodes the walkers
  // skip (they look at elements only), so keeping them changes no reading.
  return parse_part(bytes, part_name,
                    kReadOptions | pugi::parse_declaration | pugi::parse_comments | pugi::parse_pi);
}

void canonicalise(pugi::xml_document& doc) {
  Canonicaliser().run(doc);
  resolve_alternate_content(doc);
}

bool on_off(pugi::xml_node el) {
  if (!el) {
    return false;
  }
  pugi::xml_attribute v = el.attribute("w:val");
  if (!v) {
    return true;
  }
  std::string_view s = v.value();
  return !(s == "0" || s == "false" || s == "off");
}

std::string_view val(pugi::xml_node el) { return el.attribute("w:val").value(); }

}  // namespace dhrlint::ooxml
