#include <sfi_export.h>
#include <stdio.h>
#include <stdlib.h>
static int helper(int x) { return x * 3; }
int internal(int x) { return helper(x) + 1; }
SFI_EXPORT int api(int x) {
  char *p = malloc(16);
  int r = internal(x) + (p != NULL);
  free(p);
  printf("api(%d) = %d\n", x, r);
  return r;
}
SFI_EXPORT int counter = 5;
