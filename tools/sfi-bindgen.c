/* sfi-bindgen: typed host bindings for a sandboxed library, from its own
 * header (libclang's C API).
 *
 *   sfi-bindgen plugin.h -o plugin_sfi.h [--prefix plugin] [-- clang args]
 *
 * For the header `plugin.h` it writes a header for the host with
 *   - plugin_t, the bindings of one instance: plugin_bind(&b, in) looks
 *     every exported function up once and names the first one missing;
 *   - one wrapper per function the header declares (non-static, in the
 *     header itself, not its includes), with the C types of the prototype:
 *     pointer parameters and results become sfi_sptr (a sandbox address
 *     the host cannot dereference), the signature string is derived from
 *     the prototype (never written by hand), and the call returns the
 *     status (SFI_OK, a trap, ...) with the function's result in *ret:
 *       int plugin_decode(plugin_t *b, sfi_sptr data, int64_t len,
 *                         sfi_sptr *ret);
 *   - for each struct the header defines: a host mirror plugin_S_t with
 *     sfi_sptr in place of pointers, its layout checked against the real
 *     struct with _Static_assert, plugin_S_fetch (one copy of the whole
 *     struct: decide on the copy) and checked per-field get/set;
 *   - for each function-pointer typedef: the host callback type (pointers
 *     as sfi_sptr) and plugin_callback_T(b, fn) (sfi_callback_new with
 *     the derived signature);
 *   - for each function-like macro of the header whose expansion is one
 *     call of a bound function (zlib's deflateInit(strm, level) is
 *     deflateInit_((strm), (level), ZLIB_VERSION, (int)sizeof(z_stream))):
 *     a wrapper plugin_M(b, params..., ret) with the status and result of
 *     that call. The rule: the body is F(arg, ...), optionally in
 *     parentheses, with F a function this header declares and binds; every
 *     macro parameter is used exactly once, as a whole argument (possibly
 *     parenthesized), and takes the type of F's parameter there; every
 *     other argument is a constant expression the host evaluates with the
 *     header's own definitions (sizeof, casts, object-like macros): for a
 *     scalar parameter it is converted to the parameter's type, for a
 *     pointer parameter it must be a string literal (a compile error
 *     otherwise), which the wrapper copies into sandbox memory (sfi_alloc:
 *     a trap in the sandbox's malloc is the wrapper's status) for the
 *     duration of the call. Anything else (#, ##, varargs, a
 *     parameter inside an expression or used twice, a pointer argument
 *     that is no string literal, a name that is also a function) is
 *     listed in a comment as not bound (not an error under --strict:
 *     most function-like macros are helpers, not calls).
 * What cannot be bound (varargs, structs or long double by value, unions,
 * bit-fields) is listed in a comment and left out; --strict makes it an
 * error. Exit status 1 on a header that does not parse. */
#include <clang-c/Index.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *out;
static const char *prefix;
static int strict, skipped;

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "sfi-bindgen: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(1);
}

static char *str(CXString s) {
  const char *c = clang_getCString(s);
  char *r = strdup(c ? c : "");
  clang_disposeString(s);
  return r;
}

/* ---- types ---- */
enum kind { K_NONE, K_I32, K_I64, K_F32, K_F64, K_PTR, K_VOID };

/* How a C type crosses the boundary: i (<= 32-bit integer), I (64-bit),
 * f, d, p (any pointer, including function pointers), v; K_NONE if it
 * cannot. */
static enum kind kind_of(CXType t) {
  CXType c = clang_getCanonicalType(t);
  if (c.kind == CXType_Enum)
    c = clang_getCanonicalType(
        clang_getEnumDeclIntegerType(clang_getTypeDeclaration(c)));
  switch (c.kind) {
  case CXType_Void:
    return K_VOID;
  case CXType_Bool:
  case CXType_Char_U:
  case CXType_UChar:
  case CXType_UShort:
  case CXType_UInt:
  case CXType_Char_S:
  case CXType_SChar:
  case CXType_Short:
  case CXType_Int:
  case CXType_WChar:
  case CXType_Char16:
  case CXType_Char32:
    return K_I32;
  case CXType_ULong:
  case CXType_ULongLong:
  case CXType_Long:
  case CXType_LongLong:
    return K_I64;
  case CXType_Float:
    return K_F32;
  case CXType_Double:
    return K_F64;
  case CXType_Pointer:
  case CXType_BlockPointer:
    return K_PTR;
  default:
    return K_NONE;
  }
}

static char sig_letter(enum kind k) {
  return "?iIfdpv"[k];
}

/* The host-side spelling of a value of type t (pointers: sfi_sptr). */
static char *host_type(CXType t) {
  if (kind_of(t) == K_PTR)
    return strdup("sfi_sptr");
  return str(clang_getTypeSpelling(t));
}

static int is_bool(CXType t) {
  return clang_getCanonicalType(t).kind == CXType_Bool;
}

