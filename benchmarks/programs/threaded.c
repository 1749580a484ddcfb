/* threaded.c: a direct-threaded bytecode interpreter (computed goto, as in
 * CPython's ceval, Lua 5.4 and QuickJS): a register-less stack machine whose
 * every instruction ends in `goto *ops[*pc++]`. Runs a Collatz-length
 * search and a small sieve written in its bytecode; dispatch dominates.
 * Usage: threaded [small|full] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  PUSH, LOAD, STORE, ADD, SUB, MUL, SHR1, AND1, DUP, DROP, SWAP, LT, EQ,
  JMP, JZ, JNZ, INC, DEC, MEMLD, MEMST, MAX, HALT, NOPS
};

typedef int64_t word;

static word run(const int32_t *code, word *vars, word *mem) {
  static void *const ops[NOPS] = {
      &&push, &&load, &&store, &&add, &&sub, &&mul, &&shr1, &&and1,
      &&dup,  &&drop, &&swap,  &&lt,  &&eq,  &&jmp, &&jz,   &&jnz,
      &&inc,  &&dec,  &&memld, &&memst, &&max, &&halt};
  word st[256];
  word *sp = st;
  const int32_t *pc = code;
#define NEXT goto *ops[*pc++]
  NEXT;
push:
  *sp++ = *pc++;
  NEXT;
load:
  *sp++ = vars[*pc++];
  NEXT;
store:
  vars[*pc++] = *--sp;
  NEXT;
add:
  sp--;
  sp[-1] += sp[0];
  NEXT;
sub:
  sp--;
  sp[-1] -= sp[0];
  NEXT;
mul:
  sp--;
  sp[-1] *= sp[0];
  NEXT;
shr1:
  sp[-1] >>= 1;
  NEXT;
and1:
  sp[-1] &= 1;
  NEXT;
dup:
  sp[0] = sp[-1];
  sp++;
  NEXT;
drop:
  sp--;
  NEXT;
swap : {
  word t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = t;
  NEXT;
}
lt:
  sp--;
  sp[-1] = sp[-1] < sp[0];
  NEXT;
eq:
  sp--;
  sp[-1] = sp[-1] == sp[0];
  NEXT;
jmp:
  pc = code + *pc;
  NEXT;
jz:
  pc = *--sp ? pc + 1 : code + *pc;
  NEXT;
jnz:
  pc = *--sp ? code + *pc : pc + 1;
  NEXT;
inc:
  vars[*pc++]++;
  NEXT;
dec:
  vars[*pc++]--;
  NEXT;
memld:
  sp[-1] = mem[sp[-1]];
  NEXT;
memst:
  sp -= 2;
  mem[sp[1]] = sp[0];
  NEXT;
max:
  sp--;
  if (sp[0] > sp[-1])
    sp[-1] = sp[0];
  NEXT;
halt:
  return sp > st ? sp[-1] : 0;
#undef NEXT
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  word limit, sieve_n, rounds;
  if (!strcmp(size, "small")) {
    limit = 3000, sieve_n = 2000, rounds = 2;
  } else if (!strcmp(size, "full")) {
    limit = 200000, sieve_n = 300000, rounds = 4;
  } else {
    fprintf(stderr, "usage: threaded [small|full]\n");
    return 2;
  }
  /* Collatz: for n in [1, limit): steps to reach 1; best = max steps,
   * sum = total steps. vars: 0 n, 1 limit, 2 x, 3 steps, 4 best, 5 sum */
  int32_t c[128];
  int k = 0;
#define E(x) (c[k++] = (x))
  E(PUSH), E(1), E(STORE), E(0);
  int outer = k;
  E(LOAD), E(0), E(LOAD), E(1), E(LT), E(JZ);
  int fix_done = k;
  E(0);
  E(LOAD), E(0), E(STORE), E(2), E(PUSH), E(0), E(STORE), E(3);
  int inner = k;
  E(LOAD), E(2), E(PUSH), E(1), E(EQ), E(JNZ);
  int fix_next = k;
  E(0);
  E(INC), E(3), E(LOAD), E(2), E(AND1), E(JZ);
  int fix_even = k;
  E(0);
  E(LOAD), E(2), E(PUSH), E(3), E(MUL), E(PUSH), E(1), E(ADD), E(STORE),
      E(2), E(JMP), E(inner);
  c[fix_even] = k;
  E(LOAD), E(2), E(SHR1), E(STORE), E(2), E(JMP), E(inner);
  c[fix_next] = k;
  E(LOAD), E(4), E(LOAD), E(3), E(MAX), E(STORE), E(4);
  E(LOAD), E(5), E(LOAD), E(3), E(ADD), E(STORE), E(5);
  E(INC), E(0), E(JMP), E(outer);
  c[fix_done] = k;
  E(LOAD), E(4), E(HALT);
  int32_t s[128];
  /* Sieve: mem[i] = 1 marks composites; count primes below n.
   * vars: 0 i, 1 n, 2 j, 5 count */
  k = 0;
#undef E
#define E(x) (s[k++] = (x))
  E(PUSH), E(2), E(STORE), E(0), E(PUSH), E(0), E(STORE), E(5);
  int souter = k;
  E(LOAD), E(0), E(LOAD), E(1), E(LT), E(JZ);
  int sfix_done = k;
  E(0);
  E(LOAD), E(0), E(MEMLD), E(JNZ);
  int sfix_skip = k;
  E(0);
  E(INC), E(5), E(LOAD), E(0), E(LOAD), E(0), E(ADD), E(STORE), E(2);
  int sinner = k;
  E(LOAD), E(2), E(LOAD), E(1), E(LT), E(JZ);
  int sfix_inner_done = k;
  E(0);
  E(PUSH), E(1), E(LOAD), E(2), E(MEMST);
  E(LOAD), E(2), E(LOAD), E(0), E(ADD), E(STORE), E(2), E(JMP), E(sinner);
  s[sfix_inner_done] = k;
  s[sfix_skip] = k;
  E(INC), E(0), E(JMP), E(souter);
  s[sfix_done] = k;
  E(LOAD), E(5), E(HALT);
#undef E

  word *mem = malloc(sizeof(word) * (size_t)sieve_n);
  if (!mem)
    return 1;
  uint64_t check = 0;
  for (word r = 0; r < rounds; r++) {
    word vars[8] = {0};
    vars[1] = limit - r;
    word best = run(c, vars, mem);
    check = check * 1000003u + (uint64_t)best * 31u + (uint64_t)vars[5];
    memset(mem, 0, sizeof(word) * (size_t)sieve_n);
    word sv[8] = {0};
    sv[1] = sieve_n - r;
    word primes = run(s, sv, mem);
    check = check * 1000003u + (uint64_t)primes;
  }
  printf("threaded: check %llu\n", (unsigned long long)check);
  free(mem);
  return 0;
}
