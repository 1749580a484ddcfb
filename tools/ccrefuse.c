/* ccrefuse.c: the arguments, inputs and linker options sfi-cc refuses.
 * Whoever writes the build writes sfi-cc's command line, so every way to
 * skip or undo the pass, feed in IR or assembly, or change the link is
 * refused here, before anything runs; the README's refusal table says why. */
#define _GNU_SOURCE
#include "ccrefuse.h"

#include <stdlib.h>
#include <string.h>

static const char W_PASSTHRU[] =
    "it hands arguments to clang's front end, assembler or linker past "
    "sfi-cc's checks";
static const char W_MLLVM[] =
    "it sets LLVM's internal options past sfi-cc (sfi-cc's own are "
    "-fsfi-mode=, -fsfi-scheme= and -f[no-]sfi-verify)";
static const char W_PLUGIN[] =
    "it loads a compiler plugin (sfi-cc loads libsfi itself)";
static const char W_TOOLS[] =
    "it makes clang run other programs or read other configuration "
    "(assembler, linker, config files)";
static const char W_STAGES[] =
    "it splits compilation into steps that leave the IR or assembly on disk "
    "between the pass and code generation";
static const char W_IR[] =
    "it lets LLVM IR out of the compiler, and sfi-cc accepts no IR back "
    "(use -flto, compiling and linking in one sfi-cc command)";
static const char W_INSTR[] =
    "its instrumentation would access host memory or the native stack "
    "(sanitize the host or a native build instead)";
static const char W_TARGET[] =
    "sandboxed modules are x86-64 Linux code only";
static const char W_THIN[] =
    "after a ThinLTO link the IR verifier never runs (use -flto or "
    "-flto=full)";
static const char W_FAT[] =
    "the object's machine code comes from IR optimized again after the pass, "
    "which the IR verifier does not see";
static const char W_STACK[] =
    "split stacks compare %rsp with a limit in the host's %fs block";
static const char W_SHAPE[] =
    "it changes the form of returns, indirect branches, calls or addresses "
    "in the machine code away from the shape the verifier checks (sfi-cc "
    "sets its own PIC, PLT and interposition flags: include/sfi_cflags.def)";
static const char W_WA[] =
    "it passes options to the assembler (allowed: -Wa,--noexecstack)";
static const char W_WP[] =
    "-Wp, hands options straight to clang's front end (allowed: -Wp,-D..., "
    "-Wp,-U..., -Wp,-MD,FILE, -Wp,-MMD,FILE)";

struct rule {
  const char *name;
  int prefix; /* 1: any argument starting with name */
  const char *why;
};

static const struct rule flag_rules[] = {
    {"-X", 1, W_PASSTHRU}, /* -Xclang, -Xlinker, -Xassembler, ... */
    {"-mllvm", 1, W_MLLVM},
    {"-fplugin", 1, W_PLUGIN},
    {"-fpass-plugin", 1, W_PLUGIN},
    {"-fno-integrated-as", 0, W_TOOLS},
    {"-no-integrated-as", 0, W_TOOLS},
    {"-B", 1, W_TOOLS},
    {"--prefix", 1, W_TOOLS},
    {"-ccc-", 1, W_TOOLS},
    {"--config", 1, W_TOOLS},
    {"-cc1", 1, W_TOOLS},
    {"--gcc-toolchain", 1, W_TOOLS},
    {"--gcc-install-dir", 1, W_TOOLS},
    {"-fuse-ld", 1, W_TOOLS},
    {"--ld-path", 1, W_TOOLS},
    {"--driver-mode", 1, W_TOOLS},
    {"-save-temps", 1, W_STAGES},
    {"--save-temps", 1, W_STAGES},
    {"-fembed-bitcode", 1, W_STAGES},
    {"-emit-llvm", 0, W_IR},
    {"-fthinlto-index", 1, W_IR},
    {"-fthin-link-bitcode", 1, W_IR},
    {"-flto=thin", 0, W_THIN},
    {"-ffat-lto-objects", 0, W_FAT},
    {"-fsanitize", 1, W_INSTR},
    {"-fexperimental-sanitize", 1, W_INSTR},
    {"-fmemory-profile", 1, W_INSTR},
    {"-fxray", 1, W_INSTR},
    {"-fprofile-instr-generate", 1, W_INSTR},
    {"-fprofile-generate", 1, W_INSTR},
    {"-fcs-profile-generate", 1, W_INSTR},
    {"-fprofile-arcs", 0, W_INSTR},
    {"--coverage", 0, W_INSTR},
    {"-finstrument-function", 1, W_INSTR},
    {"-pg", 0, W_INSTR},
    {"-mfentry", 0, W_INSTR},
    {"-fsplit-stack", 0, W_STACK},
    {"-mretpoline", 1, W_SHAPE},
    {"-mlvi-", 1, W_SHAPE},
    {"-mspeculative-load-hardening", 0, W_SHAPE},
    {"-mharden-sls", 1, W_SHAPE},
    {"-mseses", 0, W_SHAPE},
    {"-mindirect-branch", 1, W_SHAPE},
    {"-mfunction-return", 1, W_SHAPE},
    {"-mcmodel=large", 0, W_SHAPE},
    {"-mcmodel=kernel", 0, W_SHAPE},
    {"-fplt", 0, W_SHAPE},
    {"-fsemantic-interposition", 0, W_SHAPE},
    {"-fno-pic", 0, W_SHAPE},
    {"-fno-PIC", 0, W_SHAPE},
    {"-fno-pie", 0, W_SHAPE},
    {"-fno-PIE", 0, W_SHAPE},
    {"-target", 0, W_TARGET},
    {"--target", 1, W_TARGET},
    {"-m32", 0, W_TARGET},
    {"-m16", 0, W_TARGET},
    {"-mx32", 0, W_TARGET},
    {"-arch", 0, W_TARGET},
};

