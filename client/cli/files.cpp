#include "client/cli/files.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace hoering::client {

std::optional<std::string> ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buffer.str();
}

std::optional<std::string> ReadInput(const std::string& path) {
  if (path != "-") return ReadFileText(path);
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

std::string CannotRead(const std::string& path) {
  return "cannot read " + path;
}

std::optional<nlohmann::json> ReadJsonObjectInput(const std::string& path, std::string_view what,
                                                  std::string& error) {
  auto text = ReadInput(path);
  if (!text) {
    error = CannotRead(path);
    return std::nullopt;
  }
  nlohmann::json object = nlohmann::json::parse(*text, nullptr, false);
  if (!object.is_object()) {
    error = path + " must hold a JSON object " + std::string(what);
    return std::nullopt;
  }
  return object;
}

bool CanWriteFile(const std::string& path) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  bool ok = static_cast<bool>(std::ofstream(path, std::ios::binary | std::ios::app));
  if (ok && !existed) std::filesystem::remove(path, ec);
  return ok;
}

}  // namespace hoering::client
