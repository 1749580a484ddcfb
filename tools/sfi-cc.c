/* sfi-cc: a clang-compatible compiler driver that builds sandboxed modules.
 * Compiles C with the libsfi pass against the sandbox libc and links the
 * objects into a module (an ELF shared object) that the runtime can load.
 *
 *   sfi-cc -O2 -c a.c -o a.o          compile with the pass
 *   sfi-cc a.o b.o -o prog.so         link a program module (has main)
 *   sfi-cc -shared x.c -o lib.so      link a library module (no main)
 *   sfi-cc -fsfi-mode=stores ...      stores-only (integrity) mode
 *   sfi-cc -shared x.c -fsfi-import=host_fn -o lib.so
 *                                     declare the host's imports; any
 *                                     other undefined symbol is an error
 *   sfi-cc -fsfi-exports=all ...      export every global (default: only
 *                                     what is marked SFI_EXPORT)
 *
 * Refuses arguments and inputs that would skip or undo the pass (ccrefuse.c)
 * and to link an object that lacks the pass's marker, naming it. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ccrefuse.h"
#include "libsidecar.h"
#include "objcheck.h"
#include "rspfile.h"
#include "sfi_abi.h"
#include "undefcheck.h"

#ifndef SFI_CLANG
#define SFI_CLANG "/usr/lib/llvm-22/bin/clang"
#endif
#ifndef SFI_LLVM_AR
#define SFI_LLVM_AR "/usr/lib/llvm-22/bin/llvm-ar"
#endif
#ifndef SFI_LLD
#define SFI_LLD "/usr/lib/llvm-22/bin/ld.lld"
#endif
#ifndef SFI_MUSL_INCLUDE
#define SFI_MUSL_INCLUDE "/usr/include/x86_64-linux-musl"
#endif

struct argv_buf {
  char **v;
  int n, cap;
};

static int verbose;

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("sfi-cc: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void push(struct argv_buf *a, const char *s) {
  if (a->n + 2 > a->cap) {
    a->cap = a->cap ? a->cap * 2 : 64;
    a->v = realloc(a->v, sizeof(char *) * a->cap);
    if (!a->v)
      die("out of memory");
  }
  a->v[a->n++] = strdup(s);
  a->v[a->n] = NULL;
}

static char *fmt(const char *f, ...) {
  va_list ap;
  char *s;
  va_start(ap, f);
  if (vasprintf(&s, f, ap) < 0)
    die("out of memory");
  va_end(ap);
  return s;
}

static int run(struct argv_buf *a) {
  if (verbose) {
    for (int i = 0; i < a->n; i++)
      fprintf(stderr, "%s%s", i ? " " : "", a->v[i]);
    fputc('\n', stderr);
  }
  pid_t pid = fork();
  if (pid < 0)
    die("fork: %s", strerror(errno));
  if (pid == 0) {
    execv(a->v[0], a->v);
    fprintf(stderr, "sfi-cc: error: cannot run %s: %s\n", a->v[0],
            strerror(errno));
    _exit(127);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR)
      die("waitpid: %s", strerror(errno));
  if (WIFEXITED(st))
    return WEXITSTATUS(st);
  return 128 + WTERMSIG(st);
}

/* The build (or install) layout: <prefix>/bin/sfi-cc, <prefix>/lib/... */
static char prefix[PATH_MAX];

static void find_prefix(void) {
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0)
    die("cannot find myself: %s", strerror(errno));
  self[n] = 0;
  char *slash = strrchr(self, '/');
  *slash = 0;
  slash = strrchr(self, '/');
  if (slash)
    *slash = 0;
  snprintf(prefix, sizeof prefix, "%s", self);
}

/* The loader's binary verifier on the linked module (sfi-verify, next to
 * sfi-cc): a module the runtime would refuse is an error here, and is
 * removed, instead of a surprise at load time. */
static int verify_output(const char *path) {
  struct argv_buf v = {0};
  push(&v, fmt("%s/bin/sfi-verify", prefix));
  push(&v, "-q");
  push(&v, path);
  if (access(v.v[0], X_OK) != 0)
    die("missing %s (build the project first: cmake --build build)", v.v[0]);
  if (run(&v) == 0)
    return 0;
  fprintf(stderr, "sfi-cc: error: %s: the linked module fails the loader's "
                  "verifier (above); removed\n", path);
  unlink(path);
  return 1;
}

