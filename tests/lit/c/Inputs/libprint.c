#include <sfi_export.h>
#include <stdio.h>
SFI_EXPORT int hello(int x) {
  printf("hello from the library %d\n", x);
  return x + 1;
}
