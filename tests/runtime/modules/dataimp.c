/* dataimp.c: a module that takes the address of an imported variable (a
 * data import, R_X86_64_64 against an undefined symbol). The pass refuses
 * this at compile time; the runtime must refuse the linked module too, so
 * this one is built without the pass. */
extern int host_var;
int *p = &host_var;
int get(void) { return *p; }