/* Appends the whole of file `from` to o; 0 on success. */
static int append_file(FILE *o, const char *from) {
  FILE *in = fopen(from, "rb");
  char buf[65536];
  size_t got;
  int ok = in != NULL;
  while (ok && (got = fread(buf, 1, sizeof buf, in)) > 0)
    ok = fwrite(buf, 1, got, o) == got;
  ok = ok && !ferror(in);
  if (in)
    fclose(in);
  return ok ? 0 : -1;
}

/* A program (not -shared, output not named *.so) runs directly: the file
 * becomes a copy of sfi-run (an ELF executable), zero padding, the module
 * and a trailer naming the module's offset and size (SFI_PROG_MAGIC,
 * sfi_abi.h). sfi-run finds the trailer in its own file and runs the module
 * as `sfi-run --exe` would; the loader and sfi-verify read the module
 * through the trailer. */
static int make_runnable(const char *path) {
  const char *launcher = fmt("%s/bin/sfi-run", prefix);
  struct stat ls, ms;
  if (stat(launcher, &ls) != 0)
    die("missing %s (build the project first: cmake --build build)",
        launcher);
  if (stat(path, &ms) != 0)
    die("%s: the linked module is gone: %s", path, strerror(errno));
  char *tmp = fmt("%s.sfi-cc.tmp", path);
  FILE *o = fopen(tmp, "wb");
  uint64_t off = ((uint64_t)ls.st_size + SFI_PROG_ALIGN - 1) /
                 SFI_PROG_ALIGN * SFI_PROG_ALIGN;
  uint64_t len = (uint64_t)ms.st_size;
  uint8_t tr[SFI_PROG_TRAILER_SIZE];
  memcpy(tr, SFI_PROG_MAGIC, 8);
  memcpy(tr + 8, &off, 8);
  memcpy(tr + 16, &len, 8);
  static const uint8_t zeros[SFI_PROG_ALIGN];
  int ok = o && append_file(o, launcher) == 0 &&
           fwrite(zeros, 1, (size_t)(off - (uint64_t)ls.st_size), o) ==
               (size_t)(off - (uint64_t)ls.st_size) &&
           append_file(o, path) == 0 && fwrite(tr, 1, sizeof tr, o) == sizeof tr;
  if (o && fclose(o) != 0)
    ok = 0;
  struct stat ts;
  ok = ok && stat(tmp, &ts) == 0 &&
       (uint64_t)ts.st_size == off + len + sizeof tr; /* nothing changed */
  if (!ok || chmod(tmp, 0755) != 0 || rename(tmp, path) != 0) {
    fprintf(stderr, "sfi-cc: error: %s: cannot write the program: %s\n", path,
            strerror(errno));
    unlink(tmp);
    unlink(path);
    return 1;
  }
  return 0;
}

static const char *libpath(const char *name) {
  char *p = fmt("%s/lib/%s", prefix, name);
  if (access(p, R_OK) != 0)
    die("missing %s (build the project first: cmake --build build)", p);
  return p;
}

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

static int is_source(const char *s) {
  return has_suffix(s, ".c") || has_suffix(s, ".i");
}

static int contains(const struct argv_buf *a, const char *s) {
  for (int i = 0; i < a->n; i++)
    if (!strcmp(a->v[i], s))
      return 1;
  return 0;
}

static void refuse(const char *arg, const char *why) {
  die("'%s' is not supported for sandboxed code: %s", arg, why);
}

/* -Wl,a,b,c: every option must be on the linker allowlist (ccrefuse.c);
 * the tokens go to the link after the objects, so a stray file name or
 * script would be linked unchecked. */
