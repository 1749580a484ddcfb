//===- Refusals.cpp - libsfi pass: what sandboxed code may not contain ----===//
//
// Some constructs cannot be made safe by rewriting, or are not supported
// yet. They are refused with a compile error at their source line rather
// than compiled into something that might escape:
//   - inline and module-level assembly (arbitrary instructions);
//   - pointers in non-zero address spaces (__seg_gs would reach the region
//     base register itself, __seg_fs the host's thread block);
//   - intrinsics outside a known-safe list (wrgsbase, read_register, ...);
//   - C++ exceptions (invoke/landingpad) and ifuncs;
//   - names reserved for the pass (__sfi_jt.*), so that user code cannot
//     pose as code the pass generated;
//   - calling conventions other than C and the argument attributes that
//     pin arguments to registers the sandbox reserves (nest, inreg, swift*).
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/IntrinsicsX86.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/CallingConv.h"

#include "llvm/IR/PatternMatch.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace llvm::PatternMatch;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumRefused, "Constructs refused by libsfi");
STATISTIC(NumHarmlessAsm, "Empty or hint-only inline asm statements kept");

static bool isAllowedIntrinsic(const Function &F) {
  switch (F.getIntrinsicID()) {
  // Rewritten by later steps.
  case Intrinsic::memcpy:
  case Intrinsic::memcpy_inline:
  case Intrinsic::memmove:
  case Intrinsic::memset:
  case Intrinsic::memset_inline:
  case Intrinsic::memcpy_element_unordered_atomic:
  case Intrinsic::memmove_element_unordered_atomic:
  case Intrinsic::memset_element_unordered_atomic:
  case Intrinsic::masked_load:
  case Intrinsic::masked_store:
  case Intrinsic::masked_gather:
  case Intrinsic::masked_scatter:
  case Intrinsic::masked_expandload:
  case Intrinsic::masked_compressstore:
  case Intrinsic::prefetch:
  case Intrinsic::stacksave:
  case Intrinsic::stackrestore:
  case Intrinsic::vastart:
  case Intrinsic::vaend:
  case Intrinsic::vacopy:
  case Intrinsic::threadlocal_address:
  // No memory access of their own.
  case Intrinsic::lifetime_start:
  case Intrinsic::lifetime_end:
  case Intrinsic::invariant_start:
  case Intrinsic::invariant_end:
  case Intrinsic::launder_invariant_group:
  case Intrinsic::strip_invariant_group:
  case Intrinsic::dbg_declare:
  case Intrinsic::dbg_value:
  case Intrinsic::dbg_label:
  case Intrinsic::dbg_assign:
  case Intrinsic::assume:
  case Intrinsic::expect:
  case Intrinsic::expect_with_probability:
  case Intrinsic::trap:
  case Intrinsic::debugtrap:
  case Intrinsic::ubsantrap:
  case Intrinsic::donothing:
  case Intrinsic::sideeffect:
  case Intrinsic::experimental_noalias_scope_decl:
  case Intrinsic::objectsize:
  case Intrinsic::is_constant:
  case Intrinsic::annotation:
  case Intrinsic::var_annotation:
  case Intrinsic::ptr_annotation:
  case Intrinsic::codeview_annotation:
  case Intrinsic::pseudoprobe:
  case Intrinsic::allow_runtime_check:
  case Intrinsic::allow_ubsan_check:
  // Floating-point environment: the runtime restores MXCSR and the x87
  // control word when a call into the sandbox returns.
  case Intrinsic::get_rounding:
  case Intrinsic::set_rounding:
    return true;
  // Reach outside the sandbox or expose the native stack.
  case Intrinsic::frameaddress:
  case Intrinsic::returnaddress:
  case Intrinsic::addressofreturnaddress:
  case Intrinsic::sponentry:
  case Intrinsic::read_register:
  case Intrinsic::read_volatile_register:
  case Intrinsic::write_register:
  case Intrinsic::thread_pointer:
  case Intrinsic::localescape:
  case Intrinsic::localrecover:
  case Intrinsic::clear_cache:
  case Intrinsic::load_relative:
  case Intrinsic::stackprotector:
  case Intrinsic::stackguard:
  case Intrinsic::x86_rdfsbase_32:
  case Intrinsic::x86_rdfsbase_64:
  case Intrinsic::x86_rdgsbase_32:
  case Intrinsic::x86_rdgsbase_64:
  case Intrinsic::x86_wrfsbase_32:
  case Intrinsic::x86_wrfsbase_64:
  case Intrinsic::x86_wrgsbase_32:
  case Intrinsic::x86_wrgsbase_64:
    return false;
  default:
    break;
  }
  // Pure computations (math, bit manipulation, vector shuffles, x86 SIMD
  // arithmetic) are safe; anything that touches memory or has effects we do
  // not know is not.
  return F.doesNotAccessMemory() && F.willReturn();
}

