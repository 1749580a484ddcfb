// stub
#include "SFI.h"
bool sfi::lowerVarargs(llvm::Module &M) { return false; }