static void push_ldflags(struct argv_buf *ldflags, const char *arg) {
  struct argv_buf toks = {0};
  char *copy = strdup(arg + 4), *save = NULL;
  for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
    push(&toks, t);
  free(copy);
  for (int i = 0; i < toks.n;) {
    int used;
    const char *why = sfi_refused_ldflag(toks.v[i], toks.v[i + 1], &used);
    if (why)
      die("'%s' is not supported for sandboxed code: linker option '%s%s%s': "
          "%s", arg, toks.v[i], used == 2 && toks.v[i + 1] ? " " : "",
          used == 2 && toks.v[i + 1] ? toks.v[i + 1] : "", why);
    for (int k = 0; k < used; k++)
      push(ldflags, toks.v[i + k]);
    i += used;
  }
}

/* Options whose value is the next argument (not an input file). */
static int takes_value(const char *a) {
  static const char *const v[] = {
      "-I",       "-D",         "-U",          "-include",   "-MF",
      "-MT",      "-MQ",        "-isystem",    "-iquote",    "-idirafter",
      "-imacros", "-isysroot",  "-iprefix",    "-iwithprefix",
      "-iwithprefixbefore",     "-isystem-after",            "-ivfsoverlay",
      "-MJ",      "-dependency-file",          "-serialize-diagnostics",
      "--param"};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++)
    if (!strcmp(a, v[i]))
      return 1;
  return 0;
}

/* The language of -x LANG / -xLANG / --language[=]LANG, or NULL. */
static const char *language_of(const char *a, const char *next) {
  if (!strcmp(a, "-x") || !strcmp(a, "--language"))
    return next;
  if (!strncmp(a, "--language=", 11))
    return a + 11;
  if (!strncmp(a, "-x", 2))
    return a + 2;
  return NULL;
}

/* Flags that only matter at link time, or that clang would warn about when
 * it is only compiling. */
static int is_link_flag(const char *a) {
  return !strncmp(a, "-l", 2) || !strncmp(a, "-L", 2) ||
         !strncmp(a, "-Wl,", 4) || !strcmp(a, "-shared") ||
         !strcmp(a, "-static") || !strcmp(a, "-pie") ||
         !strcmp(a, "-no-pie") || !strcmp(a, "-rdynamic") ||
         !strcmp(a, "-pthread") || !strcmp(a, "-s");
}

static void usage(void) {
  printf(
      "usage: sfi-cc [clang options] [sfi-cc options] file... [-o out]\n"
      "Compiles C with the libsfi pass against the sandbox libc and links\n"
      "sandbox modules (an ELF shared object for the libsfi runtime):\n"
      "  sfi-cc -O2 -c a.c -o a.o           compile\n"
      "  sfi-cc a.o b.o -o prog.so           link a program (has main)\n"
      "  sfi-cc -shared x.c -o lib.so        link a library module\n"
      "sfi-cc options:\n"
      "  -fsfi-mode=full|stores   confine loads and stores, or stores only\n"
      "  -fsfi-scheme=gs|anchor   accepted; gs is the only scheme\n"
      "  -f[no-]sfi-verify        the IR verifier after the pass (default on)\n"
      "  -fsfi-import=NAME[,NAME...]\n"
      "                           declare host imports: functions the host\n"
      "                           grants the module (sfi_module_load's\n"
      "                           imports); may be repeated\n"
      "  -fsfi-imports=FILE       the same, one name per line ('#' comments)\n"
      "Linking fails, naming the symbol, when the module would have an\n"
      "undefined symbol that is not in the sandbox libc, not a system-\n"
      "interface or libm binding of the runtime (__sfi_sys_*, __sfi_libm_*)\n"
      "and not a declared import, as clang fails on an undefined symbol.\n"
      "Arguments that would skip or undo the pass are refused (README.md).\n");
}

/* -fsfi-import=a,b,c */
static void add_imports(struct argv_buf *imports, const char *list) {
  char *copy = strdup(list), *save = NULL;
  for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
    push(imports, t);
  free(copy);
}

/* -fsfi-imports=FILE: one name per line; blank lines and '#' comments. */
static void read_imports(struct argv_buf *imports, const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    die("-fsfi-imports: cannot read %s: %s", path, strerror(errno));
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char *p = line, *e;
    if ((e = strchr(p, '#')))
      *e = 0;
    while (*p == ' ' || *p == '\t')
      p++;
    e = p + strlen(p);
    while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' ||
                     e[-1] == '\t'))
      *--e = 0;
    if (*p)
      push(imports, p);
  }
  fclose(f);
}

