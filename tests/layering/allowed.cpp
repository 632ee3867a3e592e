// Layering probe (tests/CMakeLists.txt): compiled with the rules' include
// root, this must build: a rule may use the public model, lint/text and the
// rule kit.
#include "dhrlint/document.hpp"
#include "dhrlint/rule.hpp"
#include "lint/text/text.hpp"
#include "rules/kit/kit.hpp"

int dhrlint_layering_probe_allowed() { return 0; }
