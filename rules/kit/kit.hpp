// The rule kit: everything a rule may use besides the public model
// (include/dhrlint) and lint/text. Rules include this header, or the one kit
// header they need; the build gives rules no path to the reader, engine,
// outputs or CLI (rules/CMakeLists.txt).
//
//   analysis.hpp    DocumentAnalysis: folded text, sentences, tokens, sections,
//                   the pseudonym table, a family's shared reading; per document
//   paragraphs.hpp  which paragraphs to read (printed body, running text, notes...)
//   terms.hpp       TermList / TermSet / PhraseList over data/ files
//   regex.hpp       LazyRegex: a rule's pattern, compiled on first use
//   lazy.hpp        Lazy<T>: a rule's costly data, built on first use
//   data.hpp        the one data format, errors as values
//   tables.hpp      cell, row and header texts
//   outline.hpp     the report's sections from its headings, by canonical key
//                   (kit::outline(analysis).find("equality"), in_section(p,
//                   "recommendations")); the guidance edition's required list
//   tokens.hpp      Unicode words with name features
//   scan.hpp        everything the file carries (hidden, deleted, properties)
//   location.hpp    Location and excerpt of a finding
//   codepoints.hpp  code points, trimming, folded spans
#pragma once

#include "dhrlint/rule.hpp"
#include "rules/kit/analysis.hpp"
#include "rules/kit/codepoints.hpp"
#include "rules/kit/data.hpp"
#include "rules/kit/lazy.hpp"
#include "rules/kit/location.hpp"
#include "rules/kit/outline.hpp"
#include "rules/kit/paragraphs.hpp"
#include "rules/kit/pseudonyms.hpp"
#include "rules/kit/regex.hpp"
#include "rules/kit/scan.hpp"
#include "rules/kit/tables.hpp"
#include "rules/kit/terms.hpp"
#include "rules/kit/tokens.hpp"
