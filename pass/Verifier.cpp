//===- Verifier.cpp - libsfi pass: check the sandboxed IR -----------------===//
//
// An independent check of the final IR, so that a bug in a rewriting step
// (or a later pass that undid one) fails the build instead of shipping an
// escape. It recognises only the exact shapes the steps emit:
//   - a masked %gs pointer:  gep*(inttoptr (and X, 0xffffffff) to ptr as256)
//   - a masked flat pointer: gep*(gep (region base), (and X, 0xffffffff))
//     where region base = inttoptr (and (ptrtoint @g), ~0xffffffff)
//   - a provably safe pointer: a global or native local at a constant
//     in-bounds offset
//   - a confined call: gep @__start_sfi_jt, (and ..., (sext (icmp ult ...)))
// with the constant offsets after a mask under SFI_FOLD_MAX.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"

using namespace llvm;
using namespace llvm::PatternMatch;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumVerifyViolations, "Violations found by the libsfi verifier");

namespace {

class Verifier {
public:
  Verifier(Module &M, const Config &C, bool Report)
      : M(M), Cfg(C), DL(M.getDataLayout()), Report(Report) {}
  unsigned run();

private:
  Module &M;
  const Config &Cfg;
  const DataLayout &DL;
  bool Report;
  unsigned Violations = 0;

  void fail(Function &F, Instruction &I, const Twine &Why) {
    ++Violations;
    ++NumVerifyViolations;
    if (Report)
      reportError(F, &I, "verifier: " + Why);
  }
  bool isMaskedOffset(Value *V);
  bool isRegionBase(Value *V);
  bool isSafeAddress(Value *P, uint64_t Size, bool AllowFlat);
  bool isConfinedCallee(Value *V);
  void checkFunction(Function &F);
};

} // namespace

bool Verifier::isMaskedOffset(Value *V) {
  return match(V, m_And(m_Value(), m_SpecificInt(SFI_OFFSET_MASK))) ||
         match(V, m_ZExt(m_Value()));
}

bool Verifier::isRegionBase(Value *V) {
  Value *G = nullptr;
  return match(V, m_IntToPtr(m_And(m_PtrToInt(m_Value(G)),
                                   m_SpecificInt(~SFI_OFFSET_MASK)))) &&
         isa<GlobalVariable>(G);
}

bool Verifier::isSafeAddress(Value *P, uint64_t Size, bool AllowFlat) {
  APInt Off(64, 0);
  Value *Base = P->stripAndAccumulateConstantOffsets(DL, Off, true);
  int64_t O = Off.getSExtValue();
  // Provably inside a global of the image or a native local.
  if (O >= 0) {
    Value *Obj = Base;
    if (auto *GA = dyn_cast<GlobalAlias>(Obj))
      Obj = const_cast<GlobalObject *>(GA->getAliaseeObject());
    if (auto *GV = dyn_cast_or_null<GlobalVariable>(Obj))
      if ((!GV->isDeclaration() || isCrtGlobal(*GV)) &&
          GV->getValueType()->isSized() &&
          !GV->isThreadLocal() &&
          (uint64_t)O + Size <=
              std::min<uint64_t>(DL.getTypeAllocSize(GV->getValueType()),
                                 1ULL << 30))
        return true;
    if (auto *AI = dyn_cast<AllocaInst>(Obj))
      if (AI->isStaticAlloca() && isNativeSafeAlloca(*AI, DL)) {
        std::optional<TypeSize> Sz = AI->getAllocationSize(DL);
        if (Sz && (uint64_t)O + Size <= Sz->getFixedValue())
          return true;
      }
  }
  // After a mask, the access may reach past the region only into the guard
  // of the region above.
  if (O < 0 || (uint64_t)O >= SFI_FOLD_MAX || Size > SFI_GUARD_SIZE - O)
    return false;
  if (P->getType()->getPointerAddressSpace() == GSAddrSpace) {
    Value *X = nullptr;
    return match(Base, m_IntToPtr(m_Value(X))) && isMaskedOffset(X);
  }
  if (!AllowFlat && Cfg.TheScheme != Scheme::Anchor)
    return false;
  auto *GEP = dyn_cast<GetElementPtrInst>(Base);
  return GEP && GEP->getNumIndices() == 1 &&
         isRegionBase(GEP->getPointerOperand()) &&
         isMaskedOffset(GEP->getOperand(1));
}

