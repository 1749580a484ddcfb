//===- ControlFlow.cpp - libsfi pass: jump table and indirect calls -------===//
//
// Sandboxed code may transfer control only to its own function entries and
// to the imports the host granted. Direct calls are safe as they are (their
// targets are fixed at link time; imports go through a read-only GOT).
// Returns are safe because return addresses live on the native stack, which
// sandboxed code cannot address. What remains is indirect calls.
//
// Every function whose address is taken gets one 16-byte entry in the
// section sfi_jt, and every use of its address becomes the entry's address:
//
//   __sfi_jt.foo:                 ; align 16, COMDAT __sfi_jt.foo
//     jmp  foo@PLT                ; 5 bytes
//     int3 x 11                   ; padding up to the next entry
//
// The linker concatenates the entries of all objects into one table between
// __start_sfi_jt and __stop_sfi_jt (COMDAT keeps one entry per function, so
// pointers compare equal across translation units); the crt's trap entry
// comes first. An indirect call masks its target into the table without a
// branch:
//
//   leaq  __start_sfi_jt(%rip), %rax
//   subq  %rax, %rdi              ; offset into the table
//   andq  $-16, %rdi              ; entry boundary
//   leaq  __stop_sfi_jt(%rip), %rcx
//   subq  %rax, %rcx              ; table size
//   cmpq  %rcx, %rdi
//   sbbq  %rdx, %rdx              ; all ones if inside, else zero
//   andq  %rdi, %rdx              ; outside -> offset 0, the trap entry
//   addq  %rax, %rdx
//   callq *%rdx
//
// setjmp/longjmp and their variants become calls into the runtime, which
// keeps the saved context; the jmp_buf holds only a handle it checks.
// indirectbr (computed goto) becomes a switch over label indices.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/CFG.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumTableEntries, "Jump-table entries created");
STATISTIC(NumSetjmpCalls, "setjmp/longjmp calls routed to the runtime");
STATISTIC(NumIndirectBr, "indirectbr lowered to switches over label indices");
STATISTIC(NumLabelTables, "Computed gotos switching on a label table's index");
STATISTIC(NumSwitchDefaults, "Unreachable switch defaults sent to a trap");
STATISTIC(NumVectorIndex, "Variable vector indices lowered to selects");
STATISTIC(NumNoBuiltin, "Library calls kept opaque to code generation");

// Constants reachable from the special arrays (llvm.used, global ctors and
// dtors): these need the real function addresses.
static SmallPtrSet<const User *, 16> collectSpecialUsers(Module &M) {
  SmallPtrSet<const User *, 16> Special;
  SmallVector<const User *, 16> Work;
  for (StringRef Name : {"llvm.used", "llvm.compiler.used", "llvm.global_ctors",
                         "llvm.global_dtors"})
    if (GlobalVariable *GV = M.getNamedGlobal(Name)) {
      Special.insert(GV);
      if (GV->hasInitializer())
        Work.push_back(GV->getInitializer());
    }
  while (!Work.empty()) {
    const User *U = Work.pop_back_val();
    if (!Special.insert(U).second && !isa<GlobalVariable>(U))
      continue;
    for (const Value *Op : U->operands())
      if (auto *C = dyn_cast<Constant>(Op))
        if (!isa<GlobalValue>(C))
          Work.push_back(C);
  }
  return Special;
}

static bool isAddressTaken(const Function &F,
                           const SmallPtrSetImpl<const User *> &Special) {
  for (const Use &U : F.uses()) {
    if (auto *CB = dyn_cast<CallBase>(U.getUser()))
      if (CB->isCallee(&U))
        continue;
    if (Special.count(U.getUser()))
      continue;
    return true;
  }
  return false;
}