static bool hasForeignPointer(Type *T) {
  if (auto *VT = dyn_cast<VectorType>(T))
    T = VT->getElementType();
  if (auto *PT = dyn_cast<PointerType>(T))
    return PT->getAddressSpace() != 0;
  return false;
}

// Inline asm that assembles to nothing or to an instruction that touches
// no memory and no control flow: compiler barriers (`asm("" ::: "memory")`,
// `asm volatile("" : "+r"(x))`), spin-loop hints, fences, and the CPU
// queries feature detection uses (cpuid, xgetbv, rdtsc, rdtscp: zstd's
// cpu.h), and code alignment (nop padding). They write only general registers; a wrong clobber list can
// only confuse the program itself, since every access and jump around
// them carries its own confinement. Their constraints only
// steer register allocation; whatever code generation makes of them, the
// binary verifier checks like any other code.
// ".p2align N" (N <= 6) or ".balign N" (N a power of two <= 64) with no
// fill value: the assembler pads code with nops (zstd aligns its hot
// loops so).
static bool isCodeAlignment(StringRef S) {
  unsigned N;
  if (S.consume_front(".p2align "))
    return !S.getAsInteger(10, N) && N <= 6;
  if (S.consume_front(".balign "))
    return !S.getAsInteger(10, N) && N >= 1 && N <= 64 && isPowerOf2_32(N);
  return false;
}

bool sfi::isHarmlessAsm(const InlineAsm &IA) {
  std::string Text = IA.getAsmString().str();
  // "rep; nop" is pause; a '#' starts a comment up to the end of the line.
  for (size_t At; (At = Text.find("rep;")) != std::string::npos;)
    Text.replace(At, 4, "rep ");
  // The assembler ends a statement (and a '#' comment) at '\r' as at '\n'
  // (review: "cpuid # \r movq ..." smuggled a store past a comment).
  std::replace(Text.begin(), Text.end(), '\r', '\n');
  SmallVector<StringRef, 4> Lines;
  StringRef(Text).split(Lines, '\n');
  for (StringRef Line : Lines) {
    Line = Line.split('#').first;
    SmallVector<StringRef, 4> Stmts;
    Line.split(Stmts, ';');
    for (StringRef St : Stmts) {
      std::string Lower = St.trim().lower();
      SmallVector<StringRef, 4> Words;
      StringRef(Lower).split(Words, ' ', -1, /*KeepEmpty=*/false);
      std::string Norm = join(Words, " ");
      if (!Norm.empty() && Norm != "pause" && Norm != "rep nop" &&
          Norm != "nop" && Norm != "lfence" && Norm != "mfence" &&
          Norm != "sfence" && Norm != "cpuid" && Norm != "rdtsc" &&
          Norm != "rdtscp" && Norm != "xgetbv" && !isCodeAlignment(Norm))
        return false;
    }
  }
  return true;
}

