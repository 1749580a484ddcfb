//===- MachineSandbox.cpp - libsfi machine pass: the version-2 code shape -===//
//
// Runs inside clang's x86-64 code generator, after register allocation,
// frame lowering and block placement, and rewrites each function into the
// shape the loader's binary verifier checks (DESIGN.md, "The code shape"):
//
// 1. Every memory operand that is not a native-frame (%rsp) or %rip operand
//    gets the %gs segment and 32-bit address registers:
//
//        before                          after
//        movq 16(%rdi,%rsi,8), %rax      movq %gs:16(%edi,%esi,8), %rax
//                                        ; 65 67 48 8b 44 f7 10
//
//    With the 0x67 prefix the CPU computes base + index*scale + disp modulo
//    2^32 (Intel SDM vol. 1, 3.3.7: in 64-bit mode the address-size prefix
//    selects 32-bit effective addresses, which are zero-extended) and then
//    adds the %gs base, the region's base. The address can therefore never
//    leave [base, base + 4 GiB); an access of up to 64 bytes that starts
//    just below the top ends in the next region's first MiB, which is never
//    mapped. This costs no instruction: the IR keeps plain pointers, and
//    code generation folds addresses as it would natively.
//
// 2. Every indirect call or jump (through a register or memory) becomes the
//    fixed confinement sequence into the jump table (S a free register):
//
//        leaq  __start_sfi_jt(%rip), %S
//        subq  %S, %R
//        andl  $__sfi_jt_mask, %eR     ; table size - 16, a power of two - 16
//        addq  %S, %R
//        callq *%R
//
//    Memory-indirect calls load the target into %r11 first. Only calls
//    through an import's GOT slot stay memory-indirect: the loader fills
//    those slots and makes them read-only, and the verifier checks that the
//    slot is one of them.
//
// 3. A switch's jump-table dispatch (and computed goto, which the IR part
//    turns into a switch over label indices) becomes a masked jump into a
//    table of 8-byte branch slots at the end of the function:
//
//        before                              after
//        leaq  .LJTI0_0(%rip), %rdx          andl  $7, %ecx     ; 8 slots
//        movslq (%rdx,%rcx,4), %rcx          leaq  .LBB0_10(%rip), %rdx
//        addq  %rdx, %rcx                    leaq  (%rdx,%rcx,8), %rcx
//        jmpq  *%rcx                         jmpq  *%rcx
//                                            ...
//                                          .LBB0_10: (8-aligned)
//                                            jmp .LBB0_3  ; slot 0, padded
//                                            jmp .LBB0_4  ; slot 1 ...
//                                            ud2          ; padding slots
//
//    The and bounds the index (the switch's own range check stays in
//    front), so the jump lands on one of the function's own slots, each
//    an instruction the verifier checks like any other; no table is read
//    from memory.
//
// 4. Checks what the IR part arranged and the verifier will insist on: no
//    frame pointer, native frames below SFI_NATIVE_FRAME_MAX, no argument
//    in the caller's frame, no string instructions; a function never falls
//    through into the next one.
//
// X86's own headers (opcode and register enums) are not installed with
// LLVM, so opcodes and registers are looked up by name once.
//
//===----------------------------------------------------------------------===//

#include "SFI.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCContext.h"
#include "llvm/CodeGen/MachineJumpTableInfo.h"
#include "llvm/CodeGen/MachineFrameInfo.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineInstrBuilder.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/CodeGen/TargetFrameLowering.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/MC/MCInstrDesc.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;
using namespace sfi;

#define DEBUG_TYPE "sfi-machine"

STATISTIC(NumGSOperands, "Memory operands moved to %gs with 32-bit registers");
STATISTIC(NumFrameOperands, "Native-frame (%rsp) operands left as they are");
STATISTIC(NumRIPOperands, "%rip operands left as they are");
STATISTIC(NumLoadsLeft, "Loads left alone (stores-only mode)");
STATISTIC(NumConfinedCalls, "Indirect calls and jumps confined to the table");
STATISTIC(NumImportCalls, "Calls through an import's GOT slot");
STATISTIC(NumTableJumps, "Jump-table dispatches turned into branch-slot jumps");
STATISTIC(NumSlots, "Branch slots emitted (including padding)");
STATISTIC(NumLoadingJumps, "Branch-slot jumps that read the slot's jmp");
STATISTIC(NumEndTraps, "Traps added where a function would fall through");
STATISTIC(NumZeroedFrames, "Native frames of setjmp callers zeroed on entry");

namespace {

/// Opcodes and registers of the X86 back end, found by name.
struct X86Names {
  unsigned LEA64r = 0, SUB64rr = 0, ADD64rr = 0, AND32ri = 0, MOV64rm = 0,
           CALL64r = 0, JMP64r = 0, TAILJMPr64 = 0, TRAP = 0, JMP_1 = 0,
           JMP_4 = 0, MOVSX64rm32 = 0, MOV64rr = 0, PUSH64r = 0, POP64r = 0,
           MOV64mi32 = 0, SUB64ri32 = 0;
  unsigned RSP = 0, RIP = 0, GS = 0, R10 = 0, R11 = 0, EFLAGS = 0, EIZ = 0;
  unsigned Sub32 = 0;
  SmallVector<unsigned, 9> CallerSaved;
  StringMap<unsigned> Ops;

