//===- Verifier.cpp - libsfi pass: check the sandboxed IR -----------------===//
//
// An independent check of the final IR, so that a bug in a rewriting step
// (or a later pass that undid one) fails the build instead of shipping an
// escape. It recognises only the exact shapes the steps emit:
//   - a masked %gs pointer:  gep*(inttoptr X to ptr as256), X < 2^32
//   - a masked flat pointer: gep*(gep (region base), X), X < 2^32
//     (X < 2^32 by known bits: the pass emits and X, 0xffffffff)
//     where region base = inttoptr (and (ptrtoint @g), ~0xffffffff)
//   - a provably safe pointer: a global or native local at a constant
//     in-bounds offset
//   - a confined call: gep @__start_sfi_jt, (and ..., (sext (icmp ult ...)))
// with the constant offsets after a mask under SFI_FOLD_MAX.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
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
  Verifier(Module &M, const Config &C, bool Report,
           FunctionAnalysisManager &FAM)
      : M(M), Cfg(C), DL(M.getDataLayout()), Report(Report), FAM(FAM) {}
  unsigned run();

private:
  Module &M;
  const Config &Cfg;
  const DataLayout &DL;
  bool Report;
  FunctionAnalysisManager &FAM;
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
  std::optional<uint64_t> maskedSpan(Value *V, bool GS,
                                     SmallPtrSetImpl<Value *> &Visiting);
  void collectRangeChecks(Value *Cond, Value *Len,
                          SmallVectorImpl<Value *> &Offsets);
  void checkFunction(Function &F);
};

} // namespace

// An offset is masked if its upper 32 bits are known to be zero: the
// pass's own `and X, 0xffffffff`, or what an optimizer made of it (after
// link-time optimization an aligned pointer's mask may read 0xfffffff0).
bool Verifier::isMaskedOffset(Value *V) {
  if (!V->getType()->isIntOrIntVectorTy(64))
    return false;
  return computeKnownBits(V, DL).countMinLeadingZeros() >= 32;
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
                                 SFI_IMAGE_MAX))
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
  bool GS = P->getType()->getPointerAddressSpace() == GSAddrSpace;
  if (!GS && !AllowFlat && Cfg.TheScheme != Scheme::Anchor)
    return false;
  SmallPtrSet<Value *, 8> Visiting;
  std::optional<uint64_t> Span = maskedSpan(Base, GS, Visiting);
  return Span && *Span + O < SFI_FOLD_MAX &&
         Size <= SFI_GUARD_SIZE - (*Span + O);
}

// The largest constant offset from a masked base that V may hold: V is a
// masked pointer plus constants, or a phi/select of such (an optimizer's
// LCSSA phis and selects). A cycle (a pointer stepped in a loop) fails.
std::optional<uint64_t>
Verifier::maskedSpan(Value *V, bool GS, SmallPtrSetImpl<Value *> &Visiting) {
  APInt Off(64, 0);
  Value *Base = V->stripAndAccumulateConstantOffsets(DL, Off, true);
  int64_t O = Off.getSExtValue();
  if (O < 0 || (uint64_t)O >= SFI_FOLD_MAX)
    return std::nullopt;
  if (GS) {
    Value *X = nullptr;
    if (match(Base, m_IntToPtr(m_Value(X))) && isMaskedOffset(X))
      return O;
  } else if (auto *GEP = dyn_cast<GetElementPtrInst>(Base)) {
    if (GEP->getNumIndices() == 1 && isRegionBase(GEP->getPointerOperand()) &&
        isMaskedOffset(GEP->getOperand(1)))
      return O;
  }
  if (!isa<PHINode>(Base) && !isa<SelectInst>(Base))
    return std::nullopt;
  if (!Visiting.insert(Base).second)
    return std::nullopt;
  uint64_t Max = 0;
  auto Merge = [&](Value *In) {
    std::optional<uint64_t> S = maskedSpan(In, GS, Visiting);
    if (S)
      Max = std::max(Max, *S);
    return S.has_value();
  };
  bool Ok = true;
  if (auto *PN = dyn_cast<PHINode>(Base)) {
    for (Value *In : PN->incoming_values())
      Ok = Ok && Merge(In);
  } else {
    auto *SI = cast<SelectInst>(Base);
    Ok = Merge(SI->getTrueValue()) && Merge(SI->getFalseValue());
  }
  Visiting.erase(Base);
  if (!Ok || Max + O >= SFI_FOLD_MAX)
    return std::nullopt;
  return Max + O;
}

