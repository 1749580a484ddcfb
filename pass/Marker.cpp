//===- Marker.cpp - libsfi pass: mark objects the pass produced -----------===//
//
// Every object carries an ELF note in section .note.sfi (see sfi_abi.h), so
// that sfi-cc can refuse to link, and the runtime refuse to load, code that
// did not go through the pass, or that was built for another mode or ABI.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;
using namespace sfi;

bool sfi::addMarker(Module &M, const Config &C) {
  LLVMContext &Ctx = M.getContext();
  Type *I32 = Type::getInt32Ty(Ctx);
  auto U32 = [&](uint32_t V) { return ConstantInt::get(I32, V); };
  // Elf64_Nhdr {namesz, descsz, type}, name padded to 4, then desc.
  const char Name[8] = SFI_NOTE_NAME;
  Constant *NameC = ConstantDataArray::get(
      Ctx, ArrayRef<uint8_t>((const uint8_t *)Name, sizeof(Name)));
  Constant *Fields[] = {
      U32(sizeof(Name)), U32(16), U32(SFI_NOTE_TYPE), NameC,
      U32(SFI_PASS_VERSION),
      U32(C.TheMode == Mode::Full ? SFI_MODE_FULL : SFI_MODE_STORES),
      U32(C.TheScheme == Scheme::GS ? SFI_SCHEME_GS : SFI_SCHEME_ANCHOR),
      U32(SFI_ABI_VERSION)};
  Constant *Init = ConstantStruct::getAnon(Ctx, Fields, /*Packed=*/true);
  auto *GV = new GlobalVariable(M, Init->getType(), /*isConstant=*/true,
                                GlobalValue::PrivateLinkage, Init,
                                "__sfi_note");
  GV->setSection(SFI_NOTE_SECTION);
  GV->setAlignment(Align(4));
  appendToCompilerUsed(M, {GV});
  return true;
}