  bool init(const TargetInstrInfo &TII, const TargetRegisterInfo &TRI) {
    for (unsigned Op = 0, E = TII.getNumOpcodes(); Op < E; ++Op)
      Ops[TII.getName(Op)] = Op;
    auto Op = [&](const char *N) { return Ops.lookup(N); };
    LEA64r = Op("LEA64r");
    SUB64rr = Op("SUB64rr");
    ADD64rr = Op("ADD64rr");
    AND32ri = Op("AND32ri");
    MOV64rm = Op("MOV64rm");
    CALL64r = Op("CALL64r");
    JMP64r = Op("JMP64r");
    TAILJMPr64 = Op("TAILJMPr64");
    TRAP = Op("TRAP");
    JMP_1 = Op("JMP_1");
    JMP_4 = Op("JMP_4");
    MOVSX64rm32 = Op("MOVSX64rm32");
    MOV64rr = Op("MOV64rr");
    PUSH64r = Op("PUSH64r");
    POP64r = Op("POP64r");
    MOV64mi32 = Op("MOV64mi32");
    SUB64ri32 = Op("SUB64ri32");
    for (unsigned R = 1, E = TRI.getNumRegs(); R < E; ++R) {
      StringRef N = TRI.getName(R);
      if (N == "RSP")
        RSP = R;
      else if (N == "RIP")
        RIP = R;
      else if (N == "GS")
        GS = R;
      else if (N == "R10")
        R10 = R;
      else if (N == "R11")
        R11 = R;
      else if (N == "EFLAGS")
        EFLAGS = R;
      else if (N == "EIZ")
        EIZ = R;
      if (N == "RAX" || N == "RCX" || N == "RDX" || N == "RSI" ||
          N == "RDI" || N == "R8" || N == "R9" || N == "R10" || N == "R11")
        CallerSaved.push_back(R);
    }
    for (unsigned I = 1, E = TRI.getNumSubRegIndices(); I < E; ++I)
      if (StringRef(TRI.getSubRegIndexName(I)) == "sub_32bit")
        Sub32 = I;
    return LEA64r && SUB64rr && ADD64rr && AND32ri && MOV64rm && CALL64r &&
           JMP64r && TAILJMPr64 && TRAP && JMP_1 && JMP_4 && MOVSX64rm32 &&
           MOV64rr && PUSH64r && POP64r && MOV64mi32 && SUB64ri32 && EFLAGS &&
           RSP &&
           RIP && GS && R10 && R11 && Sub32 && EIZ &&
           CallerSaved.size() == 9;
  }
};

// A jump-table dispatch as confineJumpTable finds it: movslq (%S,%I,4),%D
// (Ld); add with D -> %R (Add); jmp *%R, with the instructions scheduled
// between the load and the jump in Mid.
struct TableDispatch {
  MachineInstr *Add = nullptr, *Ld = nullptr;
  SmallVector<MachineInstr *, 4> Mid;
  Register R, S, I, D;
  Register Xr; // the index the rewrite masks: I, or its copy in D
  Register T;  // where the rewrite puts the slots' address
  Register T2; // the loading form's slot register: not R, not Xr
  bool Shape = false, MidWritesI = false, MidWritesS = false;
};

class MachineSandbox : public MachineFunctionPass {
public:
  static char ID;
  MachineSandbox() : MachineFunctionPass(ID) {}
  StringRef getPassName() const override { return "libsfi machine sandbox"; }
  bool runOnMachineFunction(MachineFunction &MF) override;
  // Preserves nothing (the default): it adds slot blocks and edges for
  // jump tables and computed goto (branchSlots) and needs no analysis.
  bool doFinalization(Module &) override {
    printStatsIfRequested();
    return false;
  }

private:
  X86Names X;
  bool Ready = false;
  bool StoresOnly = false;
  MachineFunction *CurMF = nullptr;
  const TargetInstrInfo *TII = nullptr;
  const TargetRegisterInfo *TRI = nullptr;

  enum IndirectForm { NotIndirect, RegIndirect, MemIndirect };
  IndirectForm indirectForm(const MachineInstr &MI) const;
  void error(const MachineInstr *MI, const Twine &Msg);
  int memOperandIndex(const MachineInstr &MI) const;
  bool isLEA(const MachineInstr &MI) const;
  bool isForbidden(const MachineInstr &MI) const;
  bool isImportSlot(const MachineInstr &MI, int Mem) const;
  Register sub32(Register R) const;
  void rewriteOperand(MachineInstr &MI, int Mem);
  bool confineIndirect(MachineInstr &MI);
  void confineJumpTable(MachineInstr &Jmp, bool Apply);
  bool matchTableDispatch(MachineInstr &Jmp, TableDispatch &TD);
  int findDispatchTable(MachineBasicBlock &MBB, const TableDispatch &TD);
  void rewriteTableJump(MachineInstr &Jmp, TableDispatch &TD, unsigned JTI,
                        uint64_t Mask);
  DenseMap<MachineInstr *, int> DispatchTable; // jmp -> its jump table
  DenseMap<MachineInstr *, Register> DispatchIndex; // jmp -> index reg
  SmallPtrSet<MachineInstr *, 4> NoScratch; // jmps with no free register
  DenseMap<unsigned, Register> SpillReg; // table -> register its jumps push
  int reachingTable(MachineInstr &At, Register S);
  Register freeScratch(MachineBasicBlock &MBB,
                       std::initializer_list<Register> Avoid);
  MachineBasicBlock *branchSlots(MachineFunction &MF, unsigned JTI);
  DenseMap<unsigned, MachineBasicBlock *> Slots; // per jump table
  DenseMap<unsigned, MCSymbol *> SlotsEnd; // after slot 0's jmp rel32
  SmallPtrSet<MachineInstr *, 8> TableJumps;
  SmallPtrSet<MachineInstr *, 8> SlotReads; // movslq -4(%T2),%R
  void checkFrame(MachineFunction &MF);
  void trapAtEnd(MachineFunction &MF);
  void zeroSetjmpFrame(MachineFunction &MF);
};

} // namespace

char MachineSandbox::ID = 0;

void MachineSandbox::error(const MachineInstr *MI, const Twine &Msg) {
  const Function &F = CurMF->getFunction();
  F.getContext().diagnose(DiagnosticInfoUnsupported(
      F, "libsfi: " + Msg, MI ? MI->getDebugLoc() : DebugLoc(), DS_Error));
}

// X86 memory references are five operands (base, scale, index, disp,
// segment) whose descriptors say OPERAND_MEMORY; the first one is the base.
int MachineSandbox::memOperandIndex(const MachineInstr &MI) const {
  // lea's address operand is not marked OPERAND_MEMORY; it follows the
  // destination register.
  if (isLEA(MI))
    return MI.getNumOperands() >= 6 ? 1 : -1;
  const MCInstrDesc &D = MI.getDesc();
  for (unsigned I = 0, E = D.getNumOperands(); I < E && I + 4 < MI.getNumOperands();
       ++I)
    if (D.operands()[I].OperandType == MCOI::OPERAND_MEMORY)
      return I;
  return -1;
}

bool MachineSandbox::isLEA(const MachineInstr &MI) const {
  return TII->getName(MI.getOpcode()).starts_with("LEA");
}