struct undef_state {
  const struct argv_buf *imports;
  struct argv_buf bad;
};

static void on_undefined(const char *name, void *arg) {
  struct undef_state *st = arg;
  if (sfi_builtin_import(name) || contains(st->imports, name) ||
      contains(&st->bad, name))
    return;
  push(&st->bad, name);
}

/* Every undefined symbol of the linked module must be bound by the loader
 * itself (system interface, libm) or be a declared host import; anything
 * else is a link error naming it, the way clang reports an undefined
 * symbol, instead of a module that fails to load. */
/* Every archive a sandboxed library's sidecar names carries the marker,
 * as any input must (the verifier checks the linked module in any case). */
static int check_archive(const char *archive, void *mode) {
  char why[512];
  if (sfi_check_object(archive, mode, 0, why, sizeof why) == 0)
    return 0;
  fprintf(stderr, "sfi-cc: error: %s: %s\n", archive, why);
  return 1;
}

static int check_sidecar(const char *script, const char *mode) {
  int rc = sfi_sidecar_archives(script, check_archive, (void *)mode);
  if (rc < 0)
    fprintf(stderr, "sfi-cc: error: %s: not a library sidecar as sfi-cc "
                    "writes it, or it names something that is not a regular "
                    "file\n", script);
  return rc != 0;
}

static int check_imports(const char *path, const struct argv_buf *imports,
                         const struct argv_buf *objs,
                         const struct argv_buf *temps,
                         const struct argv_buf *sources) {
  struct undef_state st = {imports, {0}};
  if (sfi_undefined_symbols(path, on_undefined, &st) != 0) {
    fprintf(stderr, "sfi-cc: error: %s: cannot read the linked module\n",
            path);
    unlink(path);
    return 1;
  }
  if (!st.bad.n)
    return 0;
  for (int i = 0; i < st.bad.n; i++) {
    fprintf(stderr, "sfi-cc: error: undefined symbol: %s\n", st.bad.v[i]);
    for (int j = 0; j < objs->n; j++) {
      if (!sfi_object_references(objs->v[j], st.bad.v[i]))
        continue;
      /* A temporary object stands for its source file. */
      const char *shown = objs->v[j];
      for (int k = 0; k < temps->n; k++)
        if (!strcmp(temps->v[k], objs->v[j]))
          shown = sources->v[k];
      fprintf(stderr, ">>> referenced by %s\n", shown);
    }
  }
  fprintf(stderr,
          "sfi-cc: error: linker command failed: %d undefined symbol%s, not "
          "in the sandbox libc nor the system interface (declare host "
          "imports with -fsfi-import=NAME or -fsfi-imports=FILE)\n",
          st.bad.n, st.bad.n == 1 ? "" : "s");
  unlink(path);
  return 1;
}

/* The command line, sorted. */
struct options {
  const char *mode, *scheme;
  /* marked: a module exports only what its author marks (SFI_EXPORT from
   * <sfi_export.h>, or visibility("default")): compiles get
   * -fvisibility=hidden (before the user's flags, which may override it)
   * and links hide the sandbox libc archive's symbols. all: every global
   * symbol is exported (the behaviour before 2.1). */
  const char *exports;
  const char *out, *lang;
  /* verify: the IR verifier re-checks every object the pass produced: a
   * bug in the pass fails the build instead of shipping an escape. */
  int compile_only, shared, preprocess, verify, saw_x;
  struct argv_buf cflags, inputs, libs, ldflags, libdirs, imports;
};

