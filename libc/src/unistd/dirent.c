/* dirent.c: directory streams over __sfi_sys_getdents, whose records have
 * the layout of musl's struct dirent (linux_dirent64). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

struct __dirstream {
  int fd;
  size_t pos, len;
  long long buf[2048 / sizeof(long long)]; /* 8-aligned records */
};

DIR *opendir(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  DIR *d = calloc(1, sizeof *d);
  if (!d) {
    close(fd);
    return 0;
  }
  d->fd = fd;
  return d;
}

DIR *fdopendir(int fd) {
  DIR *d = calloc(1, sizeof *d);
  if (d)
    d->fd = fd;
  return d;
}

struct dirent *readdir(DIR *d) {
  if (d->pos >= d->len) {
    long r = __sfi_sys_getdents(d->fd, d->buf, sizeof d->buf);
    if (r <= 0) {
      if (r < 0)
        __sfi_fail(r);
      return 0;
    }
    d->len = (size_t)r;
    d->pos = 0;
  }
  struct dirent *e = (struct dirent *)((char *)d->buf + d->pos);
  if (e->d_reclen == 0 || d->pos + e->d_reclen > d->len) {
    errno = EIO; /* malformed record from the host: stop */
    d->pos = d->len;
    return 0;
  }
  d->pos += e->d_reclen;
  return e;
}

int closedir(DIR *d) {
  int r = close(d->fd);
  free(d);
  return r;
}

void rewinddir(DIR *d) {
  lseek(d->fd, 0, SEEK_SET);
  d->pos = d->len = 0;
}

int dirfd(DIR *d) { return d->fd; }

int alphasort(const struct dirent **a, const struct dirent **b) {
  return strcoll((*a)->d_name, (*b)->d_name);
}

int scandir(const char *path, struct dirent ***res,
            int (*sel)(const struct dirent *),
            int (*cmp)(const struct dirent **, const struct dirent **)) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  struct dirent **list = 0, *e;
  size_t n = 0, cap = 0;
  while ((e = readdir(d))) {
    if (sel && !sel(e))
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      struct dirent **nl = realloc(list, cap * sizeof *nl);
      if (!nl)
        goto fail;
      list = nl;
    }
    list[n] = malloc(e->d_reclen);
    if (!list[n])
      goto fail;
    memcpy(list[n++], e, e->d_reclen);
  }
  closedir(d);
  if (cmp)
    qsort(list, n, sizeof *list, (int (*)(const void *, const void *))cmp);
  *res = list;
  return (int)n;
fail:
  while (n)
    free(list[--n]);
  free(list);
  closedir(d);
  return -1;
}