// Instructions with implicit memory operands that no segment override
// can move into the region (the destination of a string instruction is
// always %es:(%rdi)), or that write the frame pointer chain.
bool MachineSandbox::isForbidden(const MachineInstr &MI) const {
  StringRef N = TII->getName(MI.getOpcode());
  static const char *const Exact[] = {
      "MOVSB",  "MOVSW",   "MOVSL",    "MOVSQ",   "STOSB",  "STOSW",
      "STOSL",  "STOSQ",   "LODSB",    "LODSW",   "LODSL",  "LODSQ",
      "SCASB",  "SCASW",   "SCASL",    "SCASQ",   "CMPSB",  "CMPSW",
      "CMPSL",  "CMPSQ",   "INSB",     "INSW",    "INSL",   "OUTSB",
      "OUTSW",  "OUTSL",   "XLAT",     "LEAVE",   "LEAVE64", "INT",
      "INTO",   "INT1",    "SYSCALL",  "SYSENTER", "POPF64", "POPF16",
      "WRPKRUr", "MASKMOVQ", "MASKMOVQ64", "MASKMOVDQU", "MASKMOVDQU64",
      "VMASKMOVDQU", "VMASKMOVDQU64"};
  for (const char *E : Exact)
    if (N == E)
      return true;
  for (StringRef P : {"REP_", "ENTER", "IRET", "WRFSBASE", "WRGSBASE",
                      "RDFSBASE", "RDGSBASE", "XRSTOR", "VGATHER", "VPGATHER",
                      "VSCATTER", "VPSCATTER", "INDIRECT_THUNK"})
    if (N.starts_with(P))
      return true;
  return false;
}

MachineSandbox::IndirectForm
MachineSandbox::indirectForm(const MachineInstr &MI) const {
  StringRef N = TII->getName(MI.getOpcode());
  if (N == "CALL64r" || N == "JMP64r" || N == "TAILJMPr64" ||
      N == "TAILJMPr64_REX" || N == "JMP64r_REX")
    return RegIndirect;
  if (N == "CALL64m" || N == "JMP64m" || N == "TAILJMPm64" ||
      N == "TAILJMPm64_REX" || N == "JMP64m_REX")
    return MemIndirect;
  return NotIndirect;
}

// The displacement of a GOT load of a callee's address: a function, or a
// library call code generation made up (memcpy, __udivti3: an external
// symbol). The slot holds that callee (an import's stub, or, relaxed by
// lld, a direct call).
static bool isCalleeGotSlot(const MachineOperand &Disp) {
  return ((Disp.isGlobal() &&
           isa<Function>(Disp.getGlobal()->stripPointerCasts())) ||
          Disp.isSymbol()) &&
         Disp.getTargetFlags() != 0;
}

bool MachineSandbox::isImportSlot(const MachineInstr &MI, int Mem) const {
  const MachineOperand &Base = MI.getOperand(Mem);
  return Base.isReg() && Base.getReg() == X.RIP &&
         isCalleeGotSlot(MI.getOperand(Mem + 3));
}

Register MachineSandbox::sub32(Register R) const {
  if (!R.isValid())
    return R;
  MCRegister S = TRI->getSubReg(R, X.Sub32);
  return S.isValid() ? Register(S) : R;
}

void MachineSandbox::rewriteOperand(MachineInstr &MI, int Mem) {
  MachineOperand &Base = MI.getOperand(Mem);
  MachineOperand &Index = MI.getOperand(Mem + 2);
  MachineOperand &Disp = MI.getOperand(Mem + 3);
  MachineOperand &Seg = MI.getOperand(Mem + 4);
  Register B = Base.isReg() ? Base.getReg() : Register();
  Register I = Index.isReg() ? Index.getReg() : Register();
  if (Seg.isReg() && Seg.getReg().isValid()) {
    error(&MI, "memory operand with a segment override");
    return;
  }
  if (B == X.RSP) {
    if (I.isValid())
      error(&MI, "indexed access to the native stack");
    else if (Disp.isImm() && Disp.getImm() < 0)
      error(&MI, "access below the native stack pointer");
    ++NumFrameOperands;
    SFI_DEBUG(debugLine(CurMF->getName(), "native frame (%rsp) operand kept")
              << MI);
    return;
  }
  if (B == X.RIP) {
    ++NumRIPOperands;
    SFI_DEBUG(debugLine(CurMF->getName(), "%rip operand kept") << MI);
    return;
  }
  if (!Base.isReg() && !Base.isFI()) {
    error(&MI, "unexpected memory operand form");
    return;
  }
  if (StoresOnly && !MI.mayStore()) {
    ++NumLoadsLeft;
    SFI_DEBUG(debugLine(CurMF->getName(), "load left (stores mode)") << MI);
    return;
  }
  if (!B.isValid() && !I.isValid() && Disp.isImm() && Disp.getImm() < 0) {
    error(&MI, "constant address outside the region");
    return;
  }
  if (B.isValid())
    Base.setReg(sub32(B));
  if (I.isValid())
    Index.setReg(sub32(I));
  else if (!B.isValid())
    // A constant address (a member of a null pointer): %eiz, "no index"
    // in a 32-bit SIB byte, makes the encoder emit the 0x67 prefix that
    // it otherwise takes from the registers.
    Index.setReg(X.EIZ);
  Seg.setReg(X.GS);
  ++NumGSOperands;
  SFI_DEBUG(debugLine(CurMF->getName(), "%gs with 32-bit address") << MI);
}

// Emits the confinement sequence in front of an indirect call or jump and
// returns true if MI was replaced.
bool MachineSandbox::confineIndirect(MachineInstr &MI) {
  StringRef N = TII->getName(MI.getOpcode());
  bool MemForm = indirectForm(MI) == MemIndirect;
  MachineBasicBlock &MBB = *MI.getParent();
  const DebugLoc &DL = MI.getDebugLoc();
  Register Target;
  if (MemForm) {
    int Mem = memOperandIndex(MI);
    if (Mem < 0) {
      error(&MI, "indirect call without a memory operand");
      return false;
    }
    if (isImportSlot(MI, Mem)) {
      ++NumImportCalls;
      SFI_DEBUG(debugLine(CurMF->getName(), "call through an import's GOT "
                                            "slot kept")
                << MI);
      return false;
    }
    // Load the target into %r11 (free at every call and tail call: not an
    // argument register), then confine it like a register call.
    auto Ld = BuildMI(MBB, MI, DL, TII->get(X.MOV64rm), X.R11);
    for (int K = 0; K < 5; ++K)
      Ld.add(MI.getOperand(Mem + K));
    rewriteOperand(*Ld, 1);
    Target = X.R11;
  } else {
    Target = MI.getOperand(0).getReg();
  }
  if (Target == X.RSP) {
    error(&MI, "indirect call through %rsp");
    return false;
  }
  Register S = Target == X.R11 ? X.R10 : X.R11;
  BuildMI(MBB, MI, DL, TII->get(X.LEA64r), S)
      .addReg(X.RIP)
      .addImm(1)
      .addReg(0)
      .addExternalSymbol(SFI_SYM_JT_START)
      .addReg(0);
  BuildMI(MBB, MI, DL, TII->get(X.SUB64rr), Target)
      .addReg(Target)
      .addReg(S);
  Register T32 = sub32(Target);
  BuildMI(MBB, MI, DL, TII->get(X.AND32ri), T32)
      .addReg(T32)
      .addExternalSymbol(SFI_SYM_JT_MASK);
  BuildMI(MBB, MI, DL, TII->get(X.ADD64rr), Target)
      .addReg(Target)
      .addReg(S, RegState::Kill);
  if (MemForm) {
    // Rebuild the call or jump in its register form, keeping the implicit
    // operands (argument registers, regmask) of the original.
    unsigned NewOp = N.starts_with("CALL") ? X.CALL64r
                     : N.starts_with("TAILJMP") ? X.TAILJMPr64
                                                : X.JMP64r;
    int Mem = memOperandIndex(MI);
    auto NewMI = BuildMI(MBB, MI, DL, TII->get(NewOp)).addReg(Target, RegState::Kill);
    for (unsigned K = 0, E = MI.getNumOperands(); K < E; ++K)
      if ((int)K < Mem || (int)K >= Mem + 5)
        if (MI.getOperand(K).isImplicit() || MI.getOperand(K).isRegMask())
          NewMI.add(MI.getOperand(K));
    NewMI->setMemRefs(*CurMF, {});
    MI.eraseFromParent();
  }
  ++NumConfinedCalls;
  SFI_DEBUG(debugLine(CurMF->getName(), "indirect transfer confined to the "
                                        "jump table")
            << N << " in " << printMBBReference(MBB) << "\n");
  return true;
}

