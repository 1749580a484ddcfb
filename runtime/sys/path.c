/* path.c: resolving sandbox paths beneath the granted directories. The
 * kernel does the hard part: openat2 with RESOLVE_BENEATH refuses "..",
 * absolute components and symlinks that leave the directory. */
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "sys.h"

/* Does guest path g (no trailing slash) prefix p as whole components? */
static size_t prefix_len(const char *g, const char *p) {
  if (strcmp(g, "/") == 0)
    return p[0] == '/' ? 1 : 0;
  if (strcmp(g, ".") == 0)
    return p[0] != '/' ? (size_t)-2 : 0; /* matches every relative path */
  size_t n = strlen(g);
  if (strncmp(g, p, n) == 0 && (p[n] == '/' || p[n] == 0))
    return n;
  return 0;
}

/* out = the absolute path dir + "/" + rel with empty and "." components
 * dropped and each ".." removing the one before it (never above "/");
 * 0, or -1 if it does not fit in PATH_MAX. */
static int join_normal(const char *dir, const char *rel, char *out) {
  size_t n = 0;
  const char *parts[2] = {dir, rel};
  out[0] = 0;
  for (int k = 0; k < 2; k++)
    for (const char *c = parts[k]; *c;) {
      while (*c == '/')
        c++;
      const char *e = c;
      while (*e && *e != '/')
        e++;
      size_t len = (size_t)(e - c);
      if (len == 0 || (len == 1 && c[0] == '.')) {
        /* nothing */
      } else if (len == 2 && c[0] == '.' && c[1] == '.') {
        while (n > 0 && out[n - 1] != '/')
          n--;
        if (n > 0)
          n--; /* the slash before it */
      } else {
        if (n + 1 + len + 1 > PATH_MAX)
          return -1;
        out[n++] = '/';
        memcpy(out + n, c, len);
        n += len;
      }
      c = e;
    }
  if (n == 0)
    out[n++] = '/';
  /* "name/" and "name/." must still name a directory (review: lstat and
   * stat of "link/" to a file answered for the file, natively ENOTDIR) */
  if (out[n - 1] != '/' && sfi__sys_names_dir(rel)) {
    if (n + 2 > PATH_MAX)
      return -1;
    out[n++] = '/';
  }
  out[n] = 0;
  return 0;
}

const char *sfi__sys_device(sfi_instance *in, uint64_t path, int *writable) {
  static const struct {
    const char *name;
    int writable;
  } devs[] = {{"/dev/null", 1}, {"/dev/zero", 1}, {"/dev/random", 0},
              {"/dev/urandom", 0}};
  _Static_assert(sizeof devs / sizeof devs[0] == 4, "sfi__sys_device_ok");
  char name[16];
  if (sfi_copy_string_out(in, name, sizeof name, path) != SFI_OK)
    return NULL;
  for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++)
    if (strcmp(name, devs[i].name) == 0) {
      *writable = devs[i].writable;
      return devs[i].name;
    }
  return NULL;
}

/* Linux's numbers for the four (mem major 1): anything else at those
 * names (a host without device nodes: a chroot, a regular file left at
 * /dev/null) is not the device and does not exist for the sandbox. */
int sfi__sys_device_ok(const char *dev, const struct stat *st) {
  unsigned minor = strcmp(dev, "/dev/null") == 0      ? 3
                   : strcmp(dev, "/dev/zero") == 0    ? 5
                   : strcmp(dev, "/dev/random") == 0  ? 8
                   : strcmp(dev, "/dev/urandom") == 0 ? 9
                                                      : 0;
  return minor && S_ISCHR(st->st_mode) && major(st->st_rdev) == 1 &&
         minor(st->st_rdev) == minor;
}

