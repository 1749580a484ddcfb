import re, subprocess
ins = []
for line in open('acc.txt'):
    ins.append(bytes(int(x, 16) for x in line.split('#')[0].split()))
blob = bytearray()
starts = []
for bs in ins:
    starts.append(len(blob))
    blob += bs + b'\xcc'
open('acc.bin', 'wb').write(blob)
out = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '-w', 'acc.bin'], capture_output=True, text=True).stdout
bounds = set()
text = {}
for l in out.splitlines():
    m = re.match(r'\s*([0-9a-f]+):\t([0-9a-f ]+)\t(.*)', l)
    if m:
        a = int(m.group(1), 16)
        bounds.add(a)
        text[a] = (m.group(2).strip(), m.group(3))
bad = 0
for s, bs in zip(starts, ins):
    end = s + len(bs)
    ok = s in bounds and end in bounds and not any(s < x < end for x in range(s + 1, end) if x in bounds)
    if not ok:
        bad += 1
        if bad <= 40:
            print(bs.hex(' '), '|', text.get(s))
print(len(ins), 'instructions,', bad, 'length disagreements with GNU objdump')
print("--- cases where objdump does not end at the int3 boundary:")
n2 = 0
for s, bs in zip(starts, ins):
    end = s + len(bs)
    if end not in bounds:
        n2 += 1
        print(bs.hex(' '), '|', text.get(s))
print(n2)
