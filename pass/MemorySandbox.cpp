//===- MemorySandbox.cpp - libsfi pass: mask every memory access ----------===//
//
// Every load, store, atomic and memory intrinsic reaches memory only as
//     region_base + (uint32_t)p + C,     0 <= C < SFI_FOLD_MAX
// which stays in the region or in the unmapped guard of the region above.
// With the default %gs scheme the region base is the %gs segment base
// (address space 256 on x86-64) and the mask is a 32-bit register move or a
// 32-bit lea, which zero-extends for free:
//
//   native:                          sandboxed:
//     movq 16(%rdi,%rsi,8), %rax       leal (%rdi,%rsi,8), %eax
//                                      movq %gs:16(%rax), %rax
//
// The anchor scheme computes the base from a rip-relative symbol of the
// module instead (`(%rbase,%rax)`), for hosts that want %gs for themselves.
// Memory intrinsics always use flat pointers (base + offset): their length
// is checked first so that [p, p+len) lies in the region, and the backend
// may then expand them or call the sandbox's own memcpy.
//
// No mask is needed when the access is provably inside the image or the
// native frame: a global or a native-stack local at a constant in-bounds
// offset. One mask of a base pointer serves every access at a constant
// offset from it; the mask is placed right after the base is defined, so a
// loop-invariant base is masked once outside the loop.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/ADT/bit.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Support/Debug.h"

#include <map>
#include <tuple>

using namespace llvm;
using namespace llvm::PatternMatch;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumMaskedLoads, "Loads masked");
STATISTIC(NumMaskedStores, "Stores masked");
STATISTIC(NumMaskedAtomics, "Atomic accesses masked");
STATISTIC(NumMaskedIntrinsics, "Memory intrinsics sandboxed");
STATISTIC(NumRangeChecks, "Memory intrinsic ranges checked");
STATISTIC(NumElidedGlobal, "Accesses to globals at in-bounds offsets (no mask)");
STATISTIC(NumElidedNative, "Accesses to native-stack locals (no mask)");
STATISTIC(NumSkippedLoads, "Loads left unmasked (stores-only mode)");
STATISTIC(NumMasks, "Mask computations emitted");
STATISTIC(NumMasksShared, "Accesses served by an existing mask");
STATISTIC(NumFolded, "Constant offsets folded after a mask");
STATISTIC(NumStringCopiesCalled,
          "Constant-length copies made library calls (no rep movs/stos)");
STATISTIC(NumSplit, "Unrolled accesses p[i + C] sharing the mask of p[i]");

static cl::opt<bool> SplitGEPs(
    "sfi-share-unrolled",
    cl::desc("libsfi: let p[i + C] share the mask of p[i]"), cl::init(true));

namespace {


class Sandboxer {
public:
  Sandboxer(Function &F, const sfi::Config &C, DominatorTree &DT)
      : F(F), M(*F.getParent()), Cfg(C), DL(M.getDataLayout()),
        Ctx(F.getContext()), DT(DT) {}
  bool run();

private:
  Function &F;
  Module &M;
  const sfi::Config &Cfg;
  const DataLayout &DL;
  LLVMContext &Ctx;
  DenseMap<Value *, Value *> Masked;     // base -> sandboxed base
  DenseMap<Value *, Value *> FlatMasked; // base -> flat sandboxed base
  Value *RegionBase = nullptr;
  BasicBlock *BoundsTrap = nullptr;
  // Where masks of arguments and constants go: after the entry allocas.
  Instruction *EntryPt = nullptr;

