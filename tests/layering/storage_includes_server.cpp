// Must not compile: storage knows nothing of HTTP (tests/CMakeLists.txt, "layering").
#include "server/http/router.h"
