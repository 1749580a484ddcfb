//===- StackArgs.cpp - libsfi pass: no argument on the native stack -------===//
//
// The SysV x86-64 convention passes what does not fit in six integer and
// eight vector registers (and every x86_fp80) in the caller's native stack
// frame, above the return address. A callee that an indirect call reaches
// with a different signature would then read and write its caller's native
// frames (DESIGN.md, code shape rule 2). So inside the sandbox no argument
// ever goes there: such functions take their memory-class arguments in a
// buffer in the region, passed as one extra, last, pointer argument:
//
//   long f(long a, long b, long c, long d, long e, long f, long g);
//     ->  long f(long a, long b, long c, long d, long e, ptr %sfi.args)
//         ; %sfi.args -> { long f, long g }, in the caller's shadow frame
//
// The classification is a pure function of the IR function type, so a
// caller and a callee that agree on the type agree on the buffer; one that
// disagrees reads registers and region memory, never a native frame. The
// machine pass reports any argument still passed on the native stack, and
// the loader's verifier rejects a frame access above the return address.
// Runs after varargs and byval lowering (their buffers are pointers by
// then) and before the shadow-stack step, which moves the escaping buffer
// allocas into the region.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;
using namespace sfi;

#define DEBUG_TYPE "sfi"

STATISTIC(NumStackArgFunctions, "Functions whose stack arguments moved to the region");
STATISTIC(NumStackArgCalls, "Calls whose stack arguments moved to the region");