  bool isProvablySafe(Value *P, uint64_t Size);
  Instruction *insertionPointAfter(Value *V);
  Value *regionBase();
  Value *offsetOf(IRBuilder<> &B, Value *P);
  Value *maskBase(Value *Base, bool Flat);
  Value *sandboxPointer(Instruction *At, Value *P, uint64_t Size, bool Flat);
  Value *splitVariableGEP(Value *P, int64_t &O);
  std::map<std::tuple<Value *, Value *, int64_t>, Value *> SplitBases;
  DominatorTree &DT; // from the analysis manager, for F as it was at the start
  bool SplitBlocks = false;
  void rewriteAccess(Instruction *I, unsigned OpIdx, uint64_t Size);
  void rewriteMemIntrinsic(AnyMemIntrinsic *MI);
  void rewriteMaskedIntrinsic(IntrinsicInst *II);
  void checkRange(Instruction *At, Value *Off, Value *Len);
  BasicBlock *boundsTrap();
};

} // namespace

bool Sandboxer::isProvablySafe(Value *P, uint64_t Size) {
  APInt Off(64, 0);
  Value *Obj = P->stripAndAccumulateConstantOffsets(DL, Off,
                                                    /*AllowNonInbounds=*/true);
  int64_t O = Off.getSExtValue();
  if (O < 0)
    return false;
  if (auto *AI = dyn_cast<AllocaInst>(Obj)) {
    // After the shadow-stack step every remaining alloca is a native-stack
    // local accessed only at constant in-bounds offsets.
    std::optional<TypeSize> Sz = AI->getAllocationSize(DL);
    if (AI->isStaticAlloca() && Sz && !Sz->isScalable() &&
        (uint64_t)O + Size <= Sz->getFixedValue()) {
      ++NumElidedNative;
      return true;
    }
    return false;
  }
  if (auto *GA = dyn_cast<GlobalAlias>(Obj))
    Obj = const_cast<GlobalObject *>(GA->getAliaseeObject());
  // Only a global defined here is known to live in the image: a declaration
  // may resolve to address 0 (an undefined weak symbol), to an import, or to
  // an absolute symbol, so its accesses are masked like any other.
  auto *GV = dyn_cast_or_null<GlobalVariable>(Obj);
  if (!GV || (GV->isDeclaration() && !isCrtGlobal(*GV)) || GV->isThreadLocal() ||
      !GV->getValueType()->isSized())
    return false;
  uint64_t GSize = DL.getTypeAllocSize(GV->getValueType());
  if ((uint64_t)O + Size <= std::min<uint64_t>(GSize, SFI_IMAGE_MAX)) {
    ++NumElidedGlobal;
    return true;
  }
  return false;
}

Instruction *Sandboxer::insertionPointAfter(Value *V) {
  if (auto *I = dyn_cast<Instruction>(V)) {
    if (isa<PHINode>(I))
      return &*I->getParent()->getFirstInsertionPt();
    return I->getNextNode();
  }
  return EntryPt;
}

// The region base as a flat pointer: any symbol of the image, rounded down
// to the region alignment (the image lies in the region's low 1 GiB).
Value *Sandboxer::regionBase() {
  if (RegionBase)
    return RegionBase;
  // At the very top of the entry block, so that it dominates every mask,
  // including those of arguments placed at EntryPt.
  BasicBlock &Entry = F.getEntryBlock();
  IRBuilder<> B(&Entry, Entry.getFirstInsertionPt());
  Value *Anchor = B.CreatePtrToInt(sfi::getShadowStackPointer(M),
                                   B.getInt64Ty(), "sfi.anchor");
  Value *Base = B.CreateAnd(Anchor, B.getInt64(~SFI_OFFSET_MASK));
  RegionBase = B.CreateIntToPtr(Base, B.getPtrTy(), "sfi.base");
  return RegionBase;
}

Value *Sandboxer::offsetOf(IRBuilder<> &B, Value *P) {
  // freeze: a poison pointer must still produce some in-range offset.
  Value *Frozen = B.CreateFreeze(P, P->getName() + ".fr");
  Value *Int = B.CreatePtrToInt(Frozen, B.getInt64Ty());
  ++NumMasks;
  return B.CreateAnd(Int, B.getInt64(SFI_OFFSET_MASK), "sfi.off");
}

