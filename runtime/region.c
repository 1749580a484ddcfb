/* region.c: the pool of 4 GiB sandbox regions. Address space is reserved
 * PROT_NONE in 4 GiB-aligned chunks of several regions plus a trailing guard,
 * so a masked access can never reach memory outside its own region: it
 * lands in the region's own guard, the next region's never-mapped first
 * SFI_GUARD_SIZE bytes, or the chunk's trailing guard. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#define CHUNK_REGIONS_MAX 1024 /* 4 TiB per reservation at most */
#define CHUNKS_MAX 4096

struct chunk {
  uint64_t base; /* 4 GiB-aligned */
  int nregions;
  int nfree;
  uint8_t *used;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct chunk chunks[CHUNKS_MAX];
static int nchunks;
static int live;
static int limit = -1; /* from SFI_MAX_REGIONS, for tests; -1: none */
static int next_try = CHUNK_REGIONS_MAX;

static void read_limit(void) {
  if (limit != -1)
    return;
  const char *s = getenv("SFI_MAX_REGIONS");
  limit = s ? atoi(s) : 0;
  if (limit < 0)
    limit = 0;
}

/* Reserves n regions + trailing guard at a 4 GiB boundary: over-reserve by
 * one region and trim both ends. */
static int reserve(int n, uint64_t *out) {
  uint64_t want = (uint64_t)n * SFI_REGION_SIZE + SFI_GUARD_SIZE;
  uint64_t len = want + SFI_REGION_SIZE;
  void *p = mmap(NULL, len, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return -1;
  uint64_t lo = (uint64_t)p;
  uint64_t aligned = (lo + SFI_REGION_SIZE - 1) & ~SFI_OFFSET_MASK;
  if (aligned > lo)
    munmap(p, aligned - lo);
  uint64_t end = lo + len, keep_end = aligned + want;
  if (end > keep_end)
    munmap((void *)keep_end, end - keep_end);
  *out = aligned;
  return 0;
}

static int grow(void) {
  if (nchunks == CHUNKS_MAX)
    return -1;
  for (int n = next_try; n >= 1; n /= 2) {
    uint64_t base;
    if (reserve(n, &base) == 0) {
      struct chunk *c = &chunks[nchunks];
      c->used = calloc((size_t)n, 1);
      if (!c->used) {
        munmap((void *)base, (uint64_t)n * SFI_REGION_SIZE + SFI_GUARD_SIZE);
        return -1;
      }
      c->base = base;
      c->nregions = c->nfree = n;
      nchunks++;
      next_try = n; /* a bigger one failed: do not retry it every time */
      return 0;
    }
  }
  return -1;
}

uint64_t sfi__region_alloc(void) {
  uint64_t r = 0;
  pthread_mutex_lock(&lock);
  read_limit();
  if (limit && live >= limit) {
    sfi__err(SFI_ERR_NOMEM,
             "region pool exhausted: limit of %d regions "
             "(SFI_MAX_REGIONS) reached",
             limit);
    goto out;
  }
  for (int pass = 0; pass < 2 && !r; pass++) {
    for (int i = nchunks - 1; i >= 0 && !r; i--) {
      struct chunk *c = &chunks[i];
      if (!c->nfree)
        continue;
      for (int j = 0; j < c->nregions; j++)
        if (!c->used[j]) {
          c->used[j] = 1;
          c->nfree--;
          r = c->base + (uint64_t)j * SFI_REGION_SIZE;
          break;
        }
    }
    if (!r && (pass || grow() != 0))
      break;
  }
  if (r)
    live++;
  else
    sfi__err(SFI_ERR_NOMEM,
             "region pool exhausted: %d live regions, no "
             "more 4 GiB-aligned address space (%s)",
             live, strerror(errno));
out:
  pthread_mutex_unlock(&lock);
  return r;
}

void sfi__region_free(uint64_t base) {
  /* Remapping PROT_NONE drops every page and mapping the instance made and
   * merges the region back into one reservation. If that fails the region
   * is not reused (it stays allocated and unusable). */
  if (mmap((void *)base, SFI_REGION_SIZE, PROT_NONE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1,
           0) == MAP_FAILED) {
    /* Over vm.max_map_count every mmap fails, even one that would lower
     * the count, so nothing freed would ever come back. Unmap the
     * instance's part instead (from the first page above what an access
     * from the region below can reach (sfi_abi.h: SFI_FOLD_MAX +
     * SFI_MAX_ACCESS into this region), below any import stubs
     * (instance.c), to the region's end: no split, the count only drops),
     * then take the address space back; if another thread's mapping took
     * part of it meanwhile, the region is not reused, and that mapping is
     * still out of the reach of the region below (review: the old start,
     * half the guard, left 256 bytes of the reach open to it). */
    uint64_t lo = base + SFI_REGION_REACH_END,
             len = SFI_REGION_SIZE - SFI_REGION_REACH_END;
    if (munmap((void *)lo, len) != 0)
      return;
    void *p = mmap((void *)lo, len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                       MAP_FIXED_NOREPLACE,
                   -1, 0);
    if (p == MAP_FAILED)
      return;
    if (p != (void *)lo) { /* a kernel that took it as a hint */
      munmap(p, len);
      return;
    }
  }
  pthread_mutex_lock(&lock);
  for (int i = 0; i < nchunks; i++) {
    struct chunk *c = &chunks[i];
    if (base >= c->base &&
        base < c->base + (uint64_t)c->nregions * SFI_REGION_SIZE) {
      int j = (int)((base - c->base) >> SFI_REGION_SHIFT);
      if (c->used[j]) {
        c->used[j] = 0;
        c->nfree++;
        live--;
      }
      break;
    }
  }
  pthread_mutex_unlock(&lock);
}

int sfi__region_live(void) {
  pthread_mutex_lock(&lock);
  int n = live;
  pthread_mutex_unlock(&lock);
  return n;
}
