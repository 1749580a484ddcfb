/* sfi-run: runs a sandboxed program's main (a module built by sfi-cc) with
 * granted directories, environment and limits, and exits with its status.
 *
 * Exit status: the program's; 124 when the time limit ran out (as
 * timeout(1)); 134 for any other trap (as a host abort), after one line
 * "sfi-run: trap: <kind> at <addr> in <function>" and a backtrace on
 * stderr; 2 for bad flags or a module that cannot be loaded.
 *
 * Programs that sfi-cc linked run directly (`./prog args`): such a program
 * is a copy of this executable with the module appended before a trailer
 * (SFI_PROG_MAGIC, sfi_abi.h). Finding that trailer in its own file, sfi-run
 * runs the module as `sfi-run --exe ./prog args` would, taking its own flags
 * only from SFI_RUN_FLAGS (every argument belongs to the program).
 * --exe grants what a test suite expects: the working directory (relative
 * paths) and a private, initially empty /tmp, removed at exit. Extra flags
 * for every run come from the environment variable SFI_RUN_FLAGS
 * (whitespace-separated, before the command line's own), e.g.
 * SFI_RUN_FLAGS="--dir /data --time-limit 60". */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "sfi.h"
#include "sfi_abi.h"

#define EXIT_USAGE 2
#define EXIT_TRAP 134
#define EXIT_TIMEOUT 124

static void usage(void) {
  fprintf(stderr,
          "usage: sfi-run [--dir HOST[:GUEST]]... [--env K=V|NAME]... "
          "[--inherit-env] [--mem-limit SIZE] [--time-limit SECONDS] [--exe] "
          "[--] module.so [args...]\n"
          "  the sandbox sees no environment variable but those given: "
          "--env NAME passes the host's value, --inherit-env all of them\n"
          "  SIZE takes a K, M or G suffix; a directory granted as --dir D "
          "is seen as D\n"
          "  --exe grants the working directory and a private /tmp (what "
          "programs sfi-cc links get)\n"
          "  SFI_RUN_FLAGS in the environment adds flags before these\n");
}

static int parse_size(const char *s, uint64_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || s[0] == '-')
    return -1;
  uint64_t mul = 1;
  switch (*end) {
  case 'k':
  case 'K':
    mul = 1ULL << 10;
    end++;
    break;
  case 'm':
  case 'M':
    mul = 1ULL << 20;
    end++;
    break;
  case 'g':
  case 'G':
    mul = 1ULL << 30;
    end++;
    break;
  default:
    break;
  }
  if (*end || (v && mul > UINT64_MAX / v))
    return -1;
  *out = v * mul;
  return 0;
}

/* Flag value: "--flag=V" or "--flag V". */
static const char *value(int argc, char **argv, int *i, const char *flag) {
  size_t n = strlen(flag);
  if (strncmp(argv[*i], flag, n) == 0 && argv[*i][n] == '=')
    return argv[*i] + n + 1;
  if (strcmp(argv[*i], flag) == 0) {
    if (*i + 1 >= argc)
      return NULL;
    return argv[++*i];
  }
  return NULL;
}

static int is_flag(const char *a, const char *flag) {
  size_t n = strlen(flag);
  return strncmp(a, flag, n) == 0 && (a[n] == 0 || a[n] == '=');
}

static char private_tmp[4096];

static int rm_entry(const char *p, const struct stat *st, int kind,
                    struct FTW *f) {
  (void)st;
  (void)f;
  return kind == FTW_DP ? rmdir(p) : unlink(p);
}

