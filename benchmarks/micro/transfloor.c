/* transfloor.c: the floor under a call into a sandbox on this machine. A
 * hand-written transition that does only the register-state work the
 * contract asks of every call (runtime/enter.S): callee-saved registers and
 * rsp saved, MXCSR and the x87 control word saved and compared on return,
 * the %gs base read and compared, a stack switch, vzeroupper, every argument
 * and scratch register written, RFLAGS checked on return. No bookkeeping
 * (no call record chain, no depth, no stack owner, no timer), so no runtime
 * can be faster than this while doing that work. Then the same with each
 * piece left out, to show what each costs. Medians of 7 runs of 2*10^7,
 * thread CPU time, beside a native indirect call in the same run.
 *   clang-22 -O2 benchmarks/micro/transfloor.c -o transfloor
 *   taskset -c 1 ./transfloor
 * Needs FSGSBASE (AT_HWCAP2) and AVX. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <time.h>

/* struct floor_rec: 0-48 rbx rbp r12-r15 rsp, 56 fn, 64 new rsp,
 * 72-112 six integer arguments, 120 mxcsr, 124 fcw, 128 region base. */
#define TRANSITION(name, gs, state, zero, flags, stack)                        \
  "        .text\n"                                                            \
  "        .p2align 5\n" name ":\n"                                            \
  "        mov %rbx, 0(%rdi)\n        mov %rbp, 8(%rdi)\n"                   \
  "        mov %r12, 16(%rdi)\n        mov %r13, 24(%rdi)\n"                  \
  "        mov %r14, 32(%rdi)\n        mov %r15, 40(%rdi)\n"                  \
  "        mov %rsp, 48(%rdi)\n" state("stmxcsr 120(%rdi)\n fnstcw 124(%rdi)\n") \
  gs("rdgsbase %rax\n cmp %rax, 128(%rdi)\n je 1f\n wrgsbase %rax\n1:\n")      \
  "        mov %rdi, %rbx\n" stack("mov 64(%rdi), %rsp\n")                    \
  "        vzeroupper\n        xor %eax, %eax\n"                              \
  zero("movq %rax,%xmm0\n movq %rax,%xmm1\n movq %rax,%xmm2\n"                \
       "movq %rax,%xmm3\n movq %rax,%xmm4\n movq %rax,%xmm5\n"                \
       "movq %rax,%xmm6\n movq %rax,%xmm7\n")                                 \
  "        mov 72(%rbx), %rdi\n        mov 80(%rbx), %rsi\n"                  \
  "        mov 88(%rbx), %rdx\n        mov 96(%rbx), %rcx\n"                  \
  "        mov 104(%rbx), %r8\n        mov 112(%rbx), %r9\n"                  \
  "        mov 56(%rbx), %r11\n"                                               \
  zero("xor %ebx,%ebx\n xor %ebp,%ebp\n xor %r10d,%r10d\n xor %r12d,%r12d\n"  \
       "xor %r13d,%r13d\n xor %r14d,%r14d\n xor %r15d,%r15d\n"                \
       "pxor %xmm8,%xmm8\n pxor %xmm9,%xmm9\n pxor %xmm10,%xmm10\n"           \
       "pxor %xmm11,%xmm11\n pxor %xmm12,%xmm12\n pxor %xmm13,%xmm13\n"       \
       "pxor %xmm14,%xmm14\n pxor %xmm15,%xmm15\n")                           \
  "        call *%r11\n"                                                       \
  "        mov floor_cur(%rip), %rdi\n"                                        \
  "        mov 48(%rdi), %rsp\n"                                               \
  flags("pushfq\n testl $0x40500, (%rsp)\n lea 8(%rsp), %rsp\n jz 2f\n"       \
        "ud2\n2:\n")                                                           \
  state("stmxcsr -8(%rsp)\n mov -8(%rsp), %ecx\n cmp 120(%rdi), %ecx\n"       \
        "je 3f\n ldmxcsr 120(%rdi)\n3:\n fnstcw -8(%rsp)\n"                   \
        "movzwl -8(%rsp), %ecx\n cmpw 124(%rdi), %cx\n je 4f\n"               \
        "fldcw 124(%rdi)\n4:\n")                                               \
  "        mov 0(%rdi), %rbx\n        mov 8(%rdi), %rbp\n"                   \
  "        mov 16(%rdi), %r12\n        mov 24(%rdi), %r13\n"                  \
  "        mov 32(%rdi), %r14\n        mov 40(%rdi), %r15\n"                  \
  "        xor %eax, %eax\n        ret\n"
#define ON(x) x
#define OFF(x) ""

__asm__("        .text\n        .p2align 5\nfloor_empty:\n        ret\n"
        TRANSITION("floor_all", ON, ON, ON, ON, ON)
        TRANSITION("floor_nogs", OFF, ON, ON, ON, ON)
        TRANSITION("floor_nostate", ON, OFF, ON, ON, ON)
        TRANSITION("floor_nozero", ON, ON, OFF, ON, ON)
        TRANSITION("floor_noflags", ON, ON, ON, OFF, ON)
        TRANSITION("floor_nostack", ON, ON, ON, ON, OFF));

void floor_empty(void);
int floor_all(uint64_t *), floor_nogs(uint64_t *), floor_nostate(uint64_t *),
    floor_nozero(uint64_t *), floor_noflags(uint64_t *),
    floor_nostack(uint64_t *);
uint64_t *floor_cur;

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define N 20000000L
#define RUNS 7

int main(void) {
  if (!(getauxval(AT_HWCAP2) & 2)) {
    fprintf(stderr, "transfloor: no FSGSBASE\n");
    return 1;
  }
  static _Alignas(64) uint64_t stack[8192];
  _Alignas(64) uint64_t rec[32] = {0};
  rec[7] = (uint64_t)floor_empty;
  rec[8] = (uint64_t)&stack[8000];
  __asm__ volatile("rdgsbase %0" : "=r"(rec[16]));
  floor_cur = rec;
  struct {
    const char *what;
    int (*f)(uint64_t *);
  } v[] = {{"minimal transition, all of the state work", floor_all},
           {"  without the %gs read and compare", floor_nogs},
           {"  without MXCSR and x87 control word save/compare", floor_nostate},
           {"  without the register clears", floor_nozero},
           {"  without the RFLAGS check", floor_noflags},
           {"  without the stack switch", floor_nostack}};
  enum { NV = sizeof v / sizeof v[0] };
  double t[NV + 1][RUNS];
  void (*volatile native)(void) = floor_empty;
  for (int r = 0; r < RUNS; r++) { /* interleaved: drift hits all alike */
    double t0 = cpu();
    for (long i = 0; i < N; i++)
      native();
    t[NV][r] = (cpu() - t0) * 1e9 / (double)N;
    for (int k = 0; k < NV; k++) {
      t0 = cpu();
      for (long i = 0; i < N; i++)
        v[k].f(rec);
      t[k][r] = (cpu() - t0) * 1e9 / (double)N;
    }
  }
  for (int k = 0; k <= NV; k++)
    qsort(t[k], RUNS, sizeof(double), cmp);
  printf("native indirect call: %.2f ns (median of %d)\n", t[NV][RUNS / 2],
         RUNS);
  for (int k = 0; k < NV; k++)
    printf("%-52s %.2f ns\n", v[k].what, t[k][RUNS / 2]);
  return 0;
}