/* The expression that turns sfi_val `v` into a value of type t. */
static void emit_from_val(CXType t, const char *v) {
  char *ts = host_type(t);
  switch (kind_of(t)) {
  case K_I32:
    if (is_bool(t)) /* only the low byte of a _Bool result is defined */
      fprintf(out, "(%s)((uint8_t)%s.i32 != 0)", ts, v);
    else
      fprintf(out, "(%s)%s.i32", ts, v);
    break;
  case K_I64:
    fprintf(out, "(%s)%s.i64", ts, v);
    break;
  case K_F32:
    fprintf(out, "%s.f32", v);
    break;
  case K_F64:
    fprintf(out, "%s.f64", v);
    break;
  case K_PTR:
    fprintf(out, "sfi_sptr_of(%s)", v);
    break;
  default:
    break;
  }
  free(ts);
}

static void emit_to_val(CXType t, const char *name) {
  switch (kind_of(t)) {
  case K_I32:
    fprintf(out, "SFI_I32(%s)", name);
    break;
  case K_I64:
    fprintf(out, "SFI_I64(%s)", name);
    break;
  case K_F32:
    fprintf(out, "SFI_F32(%s)", name);
    break;
  case K_F64:
    fprintf(out, "SFI_F64(%s)", name);
    break;
  case K_PTR:
    fprintf(out, "sfi_val_sptr(%s)", name);
    break;
  default:
    break;
  }
}

/* ---- collected declarations ---- */
struct fn {
  char *name, *proto, *sig;
  CXCursor c;
};
static struct fn *fns;
static int nfns;
static CXCursor *records, *fptrs, *macros, *objmacros;
static int nrecords, nfptrs, nmacros, nobjmacros;
static CXTranslationUnit tu;

static int seen_fn(const char *n) {
  for (int i = 0; i < nfns; i++)
    if (!strcmp(fns[i].name, n))
      return 1;
  return 0;
}

static void skip(const char *what, const char *name, const char *why) {
  skipped++;
  fprintf(out, "/* not bound: %s %s: %s */\n", what, name, why);
  fprintf(stderr, "sfi-bindgen: %s %s not bound: %s\n", what, name, why);
}

/* The signature of a function type, or NULL (and the reason in why). */
static char *signature(CXType ft, const char **why) {
  if (clang_isFunctionTypeVariadic(ft)) {
    *why = "variadic";
    return NULL;
  }
  int n = clang_getNumArgTypes(ft);
  if (n < 0) {
    *why = "no prototype";
    return NULL;
  }
  if (n > 32) {
    *why = "more than 32 parameters";
    return NULL;
  }
  char *s = malloc((size_t)n + 3);
  for (int i = 0; i < n; i++) {
    enum kind k = kind_of(clang_getArgType(ft, (unsigned)i));
    if (k == K_NONE || k == K_VOID) {
      *why = "a parameter passed by value that is not a scalar or pointer "
             "(struct, union, long double, __int128)";
      free(s);
      return NULL;
    }
    s[i] = sig_letter(k);
  }
  enum kind rk = kind_of(clang_getResultType(ft));
  if (rk == K_NONE) {
    *why = "a result that is not a scalar, pointer or void";
    free(s);
    return NULL;
  }
  s[n] = ':';
  s[n + 1] = sig_letter(rk);
  s[n + 2] = 0;
  return s;
}

static enum CXChildVisitResult top(CXCursor c, CXCursor parent,
                                   CXClientData d) {
  (void)parent;
  (void)d;
  enum CXCursorKind k = clang_getCursorKind(c);
  /* Object-like macros of every file: a macro's string argument may be
   * one (zlib's ZLIB_VERSION). */
  if (k == CXCursor_MacroDefinition && !clang_Cursor_isMacroFunctionLike(c)) {
    objmacros = realloc(objmacros, sizeof *objmacros * (size_t)(nobjmacros + 1));
    objmacros[nobjmacros++] = c;
  }
  if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
    return CXChildVisit_Continue;
  if (k == CXCursor_FunctionDecl) {
    if (clang_Cursor_getStorageClass(c) == CX_SC_Static)
      return CXChildVisit_Continue; /* a host-side helper */
    char *name = str(clang_getCursorSpelling(c));
    if (seen_fn(name)) {
      free(name);
      return CXChildVisit_Continue;
    }
    fns = realloc(fns, sizeof *fns * (size_t)(nfns + 1));
    fns[nfns++] = (struct fn){name, NULL, NULL, c};
  } else if (k == CXCursor_MacroDefinition) {
    if (clang_Cursor_isMacroFunctionLike(c) && !clang_Cursor_isMacroBuiltin(c)) {
      macros = realloc(macros, sizeof *macros * (size_t)(nmacros + 1));
      macros[nmacros++] = c;
    }
  } else if (k == CXCursor_StructDecl && clang_isCursorDefinition(c)) {
    records = realloc(records, sizeof *records * (size_t)(nrecords + 1));
    records[nrecords++] = c;
  } else if (k == CXCursor_TypedefDecl) {
    CXType u = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
    if (u.kind == CXType_Pointer &&
        (clang_getPointeeType(u).kind == CXType_FunctionProto)) {
      fptrs = realloc(fptrs, sizeof *fptrs * (size_t)(nfptrs + 1));
      fptrs[nfptrs++] = c;
    }
  }
  return CXChildVisit_Continue;
}