// The branch slots of jump table JTI, created at the end of the function
// the first time a dispatch uses it: one 8-aligned block per entry (a jmp
// of at most 5 bytes), padded to a power of two with traps.
MachineBasicBlock *MachineSandbox::branchSlots(MachineFunction &MF,
                                               unsigned JTI) {
  auto It = Slots.find(JTI);
  if (It != Slots.end())
    return It->second;
  const std::vector<MachineBasicBlock *> &Targets =
      MF.getJumpTableInfo()->getJumpTables()[JTI].MBBs;
  size_t N = std::max<size_t>(PowerOf2Ceil(Targets.size()), 1);
  // Without a pushed register every slot is a 5-byte `jmp rel32` (padding
  // slots jump to a trap), which the loading form of the dispatch reads
  // instead of jumping into the slot: one jump instead of two (issue 14).
  Register P = SpillReg.lookup(JTI);
  MachineBasicBlock *First = nullptr, *Trap = nullptr;
  if (!P && N > Targets.size()) {
    Trap = MF.CreateMachineBasicBlock();
    MF.push_back(Trap);
    BuildMI(Trap, DebugLoc(), TII->get(X.TRAP));
  }
  for (size_t K = 0; K < N; ++K) {
    MachineBasicBlock *Slot = MF.CreateMachineBasicBlock();
    MF.push_back(Slot);
    Slot->setAlignment(Align(SFI_BRANCH_SLOT_SIZE));
    MachineBasicBlock *To = K < Targets.size() ? Targets[K] : Trap;
    if (To) {
      if (P)
        BuildMI(Slot, DebugLoc(), TII->get(X.POP64r), P);
      MachineInstr *J =
          BuildMI(Slot, DebugLoc(), TII->get(P ? X.JMP_1 : X.JMP_4))
              .addMBB(To);
      Slot->addSuccessor(To);
      for (const auto &LI : To->liveins())
        Slot->addLiveIn(LI);
      if (!P && K == 0) {
        MCSymbol *End = MF.getContext().createTempSymbol("sfi_slot0_end");
        J->setPostInstrSymbol(MF, End);
        SlotsEnd[JTI] = End;
      }
    } else {
      BuildMI(Slot, DebugLoc(), TII->get(X.TRAP));
    }
    if (!First)
      First = Slot;
    ++NumSlots;
  }
  First->setLabelMustBeEmitted();
  Slots[JTI] = First;
  return First;
}

// The jump table whose address register S holds at instruction At: every
// definition of S that reaches At must be `lea table(%rip), %S` of one and
// the same table (machine LICM hoists that lea out of loops, so it may sit
// in any dominating block), or a register copy `mov %Q, %S` whose source
// holds it in turn (the register allocator moves a hoisted address between
// registers across a loop: xz's file_info_decode). Returns -1 otherwise.
int MachineSandbox::reachingTable(MachineInstr &At, Register S) {
  int JTI = -1;
  struct Item {
    MachineBasicBlock *MBB;
    MachineBasicBlock::iterator It;
    Register Reg;
  };
  SmallVector<Item, 8> Work;
  SmallSet<std::pair<MachineBasicBlock *, unsigned>, 16> Seen;
  Work.push_back({At.getParent(), At.getIterator(), S});
  while (!Work.empty()) {
    auto [MBB, It, Reg] = Work.pop_back_val();
    bool Found = false;
    while (It != MBB->begin()) {
      --It;
      if (!It->modifiesRegister(Reg, TRI))
        continue;
      if (It->getOpcode() == X.MOV64rr && It->getNumOperands() >= 2 &&
          It->getOperand(0).isReg() && It->getOperand(0).getReg() == Reg &&
          It->getOperand(1).isReg() && It->getOperand(1).getReg().isValid() &&
          It->getOperand(1).getReg() != Reg) {
        Reg = It->getOperand(1).getReg(); // the copy's source, before it
        continue;
      }
      if (It->getOpcode() != X.LEA64r || It->getNumOperands() < 6 ||
          !It->getOperand(4).isJTI() || It->getOperand(0).getReg() != Reg)
        return -1;
      int T = It->getOperand(4).getIndex();
      if (JTI >= 0 && T != JTI)
        return -1;
      JTI = T;
      Found = true;
      break;
    }
    if (Found)
      continue;
    if (MBB->pred_empty())
      return -1; // Reg comes from outside the function
    for (MachineBasicBlock *P : MBB->predecessors())
      if (Seen.insert({P, Reg.id()}).second)
        Work.push_back({P, P->end(), Reg});
  }
  return JTI;
}

// A register that no successor of the dispatch block MBB (the cases) reads
// and that is none of Avoid: free to clobber right before the jump. Only
// caller-saved registers and the callee-saved ones the prologue saved (one
// the function does not save belongs to its caller). Invalid if none.
Register MachineSandbox::freeScratch(MachineBasicBlock &MBB,
                                     std::initializer_list<Register> Avoid) {
  SmallVector<Register, 16> Cands(X.CallerSaved.begin(),
                                  X.CallerSaved.end());
  // Callee-saved registers the prologue saved (and the epilogue restores)
  // are the function's own.
  for (const CalleeSavedInfo &CS :
       CurMF->getFrameInfo().getCalleeSavedInfo())
    if (is_contained({"RBX", "RBP", "R12", "R13", "R14", "R15"},
                     StringRef(TRI->getName(CS.getReg()))))
      Cands.push_back(CS.getReg());
  for (Register Cand : Cands) {
    if (!Cand.isValid() ||
        any_of(Avoid, [&](Register A) {
          return A.isValid() && TRI->regsOverlap(A, Cand);
        }))
      continue;
    bool Live = false;
    for (MachineBasicBlock *Succ : MBB.successors())
      for (const auto &LI : Succ->liveins())
        Live |= TRI->regsOverlap(LI.PhysReg, Cand);
    if (!Live)
      return Cand;
  }
  return Register();
}

