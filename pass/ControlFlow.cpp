// stub
#include "SFI.h"
bool sfi::sandboxControlFlow(llvm::Module &M) { return false; }
