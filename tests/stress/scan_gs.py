#!/usr/bin/env python3
"""scan_gs.py: a static check of a %gs-scheme module's machine code. In the
%gs scheme every sandbox access is %gs-relative; a register that holds a
masked offset (it appears inside a %gs: operand) must never address memory
without %gs, or the access goes to the absolute address (uint32_t)offset.
The scan follows straight-line code: a register stays "an offset" until an
instruction writes it, and knowledge is dropped at labels, calls and jumps.
It reports each flat memory operand that uses such a register (unless its
other register is the region base: movabs $0xffffffff00000000 and'ed with
an image address, as memory intrinsics use), and every
indirect jmp with neither a jump-table mask (sbb) nor a bounds check (a
conditional branch) among the 16 instructions before it: the pass confines
calls, not the jumps of switch tables.
usage: scan_gs.py MODULE.so [OBJDUMP]   (exit 1 if anything is reported)"""
import re
import subprocess
import sys

REG64 = {}
for r in ['ax', 'bx', 'cx', 'dx', 'si', 'di', 'bp', 'sp']:
    for n in ['r' + r, 'e' + r, r]:
        REG64[n] = 'r' + r
REG64.update({'al': 'rax', 'bl': 'rbx', 'cl': 'rcx', 'dl': 'rdx',
              'sil': 'rsi', 'dil': 'rdi', 'bpl': 'rbp', 'spl': 'rsp'})
for i in range(8, 16):
    for s in ['', 'd', 'w', 'b']:
        REG64['r%d%s' % (i, s)] = 'r%d' % i
CLOBBERED = {'rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11'}
MEM = re.compile(r'(%gs:)?(-?0x[0-9a-f]+|-?\d+)?\((%\w+)?(?:,(%\w+))?(?:,\d)?\)')
LINE = re.compile(r'^\s+([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(.*)$')


def regs_of(op):
    return [REG64.get(r.lstrip('%')) for r in re.findall(r'%\w+', op)
            if r.lstrip('%') in REG64]


def main():
    so = sys.argv[1]
    objdump = sys.argv[2] if len(sys.argv) > 2 else 'objdump'
    out = subprocess.run([objdump, '-d', '-w', so], capture_output=True,
                         text=True, check=True).stdout
    targets = set(re.findall(r'\s(?:j\w+|call)\s+([0-9a-f]+) <', out))
    offsets, fn, bad, recent, bases = set(), '?', 0, [], set()
    for line in out.splitlines():
        h = re.match(r'^([0-9a-f]+) <(.*)>:', line)
        if h:
            fn, offsets, recent, bases = h.group(2), set(), [], set()
            continue
        m = LINE.match(line)
        if not m:
            continue
        addr, ins = m.group(1), m.group(2).split('#')[0].strip()
        if addr.lstrip('0') in targets or addr in targets:
            offsets = set()
        if not ins:
            continue
        # Prefixes (data16, cs, lock, rep...) precede the mnemonic.
        words = ins.split()
        while len(words) > 1 and words[0] in ('data16', 'cs', 'ds', 'ss',
                                              'es', 'lock', 'rep', 'repz',
                                              'repnz', 'notrack', 'bnd'):
            words = words[1:]
        mnem, ops = words[0], ' '.join(words[1:])
        if mnem.startswith('nop'):
            continue  # padding
        recent = (recent + [mnem])[-16:]
        if fn.startswith('__sfi_jt') or fn in ('__sfi_jt_trap',):
            continue
        # An indirect jmp is fine after the jump-table mask of a tail call
        # (sbb) or a bounds check of a switch table (a conditional branch
        # just before); an unbounded table has neither.
        if mnem.startswith('jmp') and ops.startswith('*%') and not any(
                r.startswith('sbb') or (r.startswith('j') and r != 'jmp')
                for r in recent[:-1]):
            print('%s: %s <%s>: unchecked indirect jump %s' % (so, addr, fn,
                                                               ins))
            bad += 1
        for mm in MEM.finditer(ops) if not mnem.startswith('lea') else []:
            rs = [REG64.get(x.lstrip('%')) for x in mm.group(3, 4) if x]
            if mm.group(1):
                offsets.update(r for r in rs if r)
            elif 'rip' not in ops[mm.start():mm.end()] and \
                    not any(r in bases for r in rs) and \
                    any(r in offsets for r in rs if r not in ('rsp', 'rbp')):
                print('%s: %s <%s>: flat access through a masked offset: %s'
                      % (so, addr, fn, ins))
                bad += 1
        if mnem.startswith(('call', 'j', 'ret')):
            offsets = set() if not mnem.startswith('call') else \
                offsets - CLOBBERED
            continue
        # The destination (last operand) if it is a register.
        last = ops.split(',')[-1].strip() if ops else ''
        if last.startswith('%') and last.lstrip('%') in REG64 and \
                not mnem.startswith(('cmp', 'test', 'bt', 'push')):
            dst = REG64[last.lstrip('%')]
            offsets.discard(dst)
            # The region base of flat accesses (memory intrinsics, anchor
            # scheme): movabs $0xffffffff00000000 then and with an address.
            if mnem == 'movabs' and ops.startswith('$0xffffffff00000000'):
                bases.add(dst)
            elif not mnem.startswith('and'):
                bases.discard(dst)
        if mnem.startswith(('xchg', 'cmpxchg', 'xadd')):
            for r in regs_of(ops):
                offsets.discard(r)
    return 1 if bad else 0


sys.exit(main())
