/* table.c: the system interface by name (the part after __sfi_sys_). */
#include <string.h>

#include "sfi_sys.h"
#include "sys.h"

long sfi__sys_read(int, uint64_t, uint64_t);
long sfi__sys_write(int, uint64_t, uint64_t);
int sfi__sys_open(uint64_t, int, int);
int sfi__sys_close(int);
long sfi__sys_lseek(int, long, int);
int sfi__sys_fstat(int, uint64_t);
int sfi__sys_stat(uint64_t, uint64_t);
int sfi__sys_lstat(uint64_t, uint64_t);
int sfi__sys_unlink(uint64_t);
int sfi__sys_rename(uint64_t, uint64_t);
int sfi__sys_mkdir(uint64_t, int);
int sfi__sys_rmdir(uint64_t);
long sfi__sys_getdents(int, uint64_t, uint64_t);
int sfi__sys_isatty(int);
int sfi__sys_clock_gettime(int, uint64_t);
long sfi__sys_getrandom(uint64_t, uint64_t);
void sfi__sys_exit(int);
void sfi__sys_abort(void);
uint64_t sfi__sys_sbrk(long);
int sfi__sys_args_sizes(uint64_t, uint64_t);
int sfi__sys_args_get(uint64_t, uint64_t);
int sfi__sys_environ_sizes(uint64_t, uint64_t);
int sfi__sys_environ_get(uint64_t, uint64_t);
void sfi__sys_longjmp(uint64_t, int);
int sfi__sys_fmt_fp(uint64_t, uint64_t, int, int, int, uint64_t);
double sfi__sys_strtod(uint64_t, uint64_t, uint64_t, uint64_t);
float sfi__sys_strtof(uint64_t, uint64_t, uint64_t, uint64_t);
long double sfi__sys_strtold(uint64_t, uint64_t, uint64_t, uint64_t);
int sfi__sys_ftruncate(int, long);
int sfi__sys_fsync(int, int);
long sfi__sys_pread(int, uint64_t, uint64_t, long);
long sfi__sys_pwrite(int, uint64_t, uint64_t, long);
int sfi__sys_fchmod(int, int);
int sfi__sys_chmod(uint64_t, int);
int sfi__sys_utimens(int, uint64_t, uint64_t, int);
int sfi__sys_realpath(uint64_t, uint64_t, uint64_t);
int sfi__sys_pipe(uint64_t, int);
int sfi__sys_dup(int, int, int);
int sfi__sys_poll(uint64_t, uint64_t, int);
int sfi__sys_meminfo(uint64_t);

#define B(n) {#n, (void *)sfi__sys_##n},
static const struct sfi_bind table[] = {SFI_SYS_CALLS(B)};

void *sfi__sys_lookup(const char *name) {
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strcmp(table[i].name, name) == 0)
      return table[i].fn;
  return NULL;
}
