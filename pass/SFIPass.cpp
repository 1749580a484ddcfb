//===- SFIPass.cpp - libsfi pass: the order of the steps ------------------===//
//
// run() is thin: it calls the steps in order. Refusals come first so that a
// module with something we cannot make safe is reported before we rewrite
// it; memory masking comes after every step that creates memory accesses
// (varargs buffers, byval copies, shadow frames), so those are masked too.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace sfi;

#define DEBUG_TYPE "sfi"

static GlobalVariable *getOrDeclarePtrGlobal(Module &M, StringRef Name) {
  if (GlobalVariable *GV = M.getNamedGlobal(Name))
    return GV;
  auto *GV = new GlobalVariable(M, PointerType::get(M.getContext(), 0),
                                /*isConstant=*/false,
                                GlobalValue::ExternalLinkage, nullptr, Name);
  // Defined by the crt in the same module (linked -Bsymbolic), so it can be
  // reached rip-relative without a GOT load.
  GV->setDSOLocal(true);
  GV->setAlignment(Align(8));
  return GV;
}

GlobalVariable *sfi::getShadowStackPointer(Module &M) {
  return getOrDeclarePtrGlobal(M, SFI_SYM_SSP);
}

GlobalVariable *sfi::getShadowStackLimit(Module &M) {
  return getOrDeclarePtrGlobal(M, "__sfi_ssp_limit");
}

PreservedAnalyses sfi::SFIPass::run(Module &M, ModuleAnalysisManager &MAM) {
  // A module the pass has already seen (e.g. LTO after a per-TU run) keeps
  // a module flag, which C source cannot forge (a global of that name
  // could be); running twice would mask masked pointers again and re-wrap
  // jump-table entries.
  if (M.getModuleFlag("sfi.sandboxed"))
    return PreservedAnalyses::all();
  if (refuseUnsafe(M))
    return PreservedAnalyses::none();
  lowerVarargs(M);
  sandboxControlFlow(M, Cfg);
  lowerByval(M);
  lowerStackArgs(M);
  moveToShadowStack(M);
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  sandboxMemory(M, Cfg, FAM);
  setCodegenAttributes(M);
  addMarker(M, Cfg);
  M.addModuleFlag(Module::Max, "sfi.sandboxed",
                  Cfg.TheMode == Mode::Full ? SFI_MODE_FULL : SFI_MODE_STORES);
  if (Cfg.Verify) {
    // Release builds of clang do not verify the IR between passes: a step
    // that left invalid IR (issue 14: phis that did not match a switch's
    // edges) went on to crash or mislead a later pass, Loop Strength
    // Reduction in code generation. With -sfi-verify (sfi-cc's default)
    // such a bug of the pass is a clear error here instead.
    std::string Why;
    raw_string_ostream OS(Why);
    if (verifyModule(M, &OS)) {
      auto [First, Rest] = StringRef(Why).split('\n');
      reportModuleError(M, "the pass produced invalid IR (a bug in libsfi): " +
                               First + " " + Rest.split('\n').first.trim());
      return PreservedAnalyses::none();
    }
    verifySandboxed(M, Cfg, /*Report=*/true, FAM);
  }
  printStatsIfRequested();
  // Every step may have changed any function: nothing is preserved.
  return PreservedAnalyses::none();
}

PreservedAnalyses sfi::SFIVerifyPass::run(Module &M,
                                          ModuleAnalysisManager &MAM) {
  // After LTO the mode is the weakest of the merged objects (the module
  // flag merges with Max: stores-only is 2).
  Config C = Cfg;
  if (auto *MD = mdconst::extract_or_null<ConstantInt>(
          M.getModuleFlag("sfi.sandboxed")))
    if (MD->getZExtValue() == SFI_MODE_STORES)
      C.TheMode = Mode::StoresOnly;
  verifySandboxed(
      M, C, /*Report=*/true,
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager());
  return PreservedAnalyses::all(); // it only reads
}