// Finds the dispatch's load and add before Jmp and decides the registers
// of the rewrite; returns (and sets TD.Shape) whether it has the form the
// rewrite handles.
bool MachineSandbox::matchTableDispatch(MachineInstr &Jmp, TableDispatch &TD) {
  MachineBasicBlock &MBB = *Jmp.getParent();
  Register R = TD.R = Jmp.getOperand(0).getReg();
  // The nearest definitions: of R (the add), then of the add's operands
  // (the load); everything else in between is collected in Mid.
  auto DefBefore = [&](MachineInstr *From, Register A, Register B,
                       SmallVectorImpl<MachineInstr *> &Mid) -> MachineInstr * {
    for (auto It = From->getIterator(); It != MBB.begin();) {
      --It;
      if (It->isDebugInstr())
        continue;
      if (It->modifiesRegister(A, TRI) ||
          (B.isValid() && It->modifiesRegister(B, TRI)))
        return &*It;
      Mid.push_back(&*It);
    }
    return nullptr;
  };
  MachineInstr *Add = TD.Add = DefBefore(&Jmp, R, Register(), TD.Mid);
  bool Shape = Add && Add->getOpcode() == X.ADD64rr &&
               Add->getOperand(0).getReg() == R &&
               Add->getOperand(1).isReg() && Add->getOperand(2).isReg();
  MachineInstr *Ld = TD.Ld =
      Shape ? DefBefore(Add, Add->getOperand(1).getReg(),
                        Add->getOperand(2).getReg(), TD.Mid)
            : nullptr;
  Shape = Ld && Ld->getOpcode() == X.MOVSX64rm32 &&
          Ld->getNumOperands() >= 6 && Ld->getOperand(1).isReg() &&
          Ld->getOperand(2).isImm() && Ld->getOperand(2).getImm() == 4 &&
          Ld->getOperand(3).isReg() && Ld->getOperand(4).isImm() &&
          Ld->getOperand(4).getImm() == 0 && Ld->getOperand(5).isReg() &&
          !Ld->getOperand(5).getReg().isValid();
  Register S = TD.S = Shape ? Ld->getOperand(1).getReg() : Register();
  Register I = TD.I = Shape ? Ld->getOperand(3).getReg() : Register();
  Register D = TD.D = Shape ? Ld->getOperand(0).getReg() : Register();
  if (Shape) {
    Register A = Add->getOperand(1).getReg(), B = Add->getOperand(2).getReg();
    // The add's other operand is the table's address, sometimes through a
    // copy of S; the rewrite does not use it.
    Shape = (A == D) != (B == D) && S.isValid() &&
            I.isValid() && I != S && I != X.RSP && S != X.RSP &&
            R != X.RSP;
  }
  // The instructions between the load and the jump (Mid) move up in front
  // of the load, which needs them not to touch what the dispatch computes.
  // The index X is I, or, when Mid reuses I's register, a copy of I in D
  // (whose old value the load overwrote anyway). The slots' address goes
  // to R, or to S when R is X (S held only the table's address).
  for (MachineInstr *M : TD.Mid) {
    if (M->isCall() || M->isTerminator() || M->readsRegister(R, TRI) ||
        M->modifiesRegister(R, TRI) || M->readsRegister(D, TRI) ||
        M->modifiesRegister(D, TRI))
      Shape = false;
    TD.MidWritesI |= M->modifiesRegister(I, TRI);
    TD.MidWritesS |= M->modifiesRegister(S, TRI);
  }
  Register Xr = TD.Xr = TD.MidWritesI ? D : I;
  TD.T = R != Xr ? R : S;
  if (TD.T == S && (TD.MidWritesS || S == Xr))
    TD.T = freeScratch(MBB, {R, Xr, S, I, D});
  if (Shape && ((TD.MidWritesI && (D == S || D == I)) || Xr == X.RSP))
    Shape = false;
  // The loading form needs a register that is neither R nor the index: S
  // (as above), or a free one.
  if (S.isValid() && S != R && S != Xr && !TD.MidWritesS &&
      !TRI->regsOverlap(S, R) && !TRI->regsOverlap(S, Xr))
    TD.T2 = S;
  else
    TD.T2 = freeScratch(MBB, {R, Xr, S, I, D});
  return TD.Shape = Shape;
}

// The jump table a well-formed dispatch reads (-1 if unknown): the one whose
// address reaches the load in S, or, when the address comes back from a
// spill slot, the one whose cases are exactly the block's successors, if
// only one table has that set.
int MachineSandbox::findDispatchTable(MachineBasicBlock &MBB,
                                      const TableDispatch &TD) {
  int JTI = reachingTable(*TD.Ld, TD.S);
  if (JTI >= 0)
    return JTI;
  SmallPtrSet<MachineBasicBlock *, 16> Succs(MBB.succ_begin(), MBB.succ_end());
  const auto &Tables = CurMF->getJumpTableInfo()->getJumpTables();
  for (unsigned K = 0; K < Tables.size(); ++K) {
    SmallPtrSet<MachineBasicBlock *, 16> Cases(Tables[K].MBBs.begin(),
                                               Tables[K].MBBs.end());
    if (Cases == Succs) {
      JTI = JTI == -1 ? (int)K : -2;
    }
  }
  return JTI < 0 ? -1 : JTI;
}