static bool refuseInFunction(Function &F) {
  bool Refused = false;
  auto Refuse = [&](const Instruction *I, const Twine &Msg) {
    reportError(F, I, Msg);
    ++NumRefused;
    Refused = true;
  };
  for (Instruction &I : instructions(F)) {
    if (isa<InvokeInst>(I) || isa<LandingPadInst>(I) || isa<ResumeInst>(I) ||
        I.isEHPad() || isa<CallBrInst>(I)) {
      Refuse(&I, "exceptions and asm goto are not supported in sandboxed code");
      continue;
    }
    if (isa<VAArgInst>(I)) {
      Refuse(&I, "the va_arg instruction is not supported (clang lowers "
                 "va_arg for x86-64 itself)");
      continue;
    }
    if (hasForeignPointer(I.getType())) {
      Refuse(&I, "pointers in address space " +
                     Twine(I.getType()->getScalarType()->getPointerAddressSpace()) +
                     " (e.g. __seg_gs/__seg_fs) are not allowed in sandboxed "
                     "code");
      continue;
    }
    for (const Use &U : I.operands())
      if (hasForeignPointer(U->getType())) {
        Refuse(&I, "pointers in a non-zero address space (e.g. __seg_gs/"
                   "__seg_fs) are not allowed in sandboxed code");
        break;
      }
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB)
      continue;
    if (CB->isInlineAsm() && isa<CallInst>(CB) &&
        isHarmlessAsm(*cast<InlineAsm>(CB->getCalledOperand()))) {
      ++NumHarmlessAsm;
      continue;
    }
    // __builtin_frame_address(0): the shadow stack pointer
    // (ShadowStack.cpp), which orders like frames for stack-depth checks.
    if (auto *II = dyn_cast<IntrinsicInst>(CB))
      if (II->getIntrinsicID() == Intrinsic::frameaddress &&
          match(II->getArgOperand(0), m_Zero()))
        continue;
    if (CB->isInlineAsm()) {
      // Inline asm carries clang's source-location cookie; this diagnostic
      // kind makes clang print the exact file:line:col of the asm statement.
      uint64_t Cookie = 0;
      if (MDNode *SrcLoc = I.getMetadata("srcloc"))
        if (auto *CI = mdconst::dyn_extract<ConstantInt>(SrcLoc->getOperand(0)))
          Cookie = CI->getZExtValue();
      if (Cookie)
        F.getContext().diagnose(DiagnosticInfoInlineAsm(
            Cookie, "libsfi: inline assembly is not allowed in sandboxed code",
            DS_Error));
      else
        reportError(F, &I, "inline assembly is not allowed in sandboxed code");
      ++NumRefused;
      Refused = true;
      continue;
    }
    Function *Callee = CB->getCalledFunction();
    if (Callee && Callee->isIntrinsic() && !isAllowedIntrinsic(*Callee))
      Refuse(&I, "intrinsic " + Callee->getName() +
                     " cannot be made safe in sandboxed code");
  }
  return Refused;
}

// ---- Calling conventions -------------------------------------------------
// Only the C convention is allowed: the others move the callee-saved set
// (preserve_none/most/all, coldcc), pass arguments in r10-r14 or on the
// stack in other ways (regcall, vectorcall, win64, swift*, ghc, anyreg),
// end in iretq (interrupt) or pop the caller's stack (tailcc with its
// guaranteed tail calls). GlobalOpt gives internal functions whose address
// is never taken fastcc (and, with some options, coldcc) before the
// optimizer-last point where the pass runs: those are set back to C
// together with every call of them, which keeps the module consistent.

static StringRef convName(CallingConv::ID CC) {
  switch (CC) {
  case CallingConv::Fast: return "fastcc";
  case CallingConv::Cold: return "coldcc";
  case CallingConv::GHC: return "ghccc";
  case CallingConv::AnyReg: return "anyregcc";
  case CallingConv::PreserveMost: return "preserve_mostcc";
  case CallingConv::PreserveAll: return "preserve_allcc";
  case CallingConv::PreserveNone: return "preserve_nonecc";
  case CallingConv::Swift: return "swiftcc";
  case CallingConv::SwiftTail: return "swifttailcc";
  case CallingConv::Tail: return "tailcc";
  case CallingConv::CFGuard_Check: return "cfguard_checkcc";
  case CallingConv::CXX_FAST_TLS: return "cxx_fast_tlscc";
  case CallingConv::X86_StdCall: return "x86_stdcallcc";
  case CallingConv::X86_FastCall: return "x86_fastcallcc";
  case CallingConv::X86_ThisCall: return "x86_thiscallcc";
  case CallingConv::X86_VectorCall: return "x86_vectorcallcc";
  case CallingConv::X86_RegCall: return "x86_regcallcc";
  case CallingConv::X86_INTR: return "x86_intrcc (interrupt)";
  case CallingConv::Win64: return "win64cc (ms_abi)";
  default: return "";
  }
}

