/* driver-lib.h: header found through -I in driver.c. */
#define LIB_BASE 40
int lib_value(void);