static Function *createEntry(Function &F) {
  Module &M = *F.getParent();
  LLVMContext &Ctx = M.getContext();
  std::string Name = (SFI_JT_PREFIX + F.getName()).str();
  auto *Ty = FunctionType::get(Type::getVoidTy(Ctx), false);
  bool Local = F.hasLocalLinkage();
  Function *E = Function::Create(
      Ty, Local ? GlobalValue::InternalLinkage : GlobalValue::LinkOnceODRLinkage,
      Name, &M);
  if (!Local) {
    E->setVisibility(GlobalValue::HiddenVisibility);
    E->setComdat(M.getOrInsertComdat(E->getName()));
  }
  E->setDSOLocal(true);
  E->setSection(SFI_JT_SECTION);
  E->setAlignment(Align(SFI_JT_ENTRY_SIZE));
  E->addFnAttr(Attribute::Naked);
  E->addFnAttr(Attribute::NoInline);
  E->addFnAttr(Attribute::NoUnwind);
  E->addFnAttr("sfi-generated");
  BasicBlock *BB = BasicBlock::Create(Ctx, "", E);
  IRBuilder<> B(BB);
  // Through the GOT: the target may be a host import, whose slot the loader
  // fills with its stub and makes read-only (no PLT, whose lazy-binding
  // code the verifier would reject); lld relaxes it to `jmp f; nop` when f
  // is defined in the module.
  InlineAsm *IA = InlineAsm::get(
      FunctionType::get(Type::getVoidTy(Ctx), {F.getType()}, false),
      "jmp *${0:c}@GOTPCREL(%rip)\n\t.p2align " +
          std::to_string(SFI_JT_ENTRY_SHIFT) + ", 0xcc",
      "s", /*hasSideEffects=*/true);
  B.CreateCall(IA, {&F});
  B.CreateUnreachable();
  ++NumTableEntries;
  return E;
}

// setjmp(buf) -> __sfi_sys_setjmp(buf); longjmp(buf, v) ->
// __sfi_sys_longjmp(buf, v). sigsetjmp's mask argument is dropped: the
// sandbox has no signal mask.
static bool routeSetjmp(Module &M) {
  LLVMContext &Ctx = M.getContext();
  Type *I32 = Type::getInt32Ty(Ctx);
  Type *Ptr = PointerType::get(Ctx, 0);
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    StringRef N = F.getName();
    bool IsSet = isSetjmpName(N);
    bool IsLong = isLongjmpName(N);
    if (!IsSet && !IsLong)
      continue;
    FunctionCallee Repl =
        IsSet ? M.getOrInsertFunction(SFI_SYS_PREFIX "setjmp",
                                      FunctionType::get(I32, {Ptr}, false))
              : M.getOrInsertFunction(SFI_SYS_PREFIX "longjmp",
                                      FunctionType::get(Type::getVoidTy(Ctx),
                                                        {Ptr, I32}, false));
    auto *RF = cast<Function>(Repl.getCallee());
    if (IsSet)
      RF->addFnAttr(Attribute::ReturnsTwice);
    else
      RF->addFnAttr(Attribute::NoReturn);
    for (User *U : make_early_inc_range(F.users())) {
      auto *CB = dyn_cast<CallInst>(U);
      if (!CB || CB->getCalledOperand() != &F)
        continue;
      IRBuilder<> B(CB);
      SmallVector<Value *, 2> Args = {CB->getArgOperand(0)};
      if (IsLong)
        Args.push_back(B.CreateZExtOrTrunc(CB->getArgOperand(1), I32));
      CallInst *NC = B.CreateCall(Repl, Args);
      NC->setDebugLoc(CB->getDebugLoc());
      if (IsSet)
        NC->addFnAttr(Attribute::ReturnsTwice);
      else
        NC->setDoesNotReturn();
      if (!CB->getType()->isVoidTy())
        CB->replaceAllUsesWith(
            B.CreateZExtOrTrunc(NC, CB->getType()));
      CB->eraseFromParent();
      ++NumSetjmpCalls;
      Changed = true;
    }
  }
  // A context saved by setjmp dies with the frame that saved it: before
  // every return of a function that calls setjmp, tell the runtime (which
  // reads the frame's rsp at the call), so that a stale jmp_buf cannot
  // resume a frame whose native stack has been reused.
  Function *Set = M.getFunction(SFI_SYS_PREFIX "setjmp");
  if (!Set)
    return Changed;
  FunctionCallee Leave = M.getOrInsertFunction(
      SFI_SYS_PREFIX "setjmp_leave", FunctionType::get(Type::getVoidTy(Ctx),
                                                       false));
  SmallPtrSet<Function *, 8> Savers;
  for (User *U : Set->users())
    if (auto *CB = dyn_cast<CallBase>(U))
      Savers.insert(CB->getFunction());
  for (Function *F : Savers)
    for (BasicBlock &BB : *F)
      if (auto *RI = dyn_cast<ReturnInst>(BB.getTerminator())) {
        Instruction *At = RI;
        if (CallInst *MT = BB.getTerminatingMustTailCall())
          At = MT;
        CallInst::Create(Leave, "", At->getIterator())->setDebugLoc(RI->getDebugLoc());
      }
  return Changed;
}

