// The lexicon table written at build time by make_lexicon (CMakeLists.txt:
// dhrlint_lexicon) and assembled into the binary's read-only data with
// .incbin: nothing is read or built at run time, and the 4 MiB table costs a
// page fault only where a lookup lands. DHRLINT_LEXICON_TABLE is the table's
// path in the build tree.
#include "lint/text/text.hpp"

#ifndef DHRLINT_LEXICON_TABLE
#error "DHRLINT_LEXICON_TABLE must name the generated lexicon table"
#endif

// The symbols are C names so the assembler and C++ agree on them; the section
// is read-only data, 8-byte aligned for the table's uint32 slots.
extern "C" {
extern const char
    dhrlint_lexicon_begin[];  // NOLINT(readability-identifier-naming): an assembler symbol
extern const char
    dhrlint_lexicon_end[];  // NOLINT(readability-identifier-naming): an assembler symbol
}

__asm__(
    ".pushsection .rodata.dhrlint_lexicon, \"a\"\n"
    ".balign 8\n"
    ".type dhrlint_lexicon_begin, @object\n"
    "dhrlint_lexicon_begin:\n"
    ".incbin \"" DHRLINT_LEXICON_TABLE
    "\"\n"
    "dhrlint_lexicon_end:\n"
    ".byte 0\n"
    ".popsection\n");

namespace dhrlint::text {

Lexicon::Lexicon() : Lexicon(Empty{}) {
  attach(std::string_view(dhrlint_lexicon_begin,
                          static_cast<std::size_t>(dhrlint_lexicon_end - dhrlint_lexicon_begin)));
}

}  // namespace dhrlint::text
