// Layering probe (tests/CMakeLists.txt): compiled with the rules' include
// root, this must fail, because a rule may not see lint/output.
#include "lint/output/json.hpp"

int dhrlint_layering_probe_output() { return 0; }