// Computed goto. A label's address becomes its index in the function
// (1, 2, ..., N; a per-function tag above bit 20 keeps labels of different
// functions apart), and each indirectbr a switch over the value masked to
// the next power of two P > N, whose cases cover every masked value:
// labels the indirectbr may reach go to their blocks, 0 (null), the other
// labels and the values above N to a trap. Code generation turns it into
// a jump table without a range check, which the machine pass confines (an
// and-masked index into a table of 8-byte branch slots). Native label
// addresses never exist, so two labels never compare equal or share a
// handler. A value the program forged (undefined behaviour in C) reaches
// a label of the same function or the trap, never anything else. (LLVM's
// IndirectBrExpandPass does the same for retpoline builds, with a range
// check.)
//
//   static void *ops[] = {&&add, &&halt};     ops = {1, 2}      (P = 4)
//   goto *ops[op];                            switch (ops[op] & 3)
//                                               1 -> add, 2 -> halt,
//                                               0, 3 -> trap
//
// With no range check the whole dispatch is one block ending in the
// indirect jump, which code generation copies into every goto, as it does
// for indirectbr natively: each handler has its own well-predicted jump.
// `load (gep @T, 0, %i)` from a constant array of this function's label
// values (after their lowering: Tag << 20 | index): the index %i and each
// element's label index (0 for anything else). Idx is null if A is not
// such a load.
namespace {
struct LabelTable {
  Value *Idx = nullptr;
  SmallVector<uint64_t, 32> Elems;
};
} // namespace

static LabelTable matchLabelTable(Value *A, uint64_t FnTag) {
  LabelTable R;
  auto *LI = dyn_cast<LoadInst>(A);
  if (!LI || !LI->isSimple() || !LI->getType()->isPointerTy())
    return R;
  auto *GEP = dyn_cast<GEPOperator>(LI->getPointerOperand());
  if (!GEP)
    return R;
  auto *GV = dyn_cast<GlobalVariable>(GEP->getPointerOperand());
  if (!GV || !GV->isConstant() || !GV->hasDefinitiveInitializer())
    return R;
  auto *AT = dyn_cast<ArrayType>(GV->getValueType());
  const DataLayout &DL = LI->getModule()->getDataLayout();
  if (!AT || !AT->getElementType()->isPointerTy() ||
      DL.getTypeAllocSize(AT->getElementType()) != 8 ||
      AT->getNumElements() < 4 || AT->getNumElements() > 4096)
    return R;
  SmallMapVector<Value *, APInt, 4> Var;
  APInt Off(64, 0);
  if (!GEP->collectOffset(DL, 64, Var, Off) || Var.size() != 1 ||
      !Off.isZero() || Var.front().second != 8 ||
      !Var.front().first->getType()->isIntegerTy())
    return R;
  Constant *Init = GV->getInitializer();
  for (uint64_t J = 0, E = AT->getNumElements(); J < E; ++J) {
    uint64_t L = 0;
    Constant *C = Init->getAggregateElement((unsigned)J);
    if (auto *CE = dyn_cast_or_null<ConstantExpr>(C))
      if (CE->getOpcode() == Instruction::IntToPtr)
        if (auto *CI = dyn_cast<ConstantInt>(CE->getOperand(0)))
          if (CI->getValue().getActiveBits() <= 64 &&
              CI->getZExtValue() >> 20 == FnTag)
            L = CI->getZExtValue() & ((1u << 20) - 1);
    R.Elems.push_back(L);
  }
  R.Idx = Var.front().first;
  return R;
}

