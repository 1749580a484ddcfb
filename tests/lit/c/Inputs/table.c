// The other translation unit: takes the address of the same function.
int add1(int x);
int (*other_ptr(void))(int) { return add1; }
int call_through(int (*f)(int), int v) { return f(v); }
