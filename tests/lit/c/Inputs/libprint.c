#include <stdio.h>
int hello(int x) { printf("hello from the library %d\n", x); return x + 1; }