// Every phi of Dest takes, from From, the value it took from Cur (the
// block of the indirectbr) once per edge From's new terminator has to Dest:
// the switch over label indices has one edge per label, but the switch
// over a label table's index has one per table slot that holds the label
// (`{&&op_a, &&op_b, &&op_a, &&op_a}`) and none for a label the table
// lacks. Before issue 14's fix the phis kept one entry in every case: the
// IR was invalid (release builds of clang do not verify it) and later
// passes, Loop Strength Reduction among them, worked on broken phis.
static void setPhiEdges(BasicBlock *Dest, BasicBlock *From, BasicBlock *Cur) {
  unsigned Edges = llvm::count(successors(From), Dest);
  for (PHINode &PN : Dest->phis()) {
    Value *V = PN.getIncomingValueForBlock(Cur);
    while (PN.getBasicBlockIndex(From) >= 0)
      PN.removeIncomingValue(From, /*DeletePHIIfEmpty=*/false);
    for (unsigned I = 0; I < Edges; ++I)
      PN.addIncoming(V, From);
  }
}

static bool lowerIndirectBr(Function &F) {
  SmallVector<IndirectBrInst *, 2> Work;
  for (BasicBlock &BB : F)
    if (auto *IBI = dyn_cast<IndirectBrInst>(BB.getTerminator()))
      Work.push_back(IBI);
  if (Work.empty())
    return false;
  // Collect first: replacing a blockaddress destroys nothing we iterate.
  auto *IntPtr = Type::getInt64Ty(F.getContext());
  DenseMap<BasicBlock *, uint64_t> Index;
  SmallVector<std::pair<BlockAddress *, BasicBlock *>, 16> Taken;
  for (BasicBlock &BB : F)
    if (BlockAddress *BA = BlockAddress::lookup(&BB)) {
      Index[&BB] = Taken.size() + 1;
      Taken.push_back({BA, &BB});
    }
  // The bits above the mask hold a hash of the function (and its source
  // file), so labels of different functions differ as values too; the
  // dispatch looks only at the low bits (review3 "labelid").
  uint64_t FnTag =
      (xxh3_64bits(F.getParent()->getSourceFileName() + "\0" +
                   F.getName().str()) &
       0x3fffffff) |
      1;
  for (auto &[BA, BB] : Taken) {
    Constant *Idx = ConstantExpr::getIntToPtr(
        ConstantInt::get(IntPtr, (FnTag << 20) | Index[BB]), BA->getType());
    BA->replaceAllUsesWith(Idx);
    BA->destroyConstant();
  }
  uint64_t N = Taken.size(), P = PowerOf2Ceil(N + 1);
  BasicBlock *Trap = createTrapBlock(F, SFI_TRAPCODE_CALL, "sfi.ibr.trap");
  BasicBlock *Dead = BasicBlock::Create(F.getContext(), "sfi.ibr.dead", &F);
  new UnreachableInst(F.getContext(), Dead);
  SmallVector<WeakTrackingVH, 8> Loads; // table loads the dispatch dropped
  for (IndirectBrInst *IBI : Work) {
    BasicBlock *Cur = IBI->getParent();
    SmallPtrSet<BasicBlock *, 16> Dests;
    for (BasicBlock *Dest : IBI->successors())
      Dests.insert(Dest);
    // The switch that replaces IBI at the end of block At, on address A.
    auto Dispatch = [&](Value *A, Instruction *Before) {
      IRBuilder<> B(Before);
      // A read from a constant table of this function's labels (the
      // direct-threaded `goto *ops[op]`): switch on the table's index
      // instead, each case going to the label its element holds, so the
      // dispatch loads nothing (issue 14). An element that is not one of
      // this function's labels, and an index past the table, traps.
      if (LabelTable T = matchLabelTable(A, FnTag); T.Idx) {
        uint64_t M = T.Elems.size(), Q = PowerOf2Ceil(M);
        Value *X = B.CreateSExtOrTrunc(B.CreateFreeze(T.Idx), IntPtr);
        Value *K = B.CreateAnd(X, ConstantInt::get(IntPtr, Q - 1));
        SwitchInst *SI = B.CreateSwitch(K, Dead, Q);
        for (uint64_t J = 0; J < Q; ++J) {
          uint64_t L = J < M ? T.Elems[J] : 0;
          SI->addCase(ConstantInt::get(IntPtr, J),
                      L >= 1 && L <= N && Dests.count(Taken[L - 1].second)
                          ? Taken[L - 1].second
                          : Trap);
        }
        ++NumLabelTables;
        Loads.push_back(A);
        return;
      }
      Value *V = B.CreatePtrToInt(B.CreateFreeze(A), IntPtr);
      Value *K = B.CreateAnd(V, ConstantInt::get(IntPtr, P - 1));
      SwitchInst *SI = B.CreateSwitch(K, Dead, P);
      for (uint64_t J = 0; J < P; ++J)
        SI->addCase(ConstantInt::get(IntPtr, J),
                    J >= 1 && J <= N && Dests.count(Taken[J - 1].second)
                        ? Taken[J - 1].second
                        : Trap);
    };
    // Clang sends every `goto *p` to one block `phi p; indirectbr`. Give
    // each of those gotos its own dispatch (as code generation's tail
    // duplication does natively for indirectbr, but not for the switch
    // that replaces it): each then predicts on its own.
    auto *Addr = dyn_cast<PHINode>(IBI->getAddress());
    bool Split = Addr && Addr->getParent() == Cur && Addr->hasOneUse() &&
                 &Cur->front() == Addr && Addr->getNextNode() == IBI &&
                 all_of(predecessors(Cur), [&](BasicBlock *Pred) {
                   auto *Br = dyn_cast<BranchInst>(Pred->getTerminator());
                   return Br && Br->isUnconditional();
                 });
    if (Split) {
      SmallVector<BasicBlock *, 16> Preds(predecessors(Cur));
      for (BasicBlock *Pred : Preds) {
        Instruction *Br = Pred->getTerminator();
        Dispatch(Addr->getIncomingValueForBlock(Pred), Br);
        Br->eraseFromParent();
        // Each destination's phis: the value they took from Cur, now
        // arriving from Pred, once per edge of Pred's switch.
        for (BasicBlock *Dest : Dests)
          setPhiEdges(Dest, Pred, Cur);
      }
      for (BasicBlock *Dest : Dests)
        for (PHINode &PN : Dest->phis())
          while (PN.getBasicBlockIndex(Cur) >= 0)
            PN.removeIncomingValue(Cur, /*DeletePHIIfEmpty=*/false);
      IBI->eraseFromParent();
      Addr->eraseFromParent();
      new UnreachableInst(F.getContext(), Cur);
      ++NumIndirectBr;
      continue;
    }
    Dispatch(IBI->getAddress(), IBI);
    IBI->eraseFromParent();
    // The indirectbr had one edge (and phi entry) per listing of Dest; the
    // switch, now Cur's terminator, has as many as it has cases that go
    // there.
    for (BasicBlock *Dest : Dests)
      setPhiEdges(Dest, Cur, Cur);
    ++NumIndirectBr;
  }
  for (WeakTrackingVH &V : Loads)
    if (auto *LI = dyn_cast_or_null<LoadInst>(V); LI && LI->use_empty()) {
      auto *GEP = dyn_cast<GetElementPtrInst>(LI->getPointerOperand());
      LI->eraseFromParent();
      if (GEP && GEP->use_empty())
        GEP->eraseFromParent();
    }
  return true;
}

