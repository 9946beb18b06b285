// Must not compile: the client speaks HTTP only; it cannot see the server (tests/CMakeLists.txt, "layering").
#include "server/app/route.h"
