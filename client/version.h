// The client's version string, reported by `hoering --version`.
#pragma once
namespace hoering::client { const char* ClientVersion(); }
