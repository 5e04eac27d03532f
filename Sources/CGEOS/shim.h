// GEOS through its reentrant API only: every call takes a per-thread context handle.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
