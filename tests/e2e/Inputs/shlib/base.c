int base_val(void) { return 40; }
int base_only_in_lib(void) { return 1; }