namespace {
/// Which parameters of a function type the SysV convention would pass in
/// memory, given GPRs general-purpose registers to spend.
SmallVector<bool, 8> classify(FunctionType *FT, unsigned GPRs) {
  unsigned XMMs = 8;
  SmallVector<bool, 8> InMemory;
  for (Type *T : FT->params()) {
    bool Mem = true;
    if (T->isX86_FP80Ty()) {
      Mem = true;
    } else if (T->isFloatingPointTy()) {
      Mem = XMMs == 0;
      XMMs -= !Mem;
    } else if (auto *VT = dyn_cast<FixedVectorType>(T)) {
      uint64_t Bits = VT->getPrimitiveSizeInBits().getFixedValue();
      Mem = Bits > 128 || XMMs == 0;
      XMMs -= !Mem;
    } else if (T->isPointerTy() ||
               (T->isIntegerTy() && T->getIntegerBitWidth() <= 64)) {
      Mem = GPRs == 0;
      GPRs -= !Mem;
    } else if (T->isIntegerTy(128)) {
      Mem = GPRs < 2;
      GPRs -= Mem ? 0 : 2;
    }
    InMemory.push_back(Mem);
  }
  return InMemory;
}

/// The memory-class parameters with one GPR kept for the buffer pointer,
/// or an empty vector when everything fits in registers.
SmallVector<bool, 8> memoryParams(FunctionType *FT) {
  if (FT->isVarArg() || !is_contained(classify(FT, 6), true))
    return {};
  return classify(FT, 5);
}

FunctionType *loweredType(FunctionType *FT, ArrayRef<bool> InMemory) {
  SmallVector<Type *, 8> Params;
  for (unsigned I = 0; I < FT->getNumParams(); ++I)
    if (!InMemory[I])
      Params.push_back(FT->getParamType(I));
  Params.push_back(PointerType::get(FT->getContext(), 0));
  return FunctionType::get(FT->getReturnType(), Params, false);
}

StructType *bufferType(FunctionType *FT, ArrayRef<bool> InMemory) {
  SmallVector<Type *, 8> Fields;
  for (unsigned I = 0; I < FT->getNumParams(); ++I)
    if (InMemory[I])
      Fields.push_back(FT->getParamType(I));
  return StructType::get(FT->getContext(), Fields);
}

AttributeList loweredAttrs(LLVMContext &Ctx, AttributeList AL,
                           ArrayRef<bool> InMemory) {
  SmallVector<AttributeSet, 8> Params;
  for (unsigned I = 0; I < InMemory.size(); ++I)
    if (!InMemory[I])
      Params.push_back(AL.getParamAttrs(I));
  Params.push_back(AttributeSet());
  return AttributeList::get(Ctx, AL.getFnAttrs(), AL.getRetAttrs(), Params);
}

bool lowerCall(CallBase &CB, ArrayRef<bool> InMemory) {
  auto *CI = dyn_cast<CallInst>(&CB);
  if (!CI) {
    reportError(*CB.getFunction(), &CB,
                "invoke with arguments on the native stack");
    return false;
  }
  if (CI->isMustTailCall()) {
    reportError(*CB.getFunction(), &CB,
                "musttail call with more arguments than registers");
    return false;
  }
  FunctionType *FT = CB.getFunctionType();
  StructType *BT = bufferType(FT, InMemory);
  Function &Caller = *CB.getFunction();
  IRBuilder<> EB(&Caller.getEntryBlock(),
                 Caller.getEntryBlock().getFirstInsertionPt());
  AllocaInst *Buf = EB.CreateAlloca(BT, nullptr, "sfi.args");
  Buf->setAlignment(Align(16));
  IRBuilder<> B(&CB);
  SmallVector<Value *, 8> Args;
  unsigned Field = 0;
  for (unsigned I = 0; I < FT->getNumParams(); ++I) {
    Value *V = CB.getArgOperand(I);
    if (InMemory[I])
      B.CreateStore(V, B.CreateStructGEP(BT, Buf, Field++));
    else
      Args.push_back(V);
  }
  Args.push_back(Buf);
  SmallVector<OperandBundleDef, 1> Bundles;
  CB.getOperandBundlesAsDefs(Bundles);
  CallInst *NC =
      B.CreateCall(loweredType(FT, InMemory), CB.getCalledOperand(), Args, Bundles);
  NC->setAttributes(
      loweredAttrs(CB.getContext(), CB.getAttributes(), InMemory));
  NC->setCallingConv(CB.getCallingConv());
  NC->setDebugLoc(CB.getDebugLoc());
  // The buffer lives in our shadow frame, which a tail call would release.
  NC->setTailCallKind(CallInst::TCK_None);
  NC->takeName(&CB);
  CB.replaceAllUsesWith(NC);
  CB.eraseFromParent();
  ++NumStackArgCalls;
  return true;
}

void lowerFunction(Function &F, ArrayRef<bool> InMemory) {
  FunctionType *FT = F.getFunctionType();
  Function *NF = Function::Create(loweredType(FT, InMemory), F.getLinkage(),
                                  F.getAddressSpace(), "");
  F.getParent()->getFunctionList().insert(F.getIterator(), NF);
  NF->copyAttributesFrom(&F);
  NF->setAttributes(loweredAttrs(F.getContext(), F.getAttributes(), InMemory));
  NF->setComdat(F.getComdat());
  NF->copyMetadata(&F, 0);
  NF->takeName(&F);
  if (!F.isDeclaration()) {
    NF->splice(NF->begin(), &F);
    Argument *BufArg = NF->getArg(NF->arg_size() - 1);
    BufArg->setName("sfi.args");
    StructType *BT = bufferType(FT, InMemory);
    IRBuilder<> B(&NF->getEntryBlock(), NF->getEntryBlock().begin());
    unsigned Kept = 0, Field = 0;
    for (unsigned I = 0; I < FT->getNumParams(); ++I) {
      Argument *A = F.getArg(I);
      Value *New;
      if (InMemory[I]) {
        New = B.CreateLoad(A->getType(), B.CreateStructGEP(BT, BufArg, Field++),
                           A->getName());
      } else {
        New = NF->getArg(Kept++);
        New->takeName(A);
      }
      A->replaceAllUsesWith(New);
    }
  }
  F.replaceAllUsesWith(NF);
  F.eraseFromParent();
  ++NumStackArgFunctions;
}
} // namespace

bool sfi::lowerStackArgs(Module &M) {
  SmallVector<std::pair<CallBase *, SmallVector<bool, 8>>, 16> Calls;
  for (Function &F : M) {
    if (isSFIGenerated(F))
      continue;
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I)) {
        if (CB->isInlineAsm() ||
            (CB->getCalledFunction() && CB->getCalledFunction()->isIntrinsic()))
          continue;
        auto InMemory = memoryParams(CB->getFunctionType());
        if (!InMemory.empty())
          Calls.push_back({CB, InMemory});
      }
  }
  SmallVector<std::pair<Function *, SmallVector<bool, 8>>, 8> Funcs;
  for (Function &F : M)
    if (!F.isIntrinsic() && !isSFIGenerated(F)) {
      auto InMemory = memoryParams(F.getFunctionType());
      if (!InMemory.empty())
        Funcs.push_back({&F, InMemory});
    }
  for (auto &[CB, InMemory] : Calls)
    lowerCall(*CB, InMemory);
  for (auto &[F, InMemory] : Funcs)
    lowerFunction(*F, InMemory);
  return !Calls.empty() || !Funcs.empty();
}
