/* getopt.c: getopt and getopt_long(_only) with glibc's behaviour: options
 * after operands are found by permuting argv (operands end up last), unless
 * optstring starts with '+' or POSIXLY_CORRECT is set; a leading '-' returns
 * operands as option 1. Messages are glibc's. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt, optreset;
static int nextchar;                          /* position inside "-abc" */
static int first_nonopt = 1, last_nonopt = 1; /* skipped operands */

enum { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

static int is_option(const char *a) { return a && a[0] == '-' && a[1]; }

static void reverse(char **v, int i, int j) {
  for (j--; i < j; i++, j--) {
    char *t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

/* Moves the skipped operands [first_nonopt, last_nonopt) after the options
 * that followed them, [last_nonopt, optind). */
static void exchange(char **argv) {
  reverse(argv, first_nonopt, last_nonopt);
  reverse(argv, last_nonopt, optind);
  reverse(argv, first_nonopt, optind);
  first_nonopt += optind - last_nonopt;
  last_nonopt = optind;
}

/* Positions optind on the next option word. Returns 0 when there is one,
 * -1 at the end, 1 for an operand returned in RETURN_IN_ORDER mode. */
static int advance(int argc, char **argv, int ordering) {
  if (optreset || !optind) {
    optreset = 0;
    optind = 1;
    nextchar = 0;
    first_nonopt = last_nonopt = 1;
  }
  if (last_nonopt > optind)
    last_nonopt = optind;
  if (first_nonopt > optind)
    first_nonopt = optind;
  if (ordering == PERMUTE) {
    if (first_nonopt != last_nonopt && last_nonopt != optind)
      exchange(argv);
    else if (last_nonopt != optind)
      first_nonopt = optind;
    while (optind < argc && !is_option(argv[optind]))
      optind++;
    last_nonopt = optind;
  }
  if (optind != argc && !strcmp(argv[optind], "--")) {
    optind++;
    if (first_nonopt != last_nonopt && last_nonopt != optind)
      exchange(argv);
    else if (first_nonopt == last_nonopt)
      first_nonopt = optind;
    last_nonopt = argc;
    optind = argc;
  }
  if (optind == argc) {
    if (first_nonopt != last_nonopt)
      optind = first_nonopt;
    return -1;
  }
  if (!is_option(argv[optind])) {
    if (ordering == REQUIRE_ORDER)
      return -1;
    optarg = argv[optind++];
    return 1;
  }
  return 0;
}

static int ordering_of(const char **opts) {
  if (**opts == '-') {
    ++*opts;
    return RETURN_IN_ORDER;
  }
  if (**opts == '+') {
    ++*opts;
    return REQUIRE_ORDER;
  }
  return getenv("POSIXLY_CORRECT") ? REQUIRE_ORDER : PERMUTE;
}

/* The next short option of argv[optind], nextchar >= 1. */
static int short_opt(int argc, char **argv, const char *opts) {
  int colon = *opts == ':';
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

int getopt(int argc, char *const argv_[], const char *opts) {
  char **argv = (char **)argv_; /* glibc permutes it too */
  optarg = 0;
  int ordering = ordering_of(&opts);
  if (!nextchar) {
    int r = advance(argc, argv, ordering);
    if (r)
      return r;
    nextchar = 1;
  }
  return short_opt(argc, argv, opts);
}

static int long_opt(int argc, char *const argv_[], const char *opts,
                    const struct option *lo, int *idx, int only) {
  char **argv = (char **)argv_;
  optarg = 0;
  int ordering = ordering_of(&opts);
  if (nextchar)
    return short_opt(argc, argv, opts);
  int r = advance(argc, argv, ordering);
  if (r)
    return r;
  if (argv[optind][1] == '-' || only) {
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
  nextchar = 1;
  return short_opt(argc, argv, opts);
}

int getopt_long(int argc, char *const argv[], const char *opts,
                const struct option *lo, int *idx) {
  return long_opt(argc, argv, opts, lo, idx, 0);
}
int getopt_long_only(int argc, char *const argv[], const char *opts,
                     const struct option *lo, int *idx) {
  return long_opt(argc, argv, opts, lo, idx, 1);
}
