// identifying/metadata-name: a person's name in the document properties
// (creator, lastModifiedBy, custom properties), as a comment author or as the
// author of tracked changes.
#include <re2/re2.h>

#include <set>
#include <string>
#include <vector>

#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/metadata-name.txt";

constexpr const char* kHowToClear =
    "clear it before sharing the file: in Word, File > Info > Check for Issues > Inspect "
    "Document > Document Properties and Personal Information > Remove All";

class MetadataNameRule : public Rule {
 public:
  MetadataNameRule() : MetadataNameRule(DataFile::load(kData)) {}
  explicit MetadataNameRule(const DataFile& data)
      : placeholders_(data.values("placeholder")),
        org_words_(data.values("org-word")),
        title_words_(data.values("title-word")),
        email_re_("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
        login_re_("(?:[A-Za-z0-9\\-]+\\\\)?[a-z]+[._][a-z]+|[A-Za-z0-9\\-]+\\\\[A-Za-z._]+") {
    for (const std::string& line : data.values("property")) {
      const std::size_t space = line.find(' ');
      if (space != std::string::npos) {
        properties_.emplace_back(line.substr(0, space), line.substr(space + 1));
      }
    }
    info_.id = "identifying/metadata-name";
    info_.severity = Severity::kWarning;
    info_.summary = "A person's name is stored in the file's properties or author fields";
    info_.what =
        "Flags person names the file carries outside its text: the core properties creator, "
        "lastModifiedBy and contributor, the app property Manager, custom properties, the "
        "authors of comments (one finding per comment) and of tracked changes (one finding per "
        "author). A value counts as a name when it looks like one (\"Jane Smith\", \"J. "
        "Smith\", \"Menara\", an e-mail address or a login such as \"jane.smith\" or "
        "\"cgraham\"), and a title, subject or keywords property that pairs a declared "
        "pseudonym with an undeclared surname (\"DHR Margaret Holt\"); "
        "placeholders written by applications (\"Author\", \"Microsoft Office User\", \"Windows "
        "User\"), organisations (\"Tower Hamlets Council\") and names listed in allowed_names "
        "are not flagged.";
    info_.why =
        "The file itself carries names that the printed report does not show; document "
        "properties, comment authors and tracked changes are where a real name survives once "
        "the visible text is clean: anonymisation extends to the file itself. Published reports "
        "are read as files, not only as print (Home Office, \"Multi-agency Statutory Guidance for "
        "the Conduct of Domestic Homicide Reviews\" (2016), section 8 \"Publication of the "
        "Overview Report\"); a name is personal data (UK GDPR, "
        "Article 4(1)).";
    info_.example =
        "docProps/core.xml creator = \"Jane Smith\"           <- fires\n"
        "docProps/core.xml creator = \"Microsoft Office User\" <- does not fire";
    info_.fix =
        "In Word: File > Info > Check for Issues > Inspect Document, tick Comments, Revisions "
        "and Versions and Document Properties and Personal Information, then Remove All (or "
        "File > Options > Trust Center > Privacy Options > Remove personal information from file "
        "properties on save).";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const text::Lexicon& lexicon = ctx.analysis().shared().lexicon;
    std::set<std::string> allowed;
    for (const std::string& name : ctx.config().allowed_names) {
      allowed.insert(normal(name));
    }
    auto is_name = [&](const std::string& value) {
      return looks_like_name(value, lexicon) && allowed.count(normal(value)) == 0;
    };
    for (const auto& [group, name] : properties_) {
      const auto& values = group == "core" ? doc.properties.core : doc.properties.app;
      const auto it = values.find(name);
      if (it == values.end() || !is_name(it->second)) {
        continue;
      }
      report_property(ctx, *this, group, name, it->second,
                      "Document property '" + name + "' holds a person's name; " + kHowToClear);
    }
    // A title that pairs a declared pseudonym with the real surname ("DHR
    // Margaret Holt" where only Margaret is declared).
    const PseudonymTable& declared = ctx.analysis().pseudonyms();
    for (const char* name : {"title", "subject", "description", "keywords"}) {
      const auto it = doc.properties.core.find(name);
      if (it == doc.properties.core.end()) {
        continue;
      }
      const std::vector<Token>& tokens = ctx.analysis().tokens(it->second);
      for (std::size_t k = 1; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (declared.declares(tokens[k - 1].base) && joins_name(tokens[k - 1], t) &&
            t.capitalised && !t.all_caps && !t.has_digit && !declared.declares(t.base) &&
            !org_words_.contains(t.base) && !placeholders_.contains(t.base) &&
            !title_words_.contains(t.base) &&
            // An ordinary word ends the title when it is a surname ("DHR
            // Margaret Holt"); inside it, it is a name's next word
            // ("Levenbridge Community Safety Partnership").
            !(lexicon.available() && lexicon.is_common_word(t.base) && k + 1 < tokens.size()) &&
            allowed.count(normal(std::string(tokens[k - 1].text) + " " + std::string(t.text))) ==
                0) {
          report_property(ctx, *this, "core", name, t.plain,
                          "Document property '" + std::string(name) +
                              "' pairs a pseudonym with a surname that is not declared; " +
                              kHowToClear);
        }
      }
    }
    for (const auto& [name, value] : doc.properties.custom) {
      if (!is_name(value)) {
        continue;
      }
      report_property(
          ctx, *this, "custom", name, value,
          "Custom document property '" + name + "' holds a person's name; " + kHowToClear);
    }
    for (const Comment& comment : doc.comments) {
      if (!is_name(comment.author)) {
        continue;
      }
      Location loc;
      loc.part = comment.part.empty() ? "word/comments.xml" : comment.part;
      loc.comment_id = comment.id;
      loc.property = "author";
      if (comment.anchor < doc.paragraphs.size() &&
          !doc.paragraphs[comment.anchor].section.empty()) {
        loc.section = doc.paragraphs[comment.anchor].section;
      }
      ctx.report_at(*this, std::move(loc),
                    "The comment's author is a person's name; delete the comment or remove "
                    "personal information (File > Info > Check for Issues > Inspect Document > "
                    "Comments, Revisions and Versions)",
                    comment.author);
    }
    // Tracked changes: one finding per author, where that author's first
    // change stands.
    std::set<std::string> seen;
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      for (const Revision& r : doc.paragraphs[p].revisions) {
        if (r.author.empty() || !seen.insert(r.author).second || !is_name(r.author)) {
          continue;
        }
        Finding& f = ctx.report(*this, p, r.start, r.start,
                                "Tracked changes carry their author's name; accept or reject "
                                "all changes, or remove personal information (File > Info > "
                                "Check for Issues > Inspect Document)");
        f.location.property = "author";
      }
    }
  }

