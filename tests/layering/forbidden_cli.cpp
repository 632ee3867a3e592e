// Layering probe (tests/CMakeLists.txt): compiled with the rules' include
// root, this must fail, because a rule may not see lint/cli.
#include "lint/cli/app.hpp"

int dhrlint_layering_probe_cli() { return 0; }