static void remove_private_tmp(void) {
  if (private_tmp[0])
    nftw(private_tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

extern char **environ;

/* --inherit-env: the host's environment, then the --env entries (which
 * replace a host variable of the same name). Lives until exit. */
static const char **inherited_env(const char **env, int ne) {
  int nh = 0;
  while (environ && environ[nh])
    nh++;
  const char **all = calloc((size_t)(nh + ne) + 1, sizeof *all);
  if (!all)
    return NULL;
  int n = 0;
  for (int h = 0; h < nh; h++) {
    size_t k = strcspn(environ[h], "=");
    int replaced = 0;
    for (int e = 0; e < ne && !replaced; e++)
      replaced = !strncmp(env[e], environ[h], k) && env[e][k] == '=';
    if (!replaced)
      all[n++] = environ[h];
  }
  for (int e = 0; e < ne; e++)
    all[n++] = env[e];
  return all;
}

/* The module file when this executable is a program sfi-cc linked (the
 * module then follows this code in the same file); else NULL and the module
 * is the first argument that is not a flag. */
static const char *self_module;

static int run(int argc, char **argv, const char **dh, const char **dg,
               const char **env) {
  int nd = 0, ne = 0, i, exe = 0, inherit = 0;
  sfi_instance_options o = {0};
  for (i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (a[0] != '-')
      break;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage();
      return 0;
    }
    if (strcmp(a, "--exe") == 0) {
      exe = 1;
    } else if (is_flag(a, "--dir")) {
      if (!(v = value(argc, argv, &i, "--dir")) || !*v)
        goto bad;
      char *d = strdup(v), *c = d ? strchr(d, ':') : NULL;
      if (!d)
        return EXIT_USAGE;
      dh[nd] = d;
      dg[nd++] = c ? c + 1 : d;
      if (c) {
        *c = 0;
        if (!*d || !c[1])
          goto bad;
      }
    } else if (strcmp(a, "--inherit-env") == 0) {
      inherit = 1;
    } else if (is_flag(a, "--env")) {
      if (!(v = value(argc, argv, &i, "--env")) || !*v || v[0] == '=')
        goto bad;
      if (!strchr(v, '=')) { /* --env NAME: the host's value, if it has one */
        const char *hv = getenv(v);
        if (!hv)
          continue;
        char *kv = malloc(strlen(v) + strlen(hv) + 2);
        if (!kv)
          return EXIT_USAGE;
        sprintf(kv, "%s=%s", v, hv);
        v = kv; /* lives until exit */
      }
      env[ne++] = v;
    } else if (is_flag(a, "--mem-limit")) {
      if (!(v = value(argc, argv, &i, "--mem-limit")) ||
          parse_size(v, &o.mem_limit) != 0 || !o.mem_limit)
        goto bad;
    } else if (is_flag(a, "--time-limit")) {
      char *end;
      if (!(v = value(argc, argv, &i, "--time-limit")))
        goto bad;
      o.time_limit = strtod(v, &end);
      if (*end || end == v || !(o.time_limit > 0) || o.time_limit > 1e9)
        goto bad;
    } else {
      fprintf(stderr, "sfi-run: unknown option '%s'\n", a);
      usage();
      return EXIT_USAGE;
    }
  }
  if (i >= argc) {
    fprintf(stderr, "sfi-run: no module given\n");
    usage();
    return EXIT_USAGE;
  }
  if (exe) {
    const char *base = getenv("TMPDIR");
    snprintf(private_tmp, sizeof private_tmp, "%s/sfi-run.XXXXXX",
             base && *base && strlen(base) < 4000 ? base : "/tmp");
    if (!mkdtemp(private_tmp)) {
      fprintf(stderr, "sfi-run: cannot create a private /tmp: %s\n",
              strerror(errno));
      private_tmp[0] = 0;
      return EXIT_USAGE;
    }
    atexit(remove_private_tmp);
    /* the working directory first: relative paths resolve against it */
    memmove(dh + 2, dh, (size_t)nd * sizeof *dh);
    memmove(dg + 2, dg, (size_t)nd * sizeof *dg);
    /* under its own absolute path, so that "../x" can name another grant
     * (runtime/sys/path.c) and getcwd answers as natively */
    static char cwd[PATH_MAX];
    dh[0] = strdup(".");
    dg[0] = getcwd(cwd, sizeof cwd) ? cwd : ".";
    dh[1] = strdup(private_tmp);
    dg[1] = "/tmp";
    nd += 2;
    if (!dh[0] || !dh[1])
      return EXIT_USAGE;
  }
  o.argv = (const char *const *)&argv[i];
  o.envp = env;
  if (inherit && !(o.envp = inherited_env(env, ne)))
    return EXIT_USAGE;
  o.dirs_host = dh;
  o.dirs_guest = dg;
  o.ndirs = nd;
  sfi_module *m =
      sfi_module_load(self_module ? self_module : argv[i], NULL, NULL);
  if (!m) {
    fprintf(stderr, "sfi-run: %s\n", sfi_errmsg());
    return EXIT_USAGE;
  }
  sfi_instance *in = sfi_instance_new(m, &o);
  if (!in) {
    fprintf(stderr, "sfi-run: %s\n", sfi_errmsg());
    sfi_module_free(m);
    return EXIT_USAGE;
  }
  int rc = sfi_run_main(in);
  if (rc < 0) {
    fflush(stdout);
    fprintf(stderr, "sfi-run: %s\n", sfi_errmsg());
    rc = rc == SFI_ERR_NOTFOUND   ? EXIT_USAGE
         : rc == SFI_TRAP_TIMEOUT ? EXIT_TIMEOUT
                                  : EXIT_TRAP;
  }
  sfi_instance_free(in);
  sfi_module_free(m);
  return rc; /* the program's own exit status */
bad:
  fprintf(stderr, "sfi-run: bad value for option '%s'\n", argv[i]);
  usage();
  return EXIT_USAGE;
}

/* argv with SFI_RUN_FLAGS's words inserted after argv[0]. */
static char **with_env_flags(int *argc, char **argv, char *words) {
  char **v = calloc((size_t)*argc + strlen(words) / 2 + 2, sizeof *v);
  if (!v)
    return argv;
  int n = 0;
  v[n++] = argv[0];
  for (char *w = strtok(words, " \t\n"); w; w = strtok(NULL, " \t\n"))
    v[n++] = w;
  for (int i = 1; i < *argc; i++)
    v[n++] = argv[i];
  *argc = n;
  return v;
}

/* Whether this executable's own file ends with a program trailer. */
static int is_program(void) {
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  struct stat st;
  uint8_t tr[SFI_PROG_TRAILER_SIZE];
  int yes = fd >= 0 && fstat(fd, &st) == 0 &&
            (size_t)st.st_size >= sizeof tr &&
            pread(fd, tr, sizeof tr, st.st_size - (off_t)sizeof tr) ==
                (ssize_t)sizeof tr &&
            memcmp(tr, SFI_PROG_MAGIC, 8) == 0;
  if (fd >= 0)
    close(fd);
  return yes;
}

/* argv of a program run directly: argv[0], "--exe", "--", then the
 * program's own argv (its argv[0] as invoked); the module is our own file. */
static char **program_args(int *argc, char **argv) {
  char **v = calloc((size_t)*argc + 4, sizeof *v);
  if (!v)
    return NULL;
  v[0] = argv[0];
  v[1] = "--exe";
  v[2] = "--";
  for (int i = 0; i < *argc; i++)
    v[3 + i] = argv[i];
  *argc += 3;
  /* by its path, which names it in messages; /proc/self/exe if unknown */
  static char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0 && self[0] == '/' && (self[n] = 0, access(self, R_OK) == 0))
    self_module = self;
  else
    self_module = "/proc/self/exe";
  return v;
}

int main(int argc, char **argv) {
  char **prog = NULL;
  if (is_program()) {
    if (!(prog = program_args(&argc, argv)))
      return EXIT_USAGE;
    argv = prog;
  }
  char *words = getenv("SFI_RUN_FLAGS") ? strdup(getenv("SFI_RUN_FLAGS"))
                                        : NULL;
  char **args = words ? with_env_flags(&argc, argv, words) : argv;
  char **orig = argv;
  argv = args;
  /* two more directory slots for --exe */
  const char **dh = calloc((size_t)argc + 2, sizeof *dh);
  const char **dg = calloc((size_t)argc + 2, sizeof *dg);
  const char **env = calloc((size_t)argc + 1, sizeof *env);
  int rc = EXIT_USAGE;
  if (dh && dg && env)
    rc = run(argc, argv, dh, dg, env);
  for (int i = 0; dh && i < argc + 2; i++)
    free((void *)dh[i]);
  free(dh);
  free(dg);
  free(env);
  if (args != orig)
    free(args);
  free(words);
  free(prog);
  return rc;
}