/* -fsfi-*: sets *o; dies on an unknown one or a bad value. */
static void sfi_option(struct options *o, const char *a) {
  if (!strncmp(a, "-fsfi-mode=", 11)) {
    o->mode = a + 11;
    if (strcmp(o->mode, "full") && strcmp(o->mode, "stores"))
      die("-fsfi-mode must be 'full' or 'stores', not '%s'", o->mode);
  } else if (!strncmp(a, "-fsfi-scheme=", 13)) {
    o->scheme = a + 13;
    if (strcmp(o->scheme, "gs") && strcmp(o->scheme, "anchor"))
      die("-fsfi-scheme must be 'gs' or 'anchor', not '%s'", o->scheme);
  } else if (!strncmp(a, "-fsfi-exports=", 14)) {
    o->exports = a + 14;
    if (strcmp(o->exports, "marked") && strcmp(o->exports, "all"))
      die("-fsfi-exports must be 'marked' or 'all', not '%s'", o->exports);
  } else if (!strcmp(a, "-fsfi-verify")) {
    o->verify = 1;
  } else if (!strcmp(a, "-fno-sfi-verify")) {
    o->verify = 0;
  } else if (!strncmp(a, "-fsfi-import=", 13)) {
    add_imports(&o->imports, a + 13);
  } else if (!strncmp(a, "-fsfi-imports=", 14)) {
    read_imports(&o->imports, a + 14);
  } else {
    die("unknown option '%s' (known: -fsfi-mode=full|stores, "
        "-fsfi-scheme=gs|anchor, -fsfi-exports=marked|all, "
        "-f[no-]sfi-verify, -fsfi-import=NAME, -fsfi-imports=FILE)", a);
  }
}

/* -Wl,... at argv[i]: adjacent -Wl, arguments are adjacent on the linker's
 * command line, so an option's value may come in the next one
 * ("-Wl,-soname -Wl,libgif.so.7", as giflib's Makefile writes). Returns
 * the index of the last one taken. */
static int wl_option(struct options *o, int argc, char **argv, int i) {
  const char *a = argv[i];
  size_t len = strlen(a) + 1;
  int j = i + 1;
  for (; j < argc && !strncmp(argv[j], "-Wl,", 4); j++)
    len += strlen(argv[j]) - 3;
  char *joined = malloc(len);
  if (!joined)
    die("out of memory");
  strcpy(joined, a);
  for (int k = i + 1; k < j; k++) {
    strcat(joined, ",");
    strcat(joined, argv[k] + 4);
  }
  push_ldflags(&o->ldflags, joined);
  return j - 1;
}

/* -x LANG, --language LANG, -xLANG, --language=LANG at argv[i]: clang gets
 * every input after every option, so the last -x applies to all inputs.
 * Returns the index of the last argument taken. */
static int language_option(struct options *o, int argc, char **argv, int i) {
  const char *a = argv[i];
  o->lang = language_of(a, i + 1 < argc ? argv[i + 1] : NULL);
  if (!o->lang)
    die("missing language after '%s'", a);
  if (sfi_refused_language(o->lang))
    refuse(o->lang == argv[i + 1] ? fmt("%s %s", a, o->lang) : a,
           sfi_refused_language(o->lang));
  push(&o->cflags, a);
  if (!strcmp(a, "-x") || !strcmp(a, "--language"))
    push(&o->cflags, argv[++i]);
  o->saw_x = strcmp(o->lang, "none") != 0;
  return i;
}

/* -l NAME / -lNAME and -L DIR / -LDIR at argv[i]; returns the index of the
 * last argument taken. */
static int lib_option(struct options *o, int argc, char **argv, int i) {
  const char *a = argv[i];
  const char *v = a[2] ? a + 2 : (++i < argc ? argv[i] : NULL);
  if (a[1] == 'L') {
    if (!v)
      die("missing directory after '-L'");
    push(&o->libdirs, v);
    return i;
  }
  if (!v)
    die("missing library name after '-l'");
  /* libm, libc, libpthread, libdl, librt: all in the sandbox libc. */
  if (strcmp(v, "m") && strcmp(v, "c") && strcmp(v, "pthread") &&
      strcmp(v, "dl") && strcmp(v, "rt"))
    push(&o->libs, v);
  return i;
}

/* Sorts the command line into *o; dies on what sfi-cc refuses. Returns 1
 * when it has answered already (--help). */