/* ---- structs ---- */
struct field {
  char *name;
  CXType t;
  long long off;
};
static struct field *fields;
static int nfields, field_bad;
static const char *field_why;

static enum CXVisitorResult field_visit(CXCursor c, CXClientData d) {
  (void)d;
  if (clang_getCursorKind(c) != CXCursor_FieldDecl)
    return CXVisit_Continue;
  if (clang_Cursor_isBitField(c)) {
    field_bad = 1;
    field_why = "a bit-field";
    return CXVisit_Break;
  }
  CXType t = clang_getCursorType(c);
  CXType ct = clang_getCanonicalType(t);
  enum kind k = kind_of(t);
  if (k == K_NONE || k == K_VOID) {
    /* Arrays of scalars keep their type; anything else is not mirrored. */
    if (ct.kind == CXType_ConstantArray &&
        kind_of(clang_getArrayElementType(ct)) != K_NONE &&
        kind_of(clang_getArrayElementType(ct)) != K_PTR &&
        kind_of(clang_getArrayElementType(ct)) != K_VOID) {
      /* ok */
    } else {
      field_bad = 1;
      field_why = "a field that is not a scalar, a pointer or an array of "
                  "scalars (nested struct, union, array of pointers)";
      return CXVisit_Break;
    }
  }
  char *name = str(clang_getCursorSpelling(c));
  if (!name[0]) {
    field_bad = 1;
    field_why = "an anonymous member";
    free(name);
    return CXVisit_Break;
  }
  fields = realloc(fields, sizeof *fields * (size_t)(nfields + 1));
  fields[nfields++] =
      (struct field){name, t, clang_Cursor_getOffsetOfField(c) / 8};
  return CXVisit_Continue;
}

static void emit_record(CXCursor c) {
  char *sname = str(clang_getCursorSpelling(c));
  CXType st = clang_getCursorType(c);
  if (!sname[0] || strchr(sname, ' ')) { /* anonymous */
    free(sname);
    return;
  }
  nfields = 0;
  field_bad = 0;
  clang_Type_visitFields(st, field_visit, NULL);
  long long size = clang_Type_getSizeOf(st);
  if (field_bad || size <= 0) {
    skip("struct", sname, field_bad ? field_why : "incomplete");
    free(sname);
    return;
  }
  const char *P = prefix;
  fprintf(out,
          "\n/* struct %s as the host sees it in sandbox memory: the same "
          "layout,\n * pointers as sfi_sptr. Fetch it once, decide on the "
          "copy. */\ntypedef struct %s_%s_t {\n",
          sname, P, sname);
  for (int i = 0; i < nfields; i++) {
    CXType ct = clang_getCanonicalType(fields[i].t);
    if (kind_of(fields[i].t) == K_PTR) {
      fprintf(out, "  sfi_sptr %s;\n", fields[i].name);
    } else if (ct.kind == CXType_ConstantArray) {
      char *et = str(clang_getTypeSpelling(clang_getArrayElementType(ct)));
      fprintf(out, "  %s %s[%lld];\n", et, fields[i].name,
              clang_getArraySize(ct));
      free(et);
    } else {
      char *ts = str(clang_getTypeSpelling(fields[i].t));
      fprintf(out, "  %s %s;\n", ts, fields[i].name);
      free(ts);
    }
  }
  fprintf(out, "} %s_%s_t;\n", P, sname);
  fprintf(out,
          "_Static_assert(sizeof(%s_%s_t) == %lld && sizeof(struct %s) == "
          "%lld,\n               \"struct %s: layout differs from the "
          "header\");\n",
          P, sname, size, sname, size, sname);
  for (int i = 0; i < nfields; i++)
    fprintf(out,
            "_Static_assert(offsetof(%s_%s_t, %s) == %lld && "
            "offsetof(struct %s, %s) == %lld,\n               \"%s.%s\");\n",
            P, sname, fields[i].name, fields[i].off, sname, fields[i].name,
            fields[i].off, sname, fields[i].name);
  fprintf(out,
          "/* One checked copy of the whole struct (SFI_ERR_INVALID if it is "
          "not\n * readable sandbox memory). */\n"
          "static inline int %s_%s_fetch(sfi_instance *in, sfi_sptr p,\n"
          "                              %s_%s_t *out) {\n"
          "  return sfi_fetch(in, p, out, sizeof *out);\n}\n"
          "static inline int %s_%s_store(sfi_instance *in, sfi_sptr p,\n"
          "                              const %s_%s_t *v) {\n"
          "  return sfi_store(in, p, v, sizeof *v);\n}\n",
          P, sname, P, sname, P, sname, P, sname);
  for (int i = 0; i < nfields; i++) {
    CXType ct = clang_getCanonicalType(fields[i].t);
    if (ct.kind == CXType_ConstantArray)
      continue; /* whole-struct fetch only */
    char *ts = host_type(fields[i].t);
    const char *f = fields[i].name;
    fprintf(out,
            "/* %s.%s alone: one checked read / write of the field. */\n"
            "static inline int %s_%s_get_%s(sfi_instance *in, sfi_sptr p, "
            "%s *out) {\n"
            "  return sfi_fetch(in, sfi_sptr_add(p, %lld), out, sizeof "
            "*out);\n}\n"
            "static inline int %s_%s_set_%s(sfi_instance *in, sfi_sptr p, "
            "%s v) {\n"
            "  return sfi_store(in, sfi_sptr_add(p, %lld), &v, sizeof v);\n}\n",
            sname, f, P, sname, f, ts, fields[i].off, P, sname, f, ts,
            fields[i].off);
    free(ts);
  }
  for (int i = 0; i < nfields; i++)
    free(fields[i].name);
  free(sname);
}

