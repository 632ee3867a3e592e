// Layering probe (tests/CMakeLists.txt): compiled with the rules' include
// root, this must fail, because a rule may not see lint/ooxml.
#include "lint/ooxml/xml.hpp"

int dhrlint_layering_probe_ooxml() { return 0; }
