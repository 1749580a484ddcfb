//===- Varargs.cpp - libsfi pass: variadic arguments through the region ---===//
//
// A native variadic callee finds its extra arguments in registers it spills
// to a register save area on the native stack, and in the caller's native
// stack-argument area. Both are outside the region, so masked va_arg loads
// could not reach them, and a callee reading past the arguments would read
// the native stack. Inside the sandbox every caller and callee goes through
// this pass, so we change the convention:
//
//   caller:  printf(fmt, 1, 2.5)  ->  printf(fmt, buf)    ; not variadic
//            where buf (in the region) is laid out like the SysV
//            stack-argument area: [i64 1][double 2.5]
//   callee:  va_start(ap)  ->  ap = {gp_offset = 48, fp_offset = 176,
//                                    overflow_arg_area = buf,
//                                    reg_save_area = null}
//
// With both offsets exhausted, clang's x86-64 va_arg code always takes the
// overflow path, so every va_arg is an ordinary (masked) load from buf.
// va_copy becomes a 24-byte copy, va_end nothing. The buffer is a caller
// local that escapes, so the shadow-stack step puts it in the region.
// Host imports therefore cannot be variadic.
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

STATISTIC(NumVariadicFunctions, "Variadic functions rewritten");
STATISTIC(NumVariadicCalls, "Variadic calls rewritten");

namespace {
constexpr unsigned GPOffsetExhausted = 48;  // 6 GPRs x 8 bytes
constexpr unsigned FPOffsetExhausted = 176; // 48 + 8 XMM x 16 bytes
constexpr uint64_t VaListSize = 24;
} // namespace

static FunctionType *loweredType(FunctionType *FTy) {
  SmallVector<Type *, 8> Params(FTy->params());
  Params.push_back(PointerType::get(FTy->getContext(), 0));
  return FunctionType::get(FTy->getReturnType(), Params, false);
}

// Rewrites va_start/va_copy/va_end in the body of a lowered function.
static void lowerVaIntrinsics(Function &F, Value *Buf) {
  SmallVector<IntrinsicInst *, 4> Work;
  for (Instruction &I : instructions(F))
    if (auto *II = dyn_cast<IntrinsicInst>(&I))
      if (II->getIntrinsicID() == Intrinsic::vastart ||
          II->getIntrinsicID() == Intrinsic::vacopy ||
          II->getIntrinsicID() == Intrinsic::vaend)
        Work.push_back(II);
  for (IntrinsicInst *II : Work) {
    IRBuilder<> B(II);
    Value *AP = II->getArgOperand(0);
    switch (II->getIntrinsicID()) {
    case Intrinsic::vastart:
      B.CreateStore(B.getInt32(GPOffsetExhausted), AP);
      B.CreateStore(B.getInt32(FPOffsetExhausted),
                    B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), AP, 4));
      B.CreateStore(Buf, B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), AP, 8));
      B.CreateStore(ConstantPointerNull::get(B.getPtrTy()),
                    B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), AP, 16));
      break;
    case Intrinsic::vacopy:
      B.CreateMemCpy(AP, Align(8), II->getArgOperand(1), Align(8), VaListSize);
      break;
    default:
      break;
    }
    II->eraseFromParent();
  }
}

// va_start in a function that is not variadic (after lowering, only
// functions we rewrote have one) has no buffer; give it a null one.
static void lowerStrayVaIntrinsics(Module &M) {
  for (Function &F : M)
    if (!F.isDeclaration())
      lowerVaIntrinsics(F, ConstantPointerNull::get(PointerType::get(
                               M.getContext(), 0)));
}

static Function *lowerDefinition(Function &F) {
  FunctionType *NTy = loweredType(F.getFunctionType());
  Function *NF = Function::Create(NTy, F.getLinkage(), F.getAddressSpace(),
                                  "", F.getParent());
  NF->copyAttributesFrom(&F);
  NF->setComdat(F.getComdat());
  NF->copyMetadata(&F, 0);
  NF->takeName(&F);
  NF->splice(NF->begin(), &F);
  auto NA = NF->arg_begin();
  for (Argument &A : F.args()) {
    NA->takeName(&A);
    A.replaceAllUsesWith(&*NA);
    ++NA;
  }
  NA->setName("sfi.va.buf");
  lowerVaIntrinsics(*NF, &*NA);
  F.replaceAllUsesWith(NF);
  F.eraseFromParent();
  ++NumVariadicFunctions;
  return NF;
}

