/* Constant-length copies and fills of every size 1..160 at alignments 1, 4
 * and 8: struct assignment (memcpy), volatile struct assignment (volatile
 * memcpy, no overlapping moves), memset and zero-initialised locals; what
 * x86 code generation may expand into rep movs/stos under -Os/-Oz or
 * without SSE (MemorySandbox.cpp, keepCopiesOffStringInstructions). The old
 * pass refused 370 of these at -Oz, 49 at -Os, 48 at -O2 -mno-sse.
 * Generated: for n in 1..160, (al, t) in (1 char, 4 int, 8 long) with
 * n % al == 0: s<n>_<al> { t v[n/al]; } and c/v/m/z functions below. */
void use(void *);
struct s1_1 { char v[1]; };
void c1_1(struct s1_1 *d, struct s1_1 *s) { *d = *s; }
void v1_1(volatile struct s1_1 *d, volatile struct s1_1 *s) { *d = *s; }
void m1_1(struct s1_1 *d, int c) { __builtin_memset(d, c, 1); }
void z1_1(void) { struct s1_1 t = {0}; use(&t); }
struct s2_1 { char v[2]; };
void c2_1(struct s2_1 *d, struct s2_1 *s) { *d = *s; }
void v2_1(volatile struct s2_1 *d, volatile struct s2_1 *s) { *d = *s; }
void m2_1(struct s2_1 *d, int c) { __builtin_memset(d, c, 2); }
void z2_1(void) { struct s2_1 t = {0}; use(&t); }
struct s3_1 { char v[3]; };
void c3_1(struct s3_1 *d, struct s3_1 *s) { *d = *s; }
void v3_1(volatile struct s3_1 *d, volatile struct s3_1 *s) { *d = *s; }
void m3_1(struct s3_1 *d, int c) { __builtin_memset(d, c, 3); }
void z3_1(void) { struct s3_1 t = {0}; use(&t); }
struct s4_1 { char v[4]; };
void c4_1(struct s4_1 *d, struct s4_1 *s) { *d = *s; }
void v4_1(volatile struct s4_1 *d, volatile struct s4_1 *s) { *d = *s; }
void m4_1(struct s4_1 *d, int c) { __builtin_memset(d, c, 4); }
void z4_1(void) { struct s4_1 t = {0}; use(&t); }
struct s4_4 { int v[1]; };
void c4_4(struct s4_4 *d, struct s4_4 *s) { *d = *s; }
void v4_4(volatile struct s4_4 *d, volatile struct s4_4 *s) { *d = *s; }
void m4_4(struct s4_4 *d, int c) { __builtin_memset(d, c, 4); }
void z4_4(void) { struct s4_4 t = {0}; use(&t); }
struct s5_1 { char v[5]; };
void c5_1(struct s5_1 *d, struct s5_1 *s) { *d = *s; }
void v5_1(volatile struct s5_1 *d, volatile struct s5_1 *s) { *d = *s; }
void m5_1(struct s5_1 *d, int c) { __builtin_memset(d, c, 5); }
void z5_1(void) { struct s5_1 t = {0}; use(&t); }
struct s6_1 { char v[6]; };
void c6_1(struct s6_1 *d, struct s6_1 *s) { *d = *s; }
void v6_1(volatile struct s6_1 *d, volatile struct s6_1 *s) { *d = *s; }
void m6_1(struct s6_1 *d, int c) { __builtin_memset(d, c, 6); }
void z6_1(void) { struct s6_1 t = {0}; use(&t); }
struct s7_1 { char v[7]; };
void c7_1(struct s7_1 *d, struct s7_1 *s) { *d = *s; }
void v7_1(volatile struct s7_1 *d, volatile struct s7_1 *s) { *d = *s; }
void m7_1(struct s7_1 *d, int c) { __builtin_memset(d, c, 7); }
void z7_1(void) { struct s7_1 t = {0}; use(&t); }
struct s8_1 { char v[8]; };
void c8_1(struct s8_1 *d, struct s8_1 *s) { *d = *s; }
void v8_1(volatile struct s8_1 *d, volatile struct s8_1 *s) { *d = *s; }
void m8_1(struct s8_1 *d, int c) { __builtin_memset(d, c, 8); }
void z8_1(void) { struct s8_1 t = {0}; use(&t); }
struct s8_4 { int v[2]; };
void c8_4(struct s8_4 *d, struct s8_4 *s) { *d = *s; }
void v8_4(volatile struct s8_4 *d, volatile struct s8_4 *s) { *d = *s; }
void m8_4(struct s8_4 *d, int c) { __builtin_memset(d, c, 8); }
void z8_4(void) { struct s8_4 t = {0}; use(&t); }
struct s8_8 { long v[1]; };
void c8_8(struct s8_8 *d, struct s8_8 *s) { *d = *s; }
void v8_8(volatile struct s8_8 *d, volatile struct s8_8 *s) { *d = *s; }
void m8_8(struct s8_8 *d, int c) { __builtin_memset(d, c, 8); }
void z8_8(void) { struct s8_8 t = {0}; use(&t); }
struct s9_1 { char v[9]; };
void c9_1(struct s9_1 *d, struct s9_1 *s) { *d = *s; }
void v9_1(volatile struct s9_1 *d, volatile struct s9_1 *s) { *d = *s; }
void m9_1(struct s9_1 *d, int c) { __builtin_memset(d, c, 9); }
void z9_1(void) { struct s9_1 t = {0}; use(&t); }
struct s10_1 { char v[10]; };
void c10_1(struct s10_1 *d, struct s10_1 *s) { *d = *s; }
void v10_1(volatile struct s10_1 *d, volatile struct s10_1 *s) { *d = *s; }
void m10_1(struct s10_1 *d, int c) { __builtin_memset(d, c, 10); }
void z10_1(void) { struct s10_1 t = {0}; use(&t); }
struct s11_1 { char v[11]; };
void c11_1(struct s11_1 *d, struct s11_1 *s) { *d = *s; }
void v11_1(volatile struct s11_1 *d, volatile struct s11_1 *s) { *d = *s; }
void m11_1(struct s11_1 *d, int c) { __builtin_memset(d, c, 11); }
void z11_1(void) { struct s11_1 t = {0}; use(&t); }
struct s12_1 { char v[12]; };
void c12_1(struct s12_1 *d, struct s12_1 *s) { *d = *s; }
void v12_1(volatile struct s12_1 *d, volatile struct s12_1 *s) { *d = *s; }
void m12_1(struct s12_1 *d, int c) { __builtin_memset(d, c, 12); }
void z12_1(void) { struct s12_1 t = {0}; use(&t); }
struct s12_4 { int v[3]; };
void c12_4(struct s12_4 *d, struct s12_4 *s) { *d = *s; }
void v12_4(volatile struct s12_4 *d, volatile struct s12_4 *s) { *d = *s; }
void m12_4(struct s12_4 *d, int c) { __builtin_memset(d, c, 12); }
void z12_4(void) { struct s12_4 t = {0}; use(&t); }
struct s13_1 { char v[13]; };
void c13_1(struct s13_1 *d, struct s13_1 *s) { *d = *s; }
void v13_1(volatile struct s13_1 *d, volatile struct s13_1 *s) { *d = *s; }
void m13_1(struct s13_1 *d, int c) { __builtin_memset(d, c, 13); }
void z13_1(void) { struct s13_1 t = {0}; use(&t); }
struct s14_1 { char v[14]; };
void c14_1(struct s14_1 *d, struct s14_1 *s) { *d = *s; }
void v14_1(volatile struct s14_1 *d, volatile struct s14_1 *s) { *d = *s; }
void m14_1(struct s14_1 *d, int c) { __builtin_memset(d, c, 14); }
void z14_1(void) { struct s14_1 t = {0}; use(&t); }
struct s15_1 { char v[15]; };
void c15_1(struct s15_1 *d, struct s15_1 *s) { *d = *s; }
void v15_1(volatile struct s15_1 *d, volatile struct s15_1 *s) { *d = *s; }
void m15_1(struct s15_1 *d, int c) { __builtin_memset(d, c, 15); }
void z15_1(void) { struct s15_1 t = {0}; use(&t); }
struct s16_1 { char v[16]; };
void c16_1(struct s16_1 *d, struct s16_1 *s) { *d = *s; }
void v16_1(volatile struct s16_1 *d, volatile struct s16_1 *s) { *d = *s; }
void m16_1(struct s16_1 *d, int c) { __builtin_memset(d, c, 16); }
void z16_1(void) { struct s16_1 t = {0}; use(&t); }
struct s16_4 { int v[4]; };
void c16_4(struct s16_4 *d, struct s16_4 *s) { *d = *s; }
void v16_4(volatile struct s16_4 *d, volatile struct s16_4 *s) { *d = *s; }
void m16_4(struct s16_4 *d, int c) { __builtin_memset(d, c, 16); }
void z16_4(void) { struct s16_4 t = {0}; use(&t); }
struct s16_8 { long v[2]; };
void c16_8(struct s16_8 *d, struct s16_8 *s) { *d = *s; }
void v16_8(volatile struct s16_8 *d, volatile struct s16_8 *s) { *d = *s; }
void m16_8(struct s16_8 *d, int c) { __builtin_memset(d, c, 16); }
void z16_8(void) { struct s16_8 t = {0}; use(&t); }
struct s17_1 { char v[17]; };
void c17_1(struct s17_1 *d, struct s17_1 *s) { *d = *s; }
void v17_1(volatile struct s17_1 *d, volatile struct s17_1 *s) { *d = *s; }
void m17_1(struct s17_1 *d, int c) { __builtin_memset(d, c, 17); }
void z17_1(void) { struct s17_1 t = {0}; use(&t); }
struct s18_1 { char v[18]; };
void c18_1(struct s18_1 *d, struct s18_1 *s) { *d = *s; }
void v18_1(volatile struct s18_1 *d, volatile struct s18_1 *s) { *d = *s; }
void m18_1(struct s18_1 *d, int c) { __builtin_memset(d, c, 18); }
void z18_1(void) { struct s18_1 t = {0}; use(&t); }
struct s19_1 { char v[19]; };
void c19_1(struct s19_1 *d, struct s19_1 *s) { *d = *s; }
void v19_1(volatile struct s19_1 *d, volatile struct s19_1 *s) { *d = *s; }
void m19_1(struct s19_1 *d, int c) { __builtin_memset(d, c, 19); }
void z19_1(void) { struct s19_1 t = {0}; use(&t); }
struct s20_1 { char v[20]; };
void c20_1(struct s20_1 *d, struct s20_1 *s) { *d = *s; }
void v20_1(volatile struct s20_1 *d, volatile struct s20_1 *s) { *d = *s; }
void m20_1(struct s20_1 *d, int c) { __builtin_memset(d, c, 20); }
void z20_1(void) { struct s20_1 t = {0}; use(&t); }
struct s20_4 { int v[5]; };
void c20_4(struct s20_4 *d, struct s20_4 *s) { *d = *s; }
void v20_4(volatile struct s20_4 *d, volatile struct s20_4 *s) { *d = *s; }
void m20_4(struct s20_4 *d, int c) { __builtin_memset(d, c, 20); }
void z20_4(void) { struct s20_4 t = {0}; use(&t); }
struct s21_1 { char v[21]; };
void c21_1(struct s21_1 *d, struct s21_1 *s) { *d = *s; }
void v21_1(volatile struct s21_1 *d, volatile struct s21_1 *s) { *d = *s; }
void m21_1(struct s21_1 *d, int c) { __builtin_memset(d, c, 21); }
void z21_1(void) { struct s21_1 t = {0}; use(&t); }
struct s22_1 { char v[22]; };
void c22_1(struct s22_1 *d, struct s22_1 *s) { *d = *s; }
void v22_1(volatile struct s22_1 *d, volatile struct s22_1 *s) { *d = *s; }
void m22_1(struct s22_1 *d, int c) { __builtin_memset(d, c, 22); }
void z22_1(void) { struct s22_1 t = {0}; use(&t); }
struct s23_1 { char v[23]; };
void c23_1(struct s23_1 *d, struct s23_1 *s) { *d = *s; }
void v23_1(volatile struct s23_1 *d, volatile struct s23_1 *s) { *d = *s; }
void m23_1(struct s23_1 *d, int c) { __builtin_memset(d, c, 23); }
void z23_1(void) { struct s23_1 t = {0}; use(&t); }
struct s24_1 { char v[24]; };
void c24_1(struct s24_1 *d, struct s24_1 *s) { *d = *s; }
void v24_1(volatile struct s24_1 *d, volatile struct s24_1 *s) { *d = *s; }
void m24_1(struct s24_1 *d, int c) { __builtin_memset(d, c, 24); }
void z24_1(void) { struct s24_1 t = {0}; use(&t); }
struct s24_4 { int v[6]; };
void c24_4(struct s24_4 *d, struct s24_4 *s) { *d = *s; }
void v24_4(volatile struct s24_4 *d, volatile struct s24_4 *s) { *d = *s; }
void m24_4(struct s24_4 *d, int c) { __builtin_memset(d, c, 24); }
void z24_4(void) { struct s24_4 t = {0}; use(&t); }
struct s24_8 { long v[3]; };
void c24_8(struct s24_8 *d, struct s24_8 *s) { *d = *s; }
void v24_8(volatile struct s24_8 *d, volatile struct s24_8 *s) { *d = *s; }
void m24_8(struct s24_8 *d, int c) { __builtin_memset(d, c, 24); }
void z24_8(void) { struct s24_8 t = {0}; use(&t); }
struct s25_1 { char v[25]; };
void c25_1(struct s25_1 *d, struct s25_1 *s) { *d = *s; }
void v25_1(volatile struct s25_1 *d, volatile struct s25_1 *s) { *d = *s; }
void m25_1(struct s25_1 *d, int c) { __builtin_memset(d, c, 25); }
void z25_1(void) { struct s25_1 t = {0}; use(&t); }
struct s26_1 { char v[26]; };
void c26_1(struct s26_1 *d, struct s26_1 *s) { *d = *s; }
void v26_1(volatile struct s26_1 *d, volatile struct s26_1 *s) { *d = *s; }
void m26_1(struct s26_1 *d, int c) { __builtin_memset(d, c, 26); }
void z26_1(void) { struct s26_1 t = {0}; use(&t); }
struct s27_1 { char v[27]; };
void c27_1(struct s27_1 *d, struct s27_1 *s) { *d = *s; }
void v27_1(volatile struct s27_1 *d, volatile struct s27_1 *s) { *d = *s; }
void m27_1(struct s27_1 *d, int c) { __builtin_memset(d, c, 27); }
void z27_1(void) { struct s27_1 t = {0}; use(&t); }
struct s28_1 { char v[28]; };
void c28_1(struct s28_1 *d, struct s28_1 *s) { *d = *s; }
void v28_1(volatile struct s28_1 *d, volatile struct s28_1 *s) { *d = *s; }
void m28_1(struct s28_1 *d, int c) { __builtin_memset(d, c, 28); }
void z28_1(void) { struct s28_1 t = {0}; use(&t); }
struct s28_4 { int v[7]; };
void c28_4(struct s28_4 *d, struct s28_4 *s) { *d = *s; }
void v28_4(volatile struct s28_4 *d, volatile struct s28_4 *s) { *d = *s; }
void m28_4(struct s28_4 *d, int c) { __builtin_memset(d, c, 28); }
void z28_4(void) { struct s28_4 t = {0}; use(&t); }
struct s29_1 { char v[29]; };
void c29_1(struct s29_1 *d, struct s29_1 *s) { *d = *s; }
void v29_1(volatile struct s29_1 *d, volatile struct s29_1 *s) { *d = *s; }
void m29_1(struct s29_1 *d, int c) { __builtin_memset(d, c, 29); }
void z29_1(void) { struct s29_1 t = {0}; use(&t); }
struct s30_1 { char v[30]; };
void c30_1(struct s30_1 *d, struct s30_1 *s) { *d = *s; }
void v30_1(volatile struct s30_1 *d, volatile struct s30_1 *s) { *d = *s; }
void m30_1(struct s30_1 *d, int c) { __builtin_memset(d, c, 30); }
void z30_1(void) { struct s30_1 t = {0}; use(&t); }
struct s31_1 { char v[31]; };
void c31_1(struct s31_1 *d, struct s31_1 *s) { *d = *s; }
void v31_1(volatile struct s31_1 *d, volatile struct s31_1 *s) { *d = *s; }
void m31_1(struct s31_1 *d, int c) { __builtin_memset(d, c, 31); }
void z31_1(void) { struct s31_1 t = {0}; use(&t); }
struct s32_1 { char v[32]; };
void c32_1(struct s32_1 *d, struct s32_1 *s) { *d = *s; }
void v32_1(volatile struct s32_1 *d, volatile struct s32_1 *s) { *d = *s; }
void m32_1(struct s32_1 *d, int c) { __builtin_memset(d, c, 32); }
void z32_1(void) { struct s32_1 t = {0}; use(&t); }
struct s32_4 { int v[8]; };
void c32_4(struct s32_4 *d, struct s32_4 *s) { *d = *s; }
void v32_4(volatile struct s32_4 *d, volatile struct s32_4 *s) { *d = *s; }
void m32_4(struct s32_4 *d, int c) { __builtin_memset(d, c, 32); }
void z32_4(void) { struct s32_4 t = {0}; use(&t); }
struct s32_8 { long v[4]; };
void c32_8(struct s32_8 *d, struct s32_8 *s) { *d = *s; }
void v32_8(volatile struct s32_8 *d, volatile struct s32_8 *s) { *d = *s; }
void m32_8(struct s32_8 *d, int c) { __builtin_memset(d, c, 32); }
void z32_8(void) { struct s32_8 t = {0}; use(&t); }
struct s33_1 { char v[33]; };
void c33_1(struct s33_1 *d, struct s33_1 *s) { *d = *s; }
void v33_1(volatile struct s33_1 *d, volatile struct s33_1 *s) { *d = *s; }
void m33_1(struct s33_1 *d, int c) { __builtin_memset(d, c, 33); }
void z33_1(void) { struct s33_1 t = {0}; use(&t); }
struct s34_1 { char v[34]; };
void c34_1(struct s34_1 *d, struct s34_1 *s) { *d = *s; }
void v34_1(volatile struct s34_1 *d, volatile struct s34_1 *s) { *d = *s; }
void m34_1(struct s34_1 *d, int c) { __builtin_memset(d, c, 34); }
void z34_1(void) { struct s34_1 t = {0}; use(&t); }
struct s35_1 { char v[35]; };
void c35_1(struct s35_1 *d, struct s35_1 *s) { *d = *s; }
void v35_1(volatile struct s35_1 *d, volatile struct s35_1 *s) { *d = *s; }
void m35_1(struct s35_1 *d, int c) { __builtin_memset(d, c, 35); }
void z35_1(void) { struct s35_1 t = {0}; use(&t); }
struct s36_1 { char v[36]; };
void c36_1(struct s36_1 *d, struct s36_1 *s) { *d = *s; }
void v36_1(volatile struct s36_1 *d, volatile struct s36_1 *s) { *d = *s; }
void m36_1(struct s36_1 *d, int c) { __builtin_memset(d, c, 36); }
void z36_1(void) { struct s36_1 t = {0}; use(&t); }
struct s36_4 { int v[9]; };
void c36_4(struct s36_4 *d, struct s36_4 *s) { *d = *s; }
void v36_4(volatile struct s36_4 *d, volatile struct s36_4 *s) { *d = *s; }
void m36_4(struct s36_4 *d, int c) { __builtin_memset(d, c, 36); }
void z36_4(void) { struct s36_4 t = {0}; use(&t); }
struct s37_1 { char v[37]; };
void c37_1(struct s37_1 *d, struct s37_1 *s) { *d = *s; }
void v37_1(volatile struct s37_1 *d, volatile struct s37_1 *s) { *d = *s; }
void m37_1(struct s37_1 *d, int c) { __builtin_memset(d, c, 37); }
void z37_1(void) { struct s37_1 t = {0}; use(&t); }
struct s38_1 { char v[38]; };
void c38_1(struct s38_1 *d, struct s38_1 *s) { *d = *s; }
void v38_1(volatile struct s38_1 *d, volatile struct s38_1 *s) { *d = *s; }
void m38_1(struct s38_1 *d, int c) { __builtin_memset(d, c, 38); }
void z38_1(void) { struct s38_1 t = {0}; use(&t); }
struct s39_1 { char v[39]; };
void c39_1(struct s39_1 *d, struct s39_1 *s) { *d = *s; }
void v39_1(volatile struct s39_1 *d, volatile struct s39_1 *s) { *d = *s; }
void m39_1(struct s39_1 *d, int c) { __builtin_memset(d, c, 39); }
void z39_1(void) { struct s39_1 t = {0}; use(&t); }
struct s40_1 { char v[40]; };
void c40_1(struct s40_1 *d, struct s40_1 *s) { *d = *s; }
void v40_1(volatile struct s40_1 *d, volatile struct s40_1 *s) { *d = *s; }
void m40_1(struct s40_1 *d, int c) { __builtin_memset(d, c, 40); }
void z40_1(void) { struct s40_1 t = {0}; use(&t); }
struct s40_4 { int v[10]; };
void c40_4(struct s40_4 *d, struct s40_4 *s) { *d = *s; }
void v40_4(volatile struct s40_4 *d, volatile struct s40_4 *s) { *d = *s; }
void m40_4(struct s40_4 *d, int c) { __builtin_memset(d, c, 40); }
void z40_4(void) { struct s40_4 t = {0}; use(&t); }
struct s40_8 { long v[5]; };
void c40_8(struct s40_8 *d, struct s40_8 *s) { *d = *s; }
void v40_8(volatile struct s40_8 *d, volatile struct s40_8 *s) { *d = *s; }
void m40_8(struct s40_8 *d, int c) { __builtin_memset(d, c, 40); }
void z40_8(void) { struct s40_8 t = {0}; use(&t); }
struct s41_1 { char v[41]; };
void c41_1(struct s41_1 *d, struct s41_1 *s) { *d = *s; }
void v41_1(volatile struct s41_1 *d, volatile struct s41_1 *s) { *d = *s; }
void m41_1(struct s41_1 *d, int c) { __builtin_memset(d, c, 41); }
void z41_1(void) { struct s41_1 t = {0}; use(&t); }
struct s42_1 { char v[42]; };
void c42_1(struct s42_1 *d, struct s42_1 *s) { *d = *s; }
void v42_1(volatile struct s42_1 *d, volatile struct s42_1 *s) { *d = *s; }
void m42_1(struct s42_1 *d, int c) { __builtin_memset(d, c, 42); }
void z42_1(void) { struct s42_1 t = {0}; use(&t); }
struct s43_1 { char v[43]; };
void c43_1(struct s43_1 *d, struct s43_1 *s) { *d = *s; }
void v43_1(volatile struct s43_1 *d, volatile struct s43_1 *s) { *d = *s; }
void m43_1(struct s43_1 *d, int c) { __builtin_memset(d, c, 43); }
void z43_1(void) { struct s43_1 t = {0}; use(&t); }
struct s44_1 { char v[44]; };
void c44_1(struct s44_1 *d, struct s44_1 *s) { *d = *s; }
void v44_1(volatile struct s44_1 *d, volatile struct s44_1 *s) { *d = *s; }
void m44_1(struct s44_1 *d, int c) { __builtin_memset(d, c, 44); }
void z44_1(void) { struct s44_1 t = {0}; use(&t); }
struct s44_4 { int v[11]; };
void c44_4(struct s44_4 *d, struct s44_4 *s) { *d = *s; }
void v44_4(volatile struct s44_4 *d, volatile struct s44_4 *s) { *d = *s; }
void m44_4(struct s44_4 *d, int c) { __builtin_memset(d, c, 44); }
void z44_4(void) { struct s44_4 t = {0}; use(&t); }
struct s45_1 { char v[45]; };
void c45_1(struct s45_1 *d, struct s45_1 *s) { *d = *s; }
void v45_1(volatile struct s45_1 *d, volatile struct s45_1 *s) { *d = *s; }
void m45_1(struct s45_1 *d, int c) { __builtin_memset(d, c, 45); }
void z45_1(void) { struct s45_1 t = {0}; use(&t); }
struct s46_1 { char v[46]; };
void c46_1(struct s46_1 *d, struct s46_1 *s) { *d = *s; }
void v46_1(volatile struct s46_1 *d, volatile struct s46_1 *s) { *d = *s; }
void m46_1(struct s46_1 *d, int c) { __builtin_memset(d, c, 46); }
void z46_1(void) { struct s46_1 t = {0}; use(&t); }
struct s47_1 { char v[47]; };
void c47_1(struct s47_1 *d, struct s47_1 *s) { *d = *s; }
void v47_1(volatile struct s47_1 *d, volatile struct s47_1 *s) { *d = *s; }
void m47_1(struct s47_1 *d, int c) { __builtin_memset(d, c, 47); }
void z47_1(void) { struct s47_1 t = {0}; use(&t); }
struct s48_1 { char v[48]; };
void c48_1(struct s48_1 *d, struct s48_1 *s) { *d = *s; }
void v48_1(volatile struct s48_1 *d, volatile struct s48_1 *s) { *d = *s; }
void m48_1(struct s48_1 *d, int c) { __builtin_memset(d, c, 48); }
void z48_1(void) { struct s48_1 t = {0}; use(&t); }
struct s48_4 { int v[12]; };
void c48_4(struct s48_4 *d, struct s48_4 *s) { *d = *s; }
void v48_4(volatile struct s48_4 *d, volatile struct s48_4 *s) { *d = *s; }
void m48_4(struct s48_4 *d, int c) { __builtin_memset(d, c, 48); }
void z48_4(void) { struct s48_4 t = {0}; use(&t); }
struct s48_8 { long v[6]; };
void c48_8(struct s48_8 *d, struct s48_8 *s) { *d = *s; }
void v48_8(volatile struct s48_8 *d, volatile struct s48_8 *s) { *d = *s; }
void m48_8(struct s48_8 *d, int c) { __builtin_memset(d, c, 48); }
void z48_8(void) { struct s48_8 t = {0}; use(&t); }
struct s49_1 { char v[49]; };
void c49_1(struct s49_1 *d, struct s49_1 *s) { *d = *s; }
void v49_1(volatile struct s49_1 *d, volatile struct s49_1 *s) { *d = *s; }
void m49_1(struct s49_1 *d, int c) { __builtin_memset(d, c, 49); }
void z49_1(void) { struct s49_1 t = {0}; use(&t); }
struct s50_1 { char v[50]; };
void c50_1(struct s50_1 *d, struct s50_1 *s) { *d = *s; }
void v50_1(volatile struct s50_1 *d, volatile struct s50_1 *s) { *d = *s; }
void m50_1(struct s50_1 *d, int c) { __builtin_memset(d, c, 50); }
void z50_1(void) { struct s50_1 t = {0}; use(&t); }
struct s51_1 { char v[51]; };
void c51_1(struct s51_1 *d, struct s51_1 *s) { *d = *s; }
void v51_1(volatile struct s51_1 *d, volatile struct s51_1 *s) { *d = *s; }
void m51_1(struct s51_1 *d, int c) { __builtin_memset(d, c, 51); }
void z51_1(void) { struct s51_1 t = {0}; use(&t); }
struct s52_1 { char v[52]; };
void c52_1(struct s52_1 *d, struct s52_1 *s) { *d = *s; }
void v52_1(volatile struct s52_1 *d, volatile struct s52_1 *s) { *d = *s; }
void m52_1(struct s52_1 *d, int c) { __builtin_memset(d, c, 52); }
void z52_1(void) { struct s52_1 t = {0}; use(&t); }
struct s52_4 { int v[13]; };
void c52_4(struct s52_4 *d, struct s52_4 *s) { *d = *s; }
void v52_4(volatile struct s52_4 *d, volatile struct s52_4 *s) { *d = *s; }
void m52_4(struct s52_4 *d, int c) { __builtin_memset(d, c, 52); }
void z52_4(void) { struct s52_4 t = {0}; use(&t); }
struct s53_1 { char v[53]; };
void c53_1(struct s53_1 *d, struct s53_1 *s) { *d = *s; }
void v53_1(volatile struct s53_1 *d, volatile struct s53_1 *s) { *d = *s; }
void m53_1(struct s53_1 *d, int c) { __builtin_memset(d, c, 53); }
void z53_1(void) { struct s53_1 t = {0}; use(&t); }
struct s54_1 { char v[54]; };
void c54_1(struct s54_1 *d, struct s54_1 *s) { *d = *s; }
void v54_1(volatile struct s54_1 *d, volatile struct s54_1 *s) { *d = *s; }
void m54_1(struct s54_1 *d, int c) { __builtin_memset(d, c, 54); }
void z54_1(void) { struct s54_1 t = {0}; use(&t); }
struct s55_1 { char v[55]; };
void c55_1(struct s55_1 *d, struct s55_1 *s) { *d = *s; }
void v55_1(volatile struct s55_1 *d, volatile struct s55_1 *s) { *d = *s; }
void m55_1(struct s55_1 *d, int c) { __builtin_memset(d, c, 55); }
void z55_1(void) { struct s55_1 t = {0}; use(&t); }
struct s56_1 { char v[56]; };
void c56_1(struct s56_1 *d, struct s56_1 *s) { *d = *s; }
void v56_1(volatile struct s56_1 *d, volatile struct s56_1 *s) { *d = *s; }
void m56_1(struct s56_1 *d, int c) { __builtin_memset(d, c, 56); }
void z56_1(void) { struct s56_1 t = {0}; use(&t); }
struct s56_4 { int v[14]; };
void c56_4(struct s56_4 *d, struct s56_4 *s) { *d = *s; }
void v56_4(volatile struct s56_4 *d, volatile struct s56_4 *s) { *d = *s; }
void m56_4(struct s56_4 *d, int c) { __builtin_memset(d, c, 56); }
void z56_4(void) { struct s56_4 t = {0}; use(&t); }
struct s56_8 { long v[7]; };
void c56_8(struct s56_8 *d, struct s56_8 *s) { *d = *s; }
void v56_8(volatile struct s56_8 *d, volatile struct s56_8 *s) { *d = *s; }
void m56_8(struct s56_8 *d, int c) { __builtin_memset(d, c, 56); }
void z56_8(void) { struct s56_8 t = {0}; use(&t); }
struct s57_1 { char v[57]; };
void c57_1(struct s57_1 *d, struct s57_1 *s) { *d = *s; }
void v57_1(volatile struct s57_1 *d, volatile struct s57_1 *s) { *d = *s; }
void m57_1(struct s57_1 *d, int c) { __builtin_memset(d, c, 57); }
void z57_1(void) { struct s57_1 t = {0}; use(&t); }
struct s58_1 { char v[58]; };
void c58_1(struct s58_1 *d, struct s58_1 *s) { *d = *s; }
void v58_1(volatile struct s58_1 *d, volatile struct s58_1 *s) { *d = *s; }
void m58_1(struct s58_1 *d, int c) { __builtin_memset(d, c, 58); }
void z58_1(void) { struct s58_1 t = {0}; use(&t); }
struct s59_1 { char v[59]; };
void c59_1(struct s59_1 *d, struct s59_1 *s) { *d = *s; }
void v59_1(volatile struct s59_1 *d, volatile struct s59_1 *s) { *d = *s; }
void m59_1(struct s59_1 *d, int c) { __builtin_memset(d, c, 59); }
void z59_1(void) { struct s59_1 t = {0}; use(&t); }
struct s60_1 { char v[60]; };
void c60_1(struct s60_1 *d, struct s60_1 *s) { *d = *s; }
void v60_1(volatile struct s60_1 *d, volatile struct s60_1 *s) { *d = *s; }
void m60_1(struct s60_1 *d, int c) { __builtin_memset(d, c, 60); }
void z60_1(void) { struct s60_1 t = {0}; use(&t); }
struct s60_4 { int v[15]; };
void c60_4(struct s60_4 *d, struct s60_4 *s) { *d = *s; }
void v60_4(volatile struct s60_4 *d, volatile struct s60_4 *s) { *d = *s; }
void m60_4(struct s60_4 *d, int c) { __builtin_memset(d, c, 60); }
void z60_4(void) { struct s60_4 t = {0}; use(&t); }
struct s61_1 { char v[61]; };
void c61_1(struct s61_1 *d, struct s61_1 *s) { *d = *s; }
void v61_1(volatile struct s61_1 *d, volatile struct s61_1 *s) { *d = *s; }
void m61_1(struct s61_1 *d, int c) { __builtin_memset(d, c, 61); }
void z61_1(void) { struct s61_1 t = {0}; use(&t); }
struct s62_1 { char v[62]; };
void c62_1(struct s62_1 *d, struct s62_1 *s) { *d = *s; }
void v62_1(volatile struct s62_1 *d, volatile struct s62_1 *s) { *d = *s; }
void m62_1(struct s62_1 *d, int c) { __builtin_memset(d, c, 62); }
void z62_1(void) { struct s62_1 t = {0}; use(&t); }
struct s63_1 { char v[63]; };
void c63_1(struct s63_1 *d, struct s63_1 *s) { *d = *s; }
void v63_1(volatile struct s63_1 *d, volatile struct s63_1 *s) { *d = *s; }
void m63_1(struct s63_1 *d, int c) { __builtin_memset(d, c, 63); }
void z63_1(void) { struct s63_1 t = {0}; use(&t); }
struct s64_1 { char v[64]; };
void c64_1(struct s64_1 *d, struct s64_1 *s) { *d = *s; }
void v64_1(volatile struct s64_1 *d, volatile struct s64_1 *s) { *d = *s; }
void m64_1(struct s64_1 *d, int c) { __builtin_memset(d, c, 64); }
void z64_1(void) { struct s64_1 t = {0}; use(&t); }
struct s64_4 { int v[16]; };
void c64_4(struct s64_4 *d, struct s64_4 *s) { *d = *s; }
void v64_4(volatile struct s64_4 *d, volatile struct s64_4 *s) { *d = *s; }
void m64_4(struct s64_4 *d, int c) { __builtin_memset(d, c, 64); }
void z64_4(void) { struct s64_4 t = {0}; use(&t); }
struct s64_8 { long v[8]; };
void c64_8(struct s64_8 *d, struct s64_8 *s) { *d = *s; }
void v64_8(volatile struct s64_8 *d, volatile struct s64_8 *s) { *d = *s; }
void m64_8(struct s64_8 *d, int c) { __builtin_memset(d, c, 64); }
void z64_8(void) { struct s64_8 t = {0}; use(&t); }
struct s65_1 { char v[65]; };
void c65_1(struct s65_1 *d, struct s65_1 *s) { *d = *s; }
void v65_1(volatile struct s65_1 *d, volatile struct s65_1 *s) { *d = *s; }
void m65_1(struct s65_1 *d, int c) { __builtin_memset(d, c, 65); }
void z65_1(void) { struct s65_1 t = {0}; use(&t); }
struct s66_1 { char v[66]; };
void c66_1(struct s66_1 *d, struct s66_1 *s) { *d = *s; }
void v66_1(volatile struct s66_1 *d, volatile struct s66_1 *s) { *d = *s; }
void m66_1(struct s66_1 *d, int c) { __builtin_memset(d, c, 66); }
void z66_1(void) { struct s66_1 t = {0}; use(&t); }
struct s67_1 { char v[67]; };
void c67_1(struct s67_1 *d, struct s67_1 *s) { *d = *s; }
void v67_1(volatile struct s67_1 *d, volatile struct s67_1 *s) { *d = *s; }
void m67_1(struct s67_1 *d, int c) { __builtin_memset(d, c, 67); }
void z67_1(void) { struct s67_1 t = {0}; use(&t); }
struct s68_1 { char v[68]; };
void c68_1(struct s68_1 *d, struct s68_1 *s) { *d = *s; }
void v68_1(volatile struct s68_1 *d, volatile struct s68_1 *s) { *d = *s; }
void m68_1(struct s68_1 *d, int c) { __builtin_memset(d, c, 68); }
void z68_1(void) { struct s68_1 t = {0}; use(&t); }
struct s68_4 { int v[17]; };
void c68_4(struct s68_4 *d, struct s68_4 *s) { *d = *s; }
void v68_4(volatile struct s68_4 *d, volatile struct s68_4 *s) { *d = *s; }
void m68_4(struct s68_4 *d, int c) { __builtin_memset(d, c, 68); }
void z68_4(void) { struct s68_4 t = {0}; use(&t); }
struct s69_1 { char v[69]; };
void c69_1(struct s69_1 *d, struct s69_1 *s) { *d = *s; }
void v69_1(volatile struct s69_1 *d, volatile struct s69_1 *s) { *d = *s; }
void m69_1(struct s69_1 *d, int c) { __builtin_memset(d, c, 69); }
void z69_1(void) { struct s69_1 t = {0}; use(&t); }
struct s70_1 { char v[70]; };
void c70_1(struct s70_1 *d, struct s70_1 *s) { *d = *s; }
void v70_1(volatile struct s70_1 *d, volatile struct s70_1 *s) { *d = *s; }
void m70_1(struct s70_1 *d, int c) { __builtin_memset(d, c, 70); }
void z70_1(void) { struct s70_1 t = {0}; use(&t); }
struct s71_1 { char v[71]; };
void c71_1(struct s71_1 *d, struct s71_1 *s) { *d = *s; }
void v71_1(volatile struct s71_1 *d, volatile struct s71_1 *s) { *d = *s; }
void m71_1(struct s71_1 *d, int c) { __builtin_memset(d, c, 71); }
void z71_1(void) { struct s71_1 t = {0}; use(&t); }
struct s72_1 { char v[72]; };
void c72_1(struct s72_1 *d, struct s72_1 *s) { *d = *s; }
void v72_1(volatile struct s72_1 *d, volatile struct s72_1 *s) { *d = *s; }
void m72_1(struct s72_1 *d, int c) { __builtin_memset(d, c, 72); }
void z72_1(void) { struct s72_1 t = {0}; use(&t); }
struct s72_4 { int v[18]; };
void c72_4(struct s72_4 *d, struct s72_4 *s) { *d = *s; }
void v72_4(volatile struct s72_4 *d, volatile struct s72_4 *s) { *d = *s; }
void m72_4(struct s72_4 *d, int c) { __builtin_memset(d, c, 72); }
void z72_4(void) { struct s72_4 t = {0}; use(&t); }
struct s72_8 { long v[9]; };
void c72_8(struct s72_8 *d, struct s72_8 *s) { *d = *s; }
void v72_8(volatile struct s72_8 *d, volatile struct s72_8 *s) { *d = *s; }
void m72_8(struct s72_8 *d, int c) { __builtin_memset(d, c, 72); }
void z72_8(void) { struct s72_8 t = {0}; use(&t); }
struct s73_1 { char v[73]; };
void c73_1(struct s73_1 *d, struct s73_1 *s) { *d = *s; }
void v73_1(volatile struct s73_1 *d, volatile struct s73_1 *s) { *d = *s; }
void m73_1(struct s73_1 *d, int c) { __builtin_memset(d, c, 73); }
void z73_1(void) { struct s73_1 t = {0}; use(&t); }
struct s74_1 { char v[74]; };
void c74_1(struct s74_1 *d, struct s74_1 *s) { *d = *s; }
void v74_1(volatile struct s74_1 *d, volatile struct s74_1 *s) { *d = *s; }
void m74_1(struct s74_1 *d, int c) { __builtin_memset(d, c, 74); }
void z74_1(void) { struct s74_1 t = {0}; use(&t); }
struct s75_1 { char v[75]; };
void c75_1(struct s75_1 *d, struct s75_1 *s) { *d = *s; }
void v75_1(volatile struct s75_1 *d, volatile struct s75_1 *s) { *d = *s; }
void m75_1(struct s75_1 *d, int c) { __builtin_memset(d, c, 75); }
void z75_1(void) { struct s75_1 t = {0}; use(&t); }
struct s76_1 { char v[76]; };
void c76_1(struct s76_1 *d, struct s76_1 *s) { *d = *s; }
void v76_1(volatile struct s76_1 *d, volatile struct s76_1 *s) { *d = *s; }
void m76_1(struct s76_1 *d, int c) { __builtin_memset(d, c, 76); }
void z76_1(void) { struct s76_1 t = {0}; use(&t); }
struct s76_4 { int v[19]; };
void c76_4(struct s76_4 *d, struct s76_4 *s) { *d = *s; }
void v76_4(volatile struct s76_4 *d, volatile struct s76_4 *s) { *d = *s; }
void m76_4(struct s76_4 *d, int c) { __builtin_memset(d, c, 76); }
void z76_4(void) { struct s76_4 t = {0}; use(&t); }
struct s77_1 { char v[77]; };
void c77_1(struct s77_1 *d, struct s77_1 *s) { *d = *s; }
void v77_1(volatile struct s77_1 *d, volatile struct s77_1 *s) { *d = *s; }
void m77_1(struct s77_1 *d, int c) { __builtin_memset(d, c, 77); }
void z77_1(void) { struct s77_1 t = {0}; use(&t); }
struct s78_1 { char v[78]; };
void c78_1(struct s78_1 *d, struct s78_1 *s) { *d = *s; }
void v78_1(volatile struct s78_1 *d, volatile struct s78_1 *s) { *d = *s; }
void m78_1(struct s78_1 *d, int c) { __builtin_memset(d, c, 78); }
void z78_1(void) { struct s78_1 t = {0}; use(&t); }
struct s79_1 { char v[79]; };
void c79_1(struct s79_1 *d, struct s79_1 *s) { *d = *s; }
void v79_1(volatile struct s79_1 *d, volatile struct s79_1 *s) { *d = *s; }
void m79_1(struct s79_1 *d, int c) { __builtin_memset(d, c, 79); }
void z79_1(void) { struct s79_1 t = {0}; use(&t); }
struct s80_1 { char v[80]; };
void c80_1(struct s80_1 *d, struct s80_1 *s) { *d = *s; }
void v80_1(volatile struct s80_1 *d, volatile struct s80_1 *s) { *d = *s; }
void m80_1(struct s80_1 *d, int c) { __builtin_memset(d, c, 80); }
void z80_1(void) { struct s80_1 t = {0}; use(&t); }
struct s80_4 { int v[20]; };
void c80_4(struct s80_4 *d, struct s80_4 *s) { *d = *s; }
void v80_4(volatile struct s80_4 *d, volatile struct s80_4 *s) { *d = *s; }
void m80_4(struct s80_4 *d, int c) { __builtin_memset(d, c, 80); }
void z80_4(void) { struct s80_4 t = {0}; use(&t); }
struct s80_8 { long v[10]; };
void c80_8(struct s80_8 *d, struct s80_8 *s) { *d = *s; }
void v80_8(volatile struct s80_8 *d, volatile struct s80_8 *s) { *d = *s; }
void m80_8(struct s80_8 *d, int c) { __builtin_memset(d, c, 80); }
void z80_8(void) { struct s80_8 t = {0}; use(&t); }
struct s81_1 { char v[81]; };
void c81_1(struct s81_1 *d, struct s81_1 *s) { *d = *s; }
void v81_1(volatile struct s81_1 *d, volatile struct s81_1 *s) { *d = *s; }
void m81_1(struct s81_1 *d, int c) { __builtin_memset(d, c, 81); }
void z81_1(void) { struct s81_1 t = {0}; use(&t); }
struct s82_1 { char v[82]; };
void c82_1(struct s82_1 *d, struct s82_1 *s) { *d = *s; }
void v82_1(volatile struct s82_1 *d, volatile struct s82_1 *s) { *d = *s; }
void m82_1(struct s82_1 *d, int c) { __builtin_memset(d, c, 82); }
void z82_1(void) { struct s82_1 t = {0}; use(&t); }
struct s83_1 { char v[83]; };
void c83_1(struct s83_1 *d, struct s83_1 *s) { *d = *s; }
void v83_1(volatile struct s83_1 *d, volatile struct s83_1 *s) { *d = *s; }
void m83_1(struct s83_1 *d, int c) { __builtin_memset(d, c, 83); }
void z83_1(void) { struct s83_1 t = {0}; use(&t); }
struct s84_1 { char v[84]; };
void c84_1(struct s84_1 *d, struct s84_1 *s) { *d = *s; }
void v84_1(volatile struct s84_1 *d, volatile struct s84_1 *s) { *d = *s; }
void m84_1(struct s84_1 *d, int c) { __builtin_memset(d, c, 84); }
void z84_1(void) { struct s84_1 t = {0}; use(&t); }
struct s84_4 { int v[21]; };
void c84_4(struct s84_4 *d, struct s84_4 *s) { *d = *s; }
void v84_4(volatile struct s84_4 *d, volatile struct s84_4 *s) { *d = *s; }
void m84_4(struct s84_4 *d, int c) { __builtin_memset(d, c, 84); }
void z84_4(void) { struct s84_4 t = {0}; use(&t); }
struct s85_1 { char v[85]; };
void c85_1(struct s85_1 *d, struct s85_1 *s) { *d = *s; }
void v85_1(volatile struct s85_1 *d, volatile struct s85_1 *s) { *d = *s; }
void m85_1(struct s85_1 *d, int c) { __builtin_memset(d, c, 85); }
void z85_1(void) { struct s85_1 t = {0}; use(&t); }
struct s86_1 { char v[86]; };
void c86_1(struct s86_1 *d, struct s86_1 *s) { *d = *s; }
void v86_1(volatile struct s86_1 *d, volatile struct s86_1 *s) { *d = *s; }
void m86_1(struct s86_1 *d, int c) { __builtin_memset(d, c, 86); }
void z86_1(void) { struct s86_1 t = {0}; use(&t); }
struct s87_1 { char v[87]; };
void c87_1(struct s87_1 *d, struct s87_1 *s) { *d = *s; }
void v87_1(volatile struct s87_1 *d, volatile struct s87_1 *s) { *d = *s; }
void m87_1(struct s87_1 *d, int c) { __builtin_memset(d, c, 87); }
void z87_1(void) { struct s87_1 t = {0}; use(&t); }
struct s88_1 { char v[88]; };
void c88_1(struct s88_1 *d, struct s88_1 *s) { *d = *s; }
void v88_1(volatile struct s88_1 *d, volatile struct s88_1 *s) { *d = *s; }
void m88_1(struct s88_1 *d, int c) { __builtin_memset(d, c, 88); }
void z88_1(void) { struct s88_1 t = {0}; use(&t); }
struct s88_4 { int v[22]; };
void c88_4(struct s88_4 *d, struct s88_4 *s) { *d = *s; }
void v88_4(volatile struct s88_4 *d, volatile struct s88_4 *s) { *d = *s; }
void m88_4(struct s88_4 *d, int c) { __builtin_memset(d, c, 88); }
void z88_4(void) { struct s88_4 t = {0}; use(&t); }
struct s88_8 { long v[11]; };
void c88_8(struct s88_8 *d, struct s88_8 *s) { *d = *s; }
void v88_8(volatile struct s88_8 *d, volatile struct s88_8 *s) { *d = *s; }
void m88_8(struct s88_8 *d, int c) { __builtin_memset(d, c, 88); }
void z88_8(void) { struct s88_8 t = {0}; use(&t); }
struct s89_1 { char v[89]; };
void c89_1(struct s89_1 *d, struct s89_1 *s) { *d = *s; }
void v89_1(volatile struct s89_1 *d, volatile struct s89_1 *s) { *d = *s; }
void m89_1(struct s89_1 *d, int c) { __builtin_memset(d, c, 89); }
void z89_1(void) { struct s89_1 t = {0}; use(&t); }
struct s90_1 { char v[90]; };
void c90_1(struct s90_1 *d, struct s90_1 *s) { *d = *s; }
void v90_1(volatile struct s90_1 *d, volatile struct s90_1 *s) { *d = *s; }
void m90_1(struct s90_1 *d, int c) { __builtin_memset(d, c, 90); }
void z90_1(void) { struct s90_1 t = {0}; use(&t); }
struct s91_1 { char v[91]; };
void c91_1(struct s91_1 *d, struct s91_1 *s) { *d = *s; }
void v91_1(volatile struct s91_1 *d, volatile struct s91_1 *s) { *d = *s; }
void m91_1(struct s91_1 *d, int c) { __builtin_memset(d, c, 91); }
void z91_1(void) { struct s91_1 t = {0}; use(&t); }
struct s92_1 { char v[92]; };
void c92_1(struct s92_1 *d, struct s92_1 *s) { *d = *s; }
void v92_1(volatile struct s92_1 *d, volatile struct s92_1 *s) { *d = *s; }
void m92_1(struct s92_1 *d, int c) { __builtin_memset(d, c, 92); }
void z92_1(void) { struct s92_1 t = {0}; use(&t); }
struct s92_4 { int v[23]; };
void c92_4(struct s92_4 *d, struct s92_4 *s) { *d = *s; }
void v92_4(volatile struct s92_4 *d, volatile struct s92_4 *s) { *d = *s; }
void m92_4(struct s92_4 *d, int c) { __builtin_memset(d, c, 92); }
void z92_4(void) { struct s92_4 t = {0}; use(&t); }
struct s93_1 { char v[93]; };
void c93_1(struct s93_1 *d, struct s93_1 *s) { *d = *s; }
void v93_1(volatile struct s93_1 *d, volatile struct s93_1 *s) { *d = *s; }
void m93_1(struct s93_1 *d, int c) { __builtin_memset(d, c, 93); }
void z93_1(void) { struct s93_1 t = {0}; use(&t); }
struct s94_1 { char v[94]; };
void c94_1(struct s94_1 *d, struct s94_1 *s) { *d = *s; }
void v94_1(volatile struct s94_1 *d, volatile struct s94_1 *s) { *d = *s; }
void m94_1(struct s94_1 *d, int c) { __builtin_memset(d, c, 94); }
void z94_1(void) { struct s94_1 t = {0}; use(&t); }
struct s95_1 { char v[95]; };
void c95_1(struct s95_1 *d, struct s95_1 *s) { *d = *s; }
void v95_1(volatile struct s95_1 *d, volatile struct s95_1 *s) { *d = *s; }
void m95_1(struct s95_1 *d, int c) { __builtin_memset(d, c, 95); }
void z95_1(void) { struct s95_1 t = {0}; use(&t); }
struct s96_1 { char v[96]; };
void c96_1(struct s96_1 *d, struct s96_1 *s) { *d = *s; }
void v96_1(volatile struct s96_1 *d, volatile struct s96_1 *s) { *d = *s; }
void m96_1(struct s96_1 *d, int c) { __builtin_memset(d, c, 96); }
void z96_1(void) { struct s96_1 t = {0}; use(&t); }
struct s96_4 { int v[24]; };
void c96_4(struct s96_4 *d, struct s96_4 *s) { *d = *s; }
void v96_4(volatile struct s96_4 *d, volatile struct s96_4 *s) { *d = *s; }
void m96_4(struct s96_4 *d, int c) { __builtin_memset(d, c, 96); }
void z96_4(void) { struct s96_4 t = {0}; use(&t); }
struct s96_8 { long v[12]; };
void c96_8(struct s96_8 *d, struct s96_8 *s) { *d = *s; }
void v96_8(volatile struct s96_8 *d, volatile struct s96_8 *s) { *d = *s; }
void m96_8(struct s96_8 *d, int c) { __builtin_memset(d, c, 96); }
void z96_8(void) { struct s96_8 t = {0}; use(&t); }
struct s97_1 { char v[97]; };
void c97_1(struct s97_1 *d, struct s97_1 *s) { *d = *s; }
void v97_1(volatile struct s97_1 *d, volatile struct s97_1 *s) { *d = *s; }
void m97_1(struct s97_1 *d, int c) { __builtin_memset(d, c, 97); }
void z97_1(void) { struct s97_1 t = {0}; use(&t); }
struct s98_1 { char v[98]; };
void c98_1(struct s98_1 *d, struct s98_1 *s) { *d = *s; }
void v98_1(volatile struct s98_1 *d, volatile struct s98_1 *s) { *d = *s; }
void m98_1(struct s98_1 *d, int c) { __builtin_memset(d, c, 98); }
void z98_1(void) { struct s98_1 t = {0}; use(&t); }
struct s99_1 { char v[99]; };
void c99_1(struct s99_1 *d, struct s99_1 *s) { *d = *s; }
void v99_1(volatile struct s99_1 *d, volatile struct s99_1 *s) { *d = *s; }
void m99_1(struct s99_1 *d, int c) { __builtin_memset(d, c, 99); }
void z99_1(void) { struct s99_1 t = {0}; use(&t); }
struct s100_1 { char v[100]; };
void c100_1(struct s100_1 *d, struct s100_1 *s) { *d = *s; }
void v100_1(volatile struct s100_1 *d, volatile struct s100_1 *s) { *d = *s; }
void m100_1(struct s100_1 *d, int c) { __builtin_memset(d, c, 100); }
void z100_1(void) { struct s100_1 t = {0}; use(&t); }
struct s100_4 { int v[25]; };
void c100_4(struct s100_4 *d, struct s100_4 *s) { *d = *s; }
void v100_4(volatile struct s100_4 *d, volatile struct s100_4 *s) { *d = *s; }
void m100_4(struct s100_4 *d, int c) { __builtin_memset(d, c, 100); }
void z100_4(void) { struct s100_4 t = {0}; use(&t); }
struct s101_1 { char v[101]; };
void c101_1(struct s101_1 *d, struct s101_1 *s) { *d = *s; }
void v101_1(volatile struct s101_1 *d, volatile struct s101_1 *s) { *d = *s; }
void m101_1(struct s101_1 *d, int c) { __builtin_memset(d, c, 101); }
void z101_1(void) { struct s101_1 t = {0}; use(&t); }
struct s102_1 { char v[102]; };
void c102_1(struct s102_1 *d, struct s102_1 *s) { *d = *s; }
void v102_1(volatile struct s102_1 *d, volatile struct s102_1 *s) { *d = *s; }
void m102_1(struct s102_1 *d, int c) { __builtin_memset(d, c, 102); }
void z102_1(void) { struct s102_1 t = {0}; use(&t); }
struct s103_1 { char v[103]; };
void c103_1(struct s103_1 *d, struct s103_1 *s) { *d = *s; }
void v103_1(volatile struct s103_1 *d, volatile struct s103_1 *s) { *d = *s; }
void m103_1(struct s103_1 *d, int c) { __builtin_memset(d, c, 103); }
void z103_1(void) { struct s103_1 t = {0}; use(&t); }
struct s104_1 { char v[104]; };
void c104_1(struct s104_1 *d, struct s104_1 *s) { *d = *s; }
void v104_1(volatile struct s104_1 *d, volatile struct s104_1 *s) { *d = *s; }
void m104_1(struct s104_1 *d, int c) { __builtin_memset(d, c, 104); }
void z104_1(void) { struct s104_1 t = {0}; use(&t); }
struct s104_4 { int v[26]; };
void c104_4(struct s104_4 *d, struct s104_4 *s) { *d = *s; }
void v104_4(volatile struct s104_4 *d, volatile struct s104_4 *s) { *d = *s; }
void m104_4(struct s104_4 *d, int c) { __builtin_memset(d, c, 104); }
void z104_4(void) { struct s104_4 t = {0}; use(&t); }
struct s104_8 { long v[13]; };
void c104_8(struct s104_8 *d, struct s104_8 *s) { *d = *s; }
void v104_8(volatile struct s104_8 *d, volatile struct s104_8 *s) { *d = *s; }
void m104_8(struct s104_8 *d, int c) { __builtin_memset(d, c, 104); }
void z104_8(void) { struct s104_8 t = {0}; use(&t); }
struct s105_1 { char v[105]; };
void c105_1(struct s105_1 *d, struct s105_1 *s) { *d = *s; }
void v105_1(volatile struct s105_1 *d, volatile struct s105_1 *s) { *d = *s; }
void m105_1(struct s105_1 *d, int c) { __builtin_memset(d, c, 105); }
void z105_1(void) { struct s105_1 t = {0}; use(&t); }
struct s106_1 { char v[106]; };
void c106_1(struct s106_1 *d, struct s106_1 *s) { *d = *s; }
void v106_1(volatile struct s106_1 *d, volatile struct s106_1 *s) { *d = *s; }
void m106_1(struct s106_1 *d, int c) { __builtin_memset(d, c, 106); }
void z106_1(void) { struct s106_1 t = {0}; use(&t); }
struct s107_1 { char v[107]; };
void c107_1(struct s107_1 *d, struct s107_1 *s) { *d = *s; }
void v107_1(volatile struct s107_1 *d, volatile struct s107_1 *s) { *d = *s; }
void m107_1(struct s107_1 *d, int c) { __builtin_memset(d, c, 107); }
void z107_1(void) { struct s107_1 t = {0}; use(&t); }
struct s108_1 { char v[108]; };
void c108_1(struct s108_1 *d, struct s108_1 *s) { *d = *s; }
void v108_1(volatile struct s108_1 *d, volatile struct s108_1 *s) { *d = *s; }
void m108_1(struct s108_1 *d, int c) { __builtin_memset(d, c, 108); }
void z108_1(void) { struct s108_1 t = {0}; use(&t); }
struct s108_4 { int v[27]; };
void c108_4(struct s108_4 *d, struct s108_4 *s) { *d = *s; }
void v108_4(volatile struct s108_4 *d, volatile struct s108_4 *s) { *d = *s; }
void m108_4(struct s108_4 *d, int c) { __builtin_memset(d, c, 108); }
void z108_4(void) { struct s108_4 t = {0}; use(&t); }
struct s109_1 { char v[109]; };
void c109_1(struct s109_1 *d, struct s109_1 *s) { *d = *s; }
void v109_1(volatile struct s109_1 *d, volatile struct s109_1 *s) { *d = *s; }
void m109_1(struct s109_1 *d, int c) { __builtin_memset(d, c, 109); }
void z109_1(void) { struct s109_1 t = {0}; use(&t); }
struct s110_1 { char v[110]; };
void c110_1(struct s110_1 *d, struct s110_1 *s) { *d = *s; }
void v110_1(volatile struct s110_1 *d, volatile struct s110_1 *s) { *d = *s; }
void m110_1(struct s110_1 *d, int c) { __builtin_memset(d, c, 110); }
void z110_1(void) { struct s110_1 t = {0}; use(&t); }
struct s111_1 { char v[111]; };
void c111_1(struct s111_1 *d, struct s111_1 *s) { *d = *s; }
void v111_1(volatile struct s111_1 *d, volatile struct s111_1 *s) { *d = *s; }
void m111_1(struct s111_1 *d, int c) { __builtin_memset(d, c, 111); }
void z111_1(void) { struct s111_1 t = {0}; use(&t); }
struct s112_1 { char v[112]; };
void c112_1(struct s112_1 *d, struct s112_1 *s) { *d = *s; }
void v112_1(volatile struct s112_1 *d, volatile struct s112_1 *s) { *d = *s; }
void m112_1(struct s112_1 *d, int c) { __builtin_memset(d, c, 112); }
void z112_1(void) { struct s112_1 t = {0}; use(&t); }
struct s112_4 { int v[28]; };
void c112_4(struct s112_4 *d, struct s112_4 *s) { *d = *s; }
void v112_4(volatile struct s112_4 *d, volatile struct s112_4 *s) { *d = *s; }
void m112_4(struct s112_4 *d, int c) { __builtin_memset(d, c, 112); }
void z112_4(void) { struct s112_4 t = {0}; use(&t); }
struct s112_8 { long v[14]; };
void c112_8(struct s112_8 *d, struct s112_8 *s) { *d = *s; }
void v112_8(volatile struct s112_8 *d, volatile struct s112_8 *s) { *d = *s; }
void m112_8(struct s112_8 *d, int c) { __builtin_memset(d, c, 112); }
void z112_8(void) { struct s112_8 t = {0}; use(&t); }
struct s113_1 { char v[113]; };
void c113_1(struct s113_1 *d, struct s113_1 *s) { *d = *s; }
void v113_1(volatile struct s113_1 *d, volatile struct s113_1 *s) { *d = *s; }
void m113_1(struct s113_1 *d, int c) { __builtin_memset(d, c, 113); }
void z113_1(void) { struct s113_1 t = {0}; use(&t); }
struct s114_1 { char v[114]; };
void c114_1(struct s114_1 *d, struct s114_1 *s) { *d = *s; }
void v114_1(volatile struct s114_1 *d, volatile struct s114_1 *s) { *d = *s; }
void m114_1(struct s114_1 *d, int c) { __builtin_memset(d, c, 114); }
void z114_1(void) { struct s114_1 t = {0}; use(&t); }
struct s115_1 { char v[115]; };
void c115_1(struct s115_1 *d, struct s115_1 *s) { *d = *s; }
void v115_1(volatile struct s115_1 *d, volatile struct s115_1 *s) { *d = *s; }
void m115_1(struct s115_1 *d, int c) { __builtin_memset(d, c, 115); }
void z115_1(void) { struct s115_1 t = {0}; use(&t); }
struct s116_1 { char v[116]; };
void c116_1(struct s116_1 *d, struct s116_1 *s) { *d = *s; }
void v116_1(volatile struct s116_1 *d, volatile struct s116_1 *s) { *d = *s; }
void m116_1(struct s116_1 *d, int c) { __builtin_memset(d, c, 116); }
void z116_1(void) { struct s116_1 t = {0}; use(&t); }
struct s116_4 { int v[29]; };
void c116_4(struct s116_4 *d, struct s116_4 *s) { *d = *s; }
void v116_4(volatile struct s116_4 *d, volatile struct s116_4 *s) { *d = *s; }
void m116_4(struct s116_4 *d, int c) { __builtin_memset(d, c, 116); }
void z116_4(void) { struct s116_4 t = {0}; use(&t); }
struct s117_1 { char v[117]; };
void c117_1(struct s117_1 *d, struct s117_1 *s) { *d = *s; }
void v117_1(volatile struct s117_1 *d, volatile struct s117_1 *s) { *d = *s; }
void m117_1(struct s117_1 *d, int c) { __builtin_memset(d, c, 117); }
void z117_1(void) { struct s117_1 t = {0}; use(&t); }
struct s118_1 { char v[118]; };
void c118_1(struct s118_1 *d, struct s118_1 *s) { *d = *s; }
void v118_1(volatile struct s118_1 *d, volatile struct s118_1 *s) { *d = *s; }
void m118_1(struct s118_1 *d, int c) { __builtin_memset(d, c, 118); }
void z118_1(void) { struct s118_1 t = {0}; use(&t); }
struct s119_1 { char v[119]; };
void c119_1(struct s119_1 *d, struct s119_1 *s) { *d = *s; }
void v119_1(volatile struct s119_1 *d, volatile struct s119_1 *s) { *d = *s; }
void m119_1(struct s119_1 *d, int c) { __builtin_memset(d, c, 119); }
void z119_1(void) { struct s119_1 t = {0}; use(&t); }
struct s120_1 { char v[120]; };
void c120_1(struct s120_1 *d, struct s120_1 *s) { *d = *s; }
void v120_1(volatile struct s120_1 *d, volatile struct s120_1 *s) { *d = *s; }
void m120_1(struct s120_1 *d, int c) { __builtin_memset(d, c, 120); }
void z120_1(void) { struct s120_1 t = {0}; use(&t); }
struct s120_4 { int v[30]; };
void c120_4(struct s120_4 *d, struct s120_4 *s) { *d = *s; }
void v120_4(volatile struct s120_4 *d, volatile struct s120_4 *s) { *d = *s; }
void m120_4(struct s120_4 *d, int c) { __builtin_memset(d, c, 120); }
void z120_4(void) { struct s120_4 t = {0}; use(&t); }
struct s120_8 { long v[15]; };
void c120_8(struct s120_8 *d, struct s120_8 *s) { *d = *s; }
void v120_8(volatile struct s120_8 *d, volatile struct s120_8 *s) { *d = *s; }
void m120_8(struct s120_8 *d, int c) { __builtin_memset(d, c, 120); }
void z120_8(void) { struct s120_8 t = {0}; use(&t); }
struct s121_1 { char v[121]; };
void c121_1(struct s121_1 *d, struct s121_1 *s) { *d = *s; }
void v121_1(volatile struct s121_1 *d, volatile struct s121_1 *s) { *d = *s; }
void m121_1(struct s121_1 *d, int c) { __builtin_memset(d, c, 121); }
void z121_1(void) { struct s121_1 t = {0}; use(&t); }
struct s122_1 { char v[122]; };
void c122_1(struct s122_1 *d, struct s122_1 *s) { *d = *s; }
void v122_1(volatile struct s122_1 *d, volatile struct s122_1 *s) { *d = *s; }
void m122_1(struct s122_1 *d, int c) { __builtin_memset(d, c, 122); }
void z122_1(void) { struct s122_1 t = {0}; use(&t); }
struct s123_1 { char v[123]; };
void c123_1(struct s123_1 *d, struct s123_1 *s) { *d = *s; }
void v123_1(volatile struct s123_1 *d, volatile struct s123_1 *s) { *d = *s; }
void m123_1(struct s123_1 *d, int c) { __builtin_memset(d, c, 123); }
void z123_1(void) { struct s123_1 t = {0}; use(&t); }
struct s124_1 { char v[124]; };
void c124_1(struct s124_1 *d, struct s124_1 *s) { *d = *s; }
void v124_1(volatile struct s124_1 *d, volatile struct s124_1 *s) { *d = *s; }
void m124_1(struct s124_1 *d, int c) { __builtin_memset(d, c, 124); }
void z124_1(void) { struct s124_1 t = {0}; use(&t); }
struct s124_4 { int v[31]; };
void c124_4(struct s124_4 *d, struct s124_4 *s) { *d = *s; }
void v124_4(volatile struct s124_4 *d, volatile struct s124_4 *s) { *d = *s; }
void m124_4(struct s124_4 *d, int c) { __builtin_memset(d, c, 124); }
void z124_4(void) { struct s124_4 t = {0}; use(&t); }
struct s125_1 { char v[125]; };
void c125_1(struct s125_1 *d, struct s125_1 *s) { *d = *s; }
void v125_1(volatile struct s125_1 *d, volatile struct s125_1 *s) { *d = *s; }
void m125_1(struct s125_1 *d, int c) { __builtin_memset(d, c, 125); }
void z125_1(void) { struct s125_1 t = {0}; use(&t); }
struct s126_1 { char v[126]; };
void c126_1(struct s126_1 *d, struct s126_1 *s) { *d = *s; }
void v126_1(volatile struct s126_1 *d, volatile struct s126_1 *s) { *d = *s; }
void m126_1(struct s126_1 *d, int c) { __builtin_memset(d, c, 126); }
void z126_1(void) { struct s126_1 t = {0}; use(&t); }
struct s127_1 { char v[127]; };
void c127_1(struct s127_1 *d, struct s127_1 *s) { *d = *s; }
void v127_1(volatile struct s127_1 *d, volatile struct s127_1 *s) { *d = *s; }
void m127_1(struct s127_1 *d, int c) { __builtin_memset(d, c, 127); }
void z127_1(void) { struct s127_1 t = {0}; use(&t); }
struct s128_1 { char v[128]; };
void c128_1(struct s128_1 *d, struct s128_1 *s) { *d = *s; }
void v128_1(volatile struct s128_1 *d, volatile struct s128_1 *s) { *d = *s; }
void m128_1(struct s128_1 *d, int c) { __builtin_memset(d, c, 128); }
void z128_1(void) { struct s128_1 t = {0}; use(&t); }
struct s128_4 { int v[32]; };
void c128_4(struct s128_4 *d, struct s128_4 *s) { *d = *s; }
void v128_4(volatile struct s128_4 *d, volatile struct s128_4 *s) { *d = *s; }
void m128_4(struct s128_4 *d, int c) { __builtin_memset(d, c, 128); }
void z128_4(void) { struct s128_4 t = {0}; use(&t); }
struct s128_8 { long v[16]; };
void c128_8(struct s128_8 *d, struct s128_8 *s) { *d = *s; }
void v128_8(volatile struct s128_8 *d, volatile struct s128_8 *s) { *d = *s; }
void m128_8(struct s128_8 *d, int c) { __builtin_memset(d, c, 128); }
void z128_8(void) { struct s128_8 t = {0}; use(&t); }
struct s129_1 { char v[129]; };
void c129_1(struct s129_1 *d, struct s129_1 *s) { *d = *s; }
void v129_1(volatile struct s129_1 *d, volatile struct s129_1 *s) { *d = *s; }
void m129_1(struct s129_1 *d, int c) { __builtin_memset(d, c, 129); }
void z129_1(void) { struct s129_1 t = {0}; use(&t); }
struct s130_1 { char v[130]; };
void c130_1(struct s130_1 *d, struct s130_1 *s) { *d = *s; }
void v130_1(volatile struct s130_1 *d, volatile struct s130_1 *s) { *d = *s; }
void m130_1(struct s130_1 *d, int c) { __builtin_memset(d, c, 130); }
void z130_1(void) { struct s130_1 t = {0}; use(&t); }
struct s131_1 { char v[131]; };
void c131_1(struct s131_1 *d, struct s131_1 *s) { *d = *s; }
void v131_1(volatile struct s131_1 *d, volatile struct s131_1 *s) { *d = *s; }
void m131_1(struct s131_1 *d, int c) { __builtin_memset(d, c, 131); }
void z131_1(void) { struct s131_1 t = {0}; use(&t); }
struct s132_1 { char v[132]; };
void c132_1(struct s132_1 *d, struct s132_1 *s) { *d = *s; }
void v132_1(volatile struct s132_1 *d, volatile struct s132_1 *s) { *d = *s; }
void m132_1(struct s132_1 *d, int c) { __builtin_memset(d, c, 132); }
void z132_1(void) { struct s132_1 t = {0}; use(&t); }
struct s132_4 { int v[33]; };
void c132_4(struct s132_4 *d, struct s132_4 *s) { *d = *s; }
void v132_4(volatile struct s132_4 *d, volatile struct s132_4 *s) { *d = *s; }
void m132_4(struct s132_4 *d, int c) { __builtin_memset(d, c, 132); }
void z132_4(void) { struct s132_4 t = {0}; use(&t); }
struct s133_1 { char v[133]; };
void c133_1(struct s133_1 *d, struct s133_1 *s) { *d = *s; }
void v133_1(volatile struct s133_1 *d, volatile struct s133_1 *s) { *d = *s; }
void m133_1(struct s133_1 *d, int c) { __builtin_memset(d, c, 133); }
void z133_1(void) { struct s133_1 t = {0}; use(&t); }
struct s134_1 { char v[134]; };
void c134_1(struct s134_1 *d, struct s134_1 *s) { *d = *s; }
void v134_1(volatile struct s134_1 *d, volatile struct s134_1 *s) { *d = *s; }
void m134_1(struct s134_1 *d, int c) { __builtin_memset(d, c, 134); }
void z134_1(void) { struct s134_1 t = {0}; use(&t); }
struct s135_1 { char v[135]; };
void c135_1(struct s135_1 *d, struct s135_1 *s) { *d = *s; }
void v135_1(volatile struct s135_1 *d, volatile struct s135_1 *s) { *d = *s; }
void m135_1(struct s135_1 *d, int c) { __builtin_memset(d, c, 135); }
void z135_1(void) { struct s135_1 t = {0}; use(&t); }
struct s136_1 { char v[136]; };
void c136_1(struct s136_1 *d, struct s136_1 *s) { *d = *s; }
void v136_1(volatile struct s136_1 *d, volatile struct s136_1 *s) { *d = *s; }
void m136_1(struct s136_1 *d, int c) { __builtin_memset(d, c, 136); }
void z136_1(void) { struct s136_1 t = {0}; use(&t); }
struct s136_4 { int v[34]; };
void c136_4(struct s136_4 *d, struct s136_4 *s) { *d = *s; }
void v136_4(volatile struct s136_4 *d, volatile struct s136_4 *s) { *d = *s; }
void m136_4(struct s136_4 *d, int c) { __builtin_memset(d, c, 136); }
void z136_4(void) { struct s136_4 t = {0}; use(&t); }
struct s136_8 { long v[17]; };
void c136_8(struct s136_8 *d, struct s136_8 *s) { *d = *s; }
void v136_8(volatile struct s136_8 *d, volatile struct s136_8 *s) { *d = *s; }
void m136_8(struct s136_8 *d, int c) { __builtin_memset(d, c, 136); }
void z136_8(void) { struct s136_8 t = {0}; use(&t); }
struct s137_1 { char v[137]; };
void c137_1(struct s137_1 *d, struct s137_1 *s) { *d = *s; }
void v137_1(volatile struct s137_1 *d, volatile struct s137_1 *s) { *d = *s; }
void m137_1(struct s137_1 *d, int c) { __builtin_memset(d, c, 137); }
void z137_1(void) { struct s137_1 t = {0}; use(&t); }
struct s138_1 { char v[138]; };
void c138_1(struct s138_1 *d, struct s138_1 *s) { *d = *s; }
void v138_1(volatile struct s138_1 *d, volatile struct s138_1 *s) { *d = *s; }
void m138_1(struct s138_1 *d, int c) { __builtin_memset(d, c, 138); }
void z138_1(void) { struct s138_1 t = {0}; use(&t); }
struct s139_1 { char v[139]; };
void c139_1(struct s139_1 *d, struct s139_1 *s) { *d = *s; }
void v139_1(volatile struct s139_1 *d, volatile struct s139_1 *s) { *d = *s; }
void m139_1(struct s139_1 *d, int c) { __builtin_memset(d, c, 139); }
void z139_1(void) { struct s139_1 t = {0}; use(&t); }
struct s140_1 { char v[140]; };
void c140_1(struct s140_1 *d, struct s140_1 *s) { *d = *s; }
void v140_1(volatile struct s140_1 *d, volatile struct s140_1 *s) { *d = *s; }
void m140_1(struct s140_1 *d, int c) { __builtin_memset(d, c, 140); }
void z140_1(void) { struct s140_1 t = {0}; use(&t); }
struct s140_4 { int v[35]; };
void c140_4(struct s140_4 *d, struct s140_4 *s) { *d = *s; }
void v140_4(volatile struct s140_4 *d, volatile struct s140_4 *s) { *d = *s; }
void m140_4(struct s140_4 *d, int c) { __builtin_memset(d, c, 140); }
void z140_4(void) { struct s140_4 t = {0}; use(&t); }
struct s141_1 { char v[141]; };
void c141_1(struct s141_1 *d, struct s141_1 *s) { *d = *s; }
void v141_1(volatile struct s141_1 *d, volatile struct s141_1 *s) { *d = *s; }
void m141_1(struct s141_1 *d, int c) { __builtin_memset(d, c, 141); }
void z141_1(void) { struct s141_1 t = {0}; use(&t); }
struct s142_1 { char v[142]; };
void c142_1(struct s142_1 *d, struct s142_1 *s) { *d = *s; }
void v142_1(volatile struct s142_1 *d, volatile struct s142_1 *s) { *d = *s; }
void m142_1(struct s142_1 *d, int c) { __builtin_memset(d, c, 142); }
void z142_1(void) { struct s142_1 t = {0}; use(&t); }
struct s143_1 { char v[143]; };
void c143_1(struct s143_1 *d, struct s143_1 *s) { *d = *s; }
void v143_1(volatile struct s143_1 *d, volatile struct s143_1 *s) { *d = *s; }
void m143_1(struct s143_1 *d, int c) { __builtin_memset(d, c, 143); }
void z143_1(void) { struct s143_1 t = {0}; use(&t); }
struct s144_1 { char v[144]; };
void c144_1(struct s144_1 *d, struct s144_1 *s) { *d = *s; }
void v144_1(volatile struct s144_1 *d, volatile struct s144_1 *s) { *d = *s; }
void m144_1(struct s144_1 *d, int c) { __builtin_memset(d, c, 144); }
void z144_1(void) { struct s144_1 t = {0}; use(&t); }
struct s144_4 { int v[36]; };
void c144_4(struct s144_4 *d, struct s144_4 *s) { *d = *s; }
void v144_4(volatile struct s144_4 *d, volatile struct s144_4 *s) { *d = *s; }
void m144_4(struct s144_4 *d, int c) { __builtin_memset(d, c, 144); }
void z144_4(void) { struct s144_4 t = {0}; use(&t); }
struct s144_8 { long v[18]; };
void c144_8(struct s144_8 *d, struct s144_8 *s) { *d = *s; }
void v144_8(volatile struct s144_8 *d, volatile struct s144_8 *s) { *d = *s; }
void m144_8(struct s144_8 *d, int c) { __builtin_memset(d, c, 144); }
void z144_8(void) { struct s144_8 t = {0}; use(&t); }
struct s145_1 { char v[145]; };
void c145_1(struct s145_1 *d, struct s145_1 *s) { *d = *s; }
void v145_1(volatile struct s145_1 *d, volatile struct s145_1 *s) { *d = *s; }
void m145_1(struct s145_1 *d, int c) { __builtin_memset(d, c, 145); }
void z145_1(void) { struct s145_1 t = {0}; use(&t); }
struct s146_1 { char v[146]; };
void c146_1(struct s146_1 *d, struct s146_1 *s) { *d = *s; }
void v146_1(volatile struct s146_1 *d, volatile struct s146_1 *s) { *d = *s; }
void m146_1(struct s146_1 *d, int c) { __builtin_memset(d, c, 146); }
void z146_1(void) { struct s146_1 t = {0}; use(&t); }
struct s147_1 { char v[147]; };
void c147_1(struct s147_1 *d, struct s147_1 *s) { *d = *s; }
void v147_1(volatile struct s147_1 *d, volatile struct s147_1 *s) { *d = *s; }
void m147_1(struct s147_1 *d, int c) { __builtin_memset(d, c, 147); }
void z147_1(void) { struct s147_1 t = {0}; use(&t); }
struct s148_1 { char v[148]; };
void c148_1(struct s148_1 *d, struct s148_1 *s) { *d = *s; }
void v148_1(volatile struct s148_1 *d, volatile struct s148_1 *s) { *d = *s; }
void m148_1(struct s148_1 *d, int c) { __builtin_memset(d, c, 148); }
void z148_1(void) { struct s148_1 t = {0}; use(&t); }
struct s148_4 { int v[37]; };
void c148_4(struct s148_4 *d, struct s148_4 *s) { *d = *s; }
void v148_4(volatile struct s148_4 *d, volatile struct s148_4 *s) { *d = *s; }
void m148_4(struct s148_4 *d, int c) { __builtin_memset(d, c, 148); }
void z148_4(void) { struct s148_4 t = {0}; use(&t); }
struct s149_1 { char v[149]; };
void c149_1(struct s149_1 *d, struct s149_1 *s) { *d = *s; }
void v149_1(volatile struct s149_1 *d, volatile struct s149_1 *s) { *d = *s; }
void m149_1(struct s149_1 *d, int c) { __builtin_memset(d, c, 149); }
void z149_1(void) { struct s149_1 t = {0}; use(&t); }
struct s150_1 { char v[150]; };
void c150_1(struct s150_1 *d, struct s150_1 *s) { *d = *s; }
void v150_1(volatile struct s150_1 *d, volatile struct s150_1 *s) { *d = *s; }
void m150_1(struct s150_1 *d, int c) { __builtin_memset(d, c, 150); }
void z150_1(void) { struct s150_1 t = {0}; use(&t); }
struct s151_1 { char v[151]; };
void c151_1(struct s151_1 *d, struct s151_1 *s) { *d = *s; }
void v151_1(volatile struct s151_1 *d, volatile struct s151_1 *s) { *d = *s; }
void m151_1(struct s151_1 *d, int c) { __builtin_memset(d, c, 151); }
void z151_1(void) { struct s151_1 t = {0}; use(&t); }
struct s152_1 { char v[152]; };
void c152_1(struct s152_1 *d, struct s152_1 *s) { *d = *s; }
void v152_1(volatile struct s152_1 *d, volatile struct s152_1 *s) { *d = *s; }
void m152_1(struct s152_1 *d, int c) { __builtin_memset(d, c, 152); }
void z152_1(void) { struct s152_1 t = {0}; use(&t); }
struct s152_4 { int v[38]; };
void c152_4(struct s152_4 *d, struct s152_4 *s) { *d = *s; }
void v152_4(volatile struct s152_4 *d, volatile struct s152_4 *s) { *d = *s; }
void m152_4(struct s152_4 *d, int c) { __builtin_memset(d, c, 152); }
void z152_4(void) { struct s152_4 t = {0}; use(&t); }
struct s152_8 { long v[19]; };
void c152_8(struct s152_8 *d, struct s152_8 *s) { *d = *s; }
void v152_8(volatile struct s152_8 *d, volatile struct s152_8 *s) { *d = *s; }
void m152_8(struct s152_8 *d, int c) { __builtin_memset(d, c, 152); }
void z152_8(void) { struct s152_8 t = {0}; use(&t); }
struct s153_1 { char v[153]; };
void c153_1(struct s153_1 *d, struct s153_1 *s) { *d = *s; }
void v153_1(volatile struct s153_1 *d, volatile struct s153_1 *s) { *d = *s; }
void m153_1(struct s153_1 *d, int c) { __builtin_memset(d, c, 153); }
void z153_1(void) { struct s153_1 t = {0}; use(&t); }
struct s154_1 { char v[154]; };
void c154_1(struct s154_1 *d, struct s154_1 *s) { *d = *s; }
void v154_1(volatile struct s154_1 *d, volatile struct s154_1 *s) { *d = *s; }
void m154_1(struct s154_1 *d, int c) { __builtin_memset(d, c, 154); }
void z154_1(void) { struct s154_1 t = {0}; use(&t); }
struct s155_1 { char v[155]; };
void c155_1(struct s155_1 *d, struct s155_1 *s) { *d = *s; }
void v155_1(volatile struct s155_1 *d, volatile struct s155_1 *s) { *d = *s; }
void m155_1(struct s155_1 *d, int c) { __builtin_memset(d, c, 155); }
void z155_1(void) { struct s155_1 t = {0}; use(&t); }
struct s156_1 { char v[156]; };
void c156_1(struct s156_1 *d, struct s156_1 *s) { *d = *s; }
void v156_1(volatile struct s156_1 *d, volatile struct s156_1 *s) { *d = *s; }
void m156_1(struct s156_1 *d, int c) { __builtin_memset(d, c, 156); }
void z156_1(void) { struct s156_1 t = {0}; use(&t); }
struct s156_4 { int v[39]; };
void c156_4(struct s156_4 *d, struct s156_4 *s) { *d = *s; }
void v156_4(volatile struct s156_4 *d, volatile struct s156_4 *s) { *d = *s; }
void m156_4(struct s156_4 *d, int c) { __builtin_memset(d, c, 156); }
void z156_4(void) { struct s156_4 t = {0}; use(&t); }
struct s157_1 { char v[157]; };
void c157_1(struct s157_1 *d, struct s157_1 *s) { *d = *s; }
void v157_1(volatile struct s157_1 *d, volatile struct s157_1 *s) { *d = *s; }
void m157_1(struct s157_1 *d, int c) { __builtin_memset(d, c, 157); }
void z157_1(void) { struct s157_1 t = {0}; use(&t); }
struct s158_1 { char v[158]; };
void c158_1(struct s158_1 *d, struct s158_1 *s) { *d = *s; }
void v158_1(volatile struct s158_1 *d, volatile struct s158_1 *s) { *d = *s; }
void m158_1(struct s158_1 *d, int c) { __builtin_memset(d, c, 158); }
void z158_1(void) { struct s158_1 t = {0}; use(&t); }
struct s159_1 { char v[159]; };
void c159_1(struct s159_1 *d, struct s159_1 *s) { *d = *s; }
void v159_1(volatile struct s159_1 *d, volatile struct s159_1 *s) { *d = *s; }
void m159_1(struct s159_1 *d, int c) { __builtin_memset(d, c, 159); }
void z159_1(void) { struct s159_1 t = {0}; use(&t); }
struct s160_1 { char v[160]; };
void c160_1(struct s160_1 *d, struct s160_1 *s) { *d = *s; }
void v160_1(volatile struct s160_1 *d, volatile struct s160_1 *s) { *d = *s; }
void m160_1(struct s160_1 *d, int c) { __builtin_memset(d, c, 160); }
void z160_1(void) { struct s160_1 t = {0}; use(&t); }
struct s160_4 { int v[40]; };
void c160_4(struct s160_4 *d, struct s160_4 *s) { *d = *s; }
void v160_4(volatile struct s160_4 *d, volatile struct s160_4 *s) { *d = *s; }
void m160_4(struct s160_4 *d, int c) { __builtin_memset(d, c, 160); }
void z160_4(void) { struct s160_4 t = {0}; use(&t); }
struct s160_8 { long v[20]; };
void c160_8(struct s160_8 *d, struct s160_8 *s) { *d = *s; }
void v160_8(volatile struct s160_8 *d, volatile struct s160_8 *s) { *d = *s; }
void m160_8(struct s160_8 *d, int c) { __builtin_memset(d, c, 160); }
void z160_8(void) { struct s160_8 t = {0}; use(&t); }
