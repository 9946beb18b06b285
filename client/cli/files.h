// The files the CLI reads its input from and writes answers to.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hoering::client {

// The whole content of the file at `path`, byte for byte; nullopt when it
// cannot be opened or read.
std::optional<std::string> ReadFileText(const std::string& path);
// The same, except that "-" reads standard input to its end.
std::optional<std::string> ReadInput(const std::string& path);
// The message for a file that ReadInput/ReadFileText could not read.
std::string CannotRead(const std::string& path);

// The JSON object in the file at `path` ("-" = standard input); nullopt with
// `error` set ("cannot read <path>" or "<path> must hold a JSON object
// <what>") otherwise.
std::optional<nlohmann::json> ReadJsonObjectInput(const std::string& path, std::string_view what,
                                                  std::string& error);

// Whether `path` can be opened for writing, checked before a request whose
// answer goes there (a file created only for the check is removed again).
bool CanWriteFile(const std::string& path);

}  // namespace hoering::client