static const char *match_rules(const char *a, const struct rule *r, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(r[i].name);
    if (r[i].prefix ? !strncmp(a, r[i].name, len) : !strcmp(a, r[i].name))
      return r[i].why;
  }
  return NULL;
}

/* Each comma-separated value of -Wa, or -Wp, must pass ok(). */
static int all_values(const char *list, int (*ok)(const char *v)) {
  char *copy = strdup(list), *save = NULL;
  int good = copy != NULL;
  for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t && good;
       t = strtok_r(NULL, ",", &save))
    good = ok(t);
  free(copy);
  return good;
}

static int wa_ok(const char *v) { return !strcmp(v, "--noexecstack"); }

static int wp_define_ok(const char *v) {
  return (!strncmp(v, "-D", 2) || !strncmp(v, "-U", 2)) && v[2];
}

/* -Wp,-MD,FILE and -Wp,-MMD,FILE: clang turns them into its own options. */
static int wp_depfile(const char *list) {
  const char *comma = strchr(list, ',');
  if (!comma || strchr(comma + 1, ','))
    return 0;
  size_t n = (size_t)(comma - list);
  return ((n == 3 && !strncmp(list, "-MD", 3)) ||
          (n == 4 && !strncmp(list, "-MMD", 4))) &&
         comma[1];
}

static int lto_mode_ok(const char *a) {
  return !strcmp(a, "-flto") || !strcmp(a, "-flto=full") ||
         !strcmp(a, "-flto=auto") || !strcmp(a, "-flto=jobserver");
}

const char *sfi_refused_flag(const char *a) {
  const char *why =
      match_rules(a, flag_rules, sizeof flag_rules / sizeof *flag_rules);
  if (why)
    return why;
  if (!strncmp(a, "-Wa,", 4))
    return all_values(a + 4, wa_ok) ? NULL : W_WA;
  if (!strncmp(a, "-Wp,", 4))
    return wp_depfile(a + 4) || all_values(a + 4, wp_define_ok) ? NULL : W_WP;
  if (!strncmp(a, "-flto=", 6))
    return lto_mode_ok(a) ? NULL : W_THIN;
  return NULL;
}

const char *sfi_refused_language(const char *lang) {
  static const char *ok[] = {"c", "c-header", "cpp-output", "none"};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
    if (!strcmp(lang, ok[i]))
      return NULL;
  return "sfi-cc compiles C only (-x c, c-header, cpp-output or none): IR "
         "could carry the flag that makes the pass skip a module, and "
         "assembly is raw code";
}

/* Suffixes clang would compile as something other than C. */
static const char *const foreign_suffixes[] = {
    "ll",  "bc",   "s",    "S",     "sx",   "asm",  "cir",  "mlir",
    "cc",  "cp",   "cpp",  "CPP",   "cxx",  "CXX",  "c++",  "C++",
    "C",   "ii",   "cppm", "ccm",   "cxxm", "c++m", "ixx",  "iim",
    "m",   "mi",   "mm",   "mii",   "M",    "cu",   "cui",  "cl",
    "clcpp", "hip", "hipi", "hlsl", "f",    "F",    "for",  "FOR",
    "fpp", "FPP",  "f77",  "F77",   "f90",  "F90",  "f95",  "F95",
    "f03", "F03",  "f08",  "F08",   "hh",   "hpp",  "hxx",  "h++",
    "H",   "HPP",  "pcm",  "pch",   "ast",  "ifs"};