bool sfi::isCoveredSwitch(const SwitchInst &SI) {
  unsigned Bits = SI.getCondition()->getType()->getIntegerBitWidth();
  if (Bits < 32 && SI.getNumCases() == (1ull << Bits))
    return true;
  // and x, 2^k-1 with all 2^k cases
  if (auto *BO = dyn_cast<BinaryOperator>(SI.getCondition()))
    if (auto *M = dyn_cast<ConstantInt>(BO->getOperand(1)))
      if (BO->getOpcode() == Instruction::And && M->getValue().isMask() &&
          M->getValue().getActiveBits() < 32 &&
          SI.getNumCases() == M->getZExtValue() + 1) {
        for (const auto &Case : SI.cases())
          if (Case.getCaseValue()->getValue().ugt(M->getValue()))
            return false;
        return true;
      }
  return false;
}

// A switch whose default is unreachable (`default: __builtin_unreachable()`
// or a value the optimizer proved impossible) becomes a jump table without
// a bounds check: an out-of-range index then loads a target from past the
// table and jumps there. Send such defaults to a trap instead, so that
// instruction selection keeps the check.
static bool trapUnreachableDefaults(Function &F) {
  SmallVector<SwitchInst *, 4> Work;
  for (BasicBlock &BB : F)
    if (auto *SI = dyn_cast<SwitchInst>(BB.getTerminator()))
      if (isa<UnreachableInst>(SI->getDefaultDest()->getFirstNonPHIOrDbg()) &&
          !isCoveredSwitch(*SI))
        Work.push_back(SI);
  if (Work.empty())
    return false;
  BasicBlock *Trap =
      createTrapBlock(F, SFI_TRAPCODE_CALL, "sfi.switch.trap");
  for (SwitchInst *SI : Work) {
    BasicBlock *Old = SI->getDefaultDest();
    SI->setDefaultDest(Trap);
    for (PHINode &PN : Old->phis())
      PN.removeIncomingValue(SI->getParent(), /*DeletePHIIfEmpty=*/false);
    ++NumSwitchDefaults;
  }
  return true;
}