/* ---- callbacks ---- */
static void emit_fptr(CXCursor c) {
  char *tname = str(clang_getCursorSpelling(c));
  /* The written types (int32_t, not int) when libclang exposes them. */
  CXType u = clang_getTypedefDeclUnderlyingType(c);
  CXType ft = clang_getPointeeType(u);
  if (u.kind != CXType_Pointer || clang_getNumArgTypes(ft) < 0)
    ft = clang_getPointeeType(clang_getCanonicalType(u));
  const char *why = NULL;
  char *sig = signature(ft, &why);
  int ng = 0, nx = 0;
  for (char *s = sig; s && *s != ':'; s++)
    *s == 'f' || *s == 'd' ? nx++ : ng++;
  if (sig && (ng > 6 || nx > 8))
    why = "more than 6 integer or 8 floating-point parameters (callbacks "
          "take register arguments only)";
  if (!sig || ng > 6 || nx > 8) {
    skip("callback type", tname, why);
    free(sig);
    free(tname);
    return;
  }
  const char *P = prefix;
  int n = clang_getNumArgTypes(ft);
  char *rt = host_type(clang_getResultType(ft));
  fprintf(out,
          "\n/* %s: the host function behind a sandbox callback of this "
          "type; pointer\n * arguments arrive as sfi_sptr. */\n"
          "typedef %s (*%s_%s_host)(",
          tname, rt, P, tname);
  for (int i = 0; i < n; i++) {
    char *at = host_type(clang_getArgType(ft, (unsigned)i));
    fprintf(out, "%s%s", i ? ", " : "", at);
    free(at);
  }
  fprintf(out, "%s);\n", n ? "" : "void");
  fprintf(out,
          "/* A sandbox function pointer of type %s that calls fn; "
          "SFI_SPTR_NULL\n * on failure (sfi_errmsg). Free it with "
          "sfi_callback_free. */\n"
          "static inline sfi_sptr %s_callback_%s(sfi_instance *in, "
          "%s_%s_host fn) {\n"
          "  return SFI_SPTR(sfi_callback_new(in, \"%s\", (void *)fn));\n}\n",
          tname, P, tname, P, tname, sig);
  free(rt);
  free(sig);
  free(tname);
}

/* ---- functions ---- */
static void emit_fn(struct fn *f) {
  CXType ft = clang_getCursorType(f->c);
  const char *why = NULL;
  char *sig = signature(ft, &why);
  if (!sig) {
    skip("function", f->name, why);
    return;
  }
  f->sig = sig;
  const char *P = prefix;
  int n = clang_Cursor_getNumArguments(f->c);
  CXType rt = clang_getResultType(ft);
  char *proto = str(clang_getTypeSpelling(ft));
  fprintf(out, "\n/* %s: %s  [\"%s\"] */\nstatic inline int %s_%s(%s_t *sfib_b",
          f->name, proto, sig, P, f->name, P);
  free(proto);
  for (int i = 0; i < n; i++) {
    CXCursor a = clang_Cursor_getArgument(f->c, (unsigned)i);
    char *an = str(clang_getCursorSpelling(a));
    char *at = host_type(clang_getCursorType(a));
    if (an[0])
      fprintf(out, ",\n    %s %s", at, an);
    else
      fprintf(out, ",\n    %s arg%d", at, i);
    free(an);
    free(at);
  }
  if (kind_of(rt) != K_VOID) {
    char *rs = host_type(rt);
    fprintf(out, ",\n    %s *sfib_ret", rs);
    free(rs);
  }
  fprintf(out, ") {\n  if (!sfib_b || !sfib_b->in || !sfib_b->fn_%s)\n"
               "    return SFI_ERR_INVALID;\n",
          f->name);
  if (n) {
    fprintf(out, "  sfi_val sfib_a[%d] = {", n);
    for (int i = 0; i < n; i++) {
      CXCursor a = clang_Cursor_getArgument(f->c, (unsigned)i);
      char *an = str(clang_getCursorSpelling(a));
      char nm[300];
      if (an[0])
        snprintf(nm, sizeof nm, "%s", an);
      else
        snprintf(nm, sizeof nm, "arg%d", i);
      fprintf(out, "%s", i ? ", " : "");
      emit_to_val(clang_getCursorType(a), nm);
      free(an);
    }
    fprintf(out, "};\n");
  }
  fprintf(out,
          "  sfi_val sfib_r;\n"
          "  int sfib_rc = sfi_call_addr(sfib_b->in, sfib_b->fn_%s, \"%s\", "
          "%s, &sfib_r);\n",
          f->name, sig, n ? "sfib_a" : "NULL");
  if (kind_of(rt) != K_VOID) {
    fprintf(out, "  if (sfib_rc == SFI_OK && sfib_ret)\n    *sfib_ret = ");
    emit_from_val(rt, "sfib_r");
    fprintf(out, ";\n");
  } else {
    fprintf(out, "  (void)sfib_r;\n");
  }
  fprintf(out, "  return sfib_rc;\n}\n");
}