// Rewrites the matched dispatch of table JTI into the masked branch-slot
// jump: and $Mask,%eX; lea slots(%rip),%T; lea (%T,%rX,8),%R; jmp *%R.
void MachineSandbox::rewriteTableJump(MachineInstr &Jmp, TableDispatch &TD,
                                      unsigned JTI, uint64_t Mask) {
  MachineBasicBlock &MBB = *Jmp.getParent();
  MachineInstr *Ld = TD.Ld;
  Register I = TD.I, Xr = TD.Xr, T = TD.T, R = TD.R;
  const DebugLoc &DL = Jmp.getDebugLoc();
  // Computed goto masks the index in the IR already (and $P-1 right before
  // the load): that and moves down to serve as the sequence's, unless an
  // instruction it would move past reads the index or the flags.
  MachineInstr *Masked = Ld->getPrevNode();
  while (Masked && Masked->isDebugInstr())
    Masked = Masked->getPrevNode();
  if (!Masked || TD.MidWritesI || Masked->getOpcode() != X.AND32ri ||
      Masked->getOperand(0).getReg() != sub32(I) ||
      !Masked->getOperand(2).isImm() ||
      (uint64_t)Masked->getOperand(2).getImm() != Mask ||
      any_of(TD.Mid, [&](MachineInstr *M) {
        return M->readsRegister(I, TRI) || M->readsRegister(X.EFLAGS, TRI);
      }))
    Masked = nullptr;
  if (TD.MidWritesI)
    BuildMI(MBB, Ld, DL, TII->get(X.MOV64rr), TD.D).addReg(I);
  for (MachineInstr *M : reverse(TD.Mid))
    MBB.splice(Ld->getIterator(), &MBB, M->getIterator());
  MachineBasicBlock *Slot0 = branchSlots(*CurMF, JTI);
  // Every register live (pcre2): the jumps of this table push a register
  // for the slots' address and its slots pop it before jumping to the case
  // (`pop %T; jmp case` fits a slot). The verifier needs no new rule: the
  // slots are entered at the jump's %rsp offset + 8 and the pop returns to
  // the case's.
  if (Register P = SpillReg.lookup(JTI)) {
    T = P;
    BuildMI(MBB, Jmp, DL, TII->get(X.PUSH64r)).addReg(P);
  }
  // andl $mask, %eX zero-extends, so %rX < slots; in range it changes
  // nothing (the switch's own range check or clamp ran before).
  if (Masked)
    MBB.splice(Jmp.getIterator(), &MBB, Masked->getIterator());
  else
    BuildMI(MBB, Jmp, DL, TII->get(X.AND32ri), sub32(Xr))
        .addReg(sub32(Xr))
        .addImm(Mask)
        .addReg(Xr, RegState::ImplicitDefine);
  if (MCSymbol *End = SlotsEnd.lookup(JTI); End && TD.T2.isValid()) {
    // The loading form: lea slots+5(%rip),%T2; lea (%T2,%rX,8),%T2 (the
    // end of slot X's jmp rel32); movslq -4(%T2),%R (its rel32); add
    // %T2,%R (its target); jmp *%R.
    Register T2 = TD.T2;
    BuildMI(MBB, Jmp, DL, TII->get(X.LEA64r), T2)
        .addReg(X.RIP)
        .addImm(1)
        .addReg(0)
        .addSym(End)
        .addReg(0);
    BuildMI(MBB, Jmp, DL, TII->get(X.LEA64r), T2)
        .addReg(T2)
        .addImm(SFI_BRANCH_SLOT_SIZE)
        .addReg(Xr)
        .addImm(0)
        .addReg(0);
    SlotReads.insert(BuildMI(MBB, Jmp, DL, TII->get(X.MOVSX64rm32), R)
                         .addReg(T2)
                         .addImm(1)
                         .addReg(0)
                         .addImm(-4)
                         .addReg(0));
    BuildMI(MBB, Jmp, DL, TII->get(X.ADD64rr), R)
        .addReg(R)
        .addReg(T2)
        .addReg(X.EFLAGS, RegState::ImplicitDefine | RegState::Dead);
    Ld->eraseFromParent();
    TD.Add->eraseFromParent();
    // The dispatch reaches the cases directly now; the slots stay (the
    // verifier reads their jumps) as successors too.
    MachineBasicBlock *Slot = Slot0;
    for (uint64_t K = 0; K <= Mask; ++K, Slot = Slot->getNextNode())
      if (!MBB.isSuccessor(Slot))
        MBB.addSuccessor(Slot);
    ++NumTableJumps;
    ++NumLoadingJumps;
    SFI_DEBUG(debugLine(CurMF->getName(), "jump table dispatch to branch "
                                          "slots")
              << "table " << JTI << ", " << (Mask + 1)
              << " slots (reading their jumps), in "
              << printMBBReference(MBB) << "\n");
    return;
  }
  BuildMI(MBB, Jmp, DL, TII->get(X.LEA64r), T)
      .addReg(X.RIP)
      .addImm(1)
      .addReg(0)
      .addMBB(Slot0)
      .addReg(0);
  BuildMI(MBB, Jmp, DL, TII->get(X.LEA64r), R)
      .addReg(T)
      .addImm(SFI_BRANCH_SLOT_SIZE)
      .addReg(Xr)
      .addImm(0)
      .addReg(0);
  Ld->eraseFromParent();
  TD.Add->eraseFromParent();
  // The dispatch now branches to the slots, the slots to the targets.
  for (MachineBasicBlock *Case :
       CurMF->getJumpTableInfo()->getJumpTables()[JTI].MBBs)
    if (MBB.isSuccessor(Case))
      MBB.removeSuccessor(Case);
  MachineBasicBlock *Slot = Slot0;
  for (uint64_t K = 0; K <= Mask; ++K, Slot = Slot->getNextNode())
    if (!MBB.isSuccessor(Slot))
      MBB.addSuccessor(Slot);
  ++NumTableJumps;
  SFI_DEBUG(debugLine(CurMF->getName(), "jump table dispatch to branch "
                                        "slots")
            << "table " << JTI << ", " << (Mask + 1) << " slots, in "
            << printMBBReference(MBB) << "\n");
}

// Jmp is `jmp *%R`, which code generation makes only for a jump-table
// dispatch: movslq (%S,%I,4),%D; add %S,%D -> %R; jmp *%R, with S holding
// the table's address, possibly with unrelated instructions scheduled in
// between. Rewrites it into the masked branch-slot jump; an unexpected
// form is an error.
//
// Register use: the rewrite writes the index (masked: unchanged in range),
// R and D (which the original wrote too) and, when R is the index, S: S
// held only the table's address, which nothing needs once every dispatch
// of the table is rewritten and the address loads erased.
//
// Called twice per dispatch: first (Apply false) to find every dispatch's
// table while the code is unchanged (a rewrite defines S with the slots'
// address, which a later search would see), then to rewrite.
void MachineSandbox::confineJumpTable(MachineInstr &Jmp, bool Apply) {
  MachineBasicBlock &MBB = *Jmp.getParent();
  TableJumps.insert(&Jmp);
  TableDispatch TD;
  bool Shape = matchTableDispatch(Jmp, TD);
  if (!Apply) {
    DispatchTable[&Jmp] = Shape ? findDispatchTable(MBB, TD) : -1;
    DispatchIndex[&Jmp] = TD.Xr;
    if (!TD.T.isValid())
      NoScratch.insert(&Jmp);
    return;
  }
  int JTI = Shape ? DispatchTable.lookup(&Jmp) : -1;
  if (JTI >= 0 && !TD.T.isValid() && !SpillReg.count(JTI))
    JTI = -1;
  if (JTI < 0) {
    error(&Jmp, "indirect jump inside a function that is not a jump-table "
                "dispatch the pass recognizes");
    return;
  }
  size_t Entries =
      CurMF->getJumpTableInfo()->getJumpTables()[JTI].MBBs.size();
  if (Entries > SFI_BRANCH_SLOTS_MAX) {
    error(&Jmp, "switch table of " + Twine(Entries) + " entries (at most " +
                    Twine(SFI_BRANCH_SLOTS_MAX) + ")");
    return;
  }
  uint64_t Mask = std::max<uint64_t>(PowerOf2Ceil(Entries), 1) - 1;
  rewriteTableJump(Jmp, TD, (unsigned)JTI, Mask);
}