// A variable-index extractelement of a vector that was just stored through
// a %gs pointer is expanded by LLVM's legalizer (ExpandExtractFromVector-
// ThroughStack) into a load from the store's address without the segment
// override: an absolute address below 4 GiB. Lower variable indices to a
// select chain first, so no such expansion happens (insertelement too).
static bool lowerVariableVectorIndex(Function &F) {
  SmallVector<Instruction *, 4> Work;
  for (Instruction &I : instructions(F))
    if ((isa<ExtractElementInst>(I) &&
         !isa<Constant>(cast<ExtractElementInst>(I).getIndexOperand())) ||
        (isa<InsertElementInst>(I) && !isa<Constant>(I.getOperand(2))))
      if (isa<FixedVectorType>(I.getOperand(0)->getType()))
        Work.push_back(&I);
  for (Instruction *I : Work) {
    IRBuilder<> B(I);
    auto *VT = cast<FixedVectorType>(I->getOperand(0)->getType());
    Value *Vec = I->getOperand(0);
    Value *Idx = isa<ExtractElementInst>(I) ? I->getOperand(1)
                                             : I->getOperand(2);
    Value *R;
    if (isa<ExtractElementInst>(I)) {
      R = B.CreateExtractElement(Vec, (uint64_t)0);
      for (unsigned K = 1; K < VT->getNumElements(); ++K)
        R = B.CreateSelect(
            B.CreateICmpEQ(Idx, ConstantInt::get(Idx->getType(), K)),
            B.CreateExtractElement(Vec, (uint64_t)K), R);
    } else {
      R = Vec;
      for (unsigned K = 0; K < VT->getNumElements(); ++K)
        R = B.CreateSelect(
            B.CreateICmpEQ(Idx, ConstantInt::get(Idx->getType(), K)),
            B.CreateInsertElement(R, I->getOperand(1), (uint64_t)K), R);
    }
    R->takeName(I);
    I->replaceAllUsesWith(R);
    I->eraseFromParent();
    ++NumVectorIndex;
  }
  return !Work.empty();
}

