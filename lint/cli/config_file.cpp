#include "lint/cli/config_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "dhrlint/rule.hpp"
#include "rules/kit/custom.hpp"
#include "rules/kit/outline.hpp"

namespace dhrlint {

namespace fs = std::filesystem;

namespace {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) {
      return false;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n\f\v");
  return std::string(s.substr(first, last - first + 1));
}

std::string read_file(const fs::path& path, std::string& error) {
  // A folder opens as a stream on Linux and reads as empty: refuse it here so
  // a mistyped path is a configuration error, not a silently empty list.
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = path.string() + " is a folder, not a file";
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path.string();
    return {};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + path.string();
  }
  return buffer.str();
}

// The string list of `key`, or an error.
std::string string_list(const toml::node& node, std::string_view key,
                        std::vector<std::string>& out) {
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return std::string(key) + " must be an array of strings";
  }
  for (const toml::node& item : *array) {
    const auto value = item.value<std::string>();
    if (!value) {
      return std::string(key) + " must be an array of strings";
    }
    out.push_back(*value);
  }
  return {};
}

bool known_rule_pattern(std::string_view pattern, const std::vector<std::string>& rule_ids) {
  // A renamed rule's old id; "custom/*", whichever custom rules apply.
  if (canonical_rule_id(pattern) != pattern || pattern == "custom/*") {
    return true;
  }
  if (pattern.size() > 2 && pattern.substr(pattern.size() - 2) == "/*") {
    const std::string_view category = pattern.substr(0, pattern.size() - 1);
    return std::any_of(rule_ids.begin(), rule_ids.end(), [&](const std::string& id) {
      return std::string_view(id).substr(0, category.size()) == category;
    });
  }
  return std::find(rule_ids.begin(), rule_ids.end(), pattern) != rule_ids.end();
}

// Edit distance (insertions, deletions, substitutions) for a did-you-mean.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The candidate nearest to `word` when it is close enough to be a slip (a
// third of the word may differ, at least two characters); "" otherwise.
std::string nearest_of(std::string_view word, const std::vector<std::string>& candidates) {
  std::string nearest;
  std::size_t best = std::string::npos;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best) {
      best = d;
      nearest = c;
    }
  }
  return best <= std::max<std::size_t>(2, word.size() / 3) ? nearest : std::string();
}

}  // namespace

std::string check_rule_pattern(std::string_view pattern, const std::vector<std::string>& rule_ids) {
  if (known_rule_pattern(pattern, rule_ids)) {
    return "";
  }
  // The candidates: every id and every "category/*".
  std::vector<std::string> candidates = rule_ids;
  for (const std::string& id : rule_ids) {
    const std::string category = id.substr(0, id.find('/')) + "/*";
    if (std::find(candidates.begin(), candidates.end(), category) == candidates.end()) {
      candidates.push_back(category);
    }
  }
  const std::string nearest = nearest_of(pattern, candidates);
  std::string reason = "unknown rule \"" + std::string(pattern) + "\"";
  if (!nearest.empty()) {
    reason += " (did you mean \"" + nearest + "\"?)";
  } else {
    reason += " (see dhrlint --list-rules)";
  }
  return reason;
}

std::string parse_identifiers(std::string_view content, std::vector<std::string>& out) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") {
    content.remove_prefix(3);  // UTF-8 BOM
  }
  if (!valid_utf8(content)) {
    return "not valid UTF-8";
  }
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = content.size();
    }
    std::string_view line = content.substr(pos, eol - pos);
    // '#' starts a comment wherever it stands, so "Jane Roe  # victim" reads
    // as "Jane Roe" and is still looked for.
    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    std::string identifier = trim(line);
    if (!identifier.empty()) {
      out.push_back(std::move(identifier));
    }
    pos = eol + 1;
  }
  return {};
}

std::string read_identifiers_file(const fs::path& path, std::vector<std::string>& out) {
  std::string error;
  const std::string content = read_file(path, error);
  if (!error.empty()) {
    return "identifiers file: " + error;
  }
  std::string parse_error = parse_identifiers(content, out);
  if (!parse_error.empty()) {
    return "identifiers file " + path.string() + ": " + parse_error;
  }
  return {};
}

std::string apply_fail_on(std::string_view value, Config& config) {
  if (value == "none") {
    config.fail_on_none = true;
    return {};
  }
  const auto severity = parse_severity(value);
  if (!severity) {
    return "fail_on must be one of error, warning, info, none (got \"" + std::string(value) + "\")";
  }
  config.fail_on = *severity;
  config.fail_on_none = false;
  return {};
}