void MachineSandbox::checkFrame(MachineFunction &MF) {
  const TargetFrameLowering *TFI = MF.getSubtarget().getFrameLowering();
  const MachineFrameInfo &MFI = MF.getFrameInfo();
  if (TFI->hasFP(MF))
    error(nullptr, "function needs a frame pointer (over-aligned or dynamic "
                   "native stack objects)");
  if (MFI.getStackSize() + 256 > SFI_NATIVE_FRAME_MAX)
    error(nullptr, "native stack frame of " + Twine(MFI.getStackSize()) +
                       " bytes exceeds the limit of " +
                       Twine(SFI_NATIVE_FRAME_MAX));
  for (int FI = MFI.getObjectIndexBegin(); FI < 0; ++FI)
    if (!MFI.isDeadObjectIndex(FI) && MFI.getObjectOffset(FI) >= 0 &&
        !MFI.isSpillSlotObjectIndex(FI))
      error(nullptr, "argument passed on the native stack");
  // Calls the IR part lowered pass nothing on the stack; a call with an
  // outgoing argument area is one code generation made up (a library call
  // for a long double operation), whose callee reads its arguments from
  // the region.
  if (MFI.getMaxCallFrameSize() > 0)
    error(nullptr, "a call passes arguments on the native stack (a library "
                   "call code generation made for a long double operation?)");
}

// A call to a noreturn function may end the function; the verifier would
// see it fall through into the next function with a non-empty frame.
void MachineSandbox::trapAtEnd(MachineFunction &MF) {
  if (MF.empty())
    return;
  MachineBasicBlock &Last = MF.back();
  auto It = Last.getLastNonDebugInstr();
  if (It != Last.end() && It->isBarrier())
    return;
  BuildMI(&Last, DebugLoc(), TII->get(X.TRAP));
  ++NumEndTraps;
  SFI_DEBUG(debugLine(MF.getName(), "trap added at the function's end")
            << printMBBReference(Last) << "\n");
}

// A function that calls setjmp starts with its native frame (below the
// saved registers) zeroed. The runtime refuses a longjmp when a word that
// looked like a return address at setjmp time, anywhere from the setjmp
// frame up, has changed since (runtime/sys/setjmp.c, rule E3); a stale
// return address left in this frame by earlier calls, which the function
// then overwrites with its own spills, made that check refuse honest code
// (libpng's pngtest). Zeroed, the frame holds no stale words; a module that
// skips this only makes its own longjmps fail.
void MachineSandbox::zeroSetjmpFrame(MachineFunction &MF) {
  if (!MF.exposesReturnsTwice())
    return;
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : MBB) {
      if (MI.getOpcode() != X.SUB64ri32 ||
          !MI.getFlag(MachineInstr::FrameSetup) || !MI.getOperand(0).isReg() ||
          MI.getOperand(0).getReg() != X.RSP || !MI.getOperand(2).isImm())
        continue;
      int64_t Size = MI.getOperand(2).getImm();
      auto At = std::next(MI.getIterator());
      for (int64_t Off = 0; Off + 8 <= Size; Off += 8)
        BuildMI(MBB, At, MI.getDebugLoc(), TII->get(X.MOV64mi32))
            .addReg(X.RSP)
            .addImm(1)
            .addReg(0)
            .addImm(Off)
            .addReg(0)
            .addImm(0)
            .setMIFlag(MachineInstr::FrameSetup);
      ++NumZeroedFrames;
      SFI_DEBUG(debugLine(MF.getName(), "setjmp caller: native frame of ")
                << Size << " bytes zeroed on entry\n");
      return;
    }
}