// Code generation recognises some library calls and expands them inline:
// memcmp/bcmp of a small constant size becomes plain loads (ExpandMemCmp,
// SelectionDAG), strlen/strcmp/memchr may too. Those loads would come after
// this pass, unmasked, from sandbox-controlled pointers. `nobuiltin` on the
// call site makes every later pass treat the call as an ordinary call (to
// the sandbox libc, which masks its own accesses).
// llvm.modf, llvm.frexp, llvm.sincos and llvm.sincospi return their second
// result in registers, but code generation lowers them to library calls
// with an output pointer to a native stack slot (`leaq 8(%rsp), %rdi; call
// modf`), which the sandbox's modf would take for a region pointer. Lower
// them here into the library call with an output local, which escapes and
// so lives on the shadow stack.
static bool lowerOutParamIntrinsics(Function &F) {
  SmallVector<IntrinsicInst *, 4> Work;
  for (Instruction &I : instructions(F))
    if (auto *II = dyn_cast<IntrinsicInst>(&I))
      switch (II->getIntrinsicID()) {
      case Intrinsic::modf:
      case Intrinsic::frexp:
      case Intrinsic::sincos:
      case Intrinsic::sincospi:
        Work.push_back(II);
        break;
      default:
        break;
      }
  Module &M = *F.getParent();
  for (IntrinsicInst *II : Work) {
    Type *T = II->getArgOperand(0)->getType();
    const char *Suffix = T->isFloatTy()    ? "f"
                         : T->isDoubleTy() ? ""
                         : T->isX86_FP80Ty() ? "l"
                                             : nullptr;
    if (!Suffix) {
      reportError(F, II, "vector or unusual-width " +
                             II->getCalledFunction()->getName() +
                             " is not supported");
      continue;
    }
    Intrinsic::ID ID = II->getIntrinsicID();
    StringRef Base = ID == Intrinsic::modf      ? "modf"
                     : ID == Intrinsic::frexp   ? "frexp"
                     : ID == Intrinsic::sincos  ? "sincos"
                                                : "sincospi";
    auto *STy = cast<StructType>(II->getType());
    Type *Second = STy->getElementType(1);
    IRBuilder<> EB(&F.getEntryBlock(), F.getEntryBlock().getFirstInsertionPt());
    AllocaInst *Out = EB.CreateAlloca(Second, nullptr, "sfi.out");
    AllocaInst *Out2 = ID == Intrinsic::sincos || ID == Intrinsic::sincospi
                           ? EB.CreateAlloca(T, nullptr, "sfi.out2")
                           : nullptr;
    IRBuilder<> B(II);
    PointerType *PtrTy = B.getPtrTy();
    Value *Agg = PoisonValue::get(STy);
    if (Out2) {
      FunctionCallee Fn = M.getOrInsertFunction(
          (Base + Suffix).str(), B.getVoidTy(), T, PtrTy, PtrTy);
      CallInst *C = B.CreateCall(Fn, {II->getArgOperand(0), Out2, Out});
      C->addFnAttr(Attribute::NoBuiltin);
      Agg = B.CreateInsertValue(Agg, B.CreateLoad(T, Out2), 0);
    } else {
      FunctionCallee Fn =
          M.getOrInsertFunction((Base + Suffix).str(), T, T, PtrTy);
      CallInst *C = B.CreateCall(Fn, {II->getArgOperand(0), Out});
      C->addFnAttr(Attribute::NoBuiltin);
      Agg = B.CreateInsertValue(Agg, C, 0);
    }
    Agg = B.CreateInsertValue(Agg, B.CreateLoad(Second, Out), 1);
    II->replaceAllUsesWith(Agg);
    II->eraseFromParent();
  }
  return !Work.empty();
}

