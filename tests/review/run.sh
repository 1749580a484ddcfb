#!/bin/sh
# run.sh [BUILD_DIR [--strict]]: builds the review's hand-made modules (assembly linked
# with the crt the way tests/verify/gen_module.py does) and runs each in
# jtdup_host against the runtime in BUILD_DIR (default ../../build).
# Exit 1 if any module escapes (writes the host canary) or kills the host.
set -e
here=$(cd "$(dirname "$0")" && pwd)
b=$(cd "${1:-$here/../../build}" && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
L=/usr/lib/llvm-22/bin
# host NAME: builds NAME_host.c against the runtime into $t/NAME_host.
host() {
  cc -O1 -g -I"$here/../../runtime/include" -I"$here/../../include" \
    "$here/$1_host.c" -o "$t/$1_host" "$b/lib/libsfirt.a" -lZydis -lm -lpthread
}
# lld OUT OBJECT...: links a module as sfi-cc does (crt first when given).
lld() {
  lld_out=$1
  shift
  $L/ld.lld -shared -z now -z relro -Bsymbolic --hash-style=both \
    -z noexecstack -T "$b/lib/sfi.ld" "$@" -o "$lld_out"
}
# link NAME: NAME.s assembled (marker.inc found in $here) and linked with
# the crt into $t/NAME.so.
link() {
  $L/clang -c -I"$here" "$here/$1.s" -o "$t/$1.o"
  lld "$t/$1.so" "$b/lib/sfi_crt.o" "$t/$1.o"
}
# cmodule NAME [sfi-cc flags]: NAME.c built by sfi-cc -shared into $t/NAME.so.
cmodule() {
  cm=$1
  shift
  "$b/bin/sfi-cc" -O2 -shared "$@" "$here/$cm.c" -o "$t/$cm.so"
}
# verified LABEL MODULE: prints what sfi-verify says of the module.
verified() { echo "== $1: $("$b/bin/sfi-verify" "$2")"; }
# holds COMMAND...: the host must survive and report no escape.
holds() { "$@" || { echo "host exit status $?"; fail=1; }; }
# loads_quickly LABEL MODULE: prints its size; sfi_module_load (in
# manyundefs_host) must finish within 5 s, whatever it decides.
loads_quickly() {
  echo "== $1: $(ls -l "$2" | awk '{print $5}') bytes"
  timeout 5 "$t/manyundefs_host" "$2" ||
    { echo "sfi_module_load still busy after 5 s"; fail=1; }
}
fail=0
# Findings not fixed yet (listed as open in tests/review/README.md): they
# still run and print OPEN; --strict makes them fail the run too.
strict=0
[ "${2:-}" = --strict ] && strict=1
still_open() {
  echo "OPEN (known, not fixed yet): $1"
  [ $strict = 1 ] && fail=1
  return 0
}
host jtdup
for m in jtdup midexport btsrsp btsrip btsgs setjmp_noleave noneseg xonly_ud \
    ctor_midentry x87_pending deep_guard; do
  link $m
  # hostile files: M_patch.py rewrites the linked module
  if [ -f "$here/${m}_patch.py" ]; then
    python3 "$here/${m}_patch.py" "$t/$m.so" "$t/$m.so"
  fi
  verified "$m" "$t/$m.so"
  holds "$t/jtdup_host" "$t/$m.so"
done
# execute-only code segment, honest host calling sfi_callback_new
host xonly
cp "$t/btsgs.so" "$t/xonly.so"
python3 "$here/xonly_patch.py" "$t/xonly.so" "$t/xonly.so"
verified "xonly" "$t/xonly.so"
holds "$t/xonly_host" "$t/xonly.so"
# host data left in vector/mask registers at sfi__enter
host regleak
link regleak
verified "regleak" "$t/regleak.so"
holds "$t/regleak_host" "$t/regleak.so"
# a granted import with stack parameters, tail-jumped to at offset 0
host stackargs
link stackargs
verified "stackargs" "$t/stackargs.so"
holds "$t/stackargs_host" "$t/stackargs.so"
# dead host frames on the native stack read through a grown frame
host stackleak
link stackleak
verified "stackleak" "$t/stackleak.so"
"$t/stackleak_host" "$t/stackleak.so" || still_open stackleak
# the argument buffer of a nested call with stack arguments at __sfi_ssp
host sspargs
link sspargs
verified "sspargs" "$t/sspargs.so"
holds "$t/sspargs_host" "$t/sspargs.so"
# the same from C source only (sfi-cc -shared)
cmodule cstackleak -fsfi-exports=all
verified "cstackleak (C)" "$t/cstackleak.so"
"$t/stackleak_host" "$t/cstackleak.so" || still_open cstackleak
# one instance's dead native frames and vector registers seen by another
host crossleak
link crossleak
verified "crossleak" "$t/crossleak.so"
holds "$t/crossleak_host" "$t/crossleak.so"
# callback thunk pages beyond trap.c's 4096 registered ranges
host cbmisalign
link cbmisalign
verified "cbmisalign" "$t/cbmisalign.so"
holds "$t/cbmisalign_host" "$t/cbmisalign.so" 4097
# read-only memfd holes become resident outside mem_limit
host bigro
$L/clang -c -I"$here" "$here/bigro.s" -o "$t/bigro.o"
lld "$t/bigro.so" "$b/lib/sfi_crt.o" "$t/bigro.o"
va=$(python3 "$here/bigro_patch.py" "$t/bigro.so" "$t/bigro.so" | awk '{print $3}')
verified "bigro" "$t/bigro.so"
holds "$t/bigro_host" "$t/bigro.so" "$va"
# a blocking write outlives the time limit
"$b/bin/sfi-cc" -O2 "$here/bigwrite.c" -o "$t/bigwrite.so"
s0=$(date +%s)
"$b/bin/sfi-run" --time-limit 1 "$t/bigwrite.so" | (sleep 5; cat >/dev/null)
el=$(( $(date +%s) - s0 ))
echo "== bigwrite: --time-limit 1 ran ${el} s"
[ "$el" -ge 4 ] && still_open bigwrite
# a variant (review2): one 1 GiB getrandom keeps the host busy ~3 s
"$b/bin/sfi-cc" -O2 "$here/biggetrandom.c" -o "$t/biggetrandom.so"
s0=$(date +%s)
"$b/bin/sfi-run" --time-limit 1 --mem-limit 2G "$t/biggetrandom.so" || true
el=$(( $(date +%s) - s0 ))
echo "== biggetrandom: --time-limit 1 ran ${el} s"
[ "$el" -ge 3 ] && still_open biggetrandom
# the same from C source only
cmodule csspargs -fsfi-exports=all -fsfi-import=host_calls_back
verified "csspargs (C)" "$t/csspargs.so"
holds "$t/sspargs_host" "$t/csspargs.so"
# C only: the module's "fflush" export is data in .text, run at free time
host cfflush
# sfi-cc now links sfi_rtentry.o, whose __sfi_rt_fflush calls fflush: the
# data "fflush" becomes a branch target and sfi-cc's verifier refuses the
# module. Linked here without it (the crt and the libc only), the module
# exports a data "fflush" as before; the runtime's fallback for modules
# without __sfi_rt_fflush must still not run it.
if "$b/bin/sfi-cc" -O2 -shared -fsfi-exports=all "$here/cfflush.c" -o "$t/cfflush-cc.so" 2>/dev/null; then
  echo "cfflush: sfi-cc accepted a data fflush behind __sfi_rt_fflush"; fail=1
fi
"$b/bin/sfi-cc" -O2 -fsfi-exports=all -c "$here/cfflush.c" -o "$t/cfflush.o"
lld "$t/cfflush.so" "$b/lib/sfi_crt.o" "$t/cfflush.o" "$b/lib/libsfic.a"
verified "cfflush (C)" "$t/cfflush.so"
holds "$t/cfflush_host" "$t/cfflush.so"
# x87 register contents seen through MMX
host mmxleak
link mmxleak
verified "mmxleak" "$t/mmxleak.so"
holds "$t/mmxleak_host" "$t/mmxleak.so"
# x87 instruction/data addresses, registers and flags of the host seen
# through fnstenv/MMX, and a sandbox's x87 mess seen by the host
host fpuenv
link fpuenv
verified "fpuenv" "$t/fpuenv.so"
holds "$t/fpuenv_host" "$t/fpuenv.so"
# A module without x87/MMX/AVX-512 instructions: the verifier says so (then
# the transitions leave that state alone), and the host keeps its own x87
# control word and an empty x87 stack after calls, imports and a trap. One
# with long double arithmetic: the verifier says x87.
host x87free
cmodule x87free -fsfi-exports=all -fsfi-import=host_fcw
v=$("$b/bin/sfi-verify" "$t/x87free.so" | tr '\n' ' ')
echo "== x87free: $v"
case "$v" in *state:*) echo "x87free: said to touch x87/AVX-512 state"; fail=1 ;; esac
holds "$t/x87free_host" "$t/x87free.so"
cmodule x87ld -fsfi-exports=all
v=$("$b/bin/sfi-verify" "$t/x87ld.so" | tr '\n' ' ')
echo "== x87ld: $v"
case "$v" in *"state: its code can touch x87/MMX"*) ;; *) echo "x87ld: x87 not seen"; fail=1 ;; esac
# review of call4: an x87-free module still changes the host's x87 state
# through runtime code run on its behalf (the libm long double wrappers'
# %st(0) results, the plain thunk's fldcw), which the return path no longer
# undoes for it; "trap": the host then dies of SIGFPE.
host x87leave
cmodule x87leave -fsfi-exports=all
verified "x87leave" "$t/x87leave.so"
holds "$t/x87leave_host" "$t/x87leave.so"
holds "$t/x87leave_host" "$t/x87leave.so" trap
# review call4b: runtime code run for an x87-free module (the system
# interface's fmt_fp, libm's nexttoward/nexttowardf: long double operands
# from the module's memory) leaves x87 exception FLAGS and the module's
# values in the x87 registers; 729eaee restores only the control word:
# with the host's FE_INVALID unmasked the flag is pending and the host dies
# of SIGFPE after the call or inside a host import (x87flags); a nested
# x87-using module reads the x87-free module's data through %mm (x87nest).
host x87flags
cmodule x87flags -fsfi-exports=all -fsfi-import=host_ld
verified "x87flags" "$t/x87flags.so"
v=$("$b/bin/sfi-verify" "$t/x87flags.so" | tr '\n' ' ')
case "$v" in *state:*) echo "x87flags: said to touch x87/AVX-512 state" ;; esac
holds "$t/x87flags_host" "$t/x87flags.so"
host x87nest
link x87nest_a
cmodule x87nest_b -fsfi-exports=all
verified "x87nest_a" "$t/x87nest_a.so"
verified "x87nest_b" "$t/x87nest_b.so"
holds "$t/x87nest_host" "$t/x87nest_a.so" "$t/x87nest_b.so"
# review life4: regions kept by free (instance.c): nothing of a freed or
# reset instance reaches the next (keepleak, keeprace: threads); the kept
# regions' resident bytes are capped (keeprss); a creation at a full pool
# retries after another thread drained the kept regions (keepdrain); at
# vm.max_map_count kept regions cannot always be dropped (keepmaps: known)
for h in keepleak keeprace keeprss keepdrain keepmaps; do host $h; done
cmodule keepleak -fsfi-exports=all -I"$here/../../include"
cmodule keeprss -fsfi-exports=all
holds "$t/keepleak_host" "$t/keepleak.so"
holds env SFI_LAYOUT_SEGMENTS=1 "$t/keepleak_host" "$t/keepleak.so"
holds "$t/keeprace_host" "$t/keepleak.so" 3
holds "$t/keeprss_host" "$t/keeprss.so"
holds "$t/keepdrain_host" "$t/keepleak.so" 100
"$t/keepmaps_host" "$t/keepleak.so" || still_open keepmaps
# review call4c: bdd703f's x87_dirty mark is per-thread memory. A host
# SIGALRM handler's nested call (documented in sfi.h) clears it and resets
# the unit in the handler's context; sigreturn puts the interrupted x87
# state back, and the outer call's return skips the reset: host SIGFPE
# (fpe) or the x87-free module's secret in %mm for a nested x87 module
# (nest; nosig must hold). x87exit: sfi__recover (exit(), traps) runs
# fninit, which keeps the data registers: another sandbox reads them after
# the import that ran the call (x87-free module, and x87 module as before
# 75bd0a3). x87unmask: host-import thunks clear x87 flags only when they
# reload the control word: a host that unmasks FE_INVALID in its import
# dies of the flag the sandbox set (x87-free via fmt_fp, or x87 code).
host x87sig
cmodule x87sig -fsfi-exports=all
verified "x87sig" "$t/x87sig.so"
case "$("$b/bin/sfi-verify" "$t/x87sig.so" | tr '\n' ' ')" in
  *state:*) echo "x87sig: said to touch x87/AVX-512 state"; fail=1 ;; esac
