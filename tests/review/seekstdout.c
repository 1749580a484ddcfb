/* seekstdout.c: the sandbox's fd 1 is the host's own stdout (the default
 * grant), and sys/lseek.c seeks it: the shared file offset moves, so the
 * sandbox overwrites what the host wrote before it and the host's later
 * output lands at the sandbox's offset:
 *   (echo "HOST LOG LINE 1"; sfi-run seekstdout.so; echo "HOST LOG LINE 2")
 *     > out    gives "SANDBOXHOST LOG LINE 2" */
#include <unistd.h>
int main(void) {
  lseek(1, 0, SEEK_SET);
  write(1, "SANDBOX", 7);
  return 0;
}