namespace {

// One [custom.<name>] table into a rule; "" or the reason, with `line` set
// to the line of the key at fault.
std::string load_custom_rule(const std::string& name, const toml::node& node,
                             const std::string& where, std::uint32_t& line,
                             std::shared_ptr<const Rule>& rule) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return "custom." + name + " must be a table ([custom." + name + "])";
  }
  if (!kit::valid_custom_rule_name(name)) {
    return "custom rule name \"" + name +
           "\" must be lower-case words joined by '-' (its id is custom/<name>)";
  }
  kit::CustomRuleSpec spec;
  spec.name = name;
  spec.defined_in = where;
  const std::string prefix = "custom." + name + ".";
  bool has_message = false;
  std::uint32_t pattern_line = table->source().begin.line;
  for (const auto& [key_node, value] : *table) {
    const std::string key(key_node.str());
    line = key_node.source().begin.line;
    if (key == "pattern" || key == "message" || key == "replacement" || key == "severity") {
      const auto text = value.value<std::string>();
      if (!text) {
        return prefix + key + " must be a string";
      }
      if (key == "pattern") {
        spec.pattern = *text;
        pattern_line = line;
      } else if (key == "message") {
        spec.message = *text;
        has_message = !text->empty();
      } else if (key == "replacement") {
        spec.replacement = *text;
      } else if (const auto severity = parse_severity(*text)) {
        spec.severity = *severity;
      } else {
        return prefix + "severity must be \"error\", \"warning\" or \"info\"";
      }
    } else if (key == "words") {
      if (std::string e = string_list(value, prefix + key, spec.words); !e.empty()) {
        return e;
      }
      pattern_line = line;
    } else if (key == "scope") {
      std::vector<std::string> names;
      if (std::string e = string_list(value, prefix + key, names); !e.empty()) {
        return e;
      }
      spec.scope = 0;
      for (const std::string& scope : names) {
        const auto& known = kit::custom_scope_names();
        const auto it = std::find(known.begin(), known.end(), scope);
        if (it == known.end()) {
          const std::string nearest = nearest_of(scope, known);
          std::string reason = prefix;
          reason += "scope: unknown scope \"";
          reason += scope;
          reason += "\"";
          reason += nearest.empty() ? " (known: body, headings, tables, notes, comments, headers)"
                                    : " (did you mean \"" + nearest + "\"?)";
          return reason;
        }
        spec.scope |= 1U << static_cast<unsigned>(it - known.begin());
      }
    } else {
      const std::string nearest =
          nearest_of(key, {"pattern", "words", "message", "replacement", "severity", "scope"});
      return prefix + key + ": unknown key" +
             (nearest.empty()
                  ? std::string(" (known: pattern, words, message, replacement, severity, scope)")
                  : " (did you mean \"" + nearest + "\"?)");
    }
  }
  if (!has_message) {
    line = table->source().begin.line;
    return prefix + "message is missing: say what is wrong and what to write instead";
  }
  std::string error;
  rule = kit::make_custom_rule(std::move(spec), error);
  if (!rule) {
    line = pattern_line;
    return prefix + (error.rfind("RE2", 0) == 0 ? "pattern: " : "") + error;
  }
  return {};
}

// The [style] table: settings of the style rules. "" or the reason, with
// `line` set to the line of the key at fault.
std::string load_style_table(const toml::node& node, std::uint32_t& line, Config& config) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return "style must be a table ([style])";
  }
  for (const auto& [key_node, value] : *table) {
    const std::string key(key_node.str());
    line = key_node.source().begin.line;
    if (key == "max_sentence_words") {
      const auto words = value.value_exact<std::int64_t>();
      if (!words || *words < 10 || *words > 1000) {
        return "style.max_sentence_words must be a whole number of words from 10 to 1000";
      }
      config.max_sentence_words = static_cast<int>(*words);
    } else {
      const std::string nearest = nearest_of(key, {"max_sentence_words"});
      return "style." + key + ": unknown key" +
             (nearest.empty() ? std::string(" (known: max_sentence_words)")
                              : " (did you mean \"" + nearest + "\"?)");
    }
  }
  return {};
}

}  // namespace

