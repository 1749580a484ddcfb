//===- ShadowStack.cpp - libsfi pass: address-taken locals in the region --===//
//
// The native stack (return addresses, spills) lives outside the region and
// sandboxed code can never address it, because every pointer access is
// masked into the region. A local whose address escapes, or that is indexed
// with a non-constant offset, must therefore live in the region: on the
// shadow stack, whose pointer is the module global __sfi_ssp. Locals that
// are only loaded and stored at constant in-bounds offsets stay on the
// native stack and need no mask at all.
//
// A function with a shadow frame becomes:
//   %old   = load ptr, ptr @__sfi_ssp
//   %frame = ptrmask(%old - FrameSize, -FrameAlign)
//   if (%frame < __sfi_ssp_limit || %frame > %old) ubsantrap(STACK)
//   store ptr %frame, ptr @__sfi_ssp
//   ... every moved alloca is %frame + its offset ...
//   store ptr %old, ptr @__sfi_ssp      ; before every ret
// Dynamic allocas (VLAs, alloca()) take their space the same way where they
// are; stacksave/stackrestore save and restore __sfi_ssp.
//
// Every function also gets inline stack probes, so that no native frame can
// step over the guard page of the native stack, and loses stack-protector
// attributes: the canary lives in the host's thread block (%fs), which
// sandboxed code must not read, and the native stack is out of its reach.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumShadowAllocas, "Static allocas moved to the shadow stack");
STATISTIC(NumDynamicAllocas, "Dynamic allocas moved to the shadow stack");
STATISTIC(NumNativeAllocas, "Allocas kept on the native stack (no mask)");

bool sfi::isNativeSafeAlloca(const AllocaInst &AI, const DataLayout &DL) {
  if (!AI.isStaticAlloca())
    return false;
  std::optional<TypeSize> Sz = AI.getAllocationSize(DL);
  if (!Sz || Sz->isScalable())
    return false;
  int64_t Size = Sz->getFixedValue();
  // Native frames stay small and need no realignment (version-2 frames are
  // bounded by SFI_NATIVE_FRAME_MAX and addressed from %rsp).
  if (Size > 4096 || AI.getAlign() > Align(16))
    return false;
  // At -O0 every value crossing a block lives in a register, so an
  // address computed in one block and used in another would be a native
  // frame address in a register, which the machine pass cannot tell from a
  // region pointer. Keep -O0 frames entirely on the shadow stack.
  if (AI.getFunction()->hasOptNone())
    return false;
  SmallVector<std::pair<const Value *, int64_t>, 8> Work = {{&AI, 0}};
  SmallPtrSet<const Value *, 8> Seen;
  auto InBounds = [&](int64_t Off, uint64_t Len) {
    return Off >= 0 && Len <= (uint64_t)Size && Off <= Size - (int64_t)Len;
  };
  while (!Work.empty()) {
    auto [V, Off] = Work.pop_back_val();
    if (!Seen.insert(V).second)
      return false;
    for (const Use &U : V->uses()) {
      const User *Usr = U.getUser();
      if (auto *LI = dyn_cast<LoadInst>(Usr)) {
        if (LI->isAtomic() ||
            !InBounds(Off, DL.getTypeStoreSize(LI->getType()).getFixedValue()))
          return false;
      } else if (auto *SI = dyn_cast<StoreInst>(Usr)) {
        if (U.getOperandNo() != SI->getPointerOperandIndex() ||
            SI->isAtomic() ||
            !InBounds(Off, DL.getTypeStoreSize(SI->getValueOperand()->getType())
                               .getFixedValue()))
          return false;
      } else if (auto *GEP = dyn_cast<GetElementPtrInst>(Usr)) {
        APInt GOff(64, 0);
        if (!GEP->accumulateConstantOffset(DL, GOff))
          return false;
        // Folded into the access's address only when they share a block.
        for (const User *GU : GEP->users())
          if (cast<Instruction>(GU)->getParent() != GEP->getParent())
            return false;
        Work.push_back({GEP, Off + GOff.getSExtValue()});
      } else if (auto *II = dyn_cast<IntrinsicInst>(Usr)) {
        if (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II))
          continue;
        // Any other intrinsic, memcpy/memset included: code generation
        // expands a copy on a native local through a register holding the
        // local's address, which the machine pass would take for a region
        // pointer. Such locals live in the region.
        return false;
      } else {
        return false;
      }
    }
  }
  return true;
}

static void restoreBeforeReturns(Function &F, GlobalVariable *SSP,
                                 Value *Old) {
  for (BasicBlock &BB : F)
    if (auto *RI = dyn_cast<ReturnInst>(BB.getTerminator())) {
      Instruction *InsertPt = RI;
      // Keep musttail calls immediately before their ret.
      if (CallInst *CI = BB.getTerminatingMustTailCall())
        InsertPt = CI;
      new StoreInst(Old, SSP, InsertPt->getIterator());
    }
}

static BasicBlock *getTrapBlock(Function &F, BasicBlock *&Trap, int Code) {
  if (Trap)
    return Trap;
  Trap = createTrapBlock(F, Code, "sfi.stack.trap");
  return Trap;
}