bool Verifier::isConfinedCallee(Value *V) {
  auto *GEP = dyn_cast<GetElementPtrInst>(V);
  if (!GEP || GEP->getNumIndices() != 1 ||
      GEP->getPointerOperand()->getName() != "__start_" SFI_JT_SECTION)
    return false;
  Value *A = nullptr, *B = nullptr;
  if (!match(GEP->getOperand(1), m_And(m_Value(A), m_Value(B))))
    return false;
  auto IsInsideMask = [](Value *V) {
    ICmpInst::Predicate Pred;
    return match(V, m_SExt(m_ICmp(Pred, m_Value(), m_Value()))) &&
           Pred == ICmpInst::ICMP_ULT;
  };
  return IsInsideMask(A) || IsInsideMask(B);
}

void Verifier::checkFunction(Function &F) {
  bool Full = Cfg.TheMode == Mode::Full;
  for (Instruction &I : instructions(F)) {
    auto Size = [&](Type *T) {
      return DL.getTypeStoreSize(T).getFixedValue();
    };
    if (auto *LI = dyn_cast<LoadInst>(&I)) {
      if (Full && !isSafeAddress(LI->getPointerOperand(), Size(LI->getType()),
                                 false))
        fail(F, I, "unmasked load");
    } else if (auto *SI = dyn_cast<StoreInst>(&I)) {
      if (!isSafeAddress(SI->getPointerOperand(),
                         Size(SI->getValueOperand()->getType()), false))
        fail(F, I, "unmasked store");
    } else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
      if (!isSafeAddress(RMW->getPointerOperand(),
                         Size(RMW->getValOperand()->getType()), false))
        fail(F, I, "unmasked atomicrmw");
    } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
      if (!isSafeAddress(CX->getPointerOperand(),
                         Size(CX->getCompareOperand()->getType()), false))
        fail(F, I, "unmasked cmpxchg");
    } else if (auto *MI = dyn_cast<AnyMemIntrinsic>(&I)) {
      auto *CL = dyn_cast<ConstantInt>(MI->getLength());
      uint64_t Len = CL ? CL->getZExtValue() : UINT64_MAX;
      bool Checked = CL && Len <= SFI_MAX_ACCESS;
      // The range check: br (icmp ugt len, 4G - masked offset), trap, here.
      if (!Checked)
        if (BasicBlock *Pred = I.getParent()->getSinglePredecessor())
          if (auto *BI = dyn_cast<BranchInst>(Pred->getTerminator())) {
            ICmpInst::Predicate P;
            Value *X = nullptr;
            Checked = BI->isConditional() &&
                      BI->getSuccessor(1) == I.getParent() &&
                      match(BI->getCondition(),
                            m_ICmp(P, m_Value(),
                                   m_Sub(m_SpecificInt(SFI_REGION_SIZE),
                                         m_Value(X)))) &&
                      P == ICmpInst::ICMP_UGT && isMaskedOffset(X);
          }
      auto Ok = [&](Value *P) {
        return isSafeAddress(P, Len, true) ||
               (Checked && isSafeAddress(P, 1, true));
      };
      if (!Ok(MI->getRawDest()))
        fail(F, I, "memory intrinsic destination not sandboxed");
      if (auto *MT = dyn_cast<AnyMemTransferInst>(MI))
        if (Full && !Ok(MT->getRawSource()))
          fail(F, I, "memory intrinsic source not sandboxed");
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      if (CB->isInlineAsm()) {
        fail(F, I, "inline assembly");
        continue;
      }
      Value *Callee = CB->getCalledOperand()->stripPointerCasts();
      if (auto *GA = dyn_cast<GlobalAlias>(Callee))
        Callee = const_cast<GlobalObject *>(GA->getAliaseeObject());
      if (!isa_and_nonnull<Function>(Callee) && !isConfinedCallee(Callee))
        fail(F, I, "indirect call not confined to the jump table");
      if (auto *Fn = dyn_cast_or_null<Function>(Callee))
        if (Fn->getIntrinsicID() == Intrinsic::vastart ||
            Fn->getIntrinsicID() == Intrinsic::vacopy ||
            Fn->getIntrinsicID() == Intrinsic::stackrestore)
          fail(F, I, "intrinsic left unlowered: " + Fn->getName());
    } else if (auto *AI = dyn_cast<AllocaInst>(&I)) {
      if (!isNativeSafeAlloca(*AI, DL))
        fail(F, I, "address-taken local left on the native stack");
    } else if (isa<IndirectBrInst>(I)) {
      fail(F, I, "indirectbr left unlowered");
    }
  }
}

unsigned Verifier::run() {
  for (Function &F : M) {
    if (F.isDeclaration() || isSFIGenerated(F))
      continue;
    checkFunction(F);
  }
  if (!M.getModuleInlineAsm().empty()) {
    ++Violations;
    if (Report)
      reportModuleError(M, "verifier: module-level assembly");
  }
  return Violations;
}

unsigned sfi::verifySandboxed(Module &M, const Config &C, bool Report) {
  return Verifier(M, C, Report).run();
}
