#!/usr/bin/env python3
"""r3_switchgen.py SEED (review3): a random switch-heavy C program (4
functions, loops, nested switches, 10 live values) printing one hash; see
r3_diff.sh."""
import random, sys
seed=int(sys.argv[1]); R=random.Random(seed)
V=['a','b','c','d','e','f','g','h','i2','j2']
def expr(d=0):
    if d>2 or R.random()<0.3:
        return R.choice(V+[str(R.randint(-9,99))])
    op=R.choice(['+','-','*','^','|','&','<<','>>'])
    l,r=expr(d+1),expr(d+1)
    if op in ('<<','>>'): r='(%s & 15)'%r
    return '(%s %s %s)'%(l,op,r)
def stmt(d=0):
    k=R.random()
    if d<2 and k<0.35:
        n=R.choice([5,7,9,13,17,33,70])
        base=R.choice([0,0,-3,100,1<<20])
        sel=R.choice(['(unsigned)%s %% %d'%(expr(),n),'%s'%expr(),'(%s & %d)'%(expr(),R.choice([7,15,31]))])
        s='switch (%s) {\n'%sel
        used=set()
        for _ in range(R.randint(4,n+3)):
            c=base+R.randint(0,n+2)
            if c in used: continue
            used.add(c)
            s+='case %d: %s %s\n'%(c,stmt(d+1),R.choice(['break;','','break;','continue;' if d==0 else 'break;']))
        if R.random()<0.7: s+='default: %s break;\n'%stmt(d+1)
        return s+'}\n'
    if d<2 and k<0.45:
        return 'if (%s > %s) { %s } else { %s }\n'%(expr(),expr(),stmt(d+1),stmt(d+1))
    return '%s = %s;\n'%(R.choice(V),expr())
print('#include <stdio.h>')
for fn in range(4):
    print('__attribute__((noinline)) long f%d(long a, long b, long c) {'%fn)
    print(' long d=a^b, e=b+c, f=c*3, g=a-7, h=b*b, i2=c^5, j2=a+b+c;')
    print(' for (int it = 0; it < 6; it++) { a += it;')
    for _ in range(4): print(stmt())
    print(' }')
    print(' return a+b*3+c*5+d*7+e*11+f*13+g*17+h*19+i2*23+j2*29; }')
print('int main(void){ unsigned long hh=1469598103934665603ul;')
print(' for (long x=-20;x<60;x++) for (long y=0;y<5;y++) {')
for fn in range(4): print('  hh=(hh^(unsigned long)f%d(x,y*37-x,x*y))*1099511628211ul;'%fn)
print(' } printf("%016lx\\n", hh); return 0; }')
