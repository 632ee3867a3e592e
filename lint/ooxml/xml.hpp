// Loading one OOXML part as XML, once, in a form every walker can use without
// caring about prefixes or Markup Compatibility:
//  * element and attribute names are rewritten to canonical prefixes chosen by
//    namespace URI (Transitional and Strict map to the same prefix: "w:p" is
//    the WordprocessingML paragraph in both), so code matches `w:p`, `r:id`;
//    names in namespaces dhrlint does not know keep their local name behind the
//    prefix "x:";
//  * every mc:AlternateContent is replaced by the one branch a consumer takes
//    (ISO/IEC 29500-3): the first mc:Choice whose Requires namespaces are all
//    understood, else mc:Fallback; never both;
//  * a part with a DOCTYPE is refused (no real Word part has one).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "dhrlint/result.hpp"

namespace dhrlint::ooxml {

// Canonical prefixes. Namespaces (Transitional URI / Strict URI):
//   w   wordprocessingml main         r    officeDocument relationships
//   mc  markup-compatibility          wp   drawingml wordprocessingDrawing
//   a   drawingml main                pic  drawingml picture
//   m   officeDocument math           v    VML           o  VML office
//   w10 VML word                      wps  word 2010 shape
//   wpg word 2010 group               wpc  word 2010 canvas
//   wp14 word 2010 drawing            w14  word 2010 wordml
//   w15 word 2012 wordml              w16* (later word extensions): w16
//   cp  core-properties               dc   Dublin Core elements
//   dcterms Dublin Core terms         xsi  XML Schema instance
//   ep  extended-properties           cup  custom-properties
//   vt  docPropsVTypes                xml  (the xml: prefix itself)
//   ct  package content types         pr   package relationships
std::string_view canonical_prefix(std::string_view namespace_uri);

using XmlDoc = std::unique_ptr<pugi::xml_document>;

// Parses `bytes` (UTF-8 or UTF-16, BOM allowed) as the part `part_name`.
// Errors (kind kXml) name the part and the parser's reason and offset.
Result<XmlDoc> load_part_xml(std::string_view bytes, std::string_view part_name);

// For writers that change a part and save it again (--annotate): the part as
// written, names and mc:AlternateContent untouched, with its XML declaration,
// comments and processing instructions kept, parsed with the same whitespace
// rules as load_part_xml (so a copy canonicalised with `canonicalise` reads
// exactly as load_part_xml would). The same DOCTYPE refusal and errors.
Result<XmlDoc> load_part_xml_as_written(std::string_view bytes, std::string_view part_name);
// What load_part_xml does after parsing, in place: canonical prefixes and one
// branch of every mc:AlternateContent. Attributes without a prefix are left
// as they are (a writer may tag nodes with them to find them again).
void canonicalise(pugi::xml_document& doc);

// ECMA-376 on/off: an element's presence means true unless w:val is
// "0", "false" or "off". A null element is false.
bool on_off(pugi::xml_node el);
// The w:val attribute (empty when absent).
std::string_view val(pugi::xml_node el);

}  // namespace dhrlint::ooxml
