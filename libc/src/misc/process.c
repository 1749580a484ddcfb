/* process.c: processes and dynamic loading, which a sandbox (one process,
 * one module) does not have. Each function exists and fails as POSIX lets
 * it fail when the resource is unavailable: fork/vfork/exec* and popen
 * with ENOSYS, wait* with ECHILD (there are no children), posix_spawn*
 * returning ENOSYS, dlopen/dlsym returning NULL with a dlerror() message.
 * system() is in stdlib/misc.c (0 for NULL, else -1 with ENOSYS). */
#include <dlfcn.h>
#include <errno.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"

static int nosys(void) {
  errno = ENOSYS;
  return -1;
}

pid_t fork(void) { return nosys(); }
pid_t vfork(void) { return nosys(); }
int execve(const char *p, char *const a[], char *const e[]) {
  (void)p, (void)a, (void)e;
  return nosys();
}
int execv(const char *p, char *const a[]) {
  (void)p, (void)a;
  return nosys();
}
int execvp(const char *p, char *const a[]) {
  (void)p, (void)a;
  return nosys();
}
int execvpe(const char *p, char *const a[], char *const e[]) {
  (void)p, (void)a, (void)e;
  return nosys();
}
int fexecve(int fd, char *const a[], char *const e[]) {
  (void)fd, (void)a, (void)e;
  return nosys();
}
int execl(const char *p, const char *a, ...) {
  (void)p, (void)a;
  return nosys();
}
int execlp(const char *p, const char *a, ...) {
  (void)p, (void)a;
  return nosys();
}
int execle(const char *p, const char *a, ...) {
  (void)p, (void)a;
  return nosys();
}
int posix_spawn(pid_t *restrict pid, const char *restrict path,
                const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *restrict at, char *const argv[],
                char *const envp[]) {
  (void)pid, (void)path, (void)fa, (void)at, (void)argv, (void)envp;
  return ENOSYS;
}
int posix_spawnp(pid_t *restrict pid, const char *restrict file,
                 const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *restrict at, char *const argv[],
                 char *const envp[]) {
  (void)pid, (void)file, (void)fa, (void)at, (void)argv, (void)envp;
  return ENOSYS;
}

static int nochild(void) {
  errno = ECHILD;
  return -1;
}
pid_t waitpid(pid_t pid, int *st, int opt) {
  (void)pid, (void)st, (void)opt;
  return nochild();
}
pid_t wait(int *st) {
  (void)st;
  return nochild();
}
pid_t wait3(int *st, int opt, struct rusage *ru) {
  (void)st, (void)opt, (void)ru;
  return nochild();
}
pid_t wait4(pid_t pid, int *st, int opt, struct rusage *ru) {
  (void)pid, (void)st, (void)opt, (void)ru;
  return nochild();
}
int waitid(idtype_t t, id_t id, siginfo_t *info, int opt) {
  (void)t, (void)id, (void)info, (void)opt;
  return nochild();
}

FILE *popen(const char *cmd, const char *mode) {
  (void)cmd, (void)mode;
  errno = ENOSYS;
  return 0;
}
int pclose(FILE *f) {
  (void)f;
  return nochild();
}

/* Dynamic loading: the module is all there is. */
static const char *dl_msg;
static void dl_fail(const char *m) { dl_msg = m; }
void *dlopen(const char *file, int mode) {
  (void)file, (void)mode;
  dl_fail("dlopen: dynamic loading is not supported in the sandbox");
  return 0;
}
void *dlsym(void *restrict h, const char *restrict name) {
  (void)h, (void)name;
  dl_fail("dlsym: dynamic loading is not supported in the sandbox");
  return 0;
}
int dlclose(void *h) {
  (void)h;
  dl_fail("dlclose: invalid handle (no library can be loaded)");
  return -1;
}
char *dlerror(void) {
  const char *m = dl_msg;
  dl_msg = 0; /* reported once, as POSIX says */
  return (char *)m;
}
int dladdr(const void *addr, Dl_info *info) {
  (void)addr, (void)info;
  return 0;
}