static void lowerCall(CallBase &CB) {
  Function &Caller = *CB.getFunction();
  const DataLayout &DL = CB.getModule()->getDataLayout();
  FunctionType *FTy = CB.getFunctionType();
  unsigned NumFixed = FTy->getNumParams();

  // Lay out the extra arguments like the SysV stack-argument area.
  struct Slot {
    Value *V;
    Type *Ty;
    uint64_t Off;
    bool ByVal;
  };
  SmallVector<Slot, 8> Slots;
  uint64_t Size = 0;
  for (unsigned I = NumFixed; I < CB.arg_size(); ++I) {
    Value *V = CB.getArgOperand(I);
    bool ByVal = CB.isByValArgument(I);
    Type *Ty = ByVal ? CB.getParamByValType(I) : V->getType();
    uint64_t TySize = DL.getTypeAllocSize(Ty);
    uint64_t A = ByVal ? std::max<uint64_t>(CB.getParamAlign(I).valueOrOne()
                                                .value(),
                                            8)
                       : DL.getABITypeAlign(Ty).value();
    A = A > 8 ? 16 : 8;
    Size = alignTo(Size, A);
    Slots.push_back({V, Ty, Size, ByVal});
    Size += alignTo(TySize, 8);
  }
  Size = alignTo(std::max<uint64_t>(Size, 8), 16);

  IRBuilder<> EB(&Caller.getEntryBlock(),
                 Caller.getEntryBlock().getFirstInsertionPt());
  AllocaInst *Buf = EB.CreateAlloca(ArrayType::get(EB.getInt8Ty(), Size),
                                    nullptr, "sfi.va.args");
  Buf->setAlignment(Align(16));

  IRBuilder<> B(&CB);
  for (Slot &S : Slots) {
    Value *Dst = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Buf, S.Off);
    if (S.ByVal)
      B.CreateMemCpy(Dst, Align(8), S.V, Align(1), DL.getTypeAllocSize(S.Ty));
    else
      B.CreateAlignedStore(S.V, Dst, Align(8));
  }

  SmallVector<Value *, 8> Args(CB.arg_begin(), CB.arg_begin() + NumFixed);
  Args.push_back(Buf);
  AttributeList AL = CB.getAttributes();
  SmallVector<AttributeSet, 8> ParamAttrs;
  for (unsigned I = 0; I < NumFixed; ++I)
    ParamAttrs.push_back(AL.getParamAttrs(I));
  ParamAttrs.push_back(AttributeSet());
  AttributeList NAL = AttributeList::get(CB.getContext(), AL.getFnAttrs(),
                                         AL.getRetAttrs(), ParamAttrs);
  SmallVector<OperandBundleDef, 1> Bundles;
  CB.getOperandBundlesAsDefs(Bundles);
  auto *NC = B.CreateCall(loweredType(FTy), CB.getCalledOperand(), Args,
                          Bundles);
  NC->setAttributes(NAL);
  NC->setCallingConv(CB.getCallingConv());
  NC->setDebugLoc(CB.getDebugLoc());
  if (auto *CI = dyn_cast<CallInst>(&CB))
    if (CI->isTailCall() && !CI->isMustTailCall())
      NC->setTailCallKind(CallInst::TCK_None); // buf lives in our frame
  NC->takeName(&CB);
  CB.replaceAllUsesWith(NC);
  CB.eraseFromParent();
  ++NumVariadicCalls;
}

bool sfi::lowerVarargs(Module &M) {
  bool Changed = false;
  SmallVector<Function *, 8> Defs;
  for (Function &F : M)
    if (F.isVarArg() && !F.isDeclaration() && !F.isIntrinsic())
      Defs.push_back(&F);
  // Calls first, while the callees still have their variadic types.
  SmallVector<CallBase *, 16> Calls;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (CB->getFunctionType()->isVarArg() && !CB->isInlineAsm() &&
            !(CB->getCalledFunction() &&
              CB->getCalledFunction()->isIntrinsic()))
          Calls.push_back(CB);
  for (CallBase *CB : Calls) {
    if (CB->isMustTailCall()) {
      reportError(*CB->getFunction(), CB,
                  "musttail variadic calls are not supported in sandboxed "
                  "code");
      continue;
    }
    lowerCall(*CB);
    Changed = true;
  }
  for (Function *F : Defs) {
    lowerDefinition(*F);
    Changed = true;
  }
  // Declarations of variadic functions keep their type: every call now
  // uses the lowered type explicitly.
  lowerStrayVaIntrinsics(M);
  return Changed;
}
