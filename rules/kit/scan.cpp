#include "rules/kit/scan.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "rules/kit/codepoints.hpp"

namespace dhrlint::kit {

namespace {

bool touches_invisible_kind(InvisibleKind kind) {
  return kind == InvisibleKind::kHidden || kind == InvisibleKind::kDeleted ||
         kind == InvisibleKind::kMovedFrom;
}

// A paragraph as it was written before its tracked changes, with hidden text
// shown: visible text minus insertions, plus deleted, moved-from and hidden
// text at their points. `source[cp]` is -1 for a visible code point, else the
// index into Paragraph::invisible it came from.
struct CombinedText {
  std::string text;
  std::vector<int> source;
};

CombinedText combine(const Paragraph& para) {
  CombinedText out;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < para.invisible.size(); ++i) {
    if (touches_invisible_kind(para.invisible[i].kind)) {
      order.push_back(i);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return para.invisible[a].at < para.invisible[b].at;
  });
  auto inserted = [&](std::size_t cp) {
    for (const Revision& r : para.revisions) {
      if ((r.kind == RevisionKind::kInsertion || r.kind == RevisionKind::kMoveTo) &&
          cp >= r.start && cp < r.end) {
        return true;
      }
    }
    return false;
  };
  auto append_invisible = [&](std::size_t idx) {
    for (std::string_view cp : split_code_points(para.invisible[idx].text)) {
      out.text.append(cp);
      out.source.push_back(static_cast<int>(idx));
    }
  };
  const std::vector<std::string_view> visible = split_code_points(para.text);
  std::size_t next = 0;
  for (std::size_t cp = 0; cp <= visible.size(); ++cp) {
    while (next < order.size() && para.invisible[order[next]].at <= cp) {
      append_invisible(order[next]);
      ++next;
    }
    if (cp == visible.size()) {
      break;
    }
    if (inserted(cp)) {
      continue;
    }
    out.text.append(visible[cp]);
    out.source.push_back(-1);
  }
  while (next < order.size()) {
    append_invisible(order[next++]);
  }
  return out;
}

const char* visibility_of(InvisibleKind kind) {
  return kind == InvisibleKind::kHidden || kind == InvisibleKind::kFieldCode ? "hidden" : "deleted";
}

void report_invisible(RuleContext& ctx, const Rule& rule, std::size_t p, const InvisibleText& inv,
                      std::string matched, std::string message) {
  Finding& f = ctx.report(rule, p, inv.at, inv.at, std::move(message));
  f.location.visibility = visibility_of(inv.kind);
  f.location.deleted_text = std::move(matched);
}

const char* property_part(std::string_view group) {
  if (group == "core") {
    return "docProps/core.xml";
  }
  if (group == "app") {
    return "docProps/app.xml";
  }
  return "docProps/custom.xml";
}

}  // namespace

void report_property(RuleContext& ctx, const Rule& rule, std::string_view group,
                     std::string_view name, std::string_view matched, std::string message) {
  Location loc;
  loc.part = property_part(group);
  loc.property = std::string(name);
  ctx.report_at(rule, std::move(loc), std::move(message), std::string(matched));
}

void scan_document(const Document& doc, RuleContext& ctx, const Rule& rule, const Finder& finder,
                   const ScanOptions& options) {
  std::vector<Hit> hits;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (!para.text.empty()) {
      hits.clear();
      finder(TextView{doc, p, TextOrigin::kVisible, para.text, {}}, hits);
      for (Hit& h : hits) {
        ctx.report(rule, p, h.start, h.end, std::move(h.message));
      }
    }
    const bool has_invisible =
        std::any_of(para.invisible.begin(), para.invisible.end(),
                    [](const InvisibleText& i) { return touches_invisible_kind(i.kind); });
    if (has_invisible) {
      const CombinedText combined = combine(para);
      hits.clear();
      finder(TextView{doc, p, TextOrigin::kWithInvisible, combined.text, {}}, hits);
      for (Hit& h : hits) {
        const std::size_t end = std::min(h.end, combined.source.size());
        int first = -1;
        for (std::size_t cp = h.start; cp < end; ++cp) {
          if (combined.source[cp] >= 0) {
            first = combined.source[cp];
            break;
          }
        }
        if (first < 0) {
          continue;  // wholly visible: the visible pass reported it
        }
        report_invisible(ctx, rule, p, para.invisible[static_cast<std::size_t>(first)],
                         text::slice(combined.text, h.start, h.end), std::move(h.message));
      }
    }
    if (options.field_codes) {
      std::optional<std::string> visible_folded;  // folded when a field code has a hit
      for (const InvisibleText& inv : para.invisible) {
        if (inv.kind != InvisibleKind::kFieldCode) {
          continue;
        }
        hits.clear();
        finder(TextView{doc, p, TextOrigin::kFieldCode, inv.text, {}}, hits);
        for (Hit& h : hits) {
          std::string matched = text::slice(inv.text, h.start, h.end);
          // A hyperlink's target usually repeats its visible text: that
          // occurrence is reported once, on the visible text.
          if (!visible_folded) {
            visible_folded = folded(para.text);
          }
          if (visible_folded->find(folded(matched)) != std::string::npos) {
            continue;
          }
          report_invisible(ctx, rule, p, inv, std::move(matched), std::move(h.message));
        }
      }
    }
  }
  if (options.properties) {
    const std::pair<const char*, const std::map<std::string, std::string>*> groups[] = {
        {"core", &doc.properties.core},
        {"app", &doc.properties.app},
        {"custom", &doc.properties.custom}};
    for (const auto& [group, values] : groups) {
      for (const auto& [name, value] : *values) {
        if (value.empty()) {
          continue;
        }
        hits.clear();
        finder(TextView{doc, kNoIndex, TextOrigin::kProperty, value, name}, hits);
        for (Hit& h : hits) {
          report_property(ctx, rule, group, name, text::slice(value, h.start, h.end),
                          std::move(h.message));
        }
      }
    }
  }
}

void for_each_match(const re2::RE2& re, std::string_view text, bool word_boundary,
                    const std::function<void(std::size_t, std::size_t)>& fn) {
  const int groups = re.NumberOfCapturingGroups() >= 1 ? 2 : 1;
  re2::StringPiece sp[2];
  const re2::StringPiece input(text.data(), text.size());
  std::size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(input, pos, text.size(), re2::RE2::UNANCHORED, sp, groups)) {
      break;
    }
    const std::size_t whole_b = static_cast<std::size_t>(sp[0].data() - text.data());
    const std::size_t whole_e = whole_b + sp[0].size();
    const re2::StringPiece& g = (groups == 2 && sp[1].data() != nullptr) ? sp[1] : sp[0];
    const std::size_t b = static_cast<std::size_t>(g.data() - text.data());
    const std::size_t e = b + g.size();
    if (!word_boundary || (!alnum_before(text, b) && !alnum_at(text, e))) {
      if (e > b) {
        fn(b, e);
      }
      pos = whole_e > whole_b ? whole_e : whole_b + 1;
    } else {
      pos = whole_b + 1;
    }
    while (pos < text.size() && is_continuation_byte(text[pos])) {
      ++pos;
    }
  }
}

}  // namespace dhrlint::kit