std::string load_config_file(const fs::path& path, const std::vector<std::string>& rule_ids,
                             Config& config) {
  const std::string where = path.string();
  toml::table table;
  try {
    table = toml::parse_file(where);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << where << ":" << e.source().begin.line << ": " << e.description();
    return msg.str();
  }
  // [custom.*] first, so that [rules] may switch a custom rule off or set
  // its severity wherever the tables stand in the file.
  std::vector<std::string> known_ids = rule_ids;
  if (const toml::table* custom = table["custom"].as_table()) {
    for (const auto& [name_node, node] : *custom) {
      const std::string name(name_node.str());
      std::uint32_t line = name_node.source().begin.line;
      std::shared_ptr<const Rule> rule;
      if (std::string error = load_custom_rule(name, node, where, line, rule); !error.empty()) {
        std::string located = where;
        located += ":" + std::to_string(line) + ": ";
        located += error;
        return located;
      }
      config.custom_rules.erase(
          std::remove_if(config.custom_rules.begin(), config.custom_rules.end(),
                         [&](const auto& r) { return r->info().id == rule->info().id; }),
          config.custom_rules.end());
      known_ids.push_back(rule->info().id);
      config.custom_rules.push_back(std::move(rule));
    }
  }
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    std::string error;
    std::uint32_t line = key_node.source().begin.line;  // where the error is
    if (key == "custom") {
      if (!node.is_table()) {
        error = "custom must be a table of rules ([custom.<name>])";
      }
    } else if (key == "identifiers") {
      const auto value = node.value<std::string>();
      if (!value) {
        error = "identifiers must be a string (a file path)";
      } else {
        fs::path file(*value);
        if (file.is_relative()) {
          file = path.parent_path() / file;
        }
        config.identifiers.clear();
        error = read_identifiers_file(file, config.identifiers);
      }
    } else if (key == "pseudonyms") {
      error = string_list(node, key, config.pseudonyms);
    } else if (key == "allowed_names") {
      error = string_list(node, key, config.allowed_names);
    } else if (key == "allowed_organisations") {
      error = string_list(node, key, config.allowed_organisations);
    } else if (key == "fail_on") {
      const auto value = node.value<std::string>();
      error = value ? apply_fail_on(*value, config)
                    : "fail_on must be a string: error, warning, info or none";
    } else if (key == "edition" || key == "document_kind") {
      const auto value = node.value<std::string>();
      const std::vector<std::string> known =
          key == "edition" ? kit::outline_editions()
                           : std::vector<std::string>{"auto", "overview", "executive-summary"};
      std::string joined;
      for (const std::string& k : known) {
        if (!joined.empty()) {
          joined += ", ";
        }
        joined += k;
      }
      if (!value) {
        error = key;
        error += " must be a string: one of ";
        error += joined;
      } else if (std::find(known.begin(), known.end(), *value) == known.end()) {
        const std::string nearest = nearest_of(*value, known);
        error =
            key + ": unknown value \"" + *value + "\"" +
            (nearest.empty() ? " (known: " + joined + ")" : " (did you mean \"" + nearest + "\"?)");
      } else if (key == "edition") {
        config.edition = *value;
      } else {
        config.document_kind = *value;
      }
    } else if (key == "style") {
      error = load_style_table(node, line, config);
    } else if (key == "rules") {
      const toml::table* rules = node.as_table();
      if (rules == nullptr) {
        error = "[rules] must be a table of \"rule-id\" = \"off\"|\"error\"|\"warning\"|\"info\"";
      } else {
        for (const auto& [id_node, setting_node] : *rules) {
          const std::string id(id_node.str());
          line = id_node.source().begin.line;
          if (std::string reason = check_rule_pattern(id, known_ids); !reason.empty()) {
            error = "[rules]: " + reason;
            break;
          }
          const auto setting = setting_node.value<std::string>();
          if (setting && *setting == "off") {
            config.disabled_rules.push_back(id);
          } else if (const auto severity = setting ? parse_severity(*setting) : std::nullopt) {
            config.severity_overrides[id] = *severity;
          } else {
            error = "[rules] \"" + id + "\" must be \"off\", \"error\", \"warning\" or \"info\"";
            break;
          }
        }
      }
    } else {
      const std::string nearest =
          nearest_of(key, {"identifiers", "pseudonyms", "allowed_names", "allowed_organisations",
                           "fail_on", "edition", "document_kind", "rules", "custom", "style"});
      error =
          "unknown key \"" + key + "\"" +
          (nearest.empty() ? std::string(" (known: identifiers, pseudonyms, allowed_names, "
                                         "allowed_organisations, fail_on, edition, document_kind, "
                                         "[rules], [custom], [style])")
                           : " (did you mean \"" + nearest + "\"?)");
    }
    if (!error.empty()) {
      error.insert(0, where + ":" + std::to_string(line) + ": ");
      return error;
    }
  }
  return {};
}

std::optional<fs::path> find_config_for(const fs::path& input) {
  std::error_code ec;
  fs::path dir = fs::absolute(input, ec);
  if (ec) {
    return std::nullopt;
  }
  if (!fs::is_directory(dir, ec)) {
    dir = dir.parent_path();
  }
  dir = dir.lexically_normal();
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
    if (fs::exists(dir / ".git", ec)) {
      return std::nullopt;  // repository root
    }
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) {
      return std::nullopt;
    }
    dir = parent;
  }
}

}  // namespace dhrlint
