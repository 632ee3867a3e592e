// Number formats for list labels and symbol-font bullet mapping.
#include "lint/ooxml/numfmt.hpp"
#include "lint/text/utf8.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>

namespace dhrlint::ooxml {
namespace {
using text::append_utf8;

// Decodes one code point at `pos` (advancing it); malformed bytes decode as
// U+FFFD one byte at a time so the walk always progresses.
char32_t next_code_point(std::string_view s, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += len;
  return cp;
}

std::string letters(std::int64_t value, char first) {
  // Word repeats the letter past Z (27 = AA, 28 = BB), it does not go AA, AB.
  // Past 780 (30 repeats) the label would only grow: decimal instead.
  if (value < 1 || value > 780) {
    return std::to_string(value);
  }
  std::string out(static_cast<std::size_t>((value - 1) / 26 + 1),
                  static_cast<char>(first + (value - 1) % 26));
  return out;
}

std::string greek_letters(std::int64_t value, bool upper) {
  static constexpr std::array<char32_t, 24> kLower = {
      U'α', U'β', U'γ', U'δ', U'ε', U'ζ', U'η', U'θ', U'ι', U'κ', U'λ', U'μ',
      U'ν', U'ξ', U'ο', U'π', U'ρ', U'σ', U'τ', U'υ', U'φ', U'χ', U'ψ', U'ω'};
  if (value < 1 || value > std::int64_t{24} * 30) {
    return std::to_string(value);
  }
  char32_t cp = kLower[static_cast<std::size_t>((value - 1) % 24)];
  if (upper) {
    cp -= 0x20;  // Greek capitals sit 0x20 below the small letters
  }
  std::string out;
  for (std::int64_t i = 0; i <= (value - 1) / 24; ++i) {
    append_utf8(out, cp);
  }
  return out;
}

std::string roman(std::int64_t value, bool upper) {
  // Word's largest start value is 32767; thousands are repeated M's, so the
  // label stays short. Anything else is decimal.
  if (value < 1 || value > 32767) {
    return std::to_string(value);
  }
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "m"},
                                                                          {900, "cm"},
                                                                          {500, "d"},
                                                                          {400, "cd"},
                                                                          {100, "c"},
                                                                          {90, "xc"},
                                                                          {50, "l"},
                                                                          {40, "xl"},
                                                                          {10, "x"},
                                                                          {9, "ix"},
                                                                          {5, "v"},
                                                                          {4, "iv"},
                                                                          {1, "i"}}};
  std::string out;
  for (const auto& [amount, text] : kParts) {
    while (value >= amount) {
      out += text;
      value -= amount;
    }
  }
  if (upper) {
    for (char& c : out) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string ordinal(std::int64_t value) {
  std::int64_t last_two = value % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    switch (value % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(value) + suffix;
}

// English number words, lower case: "twenty-one", "one hundred and five".
std::string cardinal_words(std::int64_t value) {
  static constexpr std::array<const char*, 20> kSmall = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<const char*, 10> kTens = {
      "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  if (value < 20) {
    return kSmall[static_cast<std::size_t>(value)];
  }
  if (value < 100) {
    std::string out = kTens[static_cast<std::size_t>(value / 10)];
    if (value % 10 != 0) {
      out += std::string("-") + kSmall[static_cast<std::size_t>(value % 10)];
    }
    return out;
  }
  struct Scale {
    std::int64_t amount;
    const char* name;
  };
  static constexpr std::array<Scale, 3> kScales = {
      {{1000000000, "billion"}, {1000000, "million"}, {1000, "thousand"}}};
  for (const Scale& scale : kScales) {
    if (value >= scale.amount) {
      std::string out = cardinal_words(value / scale.amount) + " " + scale.name;
      std::int64_t rest = value % scale.amount;
      if (rest == 0) {
        return out;
      }
      return out + (rest < 100 ? " and " : " ") + cardinal_words(rest);
    }
  }
  std::string out = std::string(kSmall[static_cast<std::size_t>(value / 100)]) + " hundred";
  if (value % 100 != 0) {
    out += " and " + cardinal_words(value % 100);
  }
  return out;
}

std::string ordinal_words(std::int64_t value) {
  std::string words = cardinal_words(value);
  // Only the last word takes the ordinal form.
  std::size_t cut = words.find_last_of(" -");
  std::string head = cut == std::string::npos ? "" : words.substr(0, cut + 1);
  std::string last = cut == std::string::npos ? words : words.substr(cut + 1);
  static constexpr std::array<std::pair<const char*, const char*>, 12> kIrregular = {{
      {"one", "first"},
      {"two", "second"},
      {"three", "third"},
      {"five", "fifth"},
      {"eight", "eighth"},
      {"nine", "ninth"},
      {"twelve", "twelfth"},
      {"zero", "zeroth"},
      {"four", "fourth"},
      {"six", "sixth"},
      {"seven", "seventh"},
      {"ten", "tenth"},
  }};
  for (const auto& [cardinal, ordinal_form] : kIrregular) {
    if (last == cardinal) {
      return head + ordinal_form;
    }
  }
  if (!last.empty() && last.back() == 'y') {
    return head + last.substr(0, last.size() - 1) + "ieth";
  }
  return head + last + "th";
}

std::string capitalise_first(std::string s) {
  if (!s.empty()) {
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  }
  return s;
}

// East Asian counting systems: digits with ten/hundred/thousand markers.
struct CountingSystem {
  std::array<char32_t, 10> digits;  // [0] is the zero used between groups (0 = none)
  char32_t ten, hundred, thousand;
  bool one_before_ten;       // 一十 vs 十 for 10..19 (never at the start)
  bool one_before_hundreds;  // 一百 vs 百
};

std::string counting(std::int64_t value, const CountingSystem& sys) {
  if (value < 1 || value > 9999) {
    return std::to_string(value);
  }
  std::string out;
  const std::array<std::pair<std::int64_t, char32_t>, 4> places = {
      {{1000, sys.thousand}, {100, sys.hundred}, {10, sys.ten}, {1, 0}}};
  bool pending_zero = false;
  bool started = false;
  for (const auto& [place, marker] : places) {
    std::int64_t digit = (value / place) % 10;
    if (digit == 0) {
      if (started) {
        pending_zero = true;
      }
      continue;
    }
    if (pending_zero && sys.digits[0] != 0) {
      append_utf8(out, sys.digits[0]);
    }
    pending_zero = false;
    bool omit_one = digit == 1 && marker != 0 &&
                    ((place == 10 && (!started || !sys.one_before_ten)) ||
                     (place >= 100 && !sys.one_before_hundreds));
    if (!omit_one) {
      append_utf8(out, sys.digits[static_cast<std::size_t>(digit)]);
    }
    if (marker != 0) {
      append_utf8(out, marker);
    }
    started = true;
  }
  return out;
}

constexpr CountingSystem kChineseCounting = {
    {U'零', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'},
    U'十',
    U'百',
    U'千',
    true,
    true};
constexpr CountingSystem kJapaneseCounting = {
    {0, U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'},
    U'十',
    U'百',
    U'千',
    false,
    false};
constexpr CountingSystem kKoreanCounting = {
    {0, U'일', U'이', U'삼', U'사', U'오', U'육', U'칠', U'팔', U'구'},
    U'십',
    U'백',
    U'천',
    false,
    false};

std::string digit_by_digit(std::int64_t value, const std::array<char32_t, 10>& digits) {
  std::string decimal = std::to_string(value);
  std::string out;
  for (char c : decimal) {
    append_utf8(out, digits[static_cast<std::size_t>(c - '0')]);
  }
  return out;
}

std::string cyclic(std::int64_t value, std::u32string_view symbols) {
  if (value < 1) {
    return std::to_string(value);
  }
  std::string out;
  append_utf8(
      out,
      symbols[static_cast<std::size_t>((value - 1) % static_cast<std::int64_t>(symbols.size()))]);
  return out;
}

std::string enclosed_circle(std::int64_t value) {
  std::string out;
  if (value >= 1 && value <= 20) {
    append_utf8(out, static_cast<char32_t>(0x2460 + value - 1));
  } else if (value >= 21 && value <= 35) {
    append_utf8(out, static_cast<char32_t>(0x3251 + value - 21));
  } else if (value >= 36 && value <= 50) {
    append_utf8(out, static_cast<char32_t>(0x32B1 + value - 36));
  } else {
    out = std::to_string(value);
  }
  return out;
}

std::string enclosed_range(std::int64_t value, char32_t first) {
  if (value < 1 || value > 20) {
    return std::to_string(value);
  }
  std::string out;
  append_utf8(out, static_cast<char32_t>(first + value - 1));
  return out;
}

// w:format of a "custom" numFmt is a sample sequence: "001, 002, 003, ...",
// "α, β, γ, ...". The first item tells the system.
std::string custom(std::int64_t value, std::string_view format) {
  std::string_view first = format.substr(0, format.find(','));
  while (!first.empty() && first.front() == ' ') {
    first.remove_prefix(1);
  }
  while (!first.empty() && first.back() == ' ') {
    first.remove_suffix(1);
  }
  bool all_digits = !first.empty();
  for (char c : first) {
    all_digits = all_digits && c >= '0' && c <= '9';
  }
  if (all_digits) {
    std::string decimal = std::to_string(value);
    if (first.size() > decimal.size() && first.size() <= 16) {
      decimal.insert(0, first.size() - decimal.size(), '0');
    }
    return decimal;
  }
  if (first == "α") {
    return greek_letters(value, false);
  }
  if (first == "Α") {
    return greek_letters(value, true);
  }
  if (first == "a") {
    return letters(value, 'a');
  }
  if (first == "A") {
    return letters(value, 'A');
  }
  if (first == "i") {
    return roman(value, false);
  }
  if (first == "I") {
    return roman(value, true);
  }
  return std::to_string(value);
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) {
    return false;
  }
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < needle.size() && match; ++j) {
      match = std::tolower(static_cast<unsigned char>(haystack[i + j])) == needle[j];
    }
    if (match) {
      return true;
    }
  }
  return false;
}

struct GlyphMap {
  unsigned char slot;
  char32_t unicode;
};

// The characters Word's bullet gallery and common templates use.
constexpr std::array<GlyphMap, 14> kSymbolFont = {{{0xB7, U'•'},
                                                   {0xA7, U'♣'},
                                                   {0xA8, U'♦'},
                                                   {0xA9, U'♥'},
                                                   {0xAA, U'♠'},
                                                   {0xAE, U'→'},
                                                   {0xDE, U'⇒'},
                                                   {0xB0, U'°'},
                                                   {0x2D, U'−'},
                                                   {0x2A, U'∗'},
                                                   {0xD7, U'⋅'},
                                                   {0xE0, U'◊'},
                                                   {0x6F, U'ο'},
                                                   {0x77, U'ω'}}};
constexpr std::array<GlyphMap, 24> kWingdingsFont = {
    {{0xA7, U'▪'}, {0x6C, U'●'}, {0x6E, U'■'}, {0x6F, U'□'}, {0x71, U'❑'}, {0x72, U'❒'},
     {0x75, U'◆'}, {0x76, U'❖'}, {0x77, U'⬥'}, {0x9F, U'•'}, {0xA1, U'○'}, {0xA8, U'◻'},
     {0xD8, U'➢'}, {0xE8, U'➔'}, {0xF0, U'⇨'}, {0xFB, U'✗'}, {0xFC, U'✓'}, {0xFD, U'☒'},
     {0xFE, U'☑'}, {0x46, U'☞'}, {0x4A, U'☺'}, {0x3F, U'✍'}, {0xAB, U'★'}, {0x73, U'♦'}}};

std::optional<char32_t> lookup(const auto& table, unsigned char slot) {
  for (const GlyphMap& g : table) {
    if (g.slot == slot) {
      return g.unicode;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string format_number(std::int64_t value, std::string_view num_fmt,
                          std::string_view custom_format) {
  if (value < 0) {
    value = 0;
  }
  if (value > kMaxListValue) {
    value = kMaxListValue;
  }
  if (num_fmt.empty() || num_fmt == "decimal") {
    return std::to_string(value);
  }
  if (num_fmt == "none" || num_fmt == "bullet") {
    return {};
  }
  if (num_fmt == "decimalZero") {
    std::string s = std::to_string(value);
    return s.size() < 2 ? "0" + s : s;
  }
  if (num_fmt == "upperLetter") {
    return letters(value, 'A');
  }
  if (num_fmt == "lowerLetter") {
    return letters(value, 'a');
  }
  if (num_fmt == "upperRoman") {
    return roman(value, true);
  }
  if (num_fmt == "lowerRoman") {
    return roman(value, false);
  }
  if (num_fmt == "ordinal") {
    return ordinal(value);
  }
  if (num_fmt == "cardinalText") {
    return capitalise_first(cardinal_words(value));
  }
  if (num_fmt == "ordinalText") {
    return capitalise_first(ordinal_words(value));
  }
  if (num_fmt == "custom") {
    return custom(value, custom_format);
  }
  if (num_fmt == "chineseCounting" || num_fmt == "chineseCountingThousand" ||
      num_fmt == "taiwaneseCounting" || num_fmt == "taiwaneseCountingThousand" ||
      num_fmt == "ideographLegalTraditional") {
    return counting(value, kChineseCounting);
  }
  if (num_fmt == "japaneseCounting") {
    return counting(value, kJapaneseCounting);
  }
  if (num_fmt == "koreanCounting") {
    return counting(value, kKoreanCounting);
  }
  if (num_fmt == "ideographDigital" || num_fmt == "japaneseDigitalTenThousand" ||
      num_fmt == "taiwaneseDigital") {
    return digit_by_digit(value,
                          {U'〇', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'});
  }
  if (num_fmt == "koreanDigital") {
    return digit_by_digit(value,
                          {U'영', U'일', U'이', U'삼', U'사', U'오', U'육', U'칠', U'팔', U'구'});
  }
  if (num_fmt == "decimalFullWidth" || num_fmt == "decimalFullWidth2") {
    return digit_by_digit(value,
                          {U'０', U'１', U'２', U'３', U'４', U'５', U'６', U'７', U'８', U'９'});
  }
  if (num_fmt == "ideographTraditional") {
    return cyclic(value, U"甲乙丙丁戊己庚辛壬癸");
  }
  if (num_fmt == "ideographZodiac") {
    return cyclic(value, U"子丑寅卯辰巳午未申酉戌亥");
  }
  if (num_fmt == "decimalEnclosedCircle" || num_fmt == "decimalEnclosedCircleChinese" ||
      num_fmt == "ideographEnclosedCircle") {
    return enclosed_circle(value);
  }
  if (num_fmt == "decimalEnclosedFullstop") {
    return enclosed_range(value, 0x2488);
  }
  if (num_fmt == "decimalEnclosedParen") {
    return enclosed_range(value, 0x2474);
  }
  if (num_fmt == "numberInDash") {
    return "- " + std::to_string(value) + " -";
  }
  return std::to_string(value);  // decimalHalfWidth and formats not modelled
}

std::string map_symbol_font(std::string_view utf8, std::string_view font, bool bullet) {
  bool symbol = contains_ci(font, "symbol");
  bool wingdings = contains_ci(font, "wingdings");
  if (bullet && utf8 == "o" && (font.empty() || contains_ci(font, "courier"))) {
    return "◦";
  }
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = next_code_point(utf8, pos);
    std::optional<char32_t> mapped;
    bool private_use = cp >= 0xF020 && cp <= 0xF0FF;
    // In a symbol font the plain code points 0x20..0xFF draw the same glyphs
    // as their private-use aliases.
    if (private_use || (bullet && (symbol || wingdings) && cp >= 0x20 && cp <= 0xFF)) {
      auto slot = static_cast<unsigned char>(cp & 0xFF);
      if (symbol) {
        mapped = lookup(kSymbolFont, slot);
      } else if (wingdings) {
        mapped = lookup(kWingdingsFont, slot);
      } else if (private_use) {
        // No font named: Symbol's round bullet is the usual F0B7, the rest of
        // Word's gallery is Wingdings.
        mapped = slot == 0xB7 ? std::optional<char32_t>(U'•') : lookup(kWingdingsFont, slot);
      }
    }
    append_utf8(out, mapped.value_or(cp));
  }
  return out;
}

}  // namespace dhrlint::ooxml
