/* driver-lib.c: a second translation unit for driver.c (sfi-cc with several
 * sources, -I and -D). */
#include "driver-lib.h"

int lib_value(void) { return LIB_BASE + EXTRA; }