Value *Sandboxer::maskBase(Value *Base, bool Flat) {
  Flat |= Cfg.TheScheme == sfi::Scheme::Anchor;
  auto &Cache = Flat ? FlatMasked : Masked;
  auto It = Cache.find(Base);
  if (It != Cache.end()) {
    ++NumMasksShared;
    return It->second;
  }
  if (Flat)
    regionBase();
  Instruction *At = insertionPointAfter(Base);
  IRBuilder<> B(At);
  if (auto *I = dyn_cast<Instruction>(Base))
    B.SetCurrentDebugLocation(I->getDebugLoc());
  Value *Off = offsetOf(B, Base);
  Value *R;
  if (Flat)
    R = B.CreateGEP(B.getInt8Ty(), RegionBase, Off, "sfi.flat");
  else
    R = B.CreateIntToPtr(Off, PointerType::get(Ctx, sfi::GSAddrSpace),
                         "sfi.gs");
  Cache[Base] = R;
  return R;
}

Value *Sandboxer::sandboxPointer(Instruction *At, Value *P, uint64_t Size,
                                 bool Flat) {
  APInt Off(64, 0);
  Value *Base = P->stripAndAccumulateConstantOffsets(DL, Off,
                                                     /*AllowNonInbounds=*/true);
  int64_t O = Off.getSExtValue();
  // DT is valid only until checkRange splits the first block.
  if (SplitGEPs && Size <= SFI_MAX_ACCESS && Base == P && !SplitBlocks)
    Base = splitVariableGEP(P, O);
  if (O < 0 || (uint64_t)O >= SFI_FOLD_MAX || Size > SFI_MAX_ACCESS) {
    Base = P;
    O = 0;
  }
  Value *MB = maskBase(Base, Flat);
  if (O == 0)
    return MB;
  ++NumFolded;
  IRBuilder<> B(At);
  B.SetCurrentDebugLocation(At->getDebugLoc());
  return B.CreateConstGEP1_64(B.getInt8Ty(), MB, O, "sfi.fold");
}

// After unrolling, neighbouring accesses read p[i], p[i + 1], p[i + 2]:
// each is gep T, p, (add i, C), a different variable address. Rewrite such
// an address as one shared base gep T, p, i (masked once) plus the constant
// C * sizeof(T), which folds into the access. Returns P itself (O = 0) when
// the address has no such shape.
Value *Sandboxer::splitVariableGEP(Value *P, int64_t &O) {
  auto *GEP = dyn_cast<GetElementPtrInst>(P);
  if (!GEP)
    return P;
  SmallMapVector<Value *, APInt, 4> Vars;
  APInt COff(64, 0);
  if (!GEP->collectOffset(DL, 64, Vars, COff) || Vars.size() != 1)
    return P;
  auto [V, Scale] = Vars.front();
  Value *X = V;
  const APInt *Add = nullptr;
  // add i, C (InstCombine writes `or disjoint` when i's low bits are zero),
  // or an int index widened after the add: sext (add nsw i, C) is
  // sext i + C, and zext (add nuw i, C) is zext i + C.
  Instruction::CastOps Widen = Instruction::CastOpsEnd;
  Value *Inner = nullptr;
  if (match(V, m_SExt(m_Value(Inner))) &&
      match(Inner, m_NSWAdd(m_Value(X), m_APInt(Add))))
    Widen = Instruction::SExt;
  else if (match(V, m_ZExt(m_Value(Inner))) &&
           match(Inner, m_NUWAdd(m_Value(X), m_APInt(Add))))
    Widen = Instruction::ZExt;
  else if (!match(V, m_AddLike(m_Value(X), m_APInt(Add))))
    X = V; // p[i] itself shares the base of p[i + 1]
  if (!V->getType()->isIntegerTy(64))
    return P;
  APInt AddWide(64, 0);
  if (Add)
    AddWide = Widen == Instruction::ZExt ? Add->zext(64) : Add->sext(64);
  APInt Total = COff + AddWide * Scale;
  if (Total.isNegative() || Total.uge(SFI_FOLD_MAX))
    return P;
  Value *Ptr = GEP->getPointerOperand();
  auto Key = std::make_tuple(Ptr, X, Scale.getSExtValue() * 4 + Widen % 4);
  auto It = SplitBases.find(Key);
  if (It == SplitBases.end()) {
    // After both Ptr and X, whichever is defined later (both dominate the
    // GEP, so one dominates the other).
    Instruction *At = insertionPointAfter(Ptr);
    if (auto *XI = dyn_cast<Instruction>(X)) {
      Instruction *AfterX = insertionPointAfter(XI);
      if (!isa<Instruction>(Ptr) ||
          DT.dominates(cast<Instruction>(Ptr), XI))
        At = AfterX;
    }
    IRBuilder<> B(At);
    B.SetCurrentDebugLocation(GEP->getDebugLoc());
    Value *Wide = Widen == Instruction::CastOpsEnd
                      ? X
                      : B.CreateCast(Widen, X, B.getInt64Ty());
    Value *Idx = Scale.isOne() ? Wide : B.CreateMul(Wide, B.getInt(Scale));
    Value *NewBase = B.CreateGEP(B.getInt8Ty(), Ptr, Idx, "sfi.split");
    It = SplitBases.insert({Key, NewBase}).first;
  }
  O = Total.getSExtValue();
  ++NumSplit;
  return It->second;
}