bool MachineSandbox::runOnMachineFunction(MachineFunction &MF) {
  const Function &F = MF.getFunction();
  if (!MF.getTarget().getTargetTriple().isX86_64() || isSFIGenerated(F) ||
      F.hasFnAttribute(Attribute::Naked))
    return false;
  CurMF = &MF;
  TII = MF.getSubtarget().getInstrInfo();
  TRI = MF.getSubtarget().getRegisterInfo();
  if (!Ready && !(Ready = X.init(*TII, *TRI))) {
    error(nullptr, "X86 back end lacks an opcode or register the pass needs");
    return false;
  }
  // Stores-only when the IR part said so; full mode otherwise (also when
  // the IR part did not run: the safe default).
  StoresOnly = false;
  if (auto *MD = mdconst::extract_or_null<ConstantInt>(
          F.getParent()->getModuleFlag("sfi.sandboxed")))
    StoresOnly = MD->getZExtValue() == SFI_MODE_STORES;

  checkFrame(MF);
  zeroSetjmpFrame(MF);
  // Before the branch slots go at the end: the end trap belongs to the
  // function's own last block.
  trapAtEnd(MF);
  Slots.clear();
  SlotsEnd.clear();
  SlotReads.clear();
  TableJumps.clear();
  if (MF.getJumpTableInfo()) {
    SmallVector<MachineInstr *, 4> Jumps;
    for (MachineBasicBlock &MBB : MF)
      for (MachineInstr &MI : MBB)
        if (MI.getOpcode() == X.JMP64r)
          Jumps.push_back(&MI);
    DispatchTable.clear();
    DispatchIndex.clear();
    NoScratch.clear();
    SpillReg.clear();
    for (MachineInstr *MI : Jumps)
      confineJumpTable(*MI, /*Apply=*/false);
    // A table one of whose jumps has no free register: all its jumps push
    // one register that none of them uses as the index.
    for (MachineInstr *MI : NoScratch) {
      int JTI = DispatchTable.lookup(MI);
      if (JTI < 0 || SpillReg.count(JTI))
        continue;
      for (unsigned P : X.CallerSaved) {
        bool Used = false;
        for (MachineInstr *Other : Jumps)
          if (DispatchTable.lookup(Other) == JTI &&
              TRI->regsOverlap(DispatchIndex.lookup(Other), P))
            Used = true;
        if (!Used) {
          SpillReg[JTI] = P;
          break;
        }
      }
    }
    for (MachineInstr *MI : Jumps)
      confineJumpTable(*MI, /*Apply=*/true);
    // The tables' address loads are dead now (their only users were the
    // dispatches), and the tables themselves are not emitted.
    for (MachineBasicBlock &MBB : MF)
      for (MachineInstr &MI : make_early_inc_range(MBB))
        if (MI.getOpcode() == X.LEA64r && MI.getNumOperands() >= 6 &&
            MI.getOperand(4).isJTI() &&
            Slots.count(MI.getOperand(4).getIndex()))
          MI.eraseFromParent();
    for (auto &[JTI, Slot0] : Slots)
      CurMF->getJumpTableInfo()->RemoveJumpTable(JTI);
  }
  SmallVector<MachineInstr *, 16> Indirect;
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : MBB) {
      if (MI.isDebugInstr() || MI.isMetaInstruction())
        continue;
      if (isForbidden(MI)) {
        error(&MI, "instruction " + TII->getName(MI.getOpcode()) +
                       " cannot be sandboxed");
        continue;
      }
      if (TableJumps.count(&MI))
        continue;
      if (llvm::any_of(MI.operands(),
                       [](const MachineOperand &O) { return O.isJTI(); })) {
        error(&MI, "jump table in a form the pass cannot confine (" +
                        TII->getName(MI.getOpcode()) + ")");
        continue;
      }
      if (indirectForm(MI) != NotIndirect) {
        Indirect.push_back(&MI);
        continue;
      }
      if (MI.isIndirectBranch() ||
          ((MI.isCall() || MI.isBranch()) && MI.getNumOperands() &&
           MI.getOperand(0).isReg())) {
        error(&MI, "unsupported indirect transfer " +
                       TII->getName(MI.getOpcode()));
        continue;
      }
      // The loading slot jump's read of a slot's rel32 stays flat: the
      // verifier knows it only in that form, inside that sequence.
      if (SlotReads.count(&MI))
        continue;
      int Mem = memOperandIndex(MI);
      // lea disp(%rsp), %rsp is a stack adjustment that keeps the flags
      // (an epilogue that shrink-wrapping put between a test and its
      // branch: pcre2_set_glob_escape), not an address; the verifier
      // tracks it like add/sub.
      if (Mem >= 0 && isLEA(MI) && MI.getOperand(Mem).isReg() &&
          MI.getOperand(Mem).getReg() == X.RSP &&
          !(MI.getOperand(0).isReg() && MI.getOperand(0).getReg() == X.RSP &&
            !(MI.getOperand(Mem + 2).isReg() &&
              MI.getOperand(Mem + 2).getReg().isValid())))
        // A native frame address in a register would be used as a region
        // pointer below; the IR part keeps such locals on the shadow stack.
        error(&MI, "address of a native stack slot taken");
      else if (Mem >= 0 && !isLEA(MI))
        rewriteOperand(MI, Mem);
    }
  for (MachineInstr *MI : Indirect)
    confineIndirect(*MI);
  return true;
}

namespace {
// Before register allocation: a call to an import is `call *slot(%rip)`
// through its GOT slot, but machine LICM hoists the slot's load out of
// loops (`mov slot(%rip), %r15` ... `call *%r15`). The late pass would then
// confine %r15 into the jump table, where an import has no entry. Fold the
// load back into the call, so every import call stays a GOT-slot call.
class RefoldImportCalls : public MachineFunctionPass {
public:
  static char ID;
  RefoldImportCalls() : MachineFunctionPass(ID) {}
  StringRef getPassName() const override { return "libsfi import calls"; }
  bool runOnMachineFunction(MachineFunction &MF) override;
  // A call is replaced by a call in the same place: no block, edge or
  // terminator target changes.
  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }

private:
  unsigned CALL64m = 0; // found by name once (X86's enums are not installed)
  unsigned TCRETURNmi64 = 0;
};
} // namespace

char RefoldImportCalls::ID = 0;

bool RefoldImportCalls::runOnMachineFunction(MachineFunction &MF) {
  if (!MF.getTarget().getTargetTriple().isX86_64())
    return false;
  const TargetInstrInfo *TII = MF.getSubtarget().getInstrInfo();
  MachineRegisterInfo &MRI = MF.getRegInfo();
  for (unsigned Op = 0, E = TII->getNumOpcodes(); Op < E; ++Op)
    if (TII->getName(Op) == "CALL64m")
      CALL64m = Op;
    else if (TII->getName(Op) == "TCRETURNmi64")
      TCRETURNmi64 = Op;
  bool Changed = false;
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : make_early_inc_range(MBB)) {
      // Tail calls too: `mov slot(%rip), %R` ... `jmp *%R` (cJSON's Unity,
      // liblzma's lzma_free tail calls) becomes `jmp *slot(%rip)`.
      StringRef Name = TII->getName(MI.getOpcode());
      bool Tail = Name == "TCRETURNri64";
      if ((Name != "CALL64r" && !Tail) || !MI.getOperand(0).isReg() ||
          (Tail && !TCRETURNmi64))
        continue;
      Register R = MI.getOperand(0).getReg();
      if (!R.isVirtual())
        continue;
      MachineInstr *Def = MRI.getUniqueVRegDef(R);
      while (Def && Def->isCopy() && Def->getOperand(1).getReg().isVirtual())
        Def = MRI.getUniqueVRegDef(Def->getOperand(1).getReg());
      if (!Def || TII->getName(Def->getOpcode()) != "MOV64rm" ||
          Def->getNumOperands() < 6)
        continue;
      if (!isCalleeGotSlot(Def->getOperand(4)))
        continue;
      auto NewMI = BuildMI(MBB, MI, MI.getDebugLoc(),
                           TII->get(Tail ? TCRETURNmi64 : CALL64m));
      for (int K = 1; K <= 5; ++K) {
        MachineOperand Op = Def->getOperand(K);
        if (Op.isReg())
          Op.setIsKill(false);
        NewMI.add(Op);
      }
      for (unsigned K = 1, E = MI.getNumOperands(); K < E; ++K)
        NewMI.add(MI.getOperand(K));
      NewMI->setMemRefs(MF, Def->memoperands());
      MI.eraseFromParent();
      Changed = true;
    }
  return Changed;
}

namespace sfi {
MachineFunctionPass *createMachineSandboxPass() { return new MachineSandbox(); }
MachineFunctionPass *createRefoldImportCallsPass() {
  return new RefoldImportCalls();
}
} // namespace sfi
