int base_val(void);
int plus2(void) { return base_val() + 2; }