static int parse_args(struct options *o, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-help")) {
      usage();
      return 1;
    } else if (!strncmp(a, "-fsfi", 5) || !strcmp(a, "-fno-sfi-verify")) {
      sfi_option(o, a);
    } else if (a[0] == '-' && sfi_refused_flag(a)) {
      refuse(a, sfi_refused_flag(a));
    } else if (!strncmp(a, "-fcf-protection", 15)) {
      /* Debian's default flags have -fcf-protection; sfi-cc always builds
       * with =none: the jump table confines indirect calls, and CET's
       * endbr/notrack forms are not part of the checked code shape. */
    } else if (!strcmp(a, "-v")) {
      verbose = 1;
    } else if (!strcmp(a, "-c") || !strcmp(a, "-S")) {
      o->compile_only = 1;
      push(&o->cflags, a);
    } else if (!strcmp(a, "-E") || !strcmp(a, "-M") || !strcmp(a, "-MM")) {
      o->preprocess = 1;
      push(&o->cflags, a);
    } else if (!strcmp(a, "-o")) {
      if (++i >= argc)
        die("missing file name after '-o'");
      o->out = argv[i];
    } else if (!strcmp(a, "-shared")) {
      o->shared = 1;
    } else if (!strncmp(a, "-l", 2) || !strncmp(a, "-L", 2)) {
      i = lib_option(o, argc, argv, i);
    } else if (!strncmp(a, "-Wl,", 4)) {
      i = wl_option(o, argc, argv, i);
    } else if (is_link_flag(a)) {
      /* -static/-pie/-rdynamic/-pthread: a module is always one thing. */
    } else if (language_of(a, i + 1 < argc ? argv[i + 1] : NULL) ||
               !strcmp(a, "-x") || !strcmp(a, "--language")) {
      i = language_option(o, argc, argv, i);
    } else if (takes_value(a)) {
      if (++i >= argc)
        die("missing argument after '%s'", a);
      push(&o->cflags, a);
      push(&o->cflags, argv[i]);
    } else if (a[0] == '-' && a[1]) {
      /* The crt and the sandbox libc are always linked. */
      if (!strcmp(a, "-nostdlib") || !strcmp(a, "-nostartfiles") ||
          !strcmp(a, "-nodefaultlibs") || !strcmp(a, "-nolibc"))
        continue;
      push(&o->cflags, a);
    } else {
      push(&o->inputs, a);
    }
  }
  /* Without -x, clang picks the language by suffix: only C. Preprocessing
   * alone produces no code. */
  for (int i = 0;
       i < o->inputs.n && !o->saw_x && !(o->preprocess && !o->compile_only);
       i++)
    if (sfi_refused_input(o->inputs.v[i]))
      refuse(o->inputs.v[i], sfi_refused_input(o->inputs.v[i]));
  if (o->inputs.n == 0 && o->cflags.n == 0)
    die("no input files (usage: sfi-cc [clang options] file... [-o out])");
  /* No inputs but options: e.g. sfi-cc --version: let clang answer. */
  return 0;
}

/* clang with the sandbox's headers, safety flags and pass, then the
 * user's flags. */
static void clang_command(const struct options *o, const char *plugin,
                          struct argv_buf *cc) {
  push(cc, SFI_CLANG);
  push(cc, "--no-default-config");
  push(cc, "-nostdinc");
  push(cc, "-isystem" SFI_CLANG_INCLUDE);
  push(cc, "-isystem" SFI_LIBC_INCLUDE);
  push(cc, "-isystem" SFI_MUSL_INCLUDE);
  /* The safety flags, one list shared with CMake and the demo. */
#define SFI_CFLAG(flag) push(cc, flag);
#include "sfi_cflags.def"
#undef SFI_CFLAG
  if (!strcmp(o->exports, "marked"))
    push(cc, "-fvisibility=hidden");
  push(cc, fmt("-fplugin=%s", plugin));
  push(cc, fmt("-fpass-plugin=%s", plugin));
  push(cc, "-mllvm");
  push(cc, fmt("-sfi-mode=%s", o->mode));
  push(cc, "-mllvm");
  push(cc, fmt("-sfi-scheme=%s", o->scheme));
  if (o->verify) {
    push(cc, "-mllvm");
    push(cc, "-sfi-verify");
  }
  for (int i = 0; i < o->cflags.n; i++)
    push(cc, o->cflags.v[i]);
}