// Moves %cur down by Bytes, aligns it, checks it stays above the limit, and
// returns the new stack pointer (already stored to __sfi_ssp).
static Value *allocateShadow(IRBuilder<> &B, Module &M, Value *Cur,
                             Value *Bytes, Align A, BasicBlock *&Trap,
                             Value *Oversized = nullptr) {
  Function &F = *B.GetInsertBlock()->getParent();
  GlobalVariable *SSP = getShadowStackPointer(M);
  GlobalVariable *Limit = getShadowStackLimit(M);
  Value *Neg = B.CreateNeg(Bytes);
  Value *Down = B.CreateGEP(B.getInt8Ty(), Cur, Neg, "sfi.sp.down");
  uint64_t AlignMask = ~(uint64_t)(std::max<uint64_t>(A.value(), 16) - 1);
  Value *New = B.CreateIntrinsic(Intrinsic::ptrmask,
                                 {B.getPtrTy(), B.getInt64Ty()},
                                 {Down, B.getInt64(AlignMask)}, nullptr,
                                 "sfi.frame");
  Value *Lim = B.CreateLoad(B.getPtrTy(), Limit, "sfi.limit");
  Value *Bad = B.CreateICmpULT(New, Lim);
  // A constant frame (under 4 GiB) can only wrap below address 0 if the
  // stack pointer was already below the limit, which the compare catches;
  // a dynamic size can wrap on its own.
  if (!isa<ConstantInt>(Bytes))
    Bad = B.CreateOr(Bad, B.CreateICmpUGT(New, Cur));
  if (Oversized)
    Bad = B.CreateOr(Bad, Oversized);
  Instruction *Term = B.GetInsertBlock()->getTerminator();
  // Split so that the check branches to a shared trap block.
  BasicBlock *Cont =
      Term ? B.GetInsertBlock()->splitBasicBlock(B.GetInsertPoint(),
                                                 "sfi.frame.ok")
           : nullptr;
  if (Cont) {
    BasicBlock *Head = Cont->getSinglePredecessor();
    Head->getTerminator()->eraseFromParent();
    IRBuilder<> TB(Head);
    TB.CreateCondBr(Bad, getTrapBlock(F, Trap, SFI_TRAPCODE_STACK), Cont);
    B.SetInsertPoint(Cont, Cont->getFirstInsertionPt());
  }
  B.CreateStore(New, SSP);
  return New;
}

// lifetime.start/end take only an alloca or poison in LLVM 22 (the IR
// verifier rejects them on a pointer into the shadow frame): a local moved
// there gets poison markers, no-ops (they only let stack coloring share
// native slots). Not erased: other steps hold lists of instructions.
static void dropLifetimeMarkers(AllocaInst *AI) {
  for (User *U : make_early_inc_range(AI->users()))
    if (auto *II = dyn_cast<IntrinsicInst>(U))
      if (II->isLifetimeStartOrEnd())
        for (unsigned I = 0, E = II->arg_size(); I < E; ++I)
          if (II->getArgOperand(I) == AI)
            II->setArgOperand(I, PoisonValue::get(AI->getType()));
}

