// Layering probe (tests/CMakeLists.txt): compiled with the rules' include
// root, this must fail, because a rule may not see lint/package.
#include "lint/package/package.hpp"

int dhrlint_layering_probe_package() { return 0; }
