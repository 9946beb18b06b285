// Must not compile: the domain cannot see the client (tests/CMakeLists.txt, "layering").
#include "client/lib/api.h"
