//===- Plugin.cpp - libsfi pass plugin registration -----------------------===//
//
// Only registration lives here: `opt -passes=sfi` / `sfi-verify` for tests,
// and the optimizer-last extension point so that `clang -fpass-plugin`
// sandboxes at every -O level after the IR optimizer has run (masks are not
// undone, and they do not hamper optimization).
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/Passes.h"
#include "llvm/CodeGen/TargetPassConfig.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Target/RegisterTargetPassConfigCallback.h"
#include "llvm/Plugins/PassPlugin.h"
#include "llvm/Support/CommandLine.h"

using namespace llvm;
using namespace sfi;

// Pipeline text: sfi, sfi<stores>, sfi<anchor>, sfi<stores;anchor>, and the
// same for sfi-verify. Without parameters the -sfi-* options apply.
static bool parseConfig(StringRef Name, StringRef Base, sfi::Config &C) {
  if (Name == Base) {
    C = sfi::configFromOptions();
    return true;
  }
  if (!Name.consume_front(Base) || !Name.consume_front("<") ||
      !Name.consume_back(">"))
    return false;
  C = sfi::configFromOptions();
  SmallVector<StringRef, 4> Params;
  Name.split(Params, ';');
  for (StringRef P : Params) {
    if (P == "stores")
      C.TheMode = sfi::Mode::StoresOnly;
    else if (P == "full")
      C.TheMode = sfi::Mode::Full;
    else if (P == "anchor")
      C.TheScheme = sfi::Scheme::Anchor;
    else if (P == "gs")
      C.TheScheme = sfi::Scheme::GS;
    else if (P == "verify")
      C.Verify = true;
    else if (P == "no-verify")
      C.Verify = false;
    else
      return false;
  }
  return true;
}

static void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        sfi::Config C;
        if (parseConfig(Name, "sfi-verify", C)) {
          MPM.addPass(sfi::SFIVerifyPass(C));
          return true;
        }
        if (parseConfig(Name, "sfi", C)) {
          MPM.addPass(sfi::SFIPass(C));
          return true;
        }
        return false;
      });
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel, ThinOrFullLTOPhase) {
        MPM.addPass(sfi::SFIPass(sfi::configFromOptions()));
      });
  // -flto: the pass ran on every object before the link (the pre-link
  // pipeline ends with the optimizer-last callbacks); after the link-time
  // optimizer has rewritten the merged module, check it again, so that an
  // optimization that broke a mask fails the link instead of escaping.
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(sfi::SFIVerifyPass(sfi::configFromOptions()));
      });
}

// The machine part runs in every x86-64 code generator this process builds
// (clang's, and lld's for -flto), late: after frame lowering, block
// placement and the target's pre-emit passes, so what it emits is what the
// object file gets. StackMapLiveness is present at every -O level.
// Computed goto becomes a switch (ControlFlow.cpp), whose dispatch block
// has as many successors as the function has labels and as many
// predecessors as it has gotos. Tail duplication copies such a block into
// each goto (one well-predicted indirect jump per handler, as natively for
// indirectbr) only below these fan-in/fan-out limits (16 each by default).
static void allowDispatchDuplication() {
  auto &Opts = cl::getRegisteredOptions();
  for (const char *Name : {"tail-dup-pred-size", "tail-dup-succ-size"}) {
    cl::Option *O = Opts.lookup(Name);
    if (O && O->getNumOccurrences() == 0)
      O->addOccurrence(0, Name, "256");
  }
}

static RegisterTargetPassConfigCallback
    MachineHook([](TargetMachine &TM, PassManagerBase &, TargetPassConfig *TPC) {
      if (!TM.getTargetTriple().isX86_64())
        return;
      allowDispatchDuplication();
      TPC->insertPass(&PHIEliminationID, createRefoldImportCallsPass());
      TPC->insertPass(&StackMapLivenessID, createMachineSandboxPass());
    });

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "libsfi", "1", registerCallbacks};
}