static bool processFunction(Function &F) {
  Module &M = *F.getParent();
  const DataLayout &DL = M.getDataLayout();
  SmallVector<AllocaInst *, 8> Static, Dynamic;
  SmallVector<IntrinsicInst *, 4> SaveRestore;
  for (Instruction &I : instructions(F)) {
    if (auto *AI = dyn_cast<AllocaInst>(&I)) {
      if (isNativeSafeAlloca(*AI, DL)) {
        ++NumNativeAllocas;
        SFI_DEBUG(debugLine(F.getName(), "local kept on the native stack "
                                         "(does not escape, constant "
                                         "offsets)")
                  << *AI << "\n");
        continue;
      }
      SFI_DEBUG(debugLine(F.getName(), AI->isStaticAlloca()
                                           ? "local moved to the shadow stack"
                                           : "dynamic alloca moved to the "
                                             "shadow stack")
                << *AI << "\n");
      (AI->isStaticAlloca() ? Static : Dynamic).push_back(AI);
    } else if (auto *II = dyn_cast<IntrinsicInst>(&I)) {
      if (II->getIntrinsicID() == Intrinsic::stacksave ||
          II->getIntrinsicID() == Intrinsic::stackrestore)
        SaveRestore.push_back(II);
    }
  }
  if (Static.empty() && Dynamic.empty() && SaveRestore.empty())
    return false;

  GlobalVariable *SSP = getShadowStackPointer(M);
  BasicBlock &Entry = F.getEntryBlock();
  IRBuilder<> B(&Entry, Entry.getFirstInsertionPt());
  // Keep remaining (native) static allocas first in the entry block.
  while (isa<AllocaInst>(&*B.GetInsertPoint()) &&
         cast<AllocaInst>(&*B.GetInsertPoint())->isStaticAlloca())
    B.SetInsertPoint(B.GetInsertPoint()->getNextNode());
  Value *Old = B.CreateLoad(B.getPtrTy(), SSP, "sfi.ssp.old");
  BasicBlock *Trap = nullptr;

  if (!Static.empty()) {
    uint64_t FrameSize = 0;
    Align MaxAlign(16);
    SmallVector<uint64_t, 8> Offsets;
    for (AllocaInst *AI : Static) {
      uint64_t Size = AI->getAllocationSize(DL)->getFixedValue();
      Align A = AI->getAlign();
      MaxAlign = std::max(MaxAlign, A);
      FrameSize = alignTo(FrameSize, A);
      Offsets.push_back(FrameSize);
      FrameSize += std::max<uint64_t>(Size, 1);
    }
    FrameSize = alignTo(FrameSize, MaxAlign);
    Value *Frame = allocateShadow(B, M, Old, B.getInt64(FrameSize), MaxAlign,
                                  Trap);
    for (unsigned I = 0; I < Static.size(); ++I) {
      AllocaInst *AI = Static[I];
      Value *Slot =
          B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Frame, Offsets[I]);
      Slot->takeName(AI);
      dropLifetimeMarkers(AI);
      AI->replaceAllUsesWith(Slot);
      AI->eraseFromParent();
      ++NumShadowAllocas;
    }
  }

  for (AllocaInst *AI : Dynamic) {
    IRBuilder<> DB(AI);
    Value *Cur = DB.CreateLoad(DB.getPtrTy(), SSP, "sfi.ssp");
    uint64_t ElemSize = DL.getTypeAllocSize(AI->getAllocatedType());
    Value *Count = DB.CreateZExtOrTrunc(AI->getArraySize(), DB.getInt64Ty());
    // count * size may overflow, and rounding up may wrap: either way the
    // size is larger than any region, so trap instead of allocating a
    // wrapped (tiny) frame.
    Value *Mul = DB.CreateBinaryIntrinsic(Intrinsic::umul_with_overflow,
                                          Count, DB.getInt64(ElemSize));
    Value *Bytes = DB.CreateExtractValue(Mul, 0);
    Value *Oversized =
        DB.CreateOr(DB.CreateExtractValue(Mul, 1),
                    DB.CreateICmpUGT(Bytes, DB.getInt64(SFI_REGION_SIZE)));
    // Round up so that a zero-sized VLA still gets distinct storage.
    Bytes = DB.CreateAdd(Bytes, DB.getInt64(15));
    Bytes = DB.CreateAnd(Bytes, DB.getInt64(~(uint64_t)15));
    Value *New = allocateShadow(DB, M, Cur, Bytes, AI->getAlign(), Trap,
                                Oversized);
    New->takeName(AI);
    dropLifetimeMarkers(AI);
    AI->replaceAllUsesWith(New);
    AI->eraseFromParent();
    ++NumDynamicAllocas;
  }

  for (IntrinsicInst *II : SaveRestore) {
    IRBuilder<> SB(II);
    if (II->getIntrinsicID() == Intrinsic::stacksave) {
      Value *Cur = SB.CreateLoad(SB.getPtrTy(), SSP, "sfi.ssp.save");
      II->replaceAllUsesWith(Cur);
    } else {
      SB.CreateStore(II->getArgOperand(0), SSP);
    }
    II->eraseFromParent();
  }

  for (BasicBlock &BB : F)
    if (BB.getTerminatingMustTailCall()) {
      reportError(F, BB.getTerminatingMustTailCall(),
                  "musttail calls from a function with address-taken locals "
                  "are not supported in sandboxed code");
      break;
    }
  restoreBeforeReturns(F, SSP, Old);
  return true;
}

// __builtin_frame_address(0) (Refusals.cpp lets only level 0 through): the
// shadow stack pointer, an address in the region that decreases as calls
// nest (a function without shadow locals shares its caller's), which is
// what stack-depth checks compare. A native frame address would reveal
// where the sandbox's native stack lives.
static bool lowerFrameAddress(Function &F) {
  SmallVector<IntrinsicInst *, 2> Work;
  for (Instruction &I : instructions(F))
    if (auto *II = dyn_cast<IntrinsicInst>(&I))
      if (II->getIntrinsicID() == Intrinsic::frameaddress)
        Work.push_back(II);
  for (IntrinsicInst *II : Work) {
    IRBuilder<> B(II);
    Value *SSP = B.CreateLoad(B.getPtrTy(), getShadowStackPointer(*F.getParent()),
                              "sfi.frame");
    II->replaceAllUsesWith(B.CreatePointerCast(SSP, II->getType()));
    II->eraseFromParent();
  }
  return !Work.empty();
}

bool sfi::moveToShadowStack(Module &M) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration() || isSFIGenerated(F))
      continue;
    Changed |= lowerFrameAddress(F);
    F.removeFnAttr(Attribute::StackProtect);
    F.removeFnAttr(Attribute::StackProtectStrong);
    F.removeFnAttr(Attribute::StackProtectReq);
    Changed |= processFunction(F);
  }
  return Changed;
}
