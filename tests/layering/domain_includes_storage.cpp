// Must not compile: the domain is pure and cannot see the event store (tests/CMakeLists.txt, "layering").
#include "storage/event_store.h"