// Offsets X for which Cond (taken false) proves Len <= 4 GiB - X: the
// pass's `icmp ugt Len, (sub 4G, X)`, possibly or-ed with other conditions.
void Verifier::collectRangeChecks(Value *Cond, Value *Len,
                                  SmallVectorImpl<Value *> &Offsets) {
  Value *A = nullptr, *B = nullptr, *X = nullptr;
  if (match(Cond, m_LogicalOr(m_Value(A), m_Value(B)))) {
    collectRangeChecks(A, Len, Offsets);
    collectRangeChecks(B, Len, Offsets);
    return;
  }
  CmpPredicate P;
  auto Room = m_Sub(m_SpecificInt(SFI_REGION_SIZE), m_Value(X));
  if (((match(Cond, m_ICmp(P, m_Specific(Len), Room)) &&
        P == ICmpInst::ICMP_UGT) ||
       (match(Cond, m_ICmp(P, Room, m_Specific(Len))) &&
        P == ICmpInst::ICMP_ULT)) &&
      isMaskedOffset(X)) {
    Offsets.push_back(X);
    return;
  }
  // With a constant length the optimizer folds the check to X > 4G - Len.
  const APInt *C = nullptr;
  auto *CL = dyn_cast<ConstantInt>(Len);
  if (CL && CL->getValue().ule(SFI_REGION_SIZE) &&
      ((match(Cond, m_ICmp(P, m_Value(X), m_APInt(C))) &&
        P == ICmpInst::ICMP_UGT) ||
       (match(Cond, m_ICmp(P, m_APInt(C), m_Value(X))) &&
        P == ICmpInst::ICMP_ULT)) &&
      C->ule(SFI_REGION_SIZE - CL->getZExtValue()) && isMaskedOffset(X))
    Offsets.push_back(X);
}

void Verifier::checkFunction(Function &F) {
  bool Full = Cfg.TheMode == Mode::Full;
  if (!Cfg.IRMasks && !F.hasFnAttribute(Attribute::Naked) &&
      (F.getFnAttribute("frame-pointer").getValueAsString() != "none" ||
       !F.hasFnAttribute(Attribute::NoRedZone)))
    fail(F, *F.getEntryBlock().begin(),
         "function lacks the version-2 code generation attributes");
  DominatorTree *DT = nullptr; // asked for at the first memory intrinsic
  for (Instruction &I : instructions(F)) {
    auto Size = [&](Type *T) {
      return DL.getTypeStoreSize(T).getFixedValue();
    };
    // Version 2 keeps plain pointers in the IR: the machine pass confines
    // accesses and indirect calls, and the loader's binary verifier checks
    // them. The IR checks of masks apply to -sfi-ir-masks builds only.
    bool Masks = Cfg.IRMasks;
    if (!Masks && (isa<LoadInst>(I) || isa<StoreInst>(I) ||
                   isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I) ||
                   isa<AnyMemIntrinsic>(I)))
      continue;
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
      // The range check: the block is reached only on the false edge of a
      // branch whose condition (or one disjunct of it: the optimizer merges
      // checks) is icmp ugt len, 4G - X, for the X of each pointer.
      // After GVN one check may serve several intrinsics: look along the
      // whole dominator chain for false edges that dominate this block.
      SmallVector<Value *, 4> Checked;
      if (!DT)
        DT = &FAM.getResult<DominatorTreeAnalysis>(F);
      for (DomTreeNode *N = DT->getNode(I.getParent());
           N && N->getIDom(); N = N->getIDom()) {
        BasicBlock *D = N->getIDom()->getBlock();
        auto *BI = dyn_cast<BranchInst>(D->getTerminator());
        if (BI && BI->isConditional() &&
            DT->dominates(BasicBlockEdge(D, BI->getSuccessor(1)),
                          I.getParent()))
          collectRangeChecks(BI->getCondition(), MI->getLength(), Checked);
      }
      auto CheckedFor = [&](Value *P) {
        auto *GEP = dyn_cast<GetElementPtrInst>(P);
        if (!GEP || GEP->getNumIndices() != 1 ||
            !isRegionBase(GEP->getPointerOperand()))
          return false;
        return is_contained(Checked, GEP->getOperand(1));
      };
      auto Ok = [&](Value *P) {
        return isSafeAddress(P, Len, true) ||
               (CheckedFor(P) && isSafeAddress(P, 1, true));
      };
      if (!Ok(MI->getRawDest()))
        fail(F, I, "memory intrinsic destination not sandboxed");
      if (auto *MT = dyn_cast<AnyMemTransferInst>(MI))
        if (Full && !Ok(MT->getRawSource()))
          fail(F, I, "memory intrinsic source not sandboxed");
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      if (CB->isInlineAsm() &&
          !(isa<CallInst>(CB) &&
            isHarmlessAsm(*cast<InlineAsm>(CB->getCalledOperand())))) {
        fail(F, I, "inline assembly");
        continue;
      }
      Value *Callee = CB->getCalledOperand()->stripPointerCasts();
      if (auto *GA = dyn_cast<GlobalAlias>(Callee))
        Callee = const_cast<GlobalObject *>(GA->getAliaseeObject());
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
    } else if (auto *SI = dyn_cast<SwitchInst>(&I)) {
      // Unless the cases cover every value of the condition, so that the
      // table has no outside.
      if (Masks && !isCoveredSwitch(*SI) &&
          isa<UnreachableInst>(SI->getDefaultDest()->getFirstNonPHIOrDbg()))
        fail(F, I, "switch with an unreachable default (an unchecked jump "
                   "table)");
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

unsigned sfi::verifySandboxed(Module &M, const Config &C, bool Report,
                              FunctionAnalysisManager &FAM) {
  return Verifier(M, C, Report, FAM).run();
}