void Sandboxer::rewriteAccess(Instruction *I, unsigned OpIdx, uint64_t Size) {
  Value *P = I->getOperand(OpIdx);
  // One access wider than the guard could reach past it from a masked
  // pointer (a load or store of a huge aggregate; clang uses memcpy).
  if (Size > SFI_GUARD_SIZE - SFI_FOLD_MAX) {
    reportError(F, I, "a single memory access of " + Twine(Size) +
                          " bytes is wider than the sandbox guard zone");
    return;
  }
  if (isProvablySafe(P, Size))
    return;
  if (isa<LoadInst>(I))
    ++NumMaskedLoads;
  else if (isa<StoreInst>(I))
    ++NumMaskedStores;
  else
    ++NumMaskedAtomics;
  I->setOperand(OpIdx, sandboxPointer(I, P, Size, /*Flat=*/false));
}

BasicBlock *Sandboxer::boundsTrap() {
  if (BoundsTrap)
    return BoundsTrap;
  BoundsTrap = createTrapBlock(F, SFI_TRAPCODE_BOUNDS, "sfi.bounds.trap");
  return BoundsTrap;
}

// Traps unless [P, P+Len) lies in the region, given Off = (uint32_t)P:
// Off + Len <= 4 GiB, computed without overflow as Len <= 4 GiB - Off.
void Sandboxer::checkRange(Instruction *At, Value *Off, Value *Len) {
  IRBuilder<> B(At);
  B.SetCurrentDebugLocation(At->getDebugLoc());
  Value *Room = B.CreateSub(B.getInt64(SFI_REGION_SIZE), Off, "sfi.room");
  Value *L = B.CreateZExtOrTrunc(Len, B.getInt64Ty());
  Value *Bad = B.CreateICmpUGT(L, Room, "sfi.oob");
  BasicBlock *Head = At->getParent();
  SplitBlocks = true;
  BasicBlock *Cont = Head->splitBasicBlock(At, "sfi.range.ok");
  Head->getTerminator()->eraseFromParent();
  IRBuilder<> TB(Head);
  TB.CreateCondBr(Bad, boundsTrap(), Cont);
  ++NumRangeChecks;
}

