//===- SFI.h - libsfi pass: shared declarations -----------------*- C++ -*-===//
//
// The sandboxing pass is one module pass made of steps, one concern per file.
// The order matters and lives in SFIPass.cpp:
//   refusals -> varargs -> control flow -> byval -> shadow stack ->
//   memory masking -> marker -> (verifier)
//
//===----------------------------------------------------------------------===//

#ifndef LIBSFI_PASS_SFI_H
#define LIBSFI_PASS_SFI_H

#include "llvm/Config/llvm-config.h"
// Debian's LLVM is built without statistics; force ours on so that
// -mllvm -stats (or -sfi-stats) reports what the pass masked and elided.
#undef LLVM_FORCE_ENABLE_STATS
#define LLVM_FORCE_ENABLE_STATS 1
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/CommandLine.h"

#include "sfi_abi.h"

namespace sfi {

enum class Mode { Full, StoresOnly };
enum class Scheme { GS, Anchor };

struct Config {
  Mode TheMode = Mode::Full;
  Scheme TheScheme = Scheme::GS;
  bool Verify = false;
  /// Version 1 masked pointers in the IR; version 2 leaves that to the
  /// machine pass (MachineSandbox.cpp). Kept behind -sfi-ir-masks for
  /// comparison only: the verifier in the loader accepts only version 2.
  bool IRMasks = false;
};

/// Options from -mllvm -sfi-* (needs -fplugin=libsfi.so in clang, see
/// Options.cpp) or from the pipeline text (sfi<stores;anchor>).
Config configFromOptions();

/// Address space of %gs-relative pointers on x86-64.
constexpr unsigned GSAddrSpace = 256;

/// Reports an error at the instruction's source location (file:line when the
/// module has debug info or clang's srcloc) through LLVM's diagnostic
/// handler, so that clang prints `error:` and fails the build.
void reportError(llvm::Function &F, const llvm::Instruction *I,
                 const llvm::Twine &Msg);
void reportModuleError(llvm::Module &M, const llvm::Twine &Msg);

/// Prints this pass's statistics to stderr when -stats or -sfi-stats is on.
void printStatsIfRequested();

/// -mllvm -sfi-debug: explain each rewrite, mask and elision on stderr, one
/// line each, "sfi: <function>: <what>: <instruction>". LLVM_DEBUG with
/// -debug-only=sfi would do this in an assertions build of LLVM; Debian's
/// LLVM is a release build, where LLVM_DEBUG compiles to nothing, so the
/// pass has its own switch.
bool debugEnabled();
llvm::raw_ostream &debugLine(llvm::StringRef Function, llvm::StringRef What);
#define SFI_DEBUG(X)                                                           \
  do {                                                                         \
    if (::sfi::debugEnabled()) {                                               \
      X;                                                                       \
    }                                                                          \
  } while (false)

/// A new block at the end of F that executes `ud1 Code(%eax), %eax`
/// (llvm.ubsantrap; Code is one of SFI_TRAPCODE_*) and ends unreachable:
/// the one way every check of the pass fails.
llvm::BasicBlock *createTrapBlock(llvm::Function &F, uint8_t Code,
                                  const llvm::Twine &Name);

/// The C library's setjmp family, routed to the runtime.
inline bool isSetjmpName(llvm::StringRef N) {
  return N == "setjmp" || N == "_setjmp" || N == "sigsetjmp" ||
         N == "__sigsetjmp";
}
inline bool isLongjmpName(llvm::StringRef N) {
  return N == "longjmp" || N == "_longjmp" || N == "siglongjmp";
}

/// Functions the pass itself generates and must leave alone.
bool isSFIGenerated(const llvm::Function &F);

/// Inline asm that assembles to nothing or to a hint (pause, fences):
/// compiler barriers the pass keeps (Refusals.cpp).
bool isHarmlessAsm(const llvm::InlineAsm &IA);

/// True if SI's cases cover every value its condition can take (an i8
/// with 256 cases, or and(x, 2^k-1) with the cases 0..2^k-1), so that its default
/// is dead and code generation needs no range check.
bool isCoveredSwitch(const llvm::SwitchInst &SI);

/// Steps. Each returns true if it changed the module. Steps that find
/// something they cannot make safe report an error and return.
bool refuseUnsafe(llvm::Module &M);
bool lowerVarargs(llvm::Module &M);
bool sandboxControlFlow(llvm::Module &M, const Config &C);
bool lowerByval(llvm::Module &M);
bool lowerStackArgs(llvm::Module &M);
bool moveToShadowStack(llvm::Module &M);
/// Analyses (the dominator tree of -sfi-ir-masks) come from FAM: the step
/// drops what FAM holds for a function before it asks (the earlier steps
/// changed it) and after it changed it.
bool sandboxMemory(llvm::Module &M, const Config &C,
                   llvm::FunctionAnalysisManager &FAM);
bool addMarker(llvm::Module &M, const Config &C);
/// Version 2: function attributes that give code generation the shape the
/// machine pass and the binary verifier expect (no frame pointer, no red
/// zone, no stack probes or realignment, no jump tables).
bool setCodegenAttributes(llvm::Module &M);
/// Returns the number of violations found (0 = verified). Changes nothing;
/// the dominator trees it needs come from FAM, which must hold nothing stale.
unsigned verifySandboxed(llvm::Module &M, const Config &C, bool Report,
                         llvm::FunctionAnalysisManager &FAM);

/// True if every use of the alloca is a load or store (or a constant-length
/// memory intrinsic) at a constant offset inside it: it may stay on the
/// native stack and its accesses need no mask.
bool isNativeSafeAlloca(const llvm::AllocaInst &AI,
                        const llvm::DataLayout &DL);

/// Globals the crt defines in every module for the pass's own use (their
/// names are reserved, so user code cannot define them): in the image even
/// where this translation unit only declares them.
inline bool isCrtGlobal(const llvm::GlobalValue &GV) {
  return GV.getName() == SFI_SYM_SSP || GV.getName() == SFI_SYM_SSP_LIMIT;
}

/// The module-level shadow stack pointer, declared if missing.
llvm::GlobalVariable *getShadowStackPointer(llvm::Module &M);
llvm::GlobalVariable *getShadowStackLimit(llvm::Module &M);

} // namespace sfi

namespace llvm {
class MachineFunctionPass;
}

namespace sfi {
/// The machine part of the pass (MachineSandbox.cpp), put into clang's code
/// generator by Plugin.cpp.
llvm::MachineFunctionPass *createMachineSandboxPass();
llvm::MachineFunctionPass *createRefoldImportCallsPass();

/// Writes "Name<mode;scheme;verify>" as the pipeline parser reads it back
/// (Plugin.cpp), so -print-pipeline-passes shows the parameters in force.
void printConfig(llvm::raw_ostream &OS, llvm::StringRef Name, const Config &C);

class SFIPass : public llvm::PassInfoMixin<SFIPass> {
public:
  explicit SFIPass(Config C) : Cfg(C) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
  void printPipeline(llvm::raw_ostream &OS,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)>) {
    printConfig(OS, "sfi", Cfg);
  }

private:
  Config Cfg;
};

class SFIVerifyPass : public llvm::PassInfoMixin<SFIVerifyPass> {
public:
  explicit SFIVerifyPass(Config C) : Cfg(C) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
  void printPipeline(llvm::raw_ostream &OS,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)>) {
    printConfig(OS, "sfi-verify", Cfg);
  }

private:
  Config Cfg;
};

} // namespace sfi

#endif
