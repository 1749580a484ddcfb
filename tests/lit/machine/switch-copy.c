// A switch in a loop whose table address the register allocator moves
// between registers (lea .LJTI(%rip) into one register, a copy into another
// across the loop): the dispatch's table is found through the copies
// (found by a random search for the shape xz's file_info_decode has).
// RUN: %sfi-clang -O2 -fPIC -S %s -o - | %FileCheck %s
// CHECK-LABEL: m:
// CHECK: leaq [[END:\.Lsfi_slot0_end[0-9]+]](%rip), %[[S:[a-z0-9]+]]
// CHECK-NEXT: leaq (%[[S]],%{{[a-z0-9]+}},8), %[[S]]
// CHECK-NEXT: movslq -4(%[[S]]), %[[R:[a-z0-9]+]]
// CHECK-NEXT: addq %[[S]], %[[R]]
// CHECK-NEXT: jmpq *%[[R]]
// CHECK: [[END]]:
// CHECK: .Lfunc_end
// CHECK-NOT: .LJTI
extern long f0(long,long,long); extern long f1(long,long); extern long f2(long);
long m(long *s, long a, long b, long c, long d, long e) {
  long x = 0, y = 1, z = 2;
  for (;;) { switch (s[0]) {
  case 0:
    z += f2(z);
    if (z == 0) return z;
    z += f1(z,y);
    s[0] = 6; /* fallthrough */
  case 1:
    y += f0(e,x,d);
    x += f2(y);
    if (x == 1) return x;
    z += f2(c);
    s[0] = 3; /* fallthrough */
  case 2:
    z += f0(e,s[2],a);
    if (z == 2) return z;
    y += f2(s[1]);
    s[0] = 3; /* fallthrough */
  case 3:
    y += f0(z,a,b);
    x += f1(b,z);
    if (x == 3) return x;
    y += f1(s[2],e);
    if (y == 3) return y;
    x += f0(s[2],x,y);
    if (x == 3) return x;
    s[0] = z & 7; break;
  case 4:
    x += f1(a,e);
    if (x == 4) return x;
    s[0] = z & 7; break;
  case 5:
    x += f2(s[1]);
    x += f2(a);
    s[0] = x & 7; break;
  case 6:
    z += f0(x,b,e);
    s[0] = 5; /* fallthrough */
  case 7:
    x += f1(d,s[1]);
    s[0] = z & 7; break;
  case 8:
    z += f1(x,z);
    y += f1(s[2],e);
    s[0] = z & 7; break;
  default: return x + y + z + a + b + c + d + e; } }
}