const char *sfi_refused_input(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash + 1 : path, '.');
  if (!dot)
    return NULL;
  for (size_t i = 0; i < sizeof foreign_suffixes / sizeof *foreign_suffixes;
       i++)
    if (!strcmp(dot + 1, foreign_suffixes[i]))
      return !strcmp(dot + 1, "ll") || !strcmp(dot + 1, "bc")
                 ? "LLVM IR input: it could carry the module flag that makes "
                   "the pass skip it"
             : dot[1] == 's' || dot[1] == 'S' || !strcmp(dot + 1, "asm")
                 ? "assembly input: raw code that no pass sees"
                 : "not C: sfi-cc compiles C only";
  return NULL;
}

/* ---- -Wl, options ---------------------------------------------------- */

static const char W_LD[] =
    "sfi-cc links modules itself and passes the linker only options that "
    "cannot add code or change the module's layout (allowed: -soname/-h, "
    "-rpath, -rpath-link, --gc-sections, --no-gc-sections, -O0..-O3, "
    "--as-needed, --no-as-needed, --version-script, -Map, "
    "--strip-all/-s, --strip-debug/-S, --export-dynamic/-E, "
    "--start-group/--end-group, --hash-style=, --build-id[=], --sort-common, "
    "-z relro|now|noexecstack|text|origin|nodelete|nodlopen|"
    "separate-code|noseparate-code)";

static const char *const ld_plain[] = {
    "--gc-sections",   "--no-gc-sections", "-O0",           "-O1",
    "-O2",             "-O3",              "--as-needed",   "--no-as-needed",
    "--strip-all",      "-s",            "--strip-debug",
    "-S",              "--export-dynamic", "-E",            "--start-group",
    "--end-group",     "-(",               "-)",            "--build-id",
    "--no-undefined-version", "--undefined-version", "--fatal-warnings",
    "--eh-frame-hdr",  "--enable-new-dtags", "--disable-new-dtags",
    "--sort-common",   "--warn-common"};

/* Options that take a value, as "opt value", "opt=value" or "optvalue". */
static const char *const ld_valued[] = {
    "-soname", "--soname", "-h", "-rpath", "--rpath", "-rpath-link",
    "--rpath-link", "--version-script", "-Map", "--Map"};

static const char *const z_keywords[] = {
    "relro",  "now",      "noexecstack", "text",
    "origin", "nodelete", "nodlopen",    "separate-code", "noseparate-code",
    "nostart-stop-gc"};

static int in_list(const char *s, const char *const *l, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(s, l[i]))
      return 1;
  return 0;
}

#define IN(s, l) in_list(s, l, sizeof l / sizeof *l)

static const char *z_option(const char *kw) {
  return IN(kw, z_keywords) ? NULL : W_LD;
}

const char *sfi_refused_ldflag(const char *tok, const char *next, int *used) {
  *used = 1;
  if (IN(tok, ld_plain) || !strncmp(tok, "--hash-style=", 13) ||
      !strncmp(tok, "--build-id=", 11))
    return NULL;
  if (!strcmp(tok, "-z")) {
    *used = 2;
    return next ? z_option(next) : W_LD;
  }
  if (!strncmp(tok, "-z", 2))
    return z_option(tok + 2);
  for (size_t i = 0; i < sizeof ld_valued / sizeof *ld_valued; i++) {
    size_t n = strlen(ld_valued[i]);
    if (strncmp(tok, ld_valued[i], n))
      continue;
    if (!tok[n]) {
      *used = 2;
      return next ? NULL : W_LD;
    }
    /* -hNAME is -h NAME; for the long ones only "=value". */
    if (tok[n] == '=' || (n == 2 && tok[1] == 'h'))
      return NULL;
  }
  return W_LD;
}

/* ---- environment ------------------------------------------------------ */

void sfi_scrub_environment(void) {
  static const char *vars[] = {"CCC_OVERRIDE_OPTIONS", "COMPILER_PATH",
                               "GCC_EXEC_PREFIX", "CLANG_CONFIG_FILE"};
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    unsetenv(vars[i]);
}