void Sandboxer::rewriteMemIntrinsic(AnyMemIntrinsic *MI) {
  auto *ConstLen = dyn_cast<ConstantInt>(MI->getLength());
  // Folding is sound only while the whole range stays under the guard.
  bool Small = ConstLen && ConstLen->getZExtValue() <= SFI_MAX_ACCESS;
  uint64_t Size = ConstLen ? ConstLen->getZExtValue() : UINT64_MAX;
  SmallVector<unsigned, 2> Ops = {0};
  auto *MT = dyn_cast<AnyMemTransferInst>(MI);
  if (MT && Cfg.TheMode == sfi::Mode::Full)
    Ops.push_back(1);
  bool Changed = false, Native = false;
  for (unsigned Idx : Ops) {
    Value *P = MI->getArgOperand(Idx);
    if (ConstLen && isProvablySafe(P, Size)) {
      Native |= isa<AllocaInst>(getUnderlyingObject(P));
      continue;
    }
    Value *Flat =
        sandboxPointer(MI, P, Small ? Size : UINT64_MAX, /*Flat=*/true);
    // Unfolded, the flat pointer is region base + X: check X itself, so
    // that the verifier can tie the check to this pointer.
    if (!Small)
      checkRange(MI, cast<GetElementPtrInst>(Flat)->getOperand(1),
                 MI->getLength());
    MI->setArgOperand(Idx, Flat);
    Changed = true;
  }
  if (Changed)
    ++NumMaskedIntrinsics;
  // A native-stack operand must never reach a libcall (the sandbox's
  // memcpy would mask it into the region): force inline expansion.
  auto *Plain = dyn_cast<MemIntrinsic>(MI);
  if (Native && Plain && !Plain->isForceInlined()) {
    IRBuilder<> B(MI);
    CallInst *NC = nullptr;
    if (auto *MC = dyn_cast<MemCpyInst>(MI))
      NC = B.CreateMemCpyInline(MC->getRawDest(), MC->getDestAlign(),
                                MC->getRawSource(), MC->getSourceAlign(),
                                MC->getLength(), MC->isVolatile());
    else if (auto *MS = dyn_cast<MemSetInst>(MI))
      NC = B.CreateMemSetInline(MS->getRawDest(), MS->getDestAlign(),
                                MS->getValue(), MS->getLength(),
                                MS->isVolatile());
    if (NC) {
      NC->setDebugLoc(MI->getDebugLoc());
      MI->eraseFromParent();
    }
  }
}

void Sandboxer::rewriteMaskedIntrinsic(IntrinsicInst *II) {
  IRBuilder<> B(II);
  B.SetCurrentDebugLocation(II->getDebugLoc());
  auto FlatVector = [&](Value *Ptrs) {
    // One mask per lane: base + (lane & 0xffffffff).
    auto *VT = cast<VectorType>(Ptrs->getType());
    Type *IntVT = VectorType::get(B.getInt64Ty(), VT->getElementCount());
    Value *Ints = B.CreatePtrToInt(B.CreateFreeze(Ptrs), IntVT);
    Value *Offs = B.CreateAnd(Ints, B.CreateVectorSplat(VT->getElementCount(),
                                                        B.getInt64(
                                                            SFI_OFFSET_MASK)));
    ++NumMasks;
    return B.CreateGEP(B.getInt8Ty(), regionBase(), Offs, "sfi.lanes");
  };
  switch (II->getIntrinsicID()) {
  case Intrinsic::masked_gather:
  case Intrinsic::masked_scatter: {
    unsigned Idx = II->getIntrinsicID() == Intrinsic::masked_gather ? 0 : 1;
    II->setArgOperand(Idx, FlatVector(II->getArgOperand(Idx)));
    break;
  }
  default: {
    // masked.load/store, expandload/compressstore, prefetch: one base
    // pointer; the widest vector stays under SFI_MAX_ACCESS.
    unsigned Idx = II->getIntrinsicID() == Intrinsic::masked_store ? 1 : 0;
    if (II->getIntrinsicID() == Intrinsic::masked_compressstore)
      Idx = 1;
    Value *P = II->getArgOperand(Idx);
    II->setArgOperand(Idx, sandboxPointer(II, P, SFI_MAX_ACCESS,
                                          /*Flat=*/true));
    break;
  }
  }
  ++NumMaskedIntrinsics;
}