static std::string convText(CallingConv::ID CC) {
  StringRef N = convName(CC);
  return N.empty() ? "cc " + std::to_string(CC) : N.str();
}

// Argument attributes that pin a value to a register the sandbox reserves
// (nest: r10, the indirect-call sequence's scratch; swiftself/swifterror/
// swiftasync: r13/r12/r14) or to the native stack (inalloca, preallocated).
static const char *badArgAttr(const AttributeList &AL) {
  static const std::pair<Attribute::AttrKind, const char *> Kinds[] = {
      {Attribute::Nest, "nest"},
      {Attribute::InReg, "inreg"},
      {Attribute::SwiftSelf, "swiftself"},
      {Attribute::SwiftError, "swifterror"},
      {Attribute::SwiftAsync, "swiftasync"},
      {Attribute::InAlloca, "inalloca"},
      {Attribute::Preallocated, "preallocated"}};
  for (auto &[K, N] : Kinds)
    if (AL.hasAttrSomewhere(K))
      return N;
  return nullptr;
}

// fastcc/coldcc that GlobalOpt may have introduced: an internal function
// whose only uses are direct calls that agree with it.
static bool hasOptimizerConvention(const Function &F) {
  CallingConv::ID CC = F.getCallingConv();
  if ((CC != CallingConv::Fast && CC != CallingConv::Cold) ||
      !F.hasLocalLinkage() || F.isDeclaration())
    return false;
  for (const Use &U : F.uses()) {
    auto *CB = dyn_cast<CallBase>(U.getUser());
    if (!CB || !CB->isCallee(&U) || CB->getCallingConv() != CC)
      return false;
  }
  return true;
}

static void resetToC(Function &F) {
  for (User *U : F.users())
    cast<CallBase>(U)->setCallingConv(CallingConv::C);
  F.setCallingConv(CallingConv::C);
}

// Why a function's signature is refused, or "" if it is fine.
static std::string signatureProblem(const Function &F) {
  if (F.getCallingConv() != CallingConv::C)
    return "calling convention " + convText(F.getCallingConv());
  if (const char *A = badArgAttr(F.getAttributes()))
    return std::string("the '") + A + "' argument attribute";
  return "";
}

static std::string callProblem(const CallBase &CB) {
  if (CB.getCallingConv() != CallingConv::C)
    return "calling convention " + convText(CB.getCallingConv());
  if (const char *A = badArgAttr(CB.getAttributes()))
    return std::string("the '") + A + "' argument attribute";
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || Callee->isIntrinsic())
    return "";
  if (Callee->hasFnAttribute(Attribute::Naked))
    return "the 'naked' attribute";
  return signatureProblem(*Callee);
}

static bool refuseCalls(Function &F) {
  bool Refused = false;
  for (Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB || CB->isInlineAsm())
      continue;
    std::string Why = callProblem(*CB);
    if (Why.empty())
      continue;
    const Function *Callee = CB->getCalledFunction();
    std::string What = Callee ? "call to '" + Callee->getName().str() + "'"
                              : "indirect call";
    reportError(F, &I, What + " with " + Why +
                           " is not allowed in sandboxed code (only the C "
                           "calling convention is)");
    ++NumRefused;
    Refused = true;
  }
  return Refused;
}

static bool refuseConventions(Module &M) {
  for (Function &F : M)
    if (hasOptimizerConvention(F))
      resetToC(F);
  bool Refused = false;
  for (Function &F : M) {
    if (F.isIntrinsic())
      continue;
    std::string Why = signatureProblem(F);
    if (!Why.empty() && !F.isDeclaration()) {
      reportError(F, nullptr, "function '" + F.getName() + "' with " + Why +
                                  " is not allowed in sandboxed code (only "
                                  "the C calling convention is)");
      ++NumRefused;
      Refused = true;
    } else if (!Why.empty() && !F.use_empty() && none_of(F.users(), [](User *U) {
                 return isa<CallBase>(U);
               })) {
      // Only its address is used: a call through it would use Why.
      reportModuleError(M, "the address of '" + F.getName() + "' (" + Why +
                               ") may not be taken in sandboxed code");
      Refused = true;
    }
    if (!F.isDeclaration())
      Refused |= refuseCalls(F);
  }
  return Refused;
}

