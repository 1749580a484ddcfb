/* note.c: hand-made libsfi marker notes for marker-check.test, compiled
 * with plain clang (no pass). VARIANT picks how the note is wrong. */
struct note {
  unsigned namesz, descsz, type;
  char name[8];
  unsigned desc[4];
};
#define NOTE(scheme) {8, 16, 0x53464931u, "libsfi", {1, 1, scheme, 1}}
#if VARIANT == 1 /* the right note in another note section */
__attribute__((section(".note.other"), used, aligned(4)))
const struct note n = NOTE(1);
#elif VARIANT == 2 /* an unknown scheme */
__attribute__((section(".note.sfi"), used, aligned(4)))
const struct note n = NOTE(3);
#elif VARIANT == 3 /* a good note followed by a foreign one */
__attribute__((section(".note.sfi"), used, aligned(4)))
const struct note n[2] = {NOTE(1), {8, 16, 1, "GNU", {0, 0, 0, 0}}};
#elif VARIANT == 4 /* a writable marker section */
__attribute__((section(".note.sfi"), used, aligned(4)))
struct note n = NOTE(1);
#endif
int f(int x) { return x + 1; }
