// stub
#include "SFI.h"
unsigned sfi::verifySandboxed(llvm::Module &M, const Config &C, bool Report) { return 0; }
