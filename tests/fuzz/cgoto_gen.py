#!/usr/bin/env python3
"""cgoto_gen.py SEED: print a random C program of direct-threaded
interpreters (computed goto through constant label tables) for
cgoto_fuzz.sh.

What it varies is what the pass's computed-goto lowering and the loop
passes after it see: tables of 4..16 slots where labels repeat and unused
slots share a `halt` label, handlers that fall into halt directly too,
integer or pointer program counters with strides 1..4, induction-variable
uses after the loop (the value halt returns), stores and loads at computed
addresses. Every program is free of undefined behaviour: each handler
checks the bound before it dispatches, arrays are large enough for every
index, and arithmetic is unsigned where it may wrap. main runs each
interpreter on a few byte codes and prints the results.
"""
import random
import sys

r = random.Random(int(sys.argv[1]))
N = 64                      # byte-code length; handlers stop at k >= N - 8
ACC = ["unsigned long", "unsigned", "unsigned short", "unsigned char",
       "unsigned long long"]
ELEM = ["long", "int", "short", "signed char", "unsigned"]
out = ["#include <stdio.h>", ""]
funcs = []
for fn in range(r.randint(3, 6)):
    nl = r.randint(1, 4)
    labels = ["op%d" % i for i in range(nl)]
    slots = r.choice([4, 8, 16])
    tab = [r.choice(labels) if r.random() < 0.55 else "halt"
           for _ in range(slots)]
    tab[0] = "op0"
    T = r.choice(ACC)
    E = r.choice(ELEM)
    ptr = r.random() < 0.4
    idx = "(pc - code)" if ptr else "k"
    cur = "*pc" if ptr else "code[k]"
    disp = "goto *ops[%s & %d];" % (cur, slots - 1)
    name = "f%d" % fn
    funcs.append((name, E))
    out.append("__attribute__((noinline)) %s %s(const unsigned char *code, "
               "%s *st, long n) {" % (T, name, E))
    out.append("  static void *const ops[%d] = {%s};"
               % (slots, ", ".join("&&" + t for t in tab)))
    out.append("  %s acc = %d;" % (T, r.randint(0, 9)))
    out.append("  const unsigned char *pc = code;" if ptr else "  long k = 0;")
    if r.random() < 0.5:
        out.append("  if (n < %d) goto halt;" % r.randint(0, 40))
    out.append("  " + disp)
    for i in range(nl):
        work = r.choice([
            "acc += (%s)st[%%s];" % T,
            "acc = acc * 3u + (%s)st[%%s * 2];" % T,
            "st[%%s + 1] = (%s)acc;" % E,
            "acc -= (%s)%%s;" % T,
            "acc ^= (%s)(st[%%s] >> 1);" % T,
        ]).replace("%s", idx)
        adv = ("pc += %d;" if ptr else "k += %d;") % r.choice([1, 1, 2, 3, 4])
        chain = ""
        if r.random() < 0.3 and i + 1 < nl:
            chain = " if (acc & 1) goto op%d;" % (i + 1)
        out.append("op%d: %s %s if (%s >= n) goto halt;%s %s"
                   % (i, work, adv, idx, chain, disp))
    ret = r.choice(["return acc + (%s)%%s;", "return (%s)%%s * 7u - acc;",
                    "return (%s)%%s;", "return acc * 1000u + (%s)%%s;"])
    out.append("halt: " + (ret % T).replace("%s", idx))
    out.append("}")
    out.append("")

out.append("int main(void) {")
out.append("  unsigned char code[%d];" % (N + 8))
for _, E in funcs:
    pass
out.append("  static long sl[%d]; static int si[%d]; static short ss[%d];"
           % (3 * N, 3 * N, 3 * N))
out.append("  static signed char sc[%d]; static unsigned su[%d];"
           % (3 * N, 3 * N))
out.append("  for (int round = 0; round < 4; round++) {")
out.append("    for (int i = 0; i < %d; i++) code[i] = (unsigned char)"
           "((i * %d + round * %d) ^ (i >> %d));"
           % (N + 8, r.randint(1, 97), r.randint(1, 31), r.randint(1, 3)))
out.append("    for (int i = 0; i < %d; i++) { sl[i] = i * 5 - 90; "
           "si[i] = i * 3 - 7; ss[i] = (short)(i * 11); "
           "sc[i] = (signed char)(i * 13); su[i] = i * 7u; }" % (3 * N))
arr = {"long": "sl", "int": "si", "short": "ss", "signed char": "sc",
       "unsigned": "su"}
for name, E in funcs:
    out.append('    printf("%s %%llu\\n", (unsigned long long)%s(code, %s, '
               '%d - round * 9));' % (name, name, arr[E], N - 8))
out.append("  }")
out.append("  return 0;")
out.append("}")
print("\n".join(out))
