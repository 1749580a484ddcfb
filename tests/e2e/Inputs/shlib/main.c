#include <stdio.h>
int plus2(void);
int base_val(void);
int main(void) {
  printf("plus2 %d base %d\n", plus2(), base_val());
  return 0;
}