/* ---- function-like macros over one bound call ---- */
struct toks {
  char **s;
  CXTokenKind *k;
  int n;
};

static int tok_is(const struct toks *t, int i, const char *p) {
  return i >= 0 && i < t->n && t->k[i] == CXToken_Punctuation &&
         !strcmp(t->s[i], p);
}

/* The index of the ')' that closes the '(' at open, or -1. */
static int closing(const struct toks *t, int open) {
  int depth = 0;
  for (int i = open; i < t->n; i++) {
    if (tok_is(t, i, "(") || tok_is(t, i, "[") || tok_is(t, i, "{"))
      depth++;
    else if (tok_is(t, i, ")") || tok_is(t, i, "]") || tok_is(t, i, "}")) {
      if (--depth == 0)
        return tok_is(t, i, ")") ? i : -1;
    }
  }
  return -1;
}

/* Tokens [from, to) as C text (spacing for the reader only). */
static void join(const struct toks *t, int from, int to) {
  for (int j = from; j < to; j++) {
    int sp = j + 1 < to && !tok_is(t, j, "(") && !tok_is(t, j + 1, ")") &&
             !tok_is(t, j + 1, ",") &&
             !(tok_is(t, j + 1, "(") && t->k[j] == CXToken_Identifier);
    fprintf(out, "%s%s", t->s[j], sp ? " " : "");
  }
}

/* Whether tokens [from, to) are one or more string literals, directly or
 * through object-like macros (depth-limited). */
static int is_string_tokens(const struct toks *t, int from, int to, int depth) {
  if (from >= to || depth > 8)
    return 0;
  for (int j = from; j < to; j++) {
    if (t->k[j] == CXToken_Literal && strchr(t->s[j], '"'))
      continue;
    if (t->k[j] != CXToken_Identifier)
      return 0;
    int found = 0;
    for (int m = 0; m < nobjmacros && !found; m++) {
      char *mn = str(clang_getCursorSpelling(objmacros[m]));
      if (!strcmp(mn, t->s[j])) {
        CXToken *raw = NULL;
        unsigned nraw = 0;
        clang_tokenize(tu, clang_getCursorExtent(objmacros[m]), &raw, &nraw);
        struct toks b = {calloc(nraw + 1, sizeof(char *)),
                         calloc(nraw + 1, sizeof(CXTokenKind)), (int)nraw};
        for (unsigned i = 0; i < nraw; i++) {
          b.s[i] = str(clang_getTokenSpelling(tu, raw[i]));
          b.k[i] = clang_getTokenKind(raw[i]);
        }
        if (raw)
          clang_disposeTokens(tu, raw, nraw);
        found = is_string_tokens(&b, 1, b.n, depth + 1) ? 1 : -1;
        for (int i = 0; i < b.n; i++)
          free(b.s[i]);
        free(b.s);
        free(b.k);
      }
      free(mn);
    }
    if (found != 1)
      return 0;
  }
  return 1;
}

static int param_index(char **params, int np, const struct toks *t, int i) {
  if (t->k[i] != CXToken_Identifier)
    return -1;
  for (int j = 0; j < np; j++)
    if (!strcmp(params[j], t->s[i]))
      return j;
  return -1;
}

/* A function-like macro being bound: its tokens, parameters, and the one
 * call its expansion is, split into arguments. */
struct macro {
  char *name;
  struct toks t;
  char *params[64];
  int np;
  int body; /* first token of the expansion */
  int *argfrom, *argto, *argparam, nargs; /* argparam: -1 or a parameter */
  struct fn *f;
};

/* NAME ( p1 , p2 ... ) body: the parameters; NULL or why not. */
static const char *macro_params(struct macro *m) {
  const struct toks *t = &m->t;
  if (t->n < 3 || strcmp(t->s[0], m->name) || !tok_is(t, 1, "("))
    return "cannot read the definition";
  int i = 2;
  if (!tok_is(t, i, ")"))
    for (;;) {
      if (i >= t->n || t->k[i] != CXToken_Identifier || m->np == 64)
        return "variadic or unreadable parameter list";
      m->params[m->np++] = t->s[i++];
      if (tok_is(t, i, ")"))
        break;
      if (!tok_is(t, i, ","))
        return "variadic or unreadable parameter list";
      i++;
    }
  m->body = i + 1;
  for (int j = m->body; j < t->n; j++)
    if (tok_is(t, j, "#") || tok_is(t, j, "##"))
      return "uses # or ##";
  return NULL;
}