bool Sandboxer::run() {
  bool Full = Cfg.TheMode == sfi::Mode::Full;
  BasicBlock::iterator It = F.getEntryBlock().getFirstInsertionPt();
  while (isa<AllocaInst>(*It))
    ++It;
  EntryPt = &*It;
  struct Access {
    Instruction *I;
    unsigned Op;
    uint64_t Size;
  };
  SmallVector<Access, 32> Accesses;
  SmallVector<AnyMemIntrinsic *, 8> MemIntrinsics;
  SmallVector<IntrinsicInst *, 4> MaskedIntrinsics;
  for (Instruction &I : instructions(F)) {
    if (auto *LI = dyn_cast<LoadInst>(&I)) {
      if (!Full) {
        ++NumSkippedLoads;
        continue;
      }
      Accesses.push_back({LI, LI->getPointerOperandIndex(),
                          DL.getTypeStoreSize(LI->getType()).getFixedValue()});
    } else if (auto *SI = dyn_cast<StoreInst>(&I)) {
      Accesses.push_back(
          {SI, SI->getPointerOperandIndex(),
           DL.getTypeStoreSize(SI->getValueOperand()->getType())
               .getFixedValue()});
    } else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
      Accesses.push_back(
          {RMW, RMW->getPointerOperandIndex(),
           DL.getTypeStoreSize(RMW->getValOperand()->getType())
               .getFixedValue()});
    } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
      Accesses.push_back(
          {CX, CX->getPointerOperandIndex(),
           DL.getTypeStoreSize(CX->getCompareOperand()->getType())
               .getFixedValue()});
    } else if (auto *MI = dyn_cast<AnyMemIntrinsic>(&I)) {
      MemIntrinsics.push_back(MI);
    } else if (auto *II = dyn_cast<IntrinsicInst>(&I)) {
      switch (II->getIntrinsicID()) {
      case Intrinsic::masked_load:
      case Intrinsic::masked_gather:
      case Intrinsic::masked_expandload:
      case Intrinsic::prefetch:
        if (!Full)
          break;
        [[fallthrough]];
      case Intrinsic::masked_store:
      case Intrinsic::masked_scatter:
      case Intrinsic::masked_compressstore:
        MaskedIntrinsics.push_back(II);
        break;
      default:
        break;
      }
    }
  }
  for (Access &A : Accesses)
    rewriteAccess(A.I, A.Op, A.Size);
  for (IntrinsicInst *II : MaskedIntrinsics)
    rewriteMaskedIntrinsic(II);
  for (AnyMemIntrinsic *MI : MemIntrinsics)
    rewriteMemIntrinsic(MI);
  return !Accesses.empty() || !MemIntrinsics.empty() ||
         !MaskedIntrinsics.empty();
}

// Version 2: the machine pass confines every access, so the IR keeps plain
// pointers. What remains here: a memcpy/memset on a native-stack local
// (isNativeSafeAlloca allows small constant lengths) must be expanded
// inline into %rsp-relative moves; as a call, the sandbox's memcpy would
// reach the region at the local's address instead of the local.
static bool keepNativeCopiesInline(Function &F) {
  SmallVector<MemIntrinsic *, 8> Work;
  for (Instruction &I : instructions(F))
    if (auto *MI = dyn_cast<MemIntrinsic>(&I))
      if (!MI->isForceInlined() && (isa<MemCpyInst>(MI) || isa<MemSetInst>(MI)))
        Work.push_back(MI);
  bool Changed = false;
  for (MemIntrinsic *MI : Work) {
    bool Native = isa<AllocaInst>(getUnderlyingObject(MI->getRawDest()));
    if (auto *MT = dyn_cast<MemTransferInst>(MI))
      Native |= isa<AllocaInst>(getUnderlyingObject(MT->getRawSource()));
    if (!Native || !isa<ConstantInt>(MI->getLength()))
      continue;
    IRBuilder<> B(MI);
    CallInst *NC;
    if (auto *MC = dyn_cast<MemCpyInst>(MI))
      NC = B.CreateMemCpyInline(MC->getRawDest(), MC->getDestAlign(),
                                MC->getRawSource(), MC->getSourceAlign(),
                                MC->getLength(), MC->isVolatile());
    else {
      auto *MS = cast<MemSetInst>(MI);
      NC = B.CreateMemSetInline(MS->getRawDest(), MS->getDestAlign(),
                                MS->getValue(), MS->getLength(),
                                MS->isVolatile());
    }
    NC->setDebugLoc(MI->getDebugLoc());
    MI->eraseFromParent();
    Changed = true;
  }
  return Changed;
}

