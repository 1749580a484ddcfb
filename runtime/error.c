/* error.c: result codes, their names, and the per-thread message that every
 * failing runtime function leaves for sfi_errmsg(). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static _Thread_local char errbuf[2048] = "no error";

int sfi__err(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(errbuf, sizeof errbuf, fmt, ap);
  va_end(ap);
  return code;
}

void sfi__errappend(const char *fmt, ...) {
  size_t n = strlen(errbuf);
  if (n + 1 >= sizeof errbuf)
    return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(errbuf + n, sizeof errbuf - n, fmt, ap);
  va_end(ap);
}

const char *sfi_errmsg(void) { return errbuf; }

/* After an mmap/mprotect failure: with ENOMEM the usual cause for an
 * instance is the process's mapping count (each instance takes several),
 * so name vm.max_map_count with both numbers. */
void sfi__map_hint(int err, int per_instance) {
  if (err != ENOMEM)
    return;
  long limit = -1, n = 0;
  FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
  if (f) {
    if (fscanf(f, "%ld", &limit) != 1)
      limit = -1;
    fclose(f);
  }
  f = fopen("/proc/self/maps", "r");
  if (f) {
    int c;
    while ((c = getc(f)) != EOF)
      n += c == '\n';
    fclose(f);
  }
  sfi__errappend(" (this process has %ld memory mappings, vm.max_map_count "
                 "is %ld; every instance takes about %d: raise the limit, "
                 "e.g. sysctl -w vm.max_map_count=1048576, or free "
                 "instances)",
                 n, limit, per_instance);
}

int sfi_version(void) { return SFI_VERSION; }

int sfi_is_trap(int rc) { return rc <= SFI_TRAP_OOB && rc >= SFI_TRAP_FPE; }

const char *sfi_strerror(int err) {
  switch (err) {
  case SFI_OK:
    return "success";
  case SFI_ERR_INVALID:
    return "invalid argument";
  case SFI_ERR_NOMEM:
    return "out of memory or address space";
  case SFI_ERR_IO:
    return "cannot read module file";
  case SFI_ERR_BADMODULE:
    return "malformed or unsandboxed module";
  case SFI_ERR_IMPORT:
    return "import not granted";
  case SFI_ERR_NOTFOUND:
    return "no such export";
  case SFI_ERR_TRAPPED:
    return "instance trapped before";
  case SFI_ERR_EXIT:
    return "sandbox called exit";
  case SFI_TRAP_OOB:
    return "out-of-bounds memory access";
  case SFI_TRAP_STACK:
    return "stack exhausted";
  case SFI_TRAP_DIV:
    return "integer division by zero or overflow";
  case SFI_TRAP_ILLEGAL:
    return "illegal instruction or bad indirect call";
  case SFI_TRAP_BREAK:
    return "breakpoint";
  case SFI_TRAP_ABORT:
    return "abort";
  case SFI_TRAP_TIMEOUT:
    return "time limit exceeded";
  case SFI_TRAP_FPE:
    return "floating-point exception";
  default:
    return "unknown error";
  }
}