holds "$t/x87sig_host" "$t/x87sig.so" "$t/x87nest_a.so"
host x87exit
cmodule x87exit -fsfi-exports=all
verified "x87exit" "$t/x87exit.so"
"$b/bin/sfi-cc" -O2 -shared -fsfi-exports=all -DX87 "$here/x87exit.c" \
  -o "$t/x87exit_x87.so"
verified "x87exit_x87" "$t/x87exit_x87.so"
holds "$t/x87exit_host" "$t/x87nest_a.so" "$t/x87exit.so"
holds "$t/x87exit_host" "$t/x87nest_a.so" "$t/x87exit_x87.so"
host x87unmask
cmodule x87unmask_x -fsfi-exports=all -fsfi-import=host_ld
verified "x87unmask_x" "$t/x87unmask_x.so"
holds "$t/x87unmask_host" "$t/x87flags.so"
holds "$t/x87unmask_host" "$t/x87unmask_x.so"
# review call5 (call_fast): an import frees the binding being called
# (fnfree: its result type was read after the call; valgrind too when
# installed); a host signal handler's calls in the fast path's windows
# with a %gs base of the host's own (sigwin, 1 s); the exit paths (trap,
# exit, stale longjmp, nested call, timeout) put back %gs, MXCSR and the
# x87 control word (fastmisc).
host fnfree
cmodule fnfree -fsfi-exports=all -fsfi-import=host_unbind
holds "$t/fnfree_host" "$t/fnfree.so"
if command -v valgrind >/dev/null; then
  holds valgrind -q --error-exitcode=9 "$t/fnfree_host" "$t/fnfree.so"