static void unlink_all(const struct argv_buf *temps) {
  for (int j = 0; j < temps->n; j++)
    unlink(temps->v[j]);
}

/* Compiles each source to a temporary object (named in temps, its source
 * in temp_src); objs gets those and the object inputs, in order. Returns
 * clang's status (temporaries removed) if a compile fails. */
static int compile_sources(const struct options *o, const struct argv_buf *cc,
                           struct argv_buf *objs, struct argv_buf *temps,
                           struct argv_buf *temp_src) {
  for (int i = 0; i < o->inputs.n; i++) {
    const char *in = o->inputs.v[i];
    if (!is_source(in) && !o->saw_x) {
      push(objs, in);
      continue;
    }
    char tmpl[] = "/tmp/sfi-cc-XXXXXX.o";
    int fd = mkstemps(tmpl, 2);
    if (fd < 0)
      die("cannot create a temporary file: %s", strerror(errno));
    close(fd);
    push(temps, tmpl);
    push(temp_src, in);
    struct argv_buf one = {0};
    for (int j = 0; j < cc->n; j++)
      push(&one, cc->v[j]);
    push(&one, "-c");
    push(&one, in);
    push(&one, "-o");
    push(&one, tmpl);
    int rc = run(&one);
    if (rc) {
      unlink_all(temps);
      return rc;
    }
    push(objs, tmpl);
  }
  return 0;
}

/* Every object must carry the pass's marker (bitcode only if it is one of
 * our own temporaries); a shared library sfi-cc linked is replaced by its
 * sidecar script, whose archives are checked the same way; each -l library
 * is lib<name>.a (or such a lib<name>.so) in a -L directory, checked and
 * added to libfiles. Returns 1 after printing every problem. */
static int check_inputs(const struct options *o, struct argv_buf *objs,
                        const struct argv_buf *temps,
                        struct argv_buf *libfiles) {
  int bad = 0;
  for (int i = 0; i < objs->n; i++) {
    char why[512];
    int own = contains(temps, objs->v[i]);
    /* A library sfi-cc linked with -shared: its objects link in instead. */
    char *lib_archive, *script = sfi_sidecar_of(objs->v[i], &lib_archive);
    if (script) {
      objs->v[i] = script;
      bad |= check_sidecar(script, o->mode);
      continue;
    }
    if (sfi_check_object(objs->v[i], o->mode, own, why, sizeof why) != 0) {
      fprintf(stderr, "sfi-cc: error: %s: %s\n", objs->v[i], why);
      bad = 1;
    }
  }
  for (int i = 0; i < o->libs.n && !bad; i++) {
    const char *found = NULL;
    for (int j = 0; j < o->libdirs.n && !found; j++) {
      char *p = fmt("%s/lib%s.a", o->libdirs.v[j], o->libs.v[i]);
      if (access(p, R_OK) == 0)
        found = p;
    }
    for (int j = 0; j < o->libdirs.n && !found; j++) {
      char *lib_archive, *script = sfi_sidecar_of(
                             fmt("%s/lib%s.so", o->libdirs.v[j], o->libs.v[i]),
                             &lib_archive);
      if (script) {
        push(libfiles, script);
        bad |= check_sidecar(script, o->mode);
        found = "";
      }
    }
    if (found && !*found)
      continue; /* a sandboxed shared library: its linker script */
    if (!found) {
      fprintf(stderr,
              "sfi-cc: error: cannot find sandboxed library -l%s (looked for "
              "lib%s.a, or lib%s.so built by sfi-cc -shared, in the -L "
              "directories)\n",
              o->libs.v[i], o->libs.v[i], o->libs.v[i]);
      bad = 1;
      continue;
    }
    char why[512];
    if (sfi_check_object(found, o->mode, 0, why, sizeof why) != 0) {
      fprintf(stderr, "sfi-cc: error: %s: %s\n", found, why);
      bad = 1;
    }
    push(libfiles, found);
  }
  return bad;
}

