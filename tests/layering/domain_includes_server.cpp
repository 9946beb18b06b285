// Must not compile: the domain cannot see the server (tests/CMakeLists.txt, "layering").
#include "server/app/route.h"
