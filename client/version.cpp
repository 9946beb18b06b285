#include "client/version.h"
namespace hoering::client { const char* ClientVersion() { return "0.1.0"; } }