// Code generation lowers most long double math intrinsics (llvm.ceil.f80,
// frem x86_fp80, ...) to library calls that pass the value on the native
// stack, behind the StackArgs step's back. Make them ordinary calls of the
// C library's long double functions here, which that step then lowers.
static bool lowerLongDoubleMath(Function &F) {
  static const StringSet<> LibmNames = {
      "ceil",  "floor", "trunc", "round", "roundeven", "rint", "nearbyint",
      "sin",   "cos",   "tan",   "asin",  "acos",      "atan", "atan2",
      "sinh",  "cosh",  "tanh",  "exp",   "exp2",      "exp10", "log",
      "log2",  "log10", "pow",   "fma",   "lround",    "llround", "lrint",
      "llrint", "ldexp", "minnum", "maxnum"};
  SmallVector<Instruction *, 4> Work;
  for (Instruction &I : instructions(F)) {
    bool F80 = I.getType()->isX86_FP80Ty();
    for (Value *Op : I.operands())
      F80 |= Op->getType()->isX86_FP80Ty();
    if (!F80)
      continue;
    if (I.getOpcode() == Instruction::FRem)
      Work.push_back(&I);
    else if (auto *II = dyn_cast<IntrinsicInst>(&I))
      if (LibmNames.count(
              Intrinsic::getBaseName(II->getIntrinsicID()).drop_front(5)))
        Work.push_back(&I);
  }
  Module &M = *F.getParent();
  for (Instruction *I : Work) {
    std::string Name = "fmodl";
    SmallVector<Value *, 3> Args;
    if (auto *II = dyn_cast<IntrinsicInst>(I)) {
      StringRef Base = Intrinsic::getBaseName(II->getIntrinsicID()).drop_front(5);
      Name = Base == "minnum"   ? "fminl"
             : Base == "maxnum" ? "fmaxl"
                                : (Base + "l").str();
      Args.append(II->arg_begin(), II->arg_end());
    } else {
      Args = {I->getOperand(0), I->getOperand(1)};
    }
    SmallVector<Type *, 3> Tys;
    for (Value *A : Args)
      Tys.push_back(A->getType());
    FunctionCallee Fn = M.getOrInsertFunction(
        Name, FunctionType::get(I->getType(), Tys, false));
    IRBuilder<> B(I);
    CallInst *C = B.CreateCall(Fn, Args);
    C->addFnAttr(Attribute::NoBuiltin);
    C->setDebugLoc(I->getDebugLoc());
    I->replaceAllUsesWith(C);
    I->eraseFromParent();
  }
  return !Work.empty();
}

static bool keepLibraryCallsOpaque(Function &F) {
  bool Changed = false;
  for (Instruction &I : instructions(F))
    if (auto *CB = dyn_cast<CallBase>(&I)) {
      Function *Callee = CB->getCalledFunction();
      if ((!Callee || !Callee->isIntrinsic()) && !CB->isInlineAsm() &&
          !CB->isNoBuiltin()) {
        CB->addFnAttr(Attribute::NoBuiltin);
        ++NumNoBuiltin;
        Changed = true;
      }
    }
  return Changed;
}

bool sfi::sandboxControlFlow(Module &M, const Config &C) {
  bool Changed = routeSetjmp(M);

  SmallPtrSet<const User *, 16> Special = collectSpecialUsers(M);
  SmallVector<Function *, 16> Taken;
  for (Function &F : M)
    if (!F.isIntrinsic() && !isSFIGenerated(F) && isAddressTaken(F, Special))
      Taken.push_back(&F);
  for (Function *F : Taken) {
    Function *E = createEntry(*F);
    F->replaceUsesWithIf(E, [&](Use &U) {
      if (U.getUser() == E || Special.count(U.getUser()))
        return false;
      if (auto *I = dyn_cast<Instruction>(U.getUser()))
        if (isSFIGenerated(*I->getFunction()))
          return false;
      if (auto *CB = dyn_cast<CallBase>(U.getUser()))
        return !CB->isCallee(&U);
      return true;
    });
    Changed = true;
  }

  for (Function &F : M) {
    if (F.isDeclaration() || isSFIGenerated(F))
      continue;
    Changed |= lowerIndirectBr(F);
    Changed |= trapUnreachableDefaults(F);
    Changed |= lowerOutParamIntrinsics(F);
    Changed |= lowerLongDoubleMath(F);
    // Version 1 masked in the IR, so a library call that code generation
    // expanded (memcmp into plain loads) escaped its masks; version 2
    // confines whatever code generation makes, so builtins stay builtins.
    if (C.IRMasks)
      Changed |= keepLibraryCallsOpaque(F);
    Changed |= lowerVariableVectorIndex(F);
  }
  return Changed;
}
