/* swreject.c (review3, C, sfi-cc): an ordinary switch-heavy function (a
 * random program of tests/review: generator of the third review, seed 27,
 * cut to one function) that clang-22 compiles natively at -O1..-O3 but
 * sfi-cc refuses: "indirect jump inside a function that is not a
 * jump-table dispatch the pass recognizes". Code generation emits
 *     leaq .LJTI0_1(%rip), %r13; movslq (%r13,%r10,4), %r10
 *     addq %r13, %r10; movq %rbp, %r13; jmpq *%r10
 * (index I = D = R = r10, a copy into the table register S = r13 scheduled
 * before the jump); confineJumpTable (MachineSandbox.cpp) needs a register
 * for the slots address other than R when R is the index and refuses when
 * the moved instructions write S. 7 of 40 such random programs hit this
 * (copies or spill reloads into S between the load and the jump). */
#include <stdio.h>
__attribute__((noinline)) long f0(long a, long b, long c) {
 long d=a^b, e=b+c, f=c*3, g=a-7, h=b*b, i2=c^5, j2=a+b+c;
 for (int it = 0; it < 6; it++) { a += it;
e = (i2 ^ ((d << (h & 15)) & (g - g)));

h = ((f >> ((i2 ^ b) & 15)) + ((90 + b) | c));

switch ((unsigned)(((e << (h & 15)) * (e & h)) + ((h * b) + (f + b))) % 5) {
case 7: switch ((unsigned)(((g >> (e & 15)) * (f * a)) + ((g - e) - g)) % 17) {
case 4: f = ((j2 - (80 + a)) << (((4 >> (c & 15)) >> ((f >> (i2 & 15)) & 15)) & 15));
 break;
case 7: b = (((69 ^ i2) | (f ^ e)) & ((g >> (a & 15)) * (h - a)));
 break;
case 11: e = (e - ((i2 | c) << ((b >> (d & 15)) & 15)));
 break;
case 1: a = (((45 + i2) | 27) + j2);
 
case 2: e = (((h * e) - (f ^ d)) + ((46 - g) >> ((g << (c & 15)) & 15)));
 break;
case 0: g = (((c << (f & 15)) >> (h & 15)) * i2);
 break;
case -3: c = h;
 break;
case 6: h = (((f << (d & 15)) << (a & 15)) >> ((12 >> ((19 + g) & 15)) & 15));
 break;
case 13: d = (h * h);
 break;
case 12: j2 = (e * h);
 break;
case -2: h = (i2 ^ ((b - h) * (d >> (c & 15))));
 break;
case -1: e = (((h + a) + (c | j2)) >> (((45 << (j2 & 15)) >> ((49 - h) & 15)) & 15));
 break;
case 10: a = (((63 | e) - (g & b)) << (((b << (a & 15)) ^ f) & 15));
 break;
default: b = (((h << (47 & 15)) ^ (i2 + b)) + 82);
 break;
}
 continue;
case 0: d = (((b & h) >> ((b * i2) & 15)) ^ (d ^ (f * b)));
 break;
case 4: switch ((((g << (a & 15)) | (d >> (c & 15))) & h)) {
case 7: j2 = (((h ^ i2) * g) ^ ((h * i2) ^ (a * i2)));
 break;
case 1: g = (((b | f) ^ (h ^ h)) | ((i2 >> (c & 15)) * (i2 << (a & 15))));
 break;
case 0: c = (((c ^ b) ^ (b ^ a)) ^ ((j2 | c) - a));
 break;
case 6: i2 = (((b ^ f) * (45 | d)) ^ ((g << (b & 15)) - (i2 >> (g & 15))));
 
default: d = e;
 break;
}
 
case 5: a = (((h << (i2 & 15)) & e) * g);
 break;
case 1: e = (c - (h | (g + i2)));
 continue;
case 3: i2 = a;
 break;
default: if ((j2 | ((b + e) - h)) > (h >> (((i2 >> (83 & 15)) & a) & 15))) { g = (((c + f) | d) & ((b - d) ^ (c & e)));
 } else { j2 = ((f - (a >> (d & 15))) * ((i2 & c) - j2));
 }
 break;
}

h = (((91 - b) - (e - 41)) - g);

 }
 return a+b*3+c*5+d*7+e*11+f*13+g*17+h*19+i2*23+j2*29; }
int main(void){ unsigned long hh=1469598103934665603ul;
 for (long x=-20;x<60;x++) for (long y=0;y<5;y++) {
  hh=(hh^(unsigned long)f0(x,y*37-x,x*y))*1099511628211ul;
 } printf("%016lx\n", hh); return 0; }
