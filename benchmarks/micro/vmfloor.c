/* vmfloor.c: the kernel's part of an instance's life cycle without the
 * runtime, for issue 15's profile: into a PROT_NONE reservation of 4 GiB
 * regions, map a 17-page file image read+write and an 8 MiB anonymous
 * data+stack mapping at fixed addresses, touch what a fresh instance
 * touches (first data page, one RELRO page copied on write, one code
 * read), mprotect the image read+exec; free by mapping PROT_NONE over the
 * region (mode 0). Mode 1 makes the anonymous part with mprotect on the
 * reservation instead; mode 2 maps the image read+exec and writes nothing;
 * mode 3 only makes the two mappings. Thread CPU time per region, best of 7.
 *   clang-22 -O2 benchmarks/micro/vmfloor.c -o vmfloor && taskset -c 1 ./vmfloor */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#define G4 (4ULL<<30)
static double cpu(void){struct timespec t;clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int fd; uint64_t R; int N=200;
#define LOW (17*4096)
#define ANON (8409088)
static void mk(uint64_t b,int mode){
  uint64_t img=b+(1<<20);
  if(mode==2){ mmap((void*)(img-8192),LOW,PROT_READ|PROT_EXEC,MAP_PRIVATE|MAP_FIXED|MAP_NORESERVE,fd,0);}
  else mmap((void*)(img-8192),LOW,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_FIXED|MAP_NORESERVE,fd,0);
  uint64_t rw=img-8192+LOW;
  if(mode==1) mprotect((void*)rw,ANON,PROT_READ|PROT_WRITE);
  else if(mode!=3) mmap((void*)rw,ANON,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE,-1,0);
  if(mode==3) return;
  memset((void*)rw,1,100);           /* data page */
  if(mode!=2){ *(volatile char*)(img+0xe000)=1; mprotect((void*)(img-8192),LOW,PROT_READ|PROT_EXEC);} /* relro cow */
  *(volatile char*)(rw+ANON-64)=1;      /* shadow top */
  (void)*(volatile char*)(img+0x4000);  /* code read */
}
static void fr(uint64_t b,int mode){
  if(mode==0||mode==2||mode==3){ mmap((void*)b,G4,PROT_NONE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE|MAP_FIXED,-1,0); return;}
  uint64_t img=b+(1<<20), rw=img-8192+LOW;
  madvise((void*)rw,ANON,MADV_DONTNEED);
  mprotect((void*)rw,ANON,PROT_NONE);
  mmap((void*)(img-8192),LOW,PROT_NONE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE|MAP_FIXED,-1,0);
}
int main(int c,char**v){
  fd=memfd_create("x",0); ftruncate(fd,LOW); char buf[LOW]; memset(buf,0xcc,LOW); write(fd,buf,LOW);
  void*p=mmap(NULL,G4*(N+2),PROT_NONE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE,-1,0);
  R=((uint64_t)p+G4-1)&~(G4-1);
  const char*names[]={"mmap anon, free mmap-over","mprotect anon, free madv+mprot+mmap low","RX direct no reloc (lower bound)","two mmaps only, no touch"};
  for(int mode=0;mode<4;mode++){
    double bn=1e9,bf=1e9;
    for(int r=0;r<7;r++){
      double t0=cpu(); for(int i=0;i<N;i++) mk(R+i*G4,mode); double t=(cpu()-t0)*1e6/N; if(t<bn)bn=t;
      t0=cpu(); for(int i=0;i<N;i++) fr(R+i*G4,mode); t=(cpu()-t0)*1e6/N; if(t<bf)bf=t;
    }
    printf("%-45s new %.2f free %.2f\n",names[mode],bn,bf);
  }
}
