// The two languages of the web pages and the consultation report, and how a
// request picks one: `?lang=` (the visible switch), then the `hoering_lang`
// cookie the switch sets, then `Accept-Language` (highest q first), else
// Danish (the language of the consultations this server is for).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hoering::web {

enum class Language { kDanish, kEnglish };

// "da" / "en".
std::string_view Code(Language lang);
// "da" or "en" (case-insensitive, a region suffix such as "en-GB" allowed).
std::optional<Language> ParseLanguage(std::string_view tag);
// The best of da/en in an Accept-Language value, or nullopt.
std::optional<Language> FromAcceptLanguage(std::string_view header);
// The value of one cookie in a Cookie header, or nullopt.
std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name);

struct LanguageChoice {
  Language lang = Language::kDanish;
  bool from_query = false;  // chosen by ?lang=: the page sets the cookie
};
// The precedence above. An unknown ?lang= value is ignored.
LanguageChoice ChooseLanguage(std::optional<std::string_view> query, std::string_view cookie_header,
                              std::string_view accept_language);

inline constexpr std::string_view kLanguageCookie = "hoering_lang";

}  // namespace hoering::web
