//===- Byval.cpp - libsfi pass: pass byval arguments through the region ---===//
//
// A `byval` argument is copied by the backend onto the native stack, reading
// the source through an unmasked pointer, and the callee then receives a
// pointer into the native stack, where its masked accesses cannot reach.
// Inside the sandbox every caller and callee is compiled by this pass, so we
// change the convention instead: the caller makes the copy in a frame slot
// (which escapes, so the shadow-stack step puts it in the region) with a
// masked memcpy, and passes a plain pointer; the callee loses its byval
// attribute. Host imports therefore take no structs by value.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumByvalCopies, "byval arguments copied into the region");

bool sfi::lowerByval(Module &M) {
  bool Changed = false;
  const DataLayout &DL = M.getDataLayout();
  for (Function &F : M) {
    for (Argument &A : F.args())
      if (A.hasByValAttr()) {
        F.removeParamAttr(A.getArgNo(), Attribute::ByVal);
        Changed = true;
      }
    if (F.isDeclaration() || isSFIGenerated(F))
      continue;
    SmallVector<std::pair<CallBase *, unsigned>, 8> Work;
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        for (unsigned Idx = 0; Idx < CB->arg_size(); ++Idx)
          if (CB->isByValArgument(Idx))
            Work.push_back({CB, Idx});
    for (auto [CB, Idx] : Work) {
      Type *Ty = CB->getParamByValType(Idx);
      MaybeAlign PA = CB->getParamAlign(Idx);
      Align A = PA ? *PA : DL.getABITypeAlign(Ty);
      IRBuilder<> EntryB(&F.getEntryBlock(), F.getEntryBlock().begin());
      AllocaInst *Copy = EntryB.CreateAlloca(Ty, nullptr, "sfi.byval");
      Copy->setAlignment(A);
      IRBuilder<> B(CB);
      B.CreateMemCpy(Copy, A, CB->getArgOperand(Idx), A,
                     DL.getTypeAllocSize(Ty));
      CB->setArgOperand(Idx, Copy);
      CB->removeParamAttr(Idx, Attribute::ByVal);
      ++NumByvalCopies;
      Changed = true;
    }
  }
  return Changed;
}
