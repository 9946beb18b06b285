#include "server/version.h"
namespace hoering { const char* ServerVersion() { return "0.1.0"; } }