int sfi__sys_path(sfi_instance *in, uint64_t path, int *dirfd, char *rest) {
  char buf[PATH_MAX];
  if (sfi_copy_string_out(in, buf, sizeof buf, path) != SFI_OK)
    return -EFAULT;
  if (!buf[0])
    return -ENOENT;
  /* A name under no grant does not exist for the sandbox: ENOENT, as for
   * a missing file natively (test suites check "/does/not/exist"). An
   * escape from inside a grant ("..", a symlink out) is EACCES below. */
  if (in->ngrants == 0)
    return -ENOENT;
  const char *p = buf;
  char abs[PATH_MAX];
  if (p[0] != '/' && in->ngrants && in->grants[0].guest[0] == '/') {
    /* The first grant is the working directory: a relative path is joined
     * to its guest path and its "." and ".." resolved by name, so that
     * "../pic/x.gif" from a granted tests/ reaches a granted pic/ as it
     * would natively (what the result names is resolved beneath its own
     * grant below, as any absolute path). */
    if (join_normal(in->grants[0].guest, p, abs) != 0)
      return -ENAMETOOLONG;
    p = abs;
  } else if (p[0] == '/') {
    /* So is an absolute path: "/src/tests/../data/x" names /src/data/x,
     * which may lie under another grant than the longest prefix as
     * written (zstd's tests name files as "$PWD/../tests/..."). */
    if (join_normal("/", p, abs) != 0)
      return -ENAMETOOLONG;
    p = abs;
  }
  while (p[0] == '.' && p[1] == '/')
    p += 2;
  int best = -1;
  size_t bestlen = 0;
  for (int i = 0; i < in->ngrants; i++) {
    size_t n = prefix_len(in->grants[i].guest, p);
    if (n == (size_t)-2) { /* "." grant: relative paths as they are */
      if (best < 0)
        best = i, bestlen = 0;
      continue;
    }
    if (n && (best < 0 || n > bestlen))
      best = i, bestlen = n;
  }
  if (best < 0) {
    if (p[0] == '/')
      return -ENOENT;
    best = 0; /* relative paths resolve against the first grant */
    bestlen = 0;
  }
  const char *r = p + bestlen;
  while (*r == '/')
    r++;
  if (!*r)
    r = ".";
  *dirfd = in->grants[best].dirfd;
  strcpy(rest, r);
  return 0;
}

int sfi__sys_open_beneath(int dirfd, const char *rest, int flags, int mode) {
  struct open_how how = {
      .flags = (uint64_t)flags | O_CLOEXEC,
      /* O_TMPFILE includes O_DIRECTORY's bit: test it whole, or every
       * opendir would pass a mode, which openat2 refuses (EINVAL). No
       * setuid, setgid, sticky (review). */
      .mode = ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
                  ? (uint64_t)(mode & 0777)
                  : 0,
      .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
  };
  long fd = syscall(SYS_openat2, dirfd, rest, &how, sizeof how);
  if (fd < 0)
    return errno == EXDEV ? -EACCES : -errno;
  return (int)fd;
}

int sfi__sys_parent(sfi_instance *in, uint64_t path, int *pfd, char *leaf) {
  char rest[PATH_MAX];
  int dirfd, rc = sfi__sys_path(in, path, &dirfd, rest);
  if (rc)
    return rc;
  size_t n = strlen(rest);
  int dir_only = n > 1 && rest[n - 1] == '/';
  while (n > 1 && rest[n - 1] == '/')
    rest[--n] = 0;
  char *slash = strrchr(rest, '/');
  const char *parent = ".", *name = rest;
  if (slash) {
    *slash = 0;
    parent = rest[0] ? rest : "/";
    name = slash + 1;
  }
  if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
    return -EACCES; /* the granted directory itself or an escape */
  int fd = sfi__sys_open_beneath(dirfd, parent, O_PATH | O_DIRECTORY, 0);
  if (fd < 0)
    return fd;
  /* "name/" names a directory: a file or symlink there is not one (review:
   * unlink("f/") removed the file f) */
  struct stat ls;
  if (dir_only && fstatat(fd, name, &ls, AT_SYMLINK_NOFOLLOW) == 0 &&
      !S_ISDIR(ls.st_mode)) {
    close(fd);
    return -ENOTDIR;
  }
  strcpy(leaf, name);
  *pfd = fd;
  return 0;
}

int sfi__sys_at_path(sfi_instance *in, uint64_t path, int nofollow,
                     int (*fn)(const char *proc, void *arg), void *arg) {
  char rest[PATH_MAX], proc[64];
  int dirfd, rc;
  if ((rc = sfi__sys_path(in, path, &dirfd, rest)))
    return rc;
  int fd = sfi__sys_open_beneath(dirfd, rest, O_PATH | (nofollow ? O_NOFOLLOW : 0), 0);
  if (fd < 0)
    return fd;
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  rc = fn(proc, arg);
  close(fd);
  return rc;
}