// Names the crt, the linker or the pass define for the sandbox's own
// bookkeeping, and sections that hold trusted code or the marker. A user
// definition of either would forge the jump table, its bounds or the note.
static bool isReservedName(StringRef N) {
  return N.starts_with(SFI_JT_PREFIX) || N == SFI_SYM_SSP ||
         N == SFI_SYM_SSP_LIMIT || N == SFI_SYM_JT_BOUNDS ||
         N == "__sfi_note" || N == "__sfi_cb_slots" ||
         N == "__start_" SFI_JT_SECTION || N == "__stop_" SFI_JT_SECTION;
}

static bool isReservedSection(StringRef S) {
  return S == SFI_JT_SECTION || S.starts_with(SFI_NOTE_SECTION);
}

bool sfi::refuseUnsafe(Module &M) {
  bool Refused = false;
  for (GlobalValue &GV : M.global_values()) {
    if (GV.isDeclaration())
      continue;
    if (isReservedName(GV.getName())) {
      reportModuleError(M, "the name '" + GV.getName() +
                               "' is reserved for libsfi");
      Refused = true;
    } else if (auto *GO = dyn_cast<GlobalObject>(&GV);
               GO && GO->hasSection() && isReservedSection(GO->getSection())) {
      reportModuleError(M, "'" + GV.getName() + "' may not be placed in "
                               "section '" + GO->getSection() +
                               "', which is reserved for libsfi");
      Refused = true;
    }
  }
  if (!M.getModuleInlineAsm().empty()) {
    reportModuleError(M, "module-level assembly is not allowed in sandboxed "
                         "code");
    Refused = true;
  }
  for (GlobalIFunc &IF : M.ifuncs()) {
    reportModuleError(M, "ifunc '" + IF.getName() +
                             "' is not allowed in sandboxed code");
    Refused = true;
  }
  for (GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() != 0) {
      reportModuleError(M, "global '" + GV.getName() +
                               "' is in a non-zero address space");
      Refused = true;
    }
  for (Function &F : M) {
    if (F.hasFnAttribute("sfi-generated")) {
      reportModuleError(M, "the name '" + F.getName() +
                               "' is reserved for libsfi");
      Refused = true;
      continue;
    }
    // setjmp must be called directly: the pass pairs each function that
    // calls it with a release of its contexts on return, which a call
    // through a pointer would bypass.
    StringRef N = F.getName();
    if (isSetjmpName(N) || N == SFI_SYS_PREFIX "setjmp")
      for (const Use &U : F.uses()) {
        auto *CB = dyn_cast<CallBase>(U.getUser());
        if (CB && CB->isCallee(&U))
          continue;
        reportModuleError(M, "the address of '" + N +
                                 "' may not be taken in sandboxed code");
        Refused = true;
        break;
      }
    if (F.isDeclaration())
      continue;
    // Sanitizers instrument after this pass (clang registers them at the
    // same extension point, later) with unmasked accesses to their shadow
    // memory in the host: refuse the functions they would instrument.
    if (F.hasFnAttribute(Attribute::SanitizeAddress) ||
        F.hasFnAttribute(Attribute::SanitizeHWAddress) ||
        F.hasFnAttribute(Attribute::SanitizeMemory) ||
        F.hasFnAttribute(Attribute::SanitizeThread) ||
        F.hasFnAttribute(Attribute::SanitizeMemTag) ||
        F.hasFnAttribute(Attribute::SanitizeNumericalStability) ||
        F.hasFnAttribute(Attribute::SafeStack)) {
      reportError(F, nullptr, "sanitizer instrumentation (-fsanitize=address, "
                              "memory, thread, safe-stack, ...) is not "
                              "supported in sandboxed code: it would access "
                              "host memory");
      Refused = true;
      continue;
    }
    if (F.hasFnAttribute(Attribute::Naked)) {
      reportError(F, nullptr, "naked functions are not allowed in sandboxed "
                              "code");
      Refused = true;
      continue;
    }
    Refused |= refuseInFunction(F);
  }
  Refused |= refuseConventions(M);
  return Refused;
}
