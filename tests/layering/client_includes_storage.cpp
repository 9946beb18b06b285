// Must not compile: the client cannot open a store (tests/CMakeLists.txt, "layering").
#include "storage/event_store.h"