fi
host sigwin
cmodule ccrossleak -fsfi-exports=all
holds "$t/sigwin_host" "$t/ccrossleak.so" 1
host fastmisc
cmodule fastmisc -fsfi-exports=all -fsfi-import=host_back
holds "$t/fastmisc_host" "$t/fastmisc.so"
# review callout5: x87-free import thunks skip their x87 checks while the
# thread is unmarked; the sandbox must not choose the control word host
# functions run under by making, or not, a system-interface call first
# (x87cwsel: the host calls in with upward rounding after loading).
host x87cwsel
cmodule x87cwsel -fsfi-exports=all -fsfi-import=host_env
holds "$t/x87cwsel_host" "$t/x87cwsel.so"
# (review callout6) the same after a callback made under another control
# word (x87cbcw, also from a thread that unmasks an exception), after a
# host import that changed its own rounding (x87cbcw via_imp), and a flag a
# host import left (x87carry: the next import unmasks it); the skip was
# reverted, these keep it out.
host x87cbcw
cmodule x87cbcw -fsfi-exports=all -fsfi-import=host_env -fsfi-import=host_round
holds "$t/x87cbcw_host" "$t/x87cbcw.so"
holds "$t/x87cbcw_host" "$t/x87cbcw.so" thread
holds "$t/x87cbcw_host" "$t/x87cbcw.so" unmask
host x87carry
cmodule x87carry -fsfi-exports=all -fsfi-import=host_widen -fsfi-import=host_ld
holds "$t/x87carry_host" "$t/x87carry.so"
# The same x87 assertions on the path of a processor without XGETBV(1)
# (X87_INIT's fninit/fldz fallback; x87_host.h forces it).
echo "== x87 hosts again, without XINUSE (SFI_TEST_NO_XINUSE=1)"
export SFI_TEST_NO_XINUSE=1
holds "$t/x87leave_host" "$t/x87leave.so"
holds "$t/x87leave_host" "$t/x87leave.so" trap
holds "$t/x87flags_host" "$t/x87flags.so"
holds "$t/x87nest_host" "$t/x87nest_a.so" "$t/x87nest_b.so"
holds "$t/x87sig_host" "$t/x87sig.so" "$t/x87nest_a.so"
holds "$t/x87exit_host" "$t/x87nest_a.so" "$t/x87exit.so"
holds "$t/x87exit_host" "$t/x87nest_a.so" "$t/x87exit_x87.so"
unset SFI_TEST_NO_XINUSE
# review call4d: the host's x87 registers and zmm16-31/k (left in place for
# a module without x87/AVX-512 code since 75bd0a3) in a host signal
# handler's frame on the sandbox's native stack (no SA_ONSTACK, as x87sig)
host x87frame
link x87frame
verified "x87frame" "$t/x87frame.so"
"$t/x87frame_host" "$t/x87frame.so" ||
  still_open x87frame
