/* getopt.c: getopt and getopt_long(_only). POSIX behaviour: scanning
 * stops at the first non-option (glibc would permute it to the end unless
 * POSIXLY_CORRECT is set or optstring starts with '+'). Messages are
 * glibc's. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt, optreset;
static int nextchar; /* position inside a group of short options */

int getopt(int argc, char *const argv[], const char *opts) {
  if (optreset || !optind) {
    optreset = 0;
    optind = 1;
    nextchar = 0;
  }
  optarg = 0;
  if (*opts == '+' || *opts == '-')
    opts++;
  int colon = *opts == ':';
  if (!nextchar) {
    if (optind >= argc || !argv[optind] || argv[optind][0] != '-' ||
        !argv[optind][1])
      return -1;
    if (!strcmp(argv[optind], "--")) {
      optind++;
      return -1;
    }
    nextchar = 1;
  }
  char *arg = argv[optind];
  int c = (unsigned char)arg[nextchar++];
  const char *spec = c == ':' ? 0 : strchr(opts, c);
  if (!arg[nextchar]) {
    optind++;
    nextchar = 0;
  }
  if (!spec) {
    optopt = c;
    if (opterr && !colon)
      fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
    return '?';
  }
  if (spec[1] == ':') {
    if (nextchar) { /* the rest of this word is the argument */
      optarg = arg + nextchar;
      optind++;
      nextchar = 0;
    } else if (spec[2] == ':') {
      optarg = 0; /* optional argument: only attached */
    } else if (optind < argc) {
      optarg = argv[optind++];
    } else {
      optopt = c;
      if (colon)
        return ':';
      if (opterr)
        fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0],
                c);
      return '?';
    }
  }
  return c;
}

static int long_opt(int argc, char *const argv[], const char *opts,
                    const struct option *lo, int *idx, int only) {
  if (optreset || !optind) {
    optreset = 0;
    optind = 1;
    nextchar = 0;
  }
  if (!nextchar && optind < argc && argv[optind] && argv[optind][0] == '-' &&
      (argv[optind][1] == '-' || only) && argv[optind][1] &&
      strcmp(argv[optind], "--")) {
    char *name = argv[optind] + 1 + (argv[optind][1] == '-');
    size_t len = strcspn(name, "=");
    int found = -1, ambiguous = 0;
    for (int i = 0; lo[i].name; i++) {
      if (strncmp(lo[i].name, name, len))
        continue;
      if (strlen(lo[i].name) == len) {
        found = i;
        ambiguous = 0;
        break;
      }
      if (found >= 0)
        ambiguous = 1;
      else
        found = i;
    }
    if (found >= 0 && !ambiguous) {
      const struct option *o = &lo[found];
      optind++;
      optarg = 0;
      if (name[len] == '=') {
        if (o->has_arg == no_argument) {
          if (opterr)
            fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n",
                    argv[0], o->name);
          optopt = o->val;
          return '?';
        }
        optarg = name + len + 1;
      } else if (o->has_arg == required_argument) {
        if (optind >= argc) {
          if (opterr && *opts != ':')
            fprintf(stderr, "%s: option '--%s' requires an argument\n", argv[0],
                    o->name);
          optopt = o->val;
          return *opts == ':' ? ':' : '?';
        }
        optarg = argv[optind++];
      }
      if (idx)
        *idx = found;
      if (o->flag) {
        *o->flag = o->val;
        return 0;
      }
      return o->val;
    }
    if (argv[optind][1] == '-') {
      if (opterr)
        fprintf(stderr, "%s: unrecognized option '%s'\n", argv[0],
                argv[optind]);
      optind++;
      optopt = 0;
      return '?';
    }
  }
  return getopt(argc, argv, opts);
}

int getopt_long(int argc, char *const argv[], const char *opts,
                const struct option *lo, int *idx) {
  return long_opt(argc, argv, opts, lo, idx, 0);
}
int getopt_long_only(int argc, char *const argv[], const char *opts,
                     const struct option *lo, int *idx) {
  return long_opt(argc, argv, opts, lo, idx, 1);
}