// x86 code generation expands a constant-length memcpy or memset that is
// too long for its inline limit of moves (MaxStoresPerMemcpy/Memset, in
// the OptSize variant under optsize) into a string instruction instead of a
// library call: `rep movs`/`rep stos` for up to 128 bytes, and for any
// length in a minsize function (X86SelectionDAGInfo). The machine pass
// must refuse those (their destination is always %es:(%rdi), which no
// segment override can move), so before this fix every -Oz struct copy of
// more than about 64 bytes, every aligned -Os copy of 72..128 bytes and
// `char buf[200] = {0}` at -Oz failed to compile (issue 14's fuzzing). Make
// exactly those copies calls of the sandbox libc's memcpy/memset
// (nobuiltin, so that nothing turns them back into the intrinsic); copies
// within the inline limits stay inline. The limits: at most 8 moves per
// memcpy (4 under optsize) and 16 per memset (8 under optsize), each
// 16 bytes wide with SSE and 8 without (8 under minsize, to be safe). Code
// generation uses 16-byte moves only where vector registers may be used
// (no noimplicitfloat: -mno-implicit-float, -msoft-float) and the access is
// 16-aligned or unaligned 16-byte accesses are fast on the tuned CPU (not
// core2, atom, k8: review fuzz4); else 8-byte ones, twice as many.
static bool keepCopiesOffStringInstructions(Function &F,
                                            const TargetTransformInfo &TTI) {
  // The C library's own copies are left alone (no self-recursion).
  StringRef Name = F.getName();
  if (Name == "memcpy" || Name == "memset" || Name == "memmove")
    return false;
  bool MinSize = F.hasMinSize(), OptSize = F.hasOptSize() || MinSize;
  // The last "+sse2"/"-sse2" (or "-sse", which implies -sse2) of the
  // target features decides; x86-64 has SSE2 unless told otherwise.
  bool SSE = true;
  SmallVector<StringRef, 32> Features;
  F.getFnAttribute("target-features").getValueAsString().split(Features, ',');
  for (StringRef Feat : Features)
    if (Feat == "+sse2")
      SSE = true;
    else if (Feat == "-sse2" || Feat == "-sse")
      SSE = false;
  bool Vector = SSE && !F.hasFnAttribute(Attribute::NoImplicitFloat) &&
                F.getFnAttribute("use-soft-float").getValueAsString() !=
                    "true";
  LLVMContext &Ctx = F.getContext();
  auto WidthFor = [&](const MemIntrinsic *MI) -> uint64_t {
    if (!Vector)
      return 8;
    Align A = MI->getDestAlign().valueOrOne();
    if (auto *MT = dyn_cast<MemTransferInst>(MI))
      A = std::min(A, MT->getSourceAlign().valueOrOne());
    if (A >= Align(16))
      return 16;
    unsigned Fast = 0;
    return TTI.allowsMisalignedMemoryAccesses(Ctx, 128, 0, A, &Fast) && Fast
               ? 16
               : 8;
  };
  SmallVector<MemIntrinsic *, 8> Work;
  for (Instruction &I : instructions(F)) {
    auto *MI = dyn_cast<MemIntrinsic>(&I);
    // memcpy.inline/memset.inline (native-stack copies) must stay inline;
    // memmove never uses strings. A volatile copy becomes a call too, as
    // code generation itself makes one beyond its limits: the call is
    // opaque, every byte is accessed (csmith's volatile struct copies hit
    // this at -Os and -Oz).
    if (!MI || MI->isForceInlined() ||
        !(isa<MemCpyInst>(MI) || isa<MemSetInst>(MI)))
      continue;
    auto *Len = dyn_cast<ConstantInt>(MI->getLength());
    if (!Len || Len->getValue().getActiveBits() > 64)
      continue;
    uint64_t N = Len->getZExtValue();
    bool Copy = isa<MemCpyInst>(MI);
    uint64_t Moves = (Copy ? 8 : 16) / (OptSize ? 2 : 1);
    // Under minsize even lengths within the move limit of the widest
    // vector may become strings: count 8-byte moves there.
    uint64_t W = MinSize ? 8 : WidthFor(MI);
    // The moves code generation needs: overlapping ones cover a tail, but
    // a volatile copy may not overlap (60 bytes: 16+16+16+8+4).
    uint64_t Needed = MI->isVolatile() ? N / W + llvm::popcount(N % W)
                                       : (N + W - 1) / W;
    if (Needed <= Moves || (!MinSize && N > 128))
      continue;
    Work.push_back(MI);
  }
  Module &M = *F.getParent();
  for (MemIntrinsic *MI : Work) {
    IRBuilder<> B(MI);
    Type *PtrTy = B.getPtrTy(), *SizeTy = B.getInt64Ty();
    Value *Len = B.CreateZExtOrTrunc(MI->getLength(), SizeTy);
    CallInst *C;
    if (auto *MC = dyn_cast<MemCpyInst>(MI)) {
      FunctionCallee Fn = M.getOrInsertFunction("memcpy", PtrTy, PtrTy,
                                                PtrTy, SizeTy);
      C = B.CreateCall(Fn, {MC->getRawDest(), MC->getRawSource(), Len});
    } else {
      auto *MS = cast<MemSetInst>(MI);
      FunctionCallee Fn = M.getOrInsertFunction(
          "memset", PtrTy, PtrTy, B.getInt32Ty(), SizeTy);
      C = B.CreateCall(Fn, {MS->getRawDest(),
                            B.CreateZExt(MS->getValue(), B.getInt32Ty()),
                            Len});
    }
    C->addFnAttr(Attribute::NoBuiltin);
    C->setDebugLoc(MI->getDebugLoc());
    SFI_DEBUG(debugLine(F.getName(), "constant-length copy made a library "
                                     "call (no string instruction)")
              << *MI << "\n");
    MI->eraseFromParent();
    ++NumStringCopiesCalled;
  }
  return !Work.empty();
}