/* Splits the call's arguments [from, to) at top-level commas. */
static const char *macro_split_args(struct macro *m, int from, int to) {
  const struct toks *t = &m->t;
  m->argfrom = calloc((size_t)t->n, sizeof *m->argfrom);
  m->argto = calloc((size_t)t->n, sizeof *m->argto);
  m->argparam = calloc((size_t)t->n, sizeof *m->argparam);
  if (from >= to)
    return NULL;
  int start = from, depth = 0;
  for (int j = from; j <= to; j++) {
    if (j < to && (tok_is(t, j, "(") || tok_is(t, j, "[") || tok_is(t, j, "{")))
      depth++;
    else if (j < to &&
             (tok_is(t, j, ")") || tok_is(t, j, "]") || tok_is(t, j, "}")))
      depth--;
    else if (j == to || (depth == 0 && tok_is(t, j, ","))) {
      if (j == start)
        return "an empty argument";
      m->argfrom[m->nargs] = start;
      m->argto[m->nargs++] = j;
      start = j + 1;
    }
  }
  return NULL;
}

/* Each argument is a whole parameter, used once, or a constant (a string
 * literal where the prototype wants a pointer). */
static const char *macro_check_args(struct macro *m) {
  const struct toks *t = &m->t;
  int uses[65] = {0};
  for (int a = 0; a < m->nargs; a++) {
    int from = m->argfrom[a], to = m->argto[a];
    while (to - from >= 2 && tok_is(t, from, "(") && closing(t, from) == to - 1) {
      from++;
      to--;
    }
    m->argparam[a] = -1;
    if (to - from == 1 && param_index(m->params, m->np, t, from) >= 0) {
      m->argparam[a] = param_index(m->params, m->np, t, from);
      uses[m->argparam[a]]++;
      continue;
    }
    for (int j = m->argfrom[a]; j < m->argto[a]; j++)
      if (param_index(m->params, m->np, t, j) >= 0)
        return "a parameter is used inside an expression, not as a whole "
               "argument";
    if (kind_of(clang_getArgType(clang_getCursorType(m->f->c), (unsigned)a)) ==
            K_PTR &&
        !is_string_tokens(t, from, to, 0))
      return "a pointer argument that is neither a parameter nor a string "
             "literal";
  }
  for (int p = 0; p < m->np; p++)
    if (uses[p] != 1)
      return "a parameter is not used exactly once";
  return NULL;
}

/* The expansion is exactly one call of a bound function. */
static const char *macro_call(struct macro *m) {
  const struct toks *t = &m->t;
  int b0 = m->body, b1 = t->n; /* [b0, b1) */
  while (b1 - b0 >= 2 && tok_is(t, b0, "(") && closing(t, b0) == b1 - 1) {
    b0++;
    b1--;
  }
  if (b1 - b0 < 3 || t->k[b0] != CXToken_Identifier || !tok_is(t, b0 + 1, "(") ||
      closing(t, b0 + 1) != b1 - 1)
    return "the expansion is not a single function call";
  for (int j = 0; j < nfns; j++)
    if (!strcmp(fns[j].name, t->s[b0]))
      m->f = &fns[j];
  if (!m->f || !m->f->sig)
    return "the expansion calls a function this header does not bind";
  const char *why = macro_split_args(m, b0 + 2, b1 - 1);
  if (why)
    return why;
  if (m->nargs != clang_Cursor_getNumArguments(m->f->c))
    return "the call's argument count differs from the prototype";
  return macro_check_args(m);
}

/* The wrapper's signature: one parameter per macro parameter, typed as the
 * function parameter it becomes, and the result pointer. */
static void macro_signature(const struct macro *m, CXType ft, int has_ret) {
  const char *P = prefix;
  fprintf(out, "\n/* %s(", m->name);
  for (int p = 0; p < m->np; p++)
    fprintf(out, "%s%s", p ? ", " : "", m->params[p]);
  fprintf(out, "): a macro of the header, bound as its expansion\n *   ");
  join(&m->t, m->body, m->t.n);
  fprintf(out, "\n * (host-evaluated constants; string literals copied into "
               "the sandbox\n * for the call). */\n"
               "static inline int %s_%s(%s_t *sfib_b", P, m->name, P);
  for (int p = 0; p < m->np; p++) {
    int a = 0;
    while (m->argparam[a] != p)
      a++;
    char *ht = host_type(clang_getArgType(ft, (unsigned)a));
    fprintf(out, ",\n    %s %s", ht, m->params[p]);
    free(ht);
  }
  if (has_ret) {
    char *rs = host_type(clang_getResultType(ft));
    fprintf(out, ",\n    %s *sfib_ret", rs);
    free(rs);
  }
}

