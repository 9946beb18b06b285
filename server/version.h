// The server's version string, reported by --version and /healthz.
#pragma once
namespace hoering { const char* ServerVersion(); }
