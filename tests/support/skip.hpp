// Tests that need something outside the project (the shared corpus,
// LibreOffice, Chromium, the SARIF Multitool) skip where it is missing and
// say so. Under CI=true they fail instead: the README's test command installs
// all of them, so a missing one there means the test did not run.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

namespace dhrlint::testing {

inline void skip_unless_ci(const std::string& what) {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL_CHECK(what << " is missing and CI=true (tools/deps.sh --test installs it)");
  } else {
    MESSAGE("skipped: " << what << " is missing (tools/deps.sh --test installs it)");
  }
}

}  // namespace dhrlint::testing