static void macro_wrapper(const struct macro *m) {
  const struct toks *t = &m->t;
  CXType ft = clang_getCursorType(m->f->c);
  int has_ret = kind_of(clang_getResultType(ft)) != K_VOID;
  macro_signature(m, ft, has_ret);
  fprintf(out, ") {\n  int sfib_rc = SFI_OK;\n"
               "  if (!sfib_b || !sfib_b->in)\n    return SFI_ERR_INVALID;\n");
  /* String literals: checked to be literals by concatenation with "". */
  for (int a = 0; a < m->nargs; a++) {
    if (m->argparam[a] >= 0 ||
        kind_of(clang_getArgType(ft, (unsigned)a)) != K_PTR)
      continue;
    fprintf(out, "  static const char sfib_s%d[] = \"\"", a);
    for (int j = m->argfrom[a]; j < m->argto[a]; j++)
      fprintf(out, " %s", t->s[j]);
    fprintf(out, "; /* a string literal */\n"
                 "  sfi_sptr sfib_p%d = SFI_SPTR_NULL;\n"
                 "  if (sfib_rc == SFI_OK)\n"
                 "    sfib_rc = sfi_alloc(sfib_b->in, sizeof sfib_s%d, "
                 "&sfib_p%d);\n"
                 "  if (sfib_rc == SFI_OK)\n"
                 "    sfib_rc = sfi_store(sfib_b->in, sfib_p%d, sfib_s%d, "
                 "sizeof sfib_s%d);\n",
            a, a, a, a, a, a);
  }
  fprintf(out, "  if (sfib_rc == SFI_OK)\n    sfib_rc = %s_%s(sfib_b", prefix,
          m->f->name);
  for (int a = 0; a < m->nargs; a++) {
    CXType at = clang_getArgType(ft, (unsigned)a);
    if (m->argparam[a] >= 0) {
      fprintf(out, ", %s", m->params[m->argparam[a]]);
    } else if (kind_of(at) == K_PTR) {
      fprintf(out, ", sfib_p%d", a);
    } else {
      char *ts = str(clang_getTypeSpelling(at));
      fprintf(out, ", (%s)(", ts);
      join(t, m->argfrom[a], m->argto[a]);
      fprintf(out, ")");
      free(ts);
    }
  }
  fprintf(out, "%s);\n", has_ret ? ", sfib_ret" : "");
  /* Free the copies unless the instance trapped (it refuses calls until
   * it is reset, which empties the heap anyway). */
  for (int a = 0; a < m->nargs; a++)
    if (m->argparam[a] < 0 &&
        kind_of(clang_getArgType(ft, (unsigned)a)) == K_PTR)
      fprintf(out, "  if (!sfi_sptr_is_null(sfib_p%d) && !sfi_is_trap(sfib_rc))\n"
                   "    sfi_free(sfib_b->in, sfib_p%d.a);\n", a, a);
  fprintf(out, "  return sfib_rc;\n}\n");
}

static void emit_macro(CXCursor c) {
  struct macro m = {0};
  m.name = str(clang_getCursorSpelling(c));
  CXToken *raw = NULL;
  unsigned nraw = 0;
  clang_tokenize(tu, clang_getCursorExtent(c), &raw, &nraw);
  m.t.n = (int)nraw;
  m.t.s = calloc(nraw + 1, sizeof *m.t.s);
  m.t.k = calloc(nraw + 1, sizeof *m.t.k);
  for (unsigned i = 0; i < nraw; i++) {
    m.t.s[i] = str(clang_getTokenSpelling(tu, raw[i]));
    m.t.k[i] = clang_getTokenKind(raw[i]);
  }
  if (raw)
    clang_disposeTokens(tu, raw, nraw);
  const char *why = seen_fn(m.name)
                        ? "the header also declares a function of that name"
                        : macro_params(&m);
  if (!why)
    why = macro_call(&m);
  if (why) {
    /* Listed, not counted for --strict: most function-like macros of a
     * header are helpers, not calls into the library. */
    fprintf(out, "/* not bound: macro %s: %s */\n", m.name, why);
    fprintf(stderr, "sfi-bindgen: macro %s not bound: %s\n", m.name, why);
  } else {
    macro_wrapper(&m);
  }
  free(m.argfrom);
  free(m.argto);
  free(m.argparam);
  for (int j = 0; j < m.t.n; j++)
    free(m.t.s[j]);
  free(m.t.s);
  free(m.t.k);
  free(m.name);
}

