//===- CodegenAttributes.cpp - libsfi pass: attributes for code generation ===//
//
// The machine pass and the loader's verifier accept native frames that are
// addressed only as disp(%rsp) with a statically known %rsp offset. These
// attributes make code generation produce such frames at every -O level,
// whatever flags the source was compiled with:
//   - no frame pointer (%rbp-based frame accesses would not be checkable);
//   - no red zone (every frame access lies between %rsp and the return
//     address);
//   - no stack realignment (an `and $-32, %rsp` makes the offset dynamic);
//     over-aligned locals live on the shadow stack instead;
//   - no stack probes: frames are bounded (SFI_NATIVE_FRAME_MAX) and the
//     runtime keeps a larger guard below every sandbox native stack;
// Jump tables are allowed: the machine pass rewrites each dispatch into
// the masked branch-slot form the verifier accepts (MachineSandbox.cpp).
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

using namespace llvm;
using namespace sfi;

bool sfi::setCodegenAttributes(Module &M) {
  bool Changed = false;
  // Calls to functions outside the module go through their GOT slot, never
  // a PLT (whose lazy-binding stub jumps through a slot that is not an
  // import's): declarations are nonlazybind, and so are the library calls
  // code generation makes up.
  if (!M.getModuleFlag("RtLibUseGOT"))
    M.addModuleFlag(Module::Max, "RtLibUseGOT", 1);
  for (Function &F : M)
    if (F.isDeclaration() && !F.isIntrinsic())
      F.addFnAttr(Attribute::NonLazyBind);
  for (Function &F : M) {
    if (F.isDeclaration() || F.hasFnAttribute(Attribute::Naked))
      continue;
    F.addFnAttr("frame-pointer", "none");
    F.addFnAttr(Attribute::NoRedZone);
    F.addFnAttr("no-realign-stack");
    F.removeFnAttr("stackrealign");
    F.removeFnAttr("probe-stack");
    F.removeFnAttr("stack-probe-size");
    // Gathers and scatters address memory through a vector of indices that
    // no segment override can confine, so the machine pass refuses them;
    // the loop vectorizer makes llvm.masked.gather/scatter for -mavx2 and
    // AVX-512 targets (-march=native). With these tuning features code
    // generation scalarizes them (ScalarizeMaskedMemIntrin) into ordinary
    // loads and stores, which the machine pass confines. Before, a plain
    // indexed loop failed to compile at -O2 -march=native (issue 14's
    // lsr_hunt.sh). The target's own gather intrinsics
    // (_mm256_i32gather_ps) are still refused.
    StringRef Old = F.getFnAttribute("target-features").getValueAsString();
    std::string Features = Old.str();
    if (!Features.empty())
      Features += ",";
    Features += "+prefer-no-gather,+prefer-no-scatter";
    F.addFnAttr("target-features", Features);
    Changed = true;
  }
  return Changed;
}
