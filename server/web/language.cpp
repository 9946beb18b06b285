#include "server/web/language.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace hoering::web {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// q of one Accept-Language member ("da;q=0.8"), 1 when absent, 0 on bad input.
double Quality(std::string_view params) {
  auto q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string value(Trim(params.substr(q + 2)));
  char* end = nullptr;
  double v = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || v < 0 || v > 1) return 0;
  return v;
}

}  // namespace

std::string_view Code(Language lang) {
  return lang == Language::kDanish ? "da" : "en";
}

std::optional<Language> ParseLanguage(std::string_view tag) {
  tag = Trim(tag);
  for (auto [code, lang] : {std::pair{std::string_view("da"), Language::kDanish},
                            std::pair{std::string_view("en"), Language::kEnglish}}) {
    if (StartsWithNoCase(tag, code) && (tag.size() == 2 || tag[2] == '-')) return lang;
  }
  return std::nullopt;
}

std::optional<Language> FromAcceptLanguage(std::string_view header) {
  std::optional<Language> best;
  double best_q = 0;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view member = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    auto semi = member.find(';');
    auto lang = ParseLanguage(member.substr(0, semi));
    double q = semi == std::string_view::npos ? 1.0 : Quality(member.substr(semi + 1));
    if (lang && q > best_q) {
      best = lang;
      best_q = q;
    }
  }
  return best;
}

std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view pair = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

LanguageChoice ChooseLanguage(std::optional<std::string_view> query, std::string_view cookie_header,
                              std::string_view accept_language) {
  if (query) {
    if (auto lang = ParseLanguage(*query)) return {*lang, true};
  }
  if (auto cookie = CookieValue(cookie_header, kLanguageCookie)) {
    if (auto lang = ParseLanguage(*cookie)) return {*lang, false};
  }
  if (auto lang = FromAcceptLanguage(accept_language)) return {*lang, false};
  return {Language::kDanish, false};
}

}  // namespace hoering::web
