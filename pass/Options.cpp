//===- Options.cpp - libsfi pass: command-line options and diagnostics ----===//
//
// clang parses -mllvm options before -fpass-plugin loads a plugin, so these
// options are only known when clang also loads the plugin with -fplugin
// (sfi-cc does both). opt knows them after -load-pass-plugin.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instruction.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace sfi;

static cl::opt<std::string>
    ModeOpt("sfi-mode", cl::desc("libsfi: what to sandbox (full | stores)"),
            cl::init("full"));
static cl::opt<std::string>
    SchemeOpt("sfi-scheme",
              cl::desc("libsfi: how to reach the region (gs | anchor)"),
              cl::init("gs"));
static cl::opt<bool>
    VerifyOpt("sfi-verify",
              cl::desc("libsfi: verify the sandboxed IR after the pass"),
#ifdef NDEBUG
              cl::init(false)
#else
              cl::init(true)
#endif
    );

static cl::opt<bool> IRMasksOpt(
    "sfi-ir-masks",
    cl::desc("libsfi: mask pointers in the IR as version 1 did (for "
             "measurement; modules built so fail the loader's verifier)"));

static cl::opt<bool> StatsOpt("sfi-stats",
                              cl::desc("libsfi: print what the pass masked "
                                       "and elided"));

static cl::opt<bool> DebugOpt(
    "sfi-debug",
    cl::desc("libsfi: explain each rewrite, mask and elision on stderr"));

bool sfi::debugEnabled() { return DebugOpt; }

void sfi::printConfig(raw_ostream &OS, StringRef Name, const Config &C) {
  OS << Name << "<" << (C.TheMode == Mode::Full ? "full" : "stores") << ";"
     << (C.TheScheme == Scheme::GS ? "gs" : "anchor") << ";"
     << (C.Verify ? "verify" : "no-verify") << ">";
}

raw_ostream &sfi::debugLine(StringRef Function, StringRef What) {
  return errs() << "sfi: " << Function << ": " << What << ": ";
}

void sfi::printStatsIfRequested() {
  bool On = StatsOpt;
  auto &Opts = cl::getRegisteredOptions();
  auto It = Opts.find("stats");
  if (It != Opts.end())
    if (auto *O = static_cast<cl::opt<bool> *>(It->second))
      On |= O->getValue();
  if (!On)
    return;
  for (auto &[Name, Value] : GetStatistics())
    errs() << "libsfi: " << Name << " = " << Value << "\n";
}

sfi::Config sfi::configFromOptions() {
  Config C;
  C.IRMasks = IRMasksOpt;
  if (ModeOpt == "stores" || ModeOpt == "stores-only")
    C.TheMode = Mode::StoresOnly;
  else if (ModeOpt != "full")
    report_fatal_error(Twine("libsfi: -sfi-mode must be 'full' or 'stores', not '") +
                           ModeOpt + "'",
                       false);
  if (SchemeOpt == "anchor")
    C.TheScheme = Scheme::Anchor;
  else if (SchemeOpt != "gs")
    report_fatal_error(Twine("libsfi: -sfi-scheme must be 'gs' or 'anchor', not '") +
                           SchemeOpt + "'",
                       false);
  C.Verify = VerifyOpt;
  return C;
}

void sfi::reportError(Function &F, const Instruction *I, const Twine &Msg) {
  DebugLoc DL = I ? I->getDebugLoc() : DebugLoc();
  F.getContext().diagnose(
      DiagnosticInfoUnsupported(F, "libsfi: " + Msg, DL, DS_Error));
}

void sfi::reportModuleError(Module &M, const Twine &Msg) {
  M.getContext().diagnose(
      DiagnosticInfoInlineAsm(0, "libsfi: " + M.getSourceFileName() + ": " + Msg,
                              DS_Error));
}

bool sfi::isSFIGenerated(const Function &F) {
  return F.hasFnAttribute("sfi-generated");
}

BasicBlock *sfi::createTrapBlock(Function &F, uint8_t Code, const Twine &Name) {
  BasicBlock *Trap = BasicBlock::Create(F.getContext(), Name, &F);
  IRBuilder<> B(Trap);
  B.CreateIntrinsic(Intrinsic::ubsantrap, {}, {B.getInt8(Code)});
  B.CreateUnreachable();
  return Trap;
}
