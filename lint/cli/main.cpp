// dhrlint's entry point: everything else is in run_cli (lint/cli/app.cpp).
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "lint/cli/app.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  dhrlint::Terminal terminal;
  // Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
  const char* no_color = std::getenv("NO_COLOR");
  terminal.colour = isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
  terminal.progress = isatty(STDERR_FILENO) == 1;
  return dhrlint::run_cli(args, std::cout, std::cerr, terminal);
}
