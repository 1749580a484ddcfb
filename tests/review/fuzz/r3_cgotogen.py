#!/usr/bin/env python3
"""r3_cgotogen.py SEED (review3): a random computed-goto interpreter
(3..130 labels, label compares, switches in handlers) printing one hash;
see r3_diff.sh."""
import random, sys
seed=int(sys.argv[1]); R=random.Random(seed)
V=['a','b','c','d','e','f','g','h']
def expr(d=0):
    if d>1 or R.random()<0.3: return R.choice(V+[str(R.randint(-9,99))])
    op=R.choice(['+','-','*','^','|','&'])
    return '(%s %s %s)'%(expr(d+1),op,expr(d+1))
K=R.choice([3,5,9,17,40,130])
print('#include <stdio.h>')
print('__attribute__((noinline)) long run(const unsigned char *code, int n, long a, long b) {')
print(' static void *const t[] = {%s};'%', '.join('&&L%d'%i for i in range(K)))
print(' long c=a^b, d=a+3, e=b*7, f=a-b, g=1, h=2; int pc = 0, steps = 0;')
print(' #define NEXT do { if (++steps > 3000 || pc >= n) goto out; goto *t[code[pc++] %% %d]; } while (0)'%K)
print(' NEXT;')
for i in range(K):
    body=' '.join('%s = %s;'%(R.choice(V),expr()) for _ in range(R.randint(1,3)))
    extra=''
    r=R.random()
    if r<0.2: extra='if (%s & 1) pc = (pc + %d) %% n;'%(expr(),R.randint(1,5))
    elif r<0.3: extra='{ void *p = t[%d]; if (p == t[(%s) & %d %% %d]) g++; }'%(R.randint(0,K-1),expr(),7,K)
    elif r<0.4: extra='switch (%s & 7) { case 0: h+=1; break; case 1: h^=3; break; case 2: h*=5; break; case 3: h-=7; break; case 4: h+=11; break; case 5: h|=13; break; default: h+=a; }'%expr()
    print(' L%d: %s %s NEXT;'%(i,body,extra))
print(' out: return a+b*3+c*5+d*7+e*11+f*13+g*17+h*19;')
print('}')
print('int main(void){ unsigned char code[64]; unsigned long hh=1469598103934665603ul; unsigned s=%d;'%seed)
print(' for (int r=0;r<20;r++){ for(int i=0;i<64;i++){ s=s*1103515245u+12345u; code[i]=(unsigned char)(s>>16);} hh=(hh^(unsigned long)run(code,64,r,r*3+1))*1099511628211ul; }')
print(' printf("%016lx\\n", hh); return 0; }')
