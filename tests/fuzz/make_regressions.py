#!/usr/bin/env python3
"""make_regressions.py: writes hand-made hostile module files into
regressions/, each derived from a real module (argument: victim.so from the
escape corpus) by breaking one field the loader must check. The fuzzer runs
them on every CI run (ctest fuzz.regressions). Fuzzer findings are added to
regressions/ as they are (crash-<sha1> files), next to these."""
import struct
import sys

src = open(sys.argv[1], 'rb').read()
out = sys.argv[2] if len(sys.argv) > 2 else 'regressions'


def ehdr(b):
    return struct.unpack_from('<16sHHIQQQIHHHHHH', b, 0)


def phdrs(b):
    h = ehdr(b)
    off, n = h[5], h[9]
    return [(off + i * 56, struct.unpack_from('<IIQQQQQQ', b, off + i * 56))
            for i in range(n)]


def patch_ph(b, pred, field, value):
    b = bytearray(b)
    names = ['type', 'flags', 'offset', 'vaddr', 'paddr', 'filesz', 'memsz',
             'align']
    fmt = '<IIQQQQQQ'
    for off, ph in phdrs(b):
        if pred(ph):
            vals = list(ph)
            vals[names.index(field)] = value(ph) if callable(value) else value
            struct.pack_into(fmt, b, off, *vals)
            break
    return bytes(b)


def dyn_entries(b):
    for off, ph in phdrs(b):
        if ph[0] == 2:  # PT_DYNAMIC
            base = ph[2]
            return [(base + i * 16, struct.unpack_from('<qQ', b, base + i * 16))
                    for i in range(ph[5] // 16)]
    return []


def patch_dyn(b, tag, value):
    b = bytearray(b)
    for off, (t, v) in dyn_entries(b):
        if t == tag:
            struct.pack_into('<qQ', b, off, t, value(v) if callable(value) else value)
            break
    return bytes(b)


PT_LOAD, PF_X, PF_W = 1, 1, 2
cases = {
    'truncated-header': src[:40],
    'truncated-half': src[:len(src) // 2],
    'phnum-huge': src[:56] + struct.pack('<H', 0xffff) + src[58:],
    'phoff-past-end': src[:32] + struct.pack('<Q', len(src) - 8) + src[40:],
    'load-filesz-past-end': patch_ph(src, lambda p: p[0] == PT_LOAD, 'filesz',
                                     lambda p: len(src) * 4),
    'load-wx': patch_ph(src, lambda p: p[0] == PT_LOAD and p[1] & PF_X,
                        'flags', lambda p: p[1] | PF_W),
    'load-memsz-huge': patch_ph(src, lambda p: p[0] == PT_LOAD and p[1] & PF_W,
                                'memsz', (1 << 64) - 4096),
    'load-vaddr-wrap': patch_ph(src, lambda p: p[0] == PT_LOAD, 'vaddr',
                                (1 << 64) - 4096),
    'dynamic-strsz-huge': patch_dyn(src, 10, (1 << 63)),       # DT_STRSZ
    'dynamic-symtab-past-end': patch_dyn(src, 6, 1 << 40),    # DT_SYMTAB
    'dynamic-gnuhash-past-end': patch_dyn(src, 0x6ffffef5, len(src) + 64),
    'dynamic-relasz-huge': patch_dyn(src, 8, (1 << 64) - 24),  # DT_RELASZ
    'dynamic-initarray-misaligned': patch_dyn(src, 25, lambda v: v + 3),
}
# DT_NEEDED: turn the first DT_FLAGS_1 / DT_RELACOUNT entry into DT_NEEDED 1
b = bytearray(src)
for off, (t, v) in dyn_entries(b):
    if t in (0x6ffffffb, 0x6ffffff9):
        struct.pack_into('<qQ', b, off, 1, 1)
        break
cases['dynamic-needed'] = bytes(b)
for name, data in cases.items():
    with open('%s/%s.so' % (out, name), 'wb') as f:
        f.write(data)
print('%d regression inputs written to %s' % (len(cases), out))
