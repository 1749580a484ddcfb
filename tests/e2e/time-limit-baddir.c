// time-limit-baddir.c: with a time limit, a write on a descriptor open only
// for reading (and a read on one open only for writing) fails at once with
// EBADF, as natively, instead of waiting for readiness that never comes
// until the limit ends the run (review of the device fixes); nor does a
// call that natively answers at once.
// RUN: sfi-cc -O2 %s -o %t.so
// RUN: sfi-run --time-limit 2 %t.so | FileCheck %s
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  int p[2];
  char c = 'x';
  if (pipe(p) != 0)
    return 1;
  // CHECK: write on read end: -1 Bad file descriptor
  errno = 0;
  int r = (int)write(p[0], &c, 1);
  printf("write on read end: %d %s\n", r, strerror(errno));
  // CHECK-NEXT: read on write end: -1 Bad file descriptor
  errno = 0;
  r = (int)read(p[1], &c, 1);
  printf("read on write end: %d %s\n", r, strerror(errno));
  // CHECK-NEXT: write on /dev/zero read-only: -1 Bad file descriptor
  int z = open("/dev/zero", O_RDONLY);
  errno = 0;
  r = (int)write(z, &c, 1);
  printf("write on /dev/zero read-only: %d %s\n", r, strerror(errno));
  // A non-blocking empty pipe answers EAGAIN, a zero-length read 0 and a
  // pread on a pipe ESPIPE at once, as natively (they waited out the limit).
  // CHECK-NEXT: nonblocking read: -1 EAGAIN 1
  int q[2];
  pipe2(q, O_NONBLOCK);
  errno = 0;
  r = (int)read(q[0], &c, 1);
  printf("nonblocking read: %d EAGAIN %d\n", r, errno == EAGAIN);
  // CHECK-NEXT: zero-length read: 0
  printf("zero-length read: %d\n", (int)read(p[0], &c, 0));
  // CHECK-NEXT: pread on a pipe: -1 Illegal seek
  errno = 0;
  r = (int)pread(p[0], &c, 1, 0);
  printf("pread on a pipe: %d %s\n", r, strerror(errno));
  // CHECK-NEXT: done
  printf("done\n");
  return 0;
}
