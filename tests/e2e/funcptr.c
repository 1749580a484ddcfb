// funcptr.c: indirect calls reach only function entries. Real function
// pointers (a table, qsort's comparator) work; a forged one (an integer, a
// host address, a data address holding code, a function's body behind its
// entry, the middle of that body) lands on a jump-table entry: a trap, or
// one of the module's own functions (add1, twice, sq: 22, 42 or 441; or
// another one, such as qsort's comparator, which may then trap on the
// garbage it was passed), never anything else (the raw code in `code` would
// exit with status 42).
// RUN: sfi-cc -O2 -fno-omit-frame-pointer %s -o %t.so
// RUN: sfi-run %t.so legit | FileCheck %s --check-prefix=LEGIT
// LEGIT: table: 3 4 12
// LEGIT-NEXT: qsort: 1 2 3 5 8
// RUN: for w in int host data; do sfi-run %t.so $w > %t.$w 2>&1; s=$?; test $s -eq 134 -o $s -eq 0 -o $s -eq 1 || exit 1; if grep -q 'called, got' %t.$w; then grep -qE '^called, got (22|42|441)$' %t.$w || exit 1; else grep -qE 'trap: (illegal instruction or bad indirect call|breakpoint|out-of-bounds memory access)' %t.$w || exit 1; fi; done
// RUN: sfi-run %t.so body 2>&1 | FileCheck %s --check-prefix=TRAP; test ${PIPESTATUS[0]} -eq 134
// RUN: sfi-run %t.so bodymid 2>&1 | FileCheck %s --check-prefix=TRAP; test ${PIPESTATUS[0]} -eq 134
// TRAP: forging
// TRAP-NOT: called
// TRAP: sfi-run: trap: illegal instruction or bad indirect call
// (The report names the table's trap entry, where the masked call lands,
// not call_it: the runtime does not yet look at the return address.)
// The middle of an entry (its int3 padding) traps or, once aligned, calls
// the entry's own function (twice(21) = 42); it never runs anything else.
// RUN: sfi-run %t.so pad > %t.pad 2>&1; test $? -eq 134 -o $? -eq 0
// RUN: FileCheck %s --check-prefix=PAD < %t.pad
// PAD: forging
// PAD-NOT: called, got {{[^4]}}
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add1(int x) { return x + 1; }
static int twice(int x) { return x * 2; }
static int sq(int x) { return x * x; }
static int (*const table[])(int) = {add1, twice, sq};

/* exit(42) as a raw system call: status 42 would show it ran. */
static unsigned char code[] = {0xbf, 42, 0, 0,    0,    0xb8, 60,
                               0,    0,  0, 0x0f, 0x05, 0xc3};

__attribute__((noinline)) int call_it(uintptr_t p, int arg) {
  return ((int (*)(int))p)(arg);
}

static int cmp(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv) {
  const char *w = argc > 1 ? argv[1] : "";
  if (!strcmp(w, "legit")) {
    printf("table: %d %d %d\n", table[0](2), table[1](2),
           call_it((uintptr_t)table[2], 3) + 3);
    int v[] = {5, 3, 8, 1, 2};
    qsort(v, 5, sizeof *v, cmp);
    printf("qsort: %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
    return 0;
  }
  uintptr_t entry = (uintptr_t)table[1], p = 0;
  if (!strcmp(w, "int"))
    p = 0x1234;
  else if (!strcmp(w, "host"))
    p = (uintptr_t)0x7fffdeadbee0ull;
  else if (!strcmp(w, "data"))
    p = (uintptr_t)code;
  else if (!strcmp(w, "pad"))
    p = entry + 8;
  else if (!strcmp(w, "body") || !strcmp(w, "bodymid")) {
    /* The entry is `jmp rel32` (e9 xx xx xx xx): follow it by hand. */
    const unsigned char *e = (const unsigned char *)entry;
    int32_t rel;
    memcpy(&rel, e + 1, 4);
    p = e[0] == 0xe9 ? entry + 5 + (intptr_t)rel : entry;
    if (!strcmp(w, "bodymid"))
      p += 3;
  }
  printf("forging %s: 0x%llx\n", w, (unsigned long long)p);
  fflush(stdout);
  int r = call_it(p, 21);
  printf("called, got %d\n", r);
  return r == 42 ? 0 : 1;
}