 private:
  static std::string normal(const std::string& s) {
    std::string f = folded(s);
    std::string out;
    for (char c : f) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) {
        continue;
      }
      out += c;
    }
    while (!out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    return out;
  }

  // A login made of an initial or two and a surname, with no separator
  // ("cgraham", "jsmith1", "hbrennan"): written in lower case letters (and up
  // to three digits; "XPVMWARE01" is a machine), not an ordinary English word,
  // and with an uncommon word once its first one or two letters are dropped.
  bool login_without_separator(const std::string& n, const text::Lexicon& lexicon) const {
    static const RE2 kLogin("([a-z]{5,20})[0-9]{0,3}");
    std::string letters;
    if (!RE2::FullMatch(n, kLogin, &letters) || placeholders_.contains(letters) ||
        !lexicon.available() || lexicon.is_common_word(letters)) {
      return false;
    }
    for (std::size_t initials = 1; initials <= 2; ++initials) {
      const std::string rest = letters.substr(initials);
      if (rest.size() >= 4 && !lexicon.is_common_word(rest) && !placeholders_.contains(rest)) {
        return true;
      }
    }
    return false;
  }

  bool looks_like_name(const std::string& value, const text::Lexicon& lexicon) const {
    const std::string n = normal(value);
    if (n.empty() || placeholders_.contains(n)) {
      return false;
    }
    if (RE2::FullMatch(n, *email_re_)) {
      return true;
    }
    if (RE2::FullMatch(value, *login_re_)) {
      // "DOMAIN\\Administrator": a login, but not a person's.
      const std::size_t slash = n.rfind('\\');
      return slash == std::string::npos || !placeholders_.contains(n.substr(slash + 1));
    }
    if (login_without_separator(value, lexicon)) {
      return true;
    }
    const std::vector<Token> tokens = tokenize_(value);
    if (tokens.empty() || tokens.size() > 4) {
      return false;
    }
    // Only letters, spaces, apostrophes, hyphens, full stops and commas.
    for (char c : value) {
      const unsigned char u = static_cast<unsigned char>(c);
      if ((u >= '0' && u <= '9') || c == '@' || c == '/' || c == '_' || c == ':' || c == '(' ||
          c == '{' || c == '=') {
        return false;
      }
    }
    for (const Token& t : tokens) {
      if (org_words_.contains(t.base)) {
        return false;
      }
      if (!t.capitalised || t.all_caps) {
        return false;
      }
    }
    if (tokens.size() == 1) {
      // One word: a name only if it is not an ordinary word ("Menara", not
      // "Admin" or "Official").
      return text::length(tokens[0].base) >= 3 && !placeholders_.contains(tokens[0].base) &&
             !(lexicon.available() && lexicon.is_common_word(tokens[0].base));
    }
    return true;
  }

  RuleInfo info_;
  Tokenizer tokenize_;
  std::vector<std::pair<std::string, std::string>> properties_;
  TermSet placeholders_;
  TermSet org_words_;
  TermSet title_words_;
  kit::LazyRegex email_re_;
  kit::LazyRegex login_re_;
};

}  // namespace

std::unique_ptr<Rule> make_metadata_name_rule() { return std::make_unique<MetadataNameRule>(); }

}  // namespace dhrlint::identifying
