/* Loops with setjmp, computed goto (direct threading through a label
 * table and through label values in variables), switches with unreachable
 * defaults, indirect calls through the jump table, varargs in loops. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

jmp_buf jb;
void may_jump(int);
void sink(void *);

int setjmp_loop(int *a, int n) {
  volatile int i = 0;
  int s = 0;
  if (setjmp(jb)) i++;
  for (; i < n; i++) {
    s += a[i];
    may_jump(a[i]);
  }
  return s;
}

int setjmp_in_loop(int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    jmp_buf local;
    if (setjmp(local) == 0) {
      sink(&local);
      s += a[i * 2];
    } else {
      s -= a[i];
    }
  }
  return s;
}

long threaded(const unsigned char *code, long *stack, int n) {
  static void *const ops[] = {&&op_push, &&op_add, &&op_mul, &&op_jmp,
                              &&op_dup,  &&op_halt};
  long *sp = stack;
  const unsigned char *pc = code;
  int steps = 0;
#define NEXT goto *ops[*pc++ % 6]
  NEXT;
op_push:
  *++sp = *pc++;
  NEXT;
op_add:
  sp[-1] += sp[0];
  sp--;
  NEXT;
op_mul:
  sp[-1] *= sp[0];
  sp--;
  NEXT;
op_dup:
  sp[1] = sp[0];
  sp++;
  NEXT;
op_jmp:
  if (++steps < n) { pc = code + (*pc % 4); NEXT; }
  pc++;
  NEXT;
op_halt:
  return *sp + (sp - stack);
}

int label_vars(int *a, int n) {
  void *next = &&l0;
  int i = 0, s = 0;
  goto *next;
l0:
  s += a[i];
  next = (a[i] & 1) ? &&l1 : &&l2;
  goto check;
l1:
  s ^= a[i * 2];
  next = &&l2;
  goto check;
l2:
  s -= a[n - i - 1];
  next = &&l0;
check:
  if (++i < n) goto *next;
  return s;
}

int interp_switch(const int *code, int *mem, int n) {
  int acc = 0;
  for (int pc = 0, k = 0; k < n; k++) {
    switch (code[pc] & 7) {
    case 0: acc += mem[pc]; pc++; break;
    case 1: mem[acc & 63] = pc; pc += 2; break;
    case 2: acc *= 3; pc = (pc + code[pc + 1]) & 127; break;
    case 3: acc -= mem[(pc * 5) & 63]; pc++; break;
    case 4: pc = 0; break;
    case 5: acc ^= pc; pc += 3; break;
    case 6: mem[pc & 63] += acc; pc++; break;
    default: __builtin_unreachable();
    }
  }
  return acc;
}

typedef long (*fn)(long);
long f0(long x) { return x + 1; }
long f1(long x) { return x * 3; }
long f2(long x) { return x ^ 0x55; }
fn table[3] = {f0, f1, f2};
long indirect_loop(const int *sel, int n) {
  long v = 0;
  for (int i = 0; i < n; i++) v = table[sel[i] % 3](v) + sel[i + 1];
  return v;
}

long vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long s = 0;
  for (int i = 0; i < n; i++) {
    if (i & 1)
      s += (long)va_arg(ap, double);
    else
      s += va_arg(ap, long);
  }
  va_end(ap);
  return s;
}

long vcopy(int n, ...) {
  va_list ap, aq;
  va_start(ap, n);
  long s = 0;
  for (int r = 0; r < 3; r++) {
    va_copy(aq, ap);
    for (int i = 0; i < n; i++) s += va_arg(aq, int) * r;
    va_end(aq);
  }
  va_end(ap);
  return s;
}

long call_variadic(int n, long *v) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += vsum(4, v[i], (double)v[i + 1], v[i + 2], 3.0) + vcopy(2, i, n);
  return s;
}