# the host's stdout offset moved by the sandbox
"$b/bin/sfi-cc" -O2 "$here/seekstdout.c" -o "$t/seekstdout.so"
(echo "HOST LOG LINE 1"; "$b/bin/sfi-run" "$t/seekstdout.so"; echo "HOST LOG LINE 2") > "$t/seek.out"
echo "== seekstdout: host's file now reads: $(cat "$t/seek.out")"
grep -q "HOST LOG LINE 1" "$t/seek.out" || still_open seekstdout
# crossleak from C source only
cmodule ccrossleak -fsfi-exports=all
verified "ccrossleak (C)" "$t/ccrossleak.so"
holds "$t/crossleak_host" "$t/ccrossleak.so"
# %k0 is not cleared on entry (review2): glibc's EVEX memchr mask of a secret
host k0leak
echo "== k0leak (regleak.so)"
holds "$t/k0leak_host" "$t/regleak.so"
# host data and host pointers left in registers when an import returns
# (review2: the regleak fix clears registers only in sfi__enter)
host importleak
link importleak
verified "importleak" "$t/importleak.so"
"$t/importleak_host" "$t/importleak.so" || still_open importleak
# a callback with stack parameters, tail-jumped to at offset 0 (review2):
# the stackargs fix covers imports only
host cbstackargs
link cbstackargs
verified "cbstackargs" "$t/cbstackargs.so"
holds "$t/cbstackargs_host" "$t/cbstackargs.so"
# a callback slot straddling two RELRO pages (review2): sfi_callback_new
# unprotects one page and the host faults writing the slot
host cbstraddle
$L/clang -c "$here/cbstraddle.s" -o "$t/cbstraddle.o"
$L/clang -c "$here/cbstraddle_mod.s" -o "$t/cbstraddle_mod.o"
lld "$t/cbstraddle.so" "$t/cbstraddle.o" "$t/cbstraddle_mod.o"
verified "cbstraddle" "$t/cbstraddle.so"
holds "$t/cbstraddle_host" "$t/cbstraddle.so"
# quadratic import matching in the loader (review2): 40000 undefined
# symbols keep sfi_module_load busy ~12 s (2^20 of them: hours)
host manyundefs
python3 "$here/manyundefs_gen.py" 40000 "$t/manyundefs.s"
$L/clang -c -I"$here" "$t/manyundefs.s" -o "$t/manyundefs.o"
lld "$t/manyundefs.so" "$b/lib/sfi_crt.o" "$t/manyundefs.o"
loads_quickly manyundefs "$t/manyundefs.so"
rm -f "$t/manyundefs.s" "$t/manyundefs.o" "$t/manyundefs.so"
# one memchr over the whole .symtab string table per symbol (review2)
python3 "$here/longstr_patch.py" "$t/regleak.so" "$t/longstr.so" 20000 16
loads_quickly longstr "$t/longstr.so"
rm -f "$t/longstr.so"
# setjmp's recorded return addresses: host memory outside mem_limit
host jmprets
cmodule jmprets -fsfi-exports=all
verified "jmprets (C)" "$t/jmprets.so"
holds "$t/jmprets_host" "$t/jmprets.so"
# verifier memory: ~40 bytes of host memory per instruction of a unit
host bignop
link bignop
verified "bignop" "$t/bignop.so"
"$t/bignop_host" "$t/bignop.so" || still_open bignop
rm -f "$t/bignop.so" "$t/bignop.o"
# host code addresses readable in the region's import stubs (review2;
# sfi.h documents that the stubs reveal the thunks' addresses: OPEN)
host stubleak
link stubleak
verified "stubleak" "$t/stubleak.so"
"$t/stubleak_host" "$t/stubleak.so" || still_open stubleak
# the same from C source only
cmodule cstubleak -fsfi-exports=all
verified "cstubleak (C)" "$t/cstubleak.so"
"$t/stubleak_host" "$t/cstubleak.so" || still_open cstubleak
# review4: dead native-stack frames of a victim instance read by another
# instance after a NESTED call (the victim ran inside the attacker's
# import), and by the same instance after sfi_instance_reset; a freed
# instance's kept region reused by the next instance must show nothing
host nestleak
link nestleak
verified "nestleak" "$t/nestleak.so"
"$t/nestleak_host" "$t/nestleak.so" nested || still_open nestleak-nested
"$t/nestleak_host" "$t/nestleak.so" reset || still_open nestleak-reset
holds "$t/nestleak_host" "$t/nestleak.so" reuse
# the same from C source only
"$b/bin/sfi-cc" -O2 -shared -fsfi-exports=all -fsfi-import=host_nest \
  "$here/cnestleak.c" -o "$t/cnestleak.so"