/* ld.lld with the module layout: crt, runtime entries, program entry (not
 * for -shared), the objects, libraries, user link flags, the libc. */
static void link_command(const struct options *o, const char *plugin,
                         const struct argv_buf *objs,
                         const struct argv_buf *libfiles, const char *out,
                         struct argv_buf *ld) {
  push(ld, SFI_LLD);
  const char *std[] = {"-shared", "-z", "now", "-z", "relro", "-z",
                       "noexecstack", "-z", "text", "-z", "nostart-stop-gc",
                       "-Bsymbolic",
                       "--hash-style=both", "--build-id=none", "-u", "malloc",
                       "-u", "free", "-u", "calloc", "-u", "realloc",
                       "-u", "fflush"};
  for (size_t i = 0; i < sizeof std / sizeof *std; i++)
    push(ld, std[i]);
  /* LTO objects: lld runs the link-time optimizer; the plugin's verifier
   * then checks the merged module. */
  push(ld, fmt("--load-pass-plugin=%s", plugin));
  push(ld, "-T");
  push(ld, libpath("sfi.ld"));
  push(ld, "-o");
  push(ld, out);
  if (!strcmp(o->exports, "marked"))
    push(ld, "--exclude-libs=libsfic.a,libsfic-stores.a");
  push(ld, libpath("sfi_crt.o"));
  /* The runtime's private entries (__sfi_rt_malloc, ...), in every module. */
  push(ld, libpath("sfi_rtentry.o"));
  if (!o->shared)
    push(ld, libpath("sfi_start.o"));
  for (int i = 0; i < objs->n; i++)
    push(ld, objs->v[i]);
  for (int i = 0; i < libfiles->n; i++)
    push(ld, libfiles->v[i]);
  for (int i = 0; i < o->ldflags.n; i++)
    push(ld, o->ldflags.v[i]);
  /* The libc in the link's mode: a full-mode libc would work in a
   * stores-only module too, only slower. */
  push(ld, libpath(strcmp(o->mode, "stores") ? "libsfic.a"
                                             : "libsfic-stores.a"));
}

int main(int argc, char **argv) {
  sfi_scrub_environment();
  find_prefix();
  char rsp_why[512];
  if (sfi_expand_response_files(&argc, &argv, rsp_why, sizeof rsp_why))
    die("%s", rsp_why);
  struct options o = {.mode = "full",
                      .scheme = "gs",
                      .exports = "marked",
                      .verify = 1};
  if (parse_args(&o, argc, argv))
    return 0;

  const char *plugin = libpath("libsfi.so");
  struct argv_buf cc = {0};
  clang_command(&o, plugin, &cc);
  if (o.compile_only || o.preprocess || o.inputs.n == 0) {
    if (o.out) {
      push(&cc, "-o");
      push(&cc, o.out);
    }
    for (int i = 0; i < o.inputs.n; i++)
      push(&cc, o.inputs.v[i]);
    return run(&cc);
  }

  /* Compile sources to temporary objects, check everything, then link. */
  struct argv_buf objs = {0}, temps = {0}, temp_src = {0}, libfiles = {0};
  int rc = compile_sources(&o, &cc, &objs, &temps, &temp_src);
  if (rc)
    return rc;
  if (check_inputs(&o, &objs, &temps, &libfiles)) {
    unlink_all(&temps);
    return 1;
  }
  const char *out = o.out ? o.out : "a.out";
  struct argv_buf ld = {0};
  link_command(&o, plugin, &objs, &libfiles, out, &ld);
  rc = run(&ld);
  if (rc == 0)
    rc = check_imports(out, &o.imports, &objs, &temps, &temp_src);
  if (rc == 0 && o.shared) {
    /* What a program that links this library gets instead of it. */
    for (int i = 0; i < libfiles.n; i++)
      push(&objs, libfiles.v[i]);
    rc = sfi_sidecar_write(out, SFI_LLVM_AR, objs.v, objs.n);
  }
  unlink_all(&temps);
  if (rc == 0)
    rc = verify_output(out);
  if (rc == 0 && !o.shared && !has_suffix(out, ".so"))
    rc = make_runnable(out);
  return rc;
}