bool sfi::sandboxMemory(Module &M, const Config &C,
                        FunctionAnalysisManager &FAM) {
  bool Changed = false;
  // thread_local is per instance: one thread runs an instance at a time, and
  // %fs-relative TLS would reach the host's thread block.
  for (GlobalVariable &GV : M.globals())
    if (GV.isThreadLocal()) {
      GV.setThreadLocal(false);
      Changed = true;
    }
  for (Function &F : M) {
    for (Instruction &I : make_early_inc_range(instructions(F)))
      if (auto *II = dyn_cast<IntrinsicInst>(&I))
        if (II->getIntrinsicID() == Intrinsic::threadlocal_address) {
          II->replaceAllUsesWith(II->getArgOperand(0));
          II->eraseFromParent();
        }
  }
  for (Function &F : M) {
    if (F.isDeclaration() || isSFIGenerated(F))
      continue;
    // The earlier steps changed F: what the manager cached for it is stale.
    FAM.invalidate(F, PreservedAnalyses::none());
    Changed |=
        C.IRMasks
            ? Sandboxer(F, C, FAM.getResult<DominatorTreeAnalysis>(F)).run()
            : keepNativeCopiesInline(F) |
                  keepCopiesOffStringInstructions(
                      F, FAM.getResult<TargetIRAnalysis>(F));
    // And this step changed it again (Sandboxer splits blocks).
    FAM.invalidate(F, PreservedAnalyses::none());
  }
  return Changed;
}