verified "cnestleak (C)" "$t/cnestleak.so"
"$t/nestleak_host" "$t/cnestleak.so" nested || still_open cnestleak-nested
"$t/nestleak_host" "$t/cnestleak.so" reset || still_open cnestleak-reset
holds "$t/nestleak_host" "$t/cnestleak.so" reuse
# review4: hostile DWARF (one .debug_ranges list shared by many units, no
# aranges) keeps the host thread in libdw for seconds (hours at 65536
# units) when it symbolizes a trap; the time limit does not apply
host dwtrap
$L/clang -g -c -I"$here" "$here/dwtrap.s" -o "$t/dwtrap.o"
lld "$t/dwtrap.so" "$b/lib/sfi_crt.o" "$t/dwtrap.o"
python3 "$here/dwranges_patch.py" "$t/dwtrap.so" "$t/dwranges.so" 300 300000
verified "dwranges" "$t/dwranges.so"
"$t/dwtrap_host" "$t/dwranges.so" 1 || still_open dwranges
rm -f "$t/dwranges.so" "$t/dwtrap.o"
# review4: a 256 KiB compressed .debug_str that libdw inflates to 256 MiB
# of host memory when the first trap is symbolized (mem_limit 16 MiB)
host dwzlib
python3 "$here/dwzlib_patch.py" "$t/dwtrap.so" "$t/dwzlib.so" 256
verified "dwzlib" "$t/dwzlib.so"
"$t/dwzlib_host" "$t/dwzlib.so" 64 || still_open dwzlib
rm -f "$t/dwzlib.so"
# review4: sfi_call by name reaches the reserved __sfi_rt_* entries that
# sfi.h says are never found (sfi_lookup refuses them)
host rtname
cmodule rtname
verified "rtname (C)" "$t/rtname.so"
"$t/rtname_host" "$t/rtname.so" || still_open rtname
# set-ID files created through the system interface
mkdir "$t/grant"
"$b/bin/sfi-cc" -O2 "$here/suid.c" -o "$t/suid.so"
"$b/bin/sfi-run" --dir "$t/grant:/data" "$t/suid.so"
echo "== suid: $(ls -l "$t/grant/x")"
[ -u "$t/grant/x" ] && { echo "set-user-ID file created"; fail=1; }
# review3: 1000 branch-slot jumps sharing one table of 65536 slots: the
# verifier checks all slots once per jump (16 s of CPU for a 0.55 MB module)
python3 "$here/slotsdos_gen.py" 1000 "$t/slotsdos.s"
$L/clang -c -I"$here" "$t/slotsdos.s" -o "$t/slotsdos.o"
lld "$t/slotsdos.so" "$b/lib/sfi_crt.o" "$t/slotsdos.o"
loads_quickly slotsdos "$t/slotsdos.so"
rm -f "$t/slotsdos.s" "$t/slotsdos.o" "$t/slotsdos.so"
# review3: label values of two functions compare equal (labels numbered
# per function); natively never
"$b/bin/sfi-cc" -O0 "$here/labelid.c" -o "$t/labelid.so"
out=$("$b/bin/sfi-run" "$t/labelid.so" | head -1)
echo "== labelid (C, -O0): $out"
case "$out" in *": 0") ;; *) echo "labels of different functions equal"; fail=1 ;; esac
# review3: an ordinary switch sfi-cc refuses to compile (false rejection)
if "$b/bin/sfi-cc" -O2 -fwrapv "$here/swreject.c" -o "$t/swreject.so" 2>"$t/swreject.err"; then
  echo "== swreject: compiles"
else
  echo "== swreject: $(head -1 "$t/swreject.err")"; still_open swreject
fi
exit $fail
