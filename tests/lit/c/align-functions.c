// -falign-functions up to 256: the jump table is at least 256 bytes, so
// .text follows it without a zero-filled gap the verifier would reject
// (review3).
// RUN: %bindir/sfi-cc -O2 -falign-functions=64 %s -o %t64.so && %bindir/sfi-run %t64.so
// RUN: %bindir/sfi-cc -O2 -falign-functions=256 %s -o %t256.so && %bindir/sfi-run %t256.so
__attribute__((noinline)) int f(int x) { return x + 1; }
int main(void) { return f(41) - 42; }
