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
    Changed = true;
  }
  return Changed;
}
