/* bigwrite.c: one 4 MiB write(1, ...). sys/write.c polls for POLLOUT (the
 * time limit is checked while it waits) and then calls a blocking write(),
 * which, on a pipe with 64 KiB free, blocks until the reader has taken the
 * rest: `sfi-run --time-limit 1 bigwrite.so | (sleep 6; cat >/dev/null)`
 * runs for 6 s and ends with status 0, not the timeout trap. */
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  size_t n = 4 << 20;
  char *b = malloc(n);
  for (size_t i = 0; i < n; i++)
    b[i] = 'x';
  write(1, b, n);
  return 0;
}
