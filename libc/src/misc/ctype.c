/* ctype.c: the C locale's character classes (ASCII), and the wide ones
 * for the same range. musl's header turns some into macros; these are the
 * functions behind them and behind &isalpha. */
#include <ctype.h>
#include <wctype.h>

#undef isalnum
#undef isalpha
#undef isblank
#undef iscntrl
#undef isdigit
#undef isgraph
#undef islower
#undef isprint
#undef ispunct
#undef isspace
#undef isupper
#undef isxdigit
#undef isascii
#undef toascii
#undef tolower
#undef toupper
#undef iswdigit

int isalpha(int c) { return ((unsigned)c | 32) - 'a' < 26; }
int isdigit(int c) { return (unsigned)c - '0' < 10; }
int isalnum(int c) { return isalpha(c) || isdigit(c); }
int isblank(int c) { return c == ' ' || c == '\t'; }
int iscntrl(int c) { return (unsigned)c < 0x20 || c == 0x7f; }
int isgraph(int c) { return (unsigned)c - 0x21 < 0x5e; }
int islower(int c) { return (unsigned)c - 'a' < 26; }
int isupper(int c) { return (unsigned)c - 'A' < 26; }
int isprint(int c) { return (unsigned)c - 0x20 < 0x5f; }
int ispunct(int c) { return isgraph(c) && !isalnum(c); }
int isspace(int c) { return c == ' ' || (unsigned)c - '\t' < 5; }
int isxdigit(int c) { return isdigit(c) || ((unsigned)c | 32) - 'a' < 6; }
int isascii(int c) { return !(c & ~0x7f); }
int toascii(int c) { return c & 0x7f; }
int tolower(int c) { return isupper(c) ? c | 32 : c; }
int toupper(int c) { return islower(c) ? c & 0x5f : c; }

int iswalpha(wint_t c) { return c < 128 ? isalpha((int)c) : 0; }
int iswdigit(wint_t c) { return c - '0' < 10; }
int iswalnum(wint_t c) { return iswalpha(c) || iswdigit(c); }
int iswblank(wint_t c) { return c == ' ' || c == '\t'; }
int iswcntrl(wint_t c) { return c < 0x20 || c == 0x7f; }
int iswgraph(wint_t c) { return c - 0x21 < 0x5e; }
int iswlower(wint_t c) { return c - 'a' < 26; }
int iswupper(wint_t c) { return c - 'A' < 26; }
int iswprint(wint_t c) { return c - 0x20 < 0x5f; }
int iswpunct(wint_t c) { return c < 128 && ispunct((int)c); }
int iswspace(wint_t c) { return c == ' ' || c - '\t' < 5; }
int iswxdigit(wint_t c) { return c < 128 && isxdigit((int)c); }
wint_t towlower(wint_t c) { return iswupper(c) ? c | 32 : c; }
wint_t towupper(wint_t c) { return iswlower(c) ? c & 0x5f : c; }
