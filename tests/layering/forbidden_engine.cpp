// Layering probe (tests/CMakeLists.txt): compiled with the rules' include
// root, this must fail, because a rule may not see lint/engine.
#include "lint/engine/linter.hpp"

int dhrlint_layering_probe_engine() { return 0; }