static void usage(void) {
  fprintf(stderr, "usage: sfi-bindgen HEADER.h -o OUT.h [--prefix NAME] "
                  "[--strict] [-- clang args...]\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *hdr = NULL, *outp = NULL;
  int cargc = 0;
  const char **cargv = calloc((size_t)argc + 4, sizeof *cargv);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc)
      outp = argv[++i];
    else if (!strcmp(argv[i], "--prefix") && i + 1 < argc)
      prefix = argv[++i];
    else if (!strcmp(argv[i], "--strict"))
      strict = 1;
    else if (!strcmp(argv[i], "--")) {
      while (++i < argc)
        cargv[cargc++] = argv[i];
    } else if (argv[i][0] == '-' || hdr)
      usage();
    else
      hdr = argv[i];
  }
  if (!hdr || !outp)
    usage();
  /* The prefix: the header's base name, as a C identifier. */
  char *pfx = NULL;
  if (!prefix) {
    const char *b = strrchr(hdr, '/');
    pfx = strdup(b ? b + 1 : hdr);
    char *dot = strrchr(pfx, '.');
    if (dot)
      *dot = 0;
    for (char *p = pfx; *p; p++)
      if (!isalnum((unsigned char)*p))
        *p = '_';
    prefix = pfx;
  }
  /* The sandbox's ABI is x86-64 LP64, as the host's. */
  cargv[cargc++] = "-xc";
  cargv[cargc++] = "-std=gnu11";
  cargv[cargc++] = "-D__sfi__=1";
  CXIndex idx = clang_createIndex(0, 0);
  enum CXErrorCode ec = clang_parseTranslationUnit2(
      idx, hdr, cargv, cargc, NULL, 0,
      CXTranslationUnit_SkipFunctionBodies |
          CXTranslationUnit_IncludeAttributedTypes |
          CXTranslationUnit_DetailedPreprocessingRecord,
      &tu);
  if (ec != CXError_Success || !tu)
    die("%s: cannot parse (libclang error %d)", hdr, (int)ec);
  int errors = 0;
  for (unsigned i = 0; i < clang_getNumDiagnostics(tu); i++) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
      char *m = str(clang_formatDiagnostic(
          d, clang_defaultDiagnosticDisplayOptions()));
      fprintf(stderr, "%s\n", m);
      free(m);
      errors++;
    }
    clang_disposeDiagnostic(d);
  }
  if (errors)
    die("%s: %d error(s); no bindings written", hdr, errors);
  clang_visitChildren(clang_getTranslationUnitCursor(tu), top, NULL);

  char *tmp = malloc(strlen(outp) + 8);
  sprintf(tmp, "%s.tmp", outp);
  out = fopen(tmp, "w");
  if (!out)
    die("cannot write %s", tmp);
  const char *hb = strrchr(hdr, '/');
  char guard[256];
  snprintf(guard, sizeof guard, "%s_SFI_BINDINGS_H", prefix);
  for (char *p = guard; *p; p++)
    *p = (char)toupper((unsigned char)*p);
  char up[256]; /* PREFIX, for the option macro */
  snprintf(up, sizeof up, "%s", prefix);
  for (char *p = up; *p; p++)
    *p = (char)toupper((unsigned char)*p);
  fprintf(out,
          "/* Generated by sfi-bindgen from %s: typed host bindings for the "
          "sandboxed\n * library. Do not edit; regenerate when the header "
          "changes. */\n#ifndef %s\n#define %s\n\n#include <stddef.h>\n"
          "#include <stdint.h>\n\n#include \"%s\"\n#include \"sfi.h\"\n",
          hdr, guard, guard, hb ? hb + 1 : hdr);
  for (int i = 0; i < nrecords; i++)
    emit_record(records[i]);
  for (int i = 0; i < nfptrs; i++)
    emit_fptr(fptrs[i]);
  /* Signatures first (a function may be skipped). */
  char **sigs = calloc((size_t)nfns + 1, sizeof *sigs);
  for (int i = 0; i < nfns; i++) {
    const char *why = NULL;
    sigs[i] = signature(clang_getCursorType(fns[i].c), &why);
  }
  fprintf(out,
          "\n/* The library's exports, looked up once per instance. */\n"
          "typedef struct %s_t {\n  sfi_instance *in;\n",
          prefix);
  for (int i = 0; i < nfns; i++)
    if (sigs[i])
      fprintf(out, "  uint64_t fn_%s;\n", fns[i].name);
  fprintf(out, "} %s_t;\n", prefix);
  fprintf(out,
          "/* Binds b to an instance: SFI_OK, SFI_ERR_NOTFOUND naming the "
          "first\n * function the module does not export, or SFI_ERR_INVALID "
          "naming one whose\n * prototype in the module's debug info (-g) "
          "differs from this header\n * (sfi_errmsg). Define %s_NO_PROTOTYPE_CHECK "
          "to skip that check. */\n"
          "static inline int %s_bind(%s_t *b, sfi_instance *in) {\n"
          "  b->in = in;\n",
          up, prefix, prefix);
  for (int i = 0; i < nfns; i++)
    if (sigs[i])
      fprintf(out,
              "  if (!(b->fn_%s = sfi_lookup(in, \"%s\")))\n"
              "    return SFI_ERR_NOTFOUND;\n",
              fns[i].name, fns[i].name);
  /* A module built with -g says what its prototypes really are: a header
   * that disagrees fails here, not with garbage later. */
  fprintf(out, "#ifndef %s_NO_PROTOTYPE_CHECK\n", up);
  for (int i = 0; i < nfns; i++)
    if (sigs[i])
      fprintf(out,
              "  if (sfi_check_signature(in, \"%s\", \"%s\") == "
              "SFI_ERR_INVALID)\n    return SFI_ERR_INVALID;\n",
              fns[i].name, sigs[i]);
  fprintf(out, "#endif\n  return SFI_OK;\n}\n");
  for (int i = 0; i < nfns; i++)
    emit_fn(&fns[i]);
  for (int i = 0; i < nmacros; i++)
    emit_macro(macros[i]);
  fprintf(out, "\n#endif\n");
  if (fclose(out) != 0) {
    remove(tmp);
    die("cannot write %s", tmp);
  }
  if (strict && skipped) {
    remove(tmp);
    die("%d declaration(s) could not be bound (--strict); nothing written",
        skipped);
  }
  if (rename(tmp, outp) != 0)
    die("cannot write %s", outp);
  clang_disposeTranslationUnit(tu);
  clang_disposeIndex(idx);
  return 0;
}
