/* instance.c: creating, resetting and destroying instances. An instance is
 * a region with the module image mapped from the module's memfd (code and
 * read-only data shared, writable data copy-on-write), relocated for its
 * base, a heap after the image and a shadow stack at the top. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

/* Instance identities for the native-stack scrub (call.c): a new one on
 * creation and on reset, so that nothing a previous run left on a
 * thread's native stack reaches the next (review4: reset leak). */
static uint64_t next_uid;


static int to_prot(int p) {
  return ((p & 1) ? PROT_READ : 0) | ((p & 2) ? PROT_WRITE : 0) |
         ((p & 4) ? PROT_EXEC : 0);
}

/* ---- the compact layout ----
 * Per instance, in the region:
 *   [stubs | rodata, code, RELRO]  one private mapping of m->mapfd, read+exec
 *   [data, bss | shadow stack | heap]  one anonymous mapping, read+write
 * and PROT_NONE around them, which merges with the neighbouring regions'
 * reservations: three mappings per instance where one per segment took
 * six. The stubs sit in the top pages of the region's guard, just below
 * the image; the guard's first SFI_FOLD_MAX + SFI_MAX_ACCESS bytes, all
 * that an access from the region below can reach, stay unmapped (at most
 * 127 pages of stubs, about 2300 imports; more fall back). RELRO is
 * made read+exec, not read-only, once relocated so that it joins the code
 * mapping; like the read-only data already there, nothing can run it: the
 * runtime enters only verified function starts and sandbox control flow
 * reaches only verified code. Data and bss are copied into the anonymous
 * mapping at creation and reset (the module keeps their initial bytes).
 * The verifier checks m->memfd (offsets as in the image, stubs after it);
 * mapfd is a copy of the same sealed bytes laid out for this mapping. */

/* The read-only part ends at low_end: the end of the last non-writable
 * segment or of RELRO. Compact only if every writable page outside RELRO
 * is above it, they cover [low_end, end of image) without a gap, the
 * image starts at 0 and the stubs fit above the guard's reach. */
static int layout_fits(const sfi_module *m, uint64_t *low_end) {
  uint64_t low = m->relro_end, end = m->stub_off;
  /* What spills over from the region below reaches SFI_FOLD_MAX +
   * SFI_MAX_ACCESS bytes into this one (sfi_abi.h): the stubs stay above. */
  if (m->nsegs < 1 || m->segs[0].start != 0 ||
      m->stub_size + SFI_FOLD_MAX + SFI_MAX_ACCESS > SFI_GUARD_SIZE)
    return 0;
  for (int i = 0; i < m->nsegs; i++)
    if (!(m->segs[i].prot & 2) && m->segs[i].end > low)
      low = m->segs[i].end;
  uint64_t at = low;
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    if (i && s->start < m->segs[i - 1].end)
      return 0;
    if (!(s->prot & 2) || s->end <= low)
      continue;
    /* writable, above low: must continue the run */
    uint64_t lo = s->start < low ? low : s->start;
    if (lo != at)
      return 0;
    at = s->end;
  }
  if (at != end)
    return 0;
  /* No writable page outside RELRO below low: a writable segment that
   * starts there starts in RELRO, and what it has above RELRO is above
   * low. */
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    if (!(s->prot & 2) || s->start >= low)
      continue;
    if (m->relro_end <= m->relro_start || s->start < m->relro_start)
      return 0;
    uint64_t above = s->start > m->relro_end ? s->start : m->relro_end;
    if (s->end > above && above < low)
      return 0;
  }
  *low_end = low;
  return 1;
}

static int fd_copy(int from, uint64_t off, uint8_t *dst, uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    ssize_t r = pread(from, dst + done, n - done, (off_t)(off + done));
    if (r <= 0)
      return -1;
    done += (uint64_t)r;
  }
  return 0;
}

/* Limits of the compact layout: data is copied into every instance at
 * creation (pages a file mapping would share until written), and the
 * read-only part is kept twice per module (memfd and mapfd). Bigger
 * modules get one mapping per segment. */
#define SFI_COMPACT_DATA_MAX (256ULL << 10)
#define SFI_COMPACT_RO_MAX (64ULL << 20)

/* Copies n bytes of file from (at off) to file to (at to_off). */
static int fd_to_fd(int from, uint64_t off, int to, uint64_t to_off,
                    uint64_t n) {
  static const uint64_t chunk = 64 << 10;
  uint8_t *b = malloc(chunk);
  int rc = b ? 0 : -1;
  for (uint64_t done = 0; rc == 0 && done < n;) {
    uint64_t k = n - done < chunk ? n - done : chunk;
    rc = fd_copy(from, off + done, b, k);
    for (uint64_t w = 0; rc == 0 && w < k;) {
      ssize_t r = pwrite(to, b + w, k - w, (off_t)(to_off + done + w));
      if (r <= 0)
        rc = -1;
      else
        w += (uint64_t)r;
    }
    done += k;
  }
  free(b);
  return rc;
}

/* The mappings an instance adds in the one-per-segment layout (for the
 * vm.max_map_count hint): each mapping map_segments makes (read-only data
 * sharing the code's), RELRO split off its writable segment by the
 * mprotect after relocation, the import stubs, the shadow stack (the heap
 * continues it), and the PROT_NONE rest of the region split from the
 * reservation. tests/runtime/test_layout compares it with the count. */
static int segments_maps(const sfi_module *m) {
  int n = 0;
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    if (s->prot == 1 && i + 1 < m->nsegs && m->segs[i + 1].prot == 5 &&
        m->segs[i + 1].start == s->end)
      i++;
    n++;
    if ((s->prot & 2) && m->relro_end > m->relro_start &&
        m->relro_start < s->end && m->relro_end > s->start)
      n += (m->relro_start > s->start) + (m->relro_end < s->end);
  }
  return n + (m->stub_size != 0) + 2;
}

int sfi__layout_prepare(sfi_module *m) {
  uint64_t low;
  m->compact = 0;
  m->relro_prot = PROT_READ;
  m->maps_per_instance = segments_maps(m);
  if (getenv("SFI_LAYOUT_SEGMENTS") || !layout_fits(m, &low) ||
      low > SFI_COMPACT_RO_MAX)
    return SFI_OK; /* one mapping per segment */
  /* The data's initial bytes: up to the last file byte of a writable
   * segment (bss and what follows are zero). */
  uint64_t fend = low;
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *sg = &m->segs[i];
    if ((sg->prot & 2) && sg->vaddr + sg->filesz > fend)
      fend = sg->vaddr + sg->filesz;
  }
  uint64_t dsize = fend - low;
  if (dsize > SFI_COMPACT_DATA_MAX)
    return SFI_OK;
  uint8_t *d = dsize ? malloc(dsize) : NULL;
  if (dsize && (!d || fd_copy(m->memfd, low, d, dsize) != 0)) {
    free(d);
    return sfi__err(SFI_ERR_NOMEM, "%s: reading the data segment: %s",
                    m->name, strerror(errno));
  }
  while (dsize && d[dsize - 1] == 0) /* bss and padding: zero anyway */
    dsize--;
  if (m->stub_size) {
    int fd = memfd_create("sfi-module-map", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    int ok = fd >= 0;
    if (ok && fd < 3) { /* never a stdio number (loader.c) */
      int hi = fcntl(fd, F_DUPFD_CLOEXEC, 3);
      close(fd);
      fd = hi;
      ok = fd >= 0;
    }
    uint64_t len = m->stub_size + low;
    ok = ok && ftruncate(fd, (off_t)len) == 0;
    for (uint64_t done = 0; ok && done < m->stub_size;) {
      ssize_t w = pwrite(fd, m->stubs + done, m->stub_size - done,
                         (off_t)done);
      ok = w > 0;
      done += ok ? (uint64_t)w : 0;
    }
    ok = ok && fd_to_fd(m->memfd, 0, fd, m->stub_size, low) == 0;
    ok = ok && fcntl(fd, F_ADD_SEALS,
                     F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_FUTURE_WRITE |
                         F_SEAL_SEAL) == 0;
    if (!ok) {
      int e = errno;
      if (fd >= 0)
        close(fd);
      free(d);
      return sfi__err(SFI_ERR_NOMEM, "%s: making the mapping image: %s",
                      m->name, strerror(e));
    }
    m->mapfd = fd;
  }
  m->low_end = low;
  m->data_init = d;
  m->data_init_size = dsize;
  m->relro_prot = PROT_READ | PROT_EXEC;
  m->compact = 1;
  m->maps_per_instance = SFI_MAPS_PER_INSTANCE;
  return SFI_OK;
}

/* Compact: the two mappings (the shadow stack included), RELRO writable
 * until sfi__relocate protects it, data copied in. */
static int map_compact(sfi_instance *in) {
  const sfi_module *m = in->m;
  const char *what = "image";
  uint64_t s = m->stub_size;
  int fd = s ? m->mapfd : m->memfd;
  uint64_t rw = in->image + m->low_end;
  /* Read+write (never executable) until sfi__relocate has written RELRO
   * and makes all of it read+exec with one mprotect: no split, no merge,
   * and no more mappings than at the end even for a moment.
   * MAP_NORESERVE: the code is not charged as writable private memory
   * (commit accounting) for the moment it is writable. */
  if (mmap((void *)(in->image - s), s + m->low_end, PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_FIXED | MAP_NORESERVE, fd, 0) == MAP_FAILED)
    goto fail;
  in->low_writable = 1;
  what = "data and shadow stack";
  if (mmap((void *)rw, in->shadow_hi - rw, PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1,
           0) == MAP_FAILED)
    goto fail;
  if (m->data_init_size)
    memcpy((void *)rw, m->data_init, m->data_init_size);
  return SFI_OK;
fail:;
  int e = errno;
  sfi__err(SFI_ERR_NOMEM, "%s: mapping %s: %s", m->name, what, strerror(e));
  sfi__map_hint(e, m->maps_per_instance);
  return SFI_ERR_NOMEM;
}

/* Makes writable anonymous memory read as zeros: its pages dropped, or,
 * where madvise refuses because they are locked (a host that called
 * mlockall(MCL_CURRENT | MCL_FUTURE): MADV_DONTNEED fails with EINVAL on
 * locked pages; review), cleared in place. */
static int drop_anon(uint64_t p, uint64_t len) {
  if (!len || madvise((void *)p, len, MADV_DONTNEED) == 0)
    return 0;
  if (errno != EINVAL)
    return -1;
  memset((void *)p, 0, len);
  return 0;
}

/* The same for writable private pages of the module's file mapping at
 * image offset off: dropped (they read as the file's bytes again), or when
 * locked overwritten with those bytes from the sealed file. */
static int drop_file(sfi_instance *in, uint64_t off, uint64_t len) {
  const sfi_module *m = in->m;
  if (!len || madvise((void *)(in->image + off), len, MADV_DONTNEED) == 0)
    return 0;
  if (errno != EINVAL)
    return -1;
  /* compact: mapfd (or memfd without stubs) is mapped at image - stubs */
  int fd = m->compact && m->stub_size ? m->mapfd : m->memfd;
  uint64_t foff = off + (m->compact ? m->stub_size : 0);
  for (uint64_t done = 0; done < len;) {
    ssize_t r = pread(fd, (void *)(in->image + off + done), len - done,
                      (off_t)(foff + done));
    if (r <= 0)
      return -1;
    done += (uint64_t)r;
  }
  return 0;
}

/* Drops every private page of the writable image (RELRO too if relro) so
 * it reads as the module's initial bytes again. In the compact layout the
 * anonymous pages are cleared up to anon_hi (at least the end of bss; the
 * shadow stack and heap that follow in the same mapping when the caller
 * clears them too: one madvise for all of it), and the pages that hold
 * data's initial bytes are not dropped but written over in place (those
 * bytes, then zeros to the page's end): they were written at creation, so
 * dropping them would only cost a page fault when they are written again
 * right after. Every byte still ends up as the module's initial one,
 * resident or not. */
static int drop_image(sfi_instance *in, int relro, uint64_t anon_hi) {
  const sfi_module *m = in->m;
  if (m->compact) {
    uint64_t rw = in->image + m->low_end, end = in->image + m->stub_off;
    uint64_t keep = PAGE_UP(m->data_init_size);
    if (keep > end - rw)
      keep = end - rw;
    if (anon_hi < end)
      anon_hi = end;
    if (relro && m->relro_end > m->relro_start &&
        drop_file(in, m->relro_start, m->relro_end - m->relro_start) != 0)
      return -1;
    if (drop_anon(rw + keep, anon_hi - (rw + keep)) != 0)
      return -1;
    if (m->data_init_size)
      memcpy((void *)rw, m->data_init, m->data_init_size);
    memset((void *)(rw + m->data_init_size), 0, keep - m->data_init_size);
    return 0;
  }
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    if (!(s->prot & 2))
      continue;
    uint64_t lo = s->start, hi = s->end, parts[2][2] = {{lo, hi}, {hi, hi}};
    if (!relro && m->relro_end > lo && m->relro_start < hi) {
      /* around RELRO */
      parts[0][1] = m->relro_start > lo ? m->relro_start : lo;
      parts[1][0] = m->relro_end < hi ? m->relro_end : hi;
    }
    for (int k = 0; k < 2; k++)
      if (parts[k][1] > parts[k][0] &&
          drop_file(in, parts[k][0], parts[k][1] - parts[k][0]) != 0)
        return -1;
  }
  return 0;
}

static int map_segments(sfi_instance *in) {
  const sfi_module *m = in->m;
  if (m->compact)
    return map_compact(in);
  /* One mapping per segment, bss included: the memfd holds zeros past
   * each segment's file data (segments never share a page), so no
   * anonymous mapping is needed and an instance costs fewer mappings. */
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    int w = s->prot & 2, prot = to_prot(s->prot);
    uint64_t end = s->end;
    /* Read-only data directly below the code shares its mapping (one
     * mapping less per instance): it becomes executable, never writable.
     * Nothing can run it: the runtime enters only verified function
     * starts, and sandbox control flow reaches only the verified code
     * (direct branches checked by the verifier, indirect ones masked into
     * the jump table). exec_addr and the verifier still go by the
     * segments' own flags. */
    if (s->prot == 1 && i + 1 < m->nsegs && m->segs[i + 1].prot == 5 &&
        m->segs[i + 1].start == s->end) {
      prot = PROT_READ | PROT_EXEC;
      end = m->segs[++i].end;
    }
    if (mmap((void *)(in->image + s->start), end - s->start, prot,
             (w ? MAP_PRIVATE : MAP_SHARED) | MAP_FIXED, m->memfd,
             (off_t)s->start) == MAP_FAILED) {
      int e = errno;
      sfi__err(SFI_ERR_NOMEM, "%s: mapping segment %d: %s", m->name, i,
               strerror(e));
      sfi__map_hint(e, m->maps_per_instance);
      return SFI_ERR_NOMEM;
    }
  }
  if (m->stub_size && mmap((void *)(in->image + m->stub_off), m->stub_size,
                           PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED,
                           m->memfd, (off_t)m->stub_off) == MAP_FAILED) {
    int e = errno;
    sfi__err(SFI_ERR_NOMEM, "%s: mapping import stubs: %s", m->name,
             strerror(e));
    sfi__map_hint(e, m->maps_per_instance);
    return SFI_ERR_NOMEM;
  }
  return SFI_OK;
}

static int exec_addr(const sfi_instance *in, uint64_t a) {
  for (int i = 0; i < in->m->nsegs; i++) {
    const struct sfi_seg *s = &in->m->segs[i];
    if ((s->prot & 4) && a >= in->image + s->vaddr &&
        a < in->image + s->vaddr + s->memsz)
      return 1;
  }
  return 0;
}

/* Applies the relocations (all inside writable segments, so RELRO must be
 * writable now if relro) and then write-protects RELRO. Without relro, those
 * in RELRO are left as they are (reset of an instance whose RELRO nothing
 * changed since it was relocated for the same base). */
int sfi__relocate(sfi_instance *in, int relro) {
  const sfi_module *m = in->m;
  uint64_t rlen = m->relro_end - m->relro_start;
  for (size_t i = 0; i < m->nrelocs; i++) {
    const struct sfi_reloc *r = &m->relocs[i];
    if (!relro && r->off >= m->relro_start && r->off < m->relro_end)
      continue;
    uint64_t v = r->kind == RK_BASE ? in->image + r->v : r->v;
    /* An import stub's address (the verifier saw them after the image). */
    if (r->kind == RK_BASE && r->v >= m->stub_off &&
        r->v - m->stub_off < m->stub_size)
      v = in->stubs + (r->v - m->stub_off);
    memcpy((void *)(in->image + r->off), &v, 8);
  }
  uint64_t jt[2];
  memcpy(jt, (void *)(in->image + m->jt_bounds_off), 16);
  if (jt[0] > jt[1] || (jt[0] & (SFI_JT_ENTRY_SIZE - 1)) ||
      (jt[1] & (SFI_JT_ENTRY_SIZE - 1)) || jt[1] - jt[0] < SFI_JT_ENTRY_SIZE ||
      !exec_addr(in, jt[0]) || !exec_addr(in, jt[1] - 1))
    return sfi__err(SFI_ERR_BADMODULE,
                    "%s: %s {0x%llx, 0x%llx} is not an "
                    "aligned, non-empty range of code",
                    m->name, SFI_SYM_JT_BOUNDS, (unsigned long long)jt[0],
                    (unsigned long long)jt[1]);
  in->jt_lo = jt[0];
  in->jt_hi = jt[1];
  in->checked_fn = 0;
  /* Callback slots hold whatever the module's relocations put there until
   * the host sets one; the verifier trusts `jmp *slot` only because the
   * runtime owns every slot: point them all at the table's first entry
   * (a verified table entry) before the sandbox can run. */
  for (uint64_t i = 0; relro && m->cb_slots_off && i < SFI_CALLBACK_SLOTS; i++)
    memcpy((void *)(in->image + m->cb_slots_off + 8 * i), &jt[0], 8);
  /* RELRO, or in the compact layout's creation all the read-only part */
  uint64_t plo = in->image + m->relro_start, plen = rlen;
  if (in->low_writable) {
    plo = in->image - m->stub_size;
    plen = m->stub_size + m->low_end;
  }
  if (relro && plen && mprotect((void *)plo, plen, m->relro_prot) != 0) {
    int e = errno;
    sfi__err(SFI_ERR_NOMEM, "%s: mprotect RELRO: %s", m->name, strerror(e));
    sfi__map_hint(e, m->maps_per_instance);
    return SFI_ERR_NOMEM;
  }
  if (relro) {
    in->relro_dirty = 0;
    in->low_writable = 0;
  }
  uint64_t ssp = in->shadow_hi - SFI_SHADOW_TOP_PAD;
  memcpy((void *)(in->image + m->ssp_off), &ssp, 8);
  /* The pass checks every new shadow frame against __sfi_ssp_limit. */
  memcpy((void *)(in->image + m->ssp_limit_off), &in->shadow_lo, 8);
  return SFI_OK;
}

static void add_range(sfi_instance *in, uint64_t lo, uint64_t hi, int w) {
  if (hi > lo && in->nranges < (int)(sizeof in->ranges / sizeof in->ranges[0]))
    in->ranges[in->nranges++] = (struct sfi_range){lo, hi, w};
}

static void build_ranges(sfi_instance *in) {
  const sfi_module *m = in->m;
  in->nranges = 0;
  for (int i = 0; i < m->nsegs; i++) {
    const struct sfi_seg *s = &m->segs[i];
    uint64_t lo = in->image + s->start, hi = in->image + s->end;
    if (!(s->prot & 2)) {
      add_range(in, lo, hi, 0);
      continue;
    }
    uint64_t rlo = in->image + m->relro_start, rhi = in->image + m->relro_end;
    if (m->relro_end > m->relro_start && rlo < hi && rhi > lo) {
      add_range(in, lo, rlo > lo ? rlo : lo, 1);
      add_range(in, rlo > lo ? rlo : lo, rhi < hi ? rhi : hi, 0);
      add_range(in, rhi < hi ? rhi : hi, hi, 1);
    } else {
      add_range(in, lo, hi, 1);
    }
  }
  add_range(in, in->stubs, in->stubs + m->stub_size, 0);
  add_range(in, in->shadow_lo, in->shadow_hi, 1);
}

/* Runs DT_INIT_ARRAY, each entry checked to point at code. */
static int run_ctors(sfi_instance *in) {
  const sfi_module *m = in->m;
  for (uint64_t i = 0; i < m->init_array_n; i++) {
    uint64_t fn;
    memcpy(&fn, (void *)(in->image + m->init_array + 8 * i), 8);
    if (fn == 0 || fn == ~0ULL)
      continue;
    /* A pointer placed in .init_array by hand could aim into the middle
     * of a function (past a mask): only function starts are called. */
    if (!exec_addr(in, fn) ||
        !sfi__is_func_start(m, fn - in->image))
      return sfi__err(SFI_ERR_BADMODULE,
                      "%s: init_array[%llu] = 0x%llx is "
                      "not the start of a function",
                      m->name, (unsigned long long)i, (unsigned long long)fn);
    int rc = sfi__call_raw(in, fn, ":v", NULL, NULL);
    if (rc != SFI_OK) {
      sfi__errappend(" (in constructor %llu)", (unsigned long long)i);
      return rc;
    }
  }
  return SFI_OK;
}

/* Bytes of the image the instance can write (data, bss, RELRO before it is
 * protected): private pages, counted against mem_limit. */
static uint64_t writable_image(const sfi_module *m) {
  uint64_t n = 0;
  for (int i = 0; i < m->nsegs; i++)
    if (m->segs[i].prot & 2)
      n += m->segs[i].end - m->segs[i].start;
  return n;
}

/* The shadow stack: as asked, else 8 MiB, or an eighth of a smaller memory
 * limit (at least 64 KiB). */
static uint64_t shadow_bytes(const sfi_instance_options *o) {
  const uint64_t min = 64 << 10;
  uint64_t s = SFI_SHADOW_STACK_DEFAULT;
  if (o->shadow_stack)
    return PAGE_UP(o->shadow_stack);
  if (o->mem_limit && o->mem_limit / 8 < s)
    s = PAGE_DOWN(o->mem_limit / 8);
  return s < min ? min : s;
}

/* The heap bytes mem_limit leaves once the writable image and the shadow
 * stack are counted (everything else the sandbox can touch is read-only or
 * never mapped); fails if those alone exceed it. No limit: ~0. */
static int heap_budget(const sfi_module *m, uint64_t limit, uint64_t shadow,
                       uint64_t *heap) {
  uint64_t img = writable_image(m);
  *heap = ~0ULL;
  if (!limit)
    return SFI_OK;
  if (img > limit)
    return sfi__err(SFI_ERR_NOMEM,
                    "%s: the module's writable image (data and bss) of %llu "
                    "bytes alone exceeds the memory limit of %llu bytes",
                    m->name, (unsigned long long)img,
                    (unsigned long long)limit);
  if (shadow > limit - img)
    return sfi__err(SFI_ERR_NOMEM,
                    "%s: the module's writable image (%llu bytes) and the "
                    "shadow stack (%llu bytes) exceed the memory limit of "
                    "%llu bytes",
                    m->name, (unsigned long long)img,
                    (unsigned long long)shadow, (unsigned long long)limit);
  *heap = PAGE_DOWN(limit - img - shadow);
  return SFI_OK;
}

/* ---- regions kept mapped after free ----
 * A freed instance's region keeps its mappings (the module's image, RELRO
 * relocated for that base, the shadow stack) with every private page
 * dropped or, for the pages that hold data's initial bytes, written back
 * to them, and the next instance of the same module with the same shadow
 * stack size takes it: no mmap, no RELRO mprotect, page tables already
 * there, no page fault. Only regions whose RELRO nothing changed (no
 * callback slot written) qualify; the heap goes back to PROT_NONE. At
 * most SFI_KEEP_FREED (environment, default SFI_WARM_DEFAULT, 0 keeps
 * none) regions in the process, each with its mappings (3 in the compact
 * layout) and a few resident pages (RELRO, the data's first pages, page
 * tables); the region pool drains them when it runs out, instance
 * creation when a mapping fails (vm.max_map_count), sfi_module_free drops
 * its own, sfi_release_cached() all. */
#define SFI_WARM_DEFAULT 256
#define SFI_WARM_CAP 4096
/* What a kept region may hold resident (RELRO, data's initial pages), each
 * and all together: the module decides its RELRO's size (review life4:
 * 16 MiB of RELRO kept 1 GiB resident with no instance live). */
#define SFI_WARM_REGION_BYTES (64ULL << 10)
#define SFI_WARM_TOTAL_BYTES (16ULL << 20)
static pthread_mutex_t warm_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
  const sfi_module *m;
  uint64_t base, shadow, bytes;
} warm[SFI_WARM_CAP];
static int nwarm;
static uint64_t warm_bytes_total; /* under warm_lock */
static int warm_max = -1; /* under warm_lock */

static int warm_limit(void) { /* under warm_lock */
  if (warm_max < 0) {
    const char *e = getenv("SFI_KEEP_FREED");
    long v = e && *e ? strtol(e, NULL, 10) : SFI_WARM_DEFAULT;
    warm_max = v < 0 ? 0 : v > SFI_WARM_CAP ? SFI_WARM_CAP : (int)v;
  }
  return warm_max;
}

/* Drops the writable image pages (not RELRO), the shadow stack's and the
 * heap (back to PROT_NONE): what a new instance must find. */
static int warm_clean(sfi_instance *in) {
  /* compact: the shadow stack follows bss in the same mapping */
  int compact = in->m->compact;
  if (drop_image(in, 0, compact ? in->shadow_hi : 0) != 0)
    return -1;
  if (!compact && drop_anon(in->shadow_lo, in->shadow_size) != 0)
    return -1;
  if (in->heap_mapped > in->heap_start &&
      mmap((void *)in->heap_start, in->heap_mapped - in->heap_start,
           PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
           -1, 0) == MAP_FAILED)
    return -1;
  return 0;
}

/* The private pages a kept region holds after warm_clean: RELRO (written
 * by relocation) and, in the compact layout, the pages of data's initial
 * bytes; the rest is dropped. */
static uint64_t warm_bytes(const sfi_module *m) {
  uint64_t b = m->relro_end - m->relro_start;
  if (m->compact)
    b += PAGE_UP(m->data_init_size);
  return b;
}

/* Room for one more kept region holding `bytes` (under warm_lock). */
static int warm_room(uint64_t bytes) {
  return nwarm < warm_limit() &&
         warm_bytes_total + bytes <= SFI_WARM_TOTAL_BYTES;
}

/* 1 if the region was kept for reuse. */
static int warm_put(sfi_instance *in) {
  if (!in->complete || in->broken || in->relro_dirty || in->running)
    return 0;
  uint64_t bytes = warm_bytes(in->m);
  if (bytes > SFI_WARM_REGION_BYTES)
    return 0;
  pthread_mutex_lock(&warm_lock);
  int room = warm_room(bytes);
  pthread_mutex_unlock(&warm_lock);
  if (!room || warm_clean(in) != 0)
    return 0;
  pthread_mutex_lock(&warm_lock);
  int kept = warm_room(bytes); /* again: the lock was dropped to clean */
  if (kept) {
    warm[nwarm].m = in->m;
    warm[nwarm].base = in->base;
    warm[nwarm].shadow = in->shadow_size;
    warm[nwarm].bytes = bytes;
    warm_bytes_total += bytes;
    nwarm++;
  }
  pthread_mutex_unlock(&warm_lock);
  return kept;
}

static uint64_t warm_take(const sfi_module *m, uint64_t shadow) {
  uint64_t base = 0;
  pthread_mutex_lock(&warm_lock);
  for (int i = nwarm - 1; i >= 0; i--)
    if (warm[i].m == m && warm[i].shadow == shadow) {
      base = warm[i].base;
      warm_bytes_total -= warm[i].bytes;
      warm[i] = warm[--nwarm];
      break;
    }
  pthread_mutex_unlock(&warm_lock);
  return base;
}

/* Frees the kept regions of module m (all if m is NULL); returns how many. */
static int warm_drop(const sfi_module *m) {
  static uint64_t bases[SFI_WARM_CAP]; /* under drop_lock */
  static pthread_mutex_t drop_lock = PTHREAD_MUTEX_INITIALIZER;
  int n = 0;
  pthread_mutex_lock(&drop_lock);
  pthread_mutex_lock(&warm_lock);
  for (int i = 0; i < nwarm;)
    if (!m || warm[i].m == m) {
      bases[n++] = warm[i].base;
      warm_bytes_total -= warm[i].bytes;
      warm[i] = warm[--nwarm];
    } else {
      i++;
    }
  pthread_mutex_unlock(&warm_lock);
  for (int i = 0; i < n; i++)
    sfi__region_free(bases[i]);
  pthread_mutex_unlock(&drop_lock);
  return n;
}

void sfi__warm_drop_module(const sfi_module *m) { warm_drop(m); }
void sfi_release_cached(void) { warm_drop(NULL); }

/* Maps a fresh region's image, data, bss and shadow stack. */
static int map_instance(sfi_instance *in) {
  const sfi_module *m = in->m;
  if (map_segments(in) != SFI_OK)
    return SFI_ERR_NOMEM;
  if (!m->compact &&
      mmap((void *)in->shadow_lo, in->shadow_size, PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1,
           0) == MAP_FAILED) {
    int e = errno;
    sfi__err(SFI_ERR_NOMEM, "%s: mapping shadow stack: %s", m->name,
             strerror(e));
    sfi__map_hint(e, m->maps_per_instance);
    return SFI_ERR_NOMEM;
  }
  return SFI_OK;
}

sfi_instance *sfi_instance_new(sfi_module *m, const sfi_instance_options *o) {
  static const sfi_instance_options defaults;
  if (!m) {
    sfi__err(SFI_ERR_INVALID, "sfi_instance_new: NULL module");
    return NULL;
  }
  if (!o)
    o = &defaults;
  uint64_t shadow = shadow_bytes(o), heap;
  if (shadow < 2 * SFI_SHADOW_TOP_PAD || shadow > (1ULL << 30) ||
      o->time_limit < 0 || o->time_limit != o->time_limit || o->ndirs < 0 ||
      (o->ndirs && (!o->dirs_host || !o->dirs_guest))) {
    sfi__err(SFI_ERR_INVALID,
             "sfi_instance_new: bad options (shadow_stack "
             "%llu, time_limit %g, ndirs %d)",
             (unsigned long long)shadow, o->time_limit, o->ndirs);
    return NULL;
  }
  if (heap_budget(m, o->mem_limit, shadow, &heap) != SFI_OK ||
      sfi__signals_ensure() != SFI_OK)
    return NULL;
  sfi_instance *in = calloc(1, sizeof *in);
  if (in)
    in->uid = __atomic_add_fetch(&next_uid, 1, __ATOMIC_RELAXED);
  if (!in) {
    sfi__err(SFI_ERR_NOMEM, "sfi_instance_new: out of memory");
    return NULL;
  }
  in->m = m;
  __atomic_add_fetch(&m->ninstances, 1, __ATOMIC_RELAXED);
  int reused = 0;
  if ((in->base = warm_take(m, shadow)) != 0)
    reused = 1;
  else if (!(in->base = sfi__region_alloc())) {
    /* The pool gives up its kept regions; tried again even if another
     * thread drained them first (review life4: spurious failures). */
    warm_drop(NULL);
    in->base = sfi__region_alloc();
  }
  if (!in->base)
    goto err;
  in->image = in->base + SFI_IMAGE_OFFSET;
  /* The shadow stack right after the image (and its import stubs), the
   * heap right after it: the heap's mapping continues the shadow stack's,
   * and what stays PROT_NONE above joins the next region's guard, so an
   * instance costs two mappings less than with the shadow stack at the
   * region's top. An overflowing shadow stack is stopped by the pass's
   * check of every new shadow frame against __sfi_ssp_limit (trap 0x52,
   * "shadow stack exhausted"); below it are the read-only stubs. */
  in->shadow_size = shadow;
  in->stubs = m->compact ? in->image - m->stub_size : in->image + m->stub_off;
  in->shadow_lo = in->image + (m->compact ? m->stub_off : m->image_size);
  in->shadow_hi = in->shadow_lo + shadow;
  in->heap_start = in->brk = in->heap_mapped = in->shadow_hi;
  in->heap_max = in->base + SFI_REGION_SIZE;
  in->mem_limit = o->mem_limit;
  if (heap < in->heap_max - in->heap_start)
    in->heap_max = in->heap_start + heap;
  in->time_limit = o->time_limit;
  /* Out of mappings (vm.max_map_count) while freed regions are kept:
   * they give their mappings up, and the mapping is tried once more. */
  if (!reused && map_instance(in) != SFI_OK &&
      (warm_drop(NULL), map_instance(in) != SFI_OK))
    goto err;
  /* A kept region's RELRO is already relocated for this base. */
  if (sfi__relocate(in, !reused) != SFI_OK)
    goto err;
  build_ranges(in);
  if (sfi__sys_instance_init(in, o) != SFI_OK)
    goto err;
  uint64_t off;
  if ((off = sfi__rt_fn(m, "malloc")))
    in->malloc_fn = in->image + off;
  if ((off = sfi__rt_fn(m, "free")))
    in->free_fn = in->image + off;
  if (run_ctors(in) != SFI_OK)
    goto err;
  in->complete = 1;
  return in;
err:
  sfi_instance_free(in);
  return NULL;
}

int sfi_instance_reset(sfi_instance *in) {
  if (!in)
    return sfi__err(SFI_ERR_INVALID, "sfi_instance_reset: NULL instance");
  if (in->running)
    return sfi__err(SFI_ERR_INVALID, "sfi_instance_reset: instance is running");
  if (in->broken)
    return sfi__err(SFI_ERR_TRAPPED, "sfi_instance_reset: instance unusable "
                                     "(a protection could not be restored)");
  const sfi_module *m = in->m;
  in->uid = __atomic_add_fetch(&next_uid, 1, __ATOMIC_RELAXED);
  /* Dropping the private pages of a file mapping brings back the memfd's
   * (unrelocated) contents; anonymous pages come back zero. RELRO is
   * read-only to the sandbox: it is dropped and relocated again only if a
   * callback slot in it was written (two mprotect calls and the copies
   * saved otherwise). */
  int relro = m->relro_end > m->relro_start && in->relro_dirty;
  if (relro && mprotect((void *)(in->image + m->relro_start),
                        m->relro_end - m->relro_start,
                        PROT_READ | PROT_WRITE) != 0)
    return sfi__err(SFI_ERR_NOMEM, "reset: mprotect RELRO: %s",
                    strerror(errno));
  /* The heap's pages are dropped (zero again) but stay mapped: the next
   * run grows into them without mmap. The sandbox can reach what it could
   * reach before, all within heap_max (mem_limit). In the compact layout
   * data, bss, the shadow stack and the heap are one mapping, cleared by
   * drop_image with one madvise. */
  int compact = m->compact;
  if (drop_image(in, relro, compact ? in->heap_mapped : 0) != 0) {
    in->broken = 1; /* RELRO may be writable now */
    return sfi__err(SFI_ERR_NOMEM,
                    "reset: cannot clear data, bss, the shadow stack or the "
                    "heap: %s",
                    strerror(errno));
  }
  if (!compact && drop_anon(in->shadow_lo, in->shadow_size) != 0) {
    in->broken = 1;
    return sfi__err(SFI_ERR_NOMEM, "reset: cannot clear the shadow stack: %s",
                    strerror(errno));
  }
  if (!compact && in->heap_mapped > in->heap_start &&
      drop_anon(in->heap_start, in->heap_mapped - in->heap_start) != 0) {
    in->broken = 1;
    return sfi__err(SFI_ERR_NOMEM, "reset: cannot release the heap: %s",
                    strerror(errno));
  }
  in->brk = in->heap_start;
  in->cb_used = 0;
  in->njmp = 0;
  in->trapped = 0;
  in->exit_status = 0;
  int rc = sfi__relocate(in, relro);
  if (rc != SFI_OK) {
    in->broken = 1; /* RELRO may be writable: never run it again */
    return rc;
  }
  sfi__sys_instance_reset(in);
  return run_ctors(in);
}

void sfi_instance_free(sfi_instance *in) {
  if (!in)
    return;
  if (in->running) {
    sfi__err(SFI_ERR_INVALID, "sfi_instance_free: instance is running; "
                              "leaked");
    return;
  }
  /* A library module never calls exit(), so nothing else would flush its
   * stdio buffers: give it one bounded chance (errors and traps ignored;
   * the instance's own time limit applies). */
  /* Only for an instance the host has run: its code is then known to be
   * the module's, and nothing runs at free for one only created. */
  if (in->base && !in->trapped && in->called) {
    /* Keep the host's last error message: freeing is not a failure. */
    char saved[sizeof "no error" + 2048];
    snprintf(saved, sizeof saved, "%s", sfi_errmsg());
    uint64_t fflush_fn = sfi__rt_fn(in->m, "fflush");
    fflush_fn = fflush_fn ? in->image + fflush_fn : 0;
    if (fflush_fn) {
      sfi_val arg = SFI_PTR(0), ret;
      (void)sfi_call_addr(in, fflush_fn, "p:i", &arg, &ret);
    }
    sfi__err(SFI_OK, "%s", saved);
  }
  sfi__fns_release(in);
  sfi__sys_instance_fini(in);
  if (in->base && !warm_put(in))
    sfi__region_free(in->base);
  if (in->cb_thunks)
    sfi__thunks_free(in->cb_thunks, in->cb_thunks_size);
  for (int i = 0; in->jmp && i < SFI_JMP_CTX_MAX; i++)
    free(in->jmp[i].rets);
  free(in->jmp);
  __atomic_sub_fetch(&in->m->ninstances, 1, __ATOMIC_RELAXED);
  free(in);
}

void sfi_set_userdata(sfi_instance *in, void *data) {
  if (in)
    in->userdata = data;
}
void *sfi_userdata(sfi_instance *in) { return in ? in->userdata : NULL; }
uint64_t sfi_region_base(sfi_instance *in) { return in ? in->base : 0; }
int sfi_exit_status(sfi_instance *in) { return in ? in->exit_status : 0; }

/* Moves the break. Pages are mapped when the break first passes them; a
 * lower break drops the pages above it (they read as zero again) but keeps
 * them mapped, so growing again costs no mmap. heap_mapped never exceeds
 * PAGE_UP(heap_max), which mem_limit bounds. Returns 0 or -1. */
int sfi__heap_resize(sfi_instance *in, uint64_t nb) {
  if (nb < in->heap_start || nb > in->heap_max)
    return -1;
  uint64_t want = PAGE_UP(nb);
  if (want > in->heap_mapped) {
    /* Out of mappings (vm.max_map_count): regions kept by free give
     * theirs up first (review life4: a freed tenant's kept regions
     * starved a live one's heap). */
    for (int tries = 0;; tries++) {
      if (mmap((void *)in->heap_mapped, want - in->heap_mapped,
               PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1,
               0) != MAP_FAILED)
        break;
      if (tries || errno != ENOMEM || warm_drop(NULL) == 0)
        return -1;
    }
    in->heap_mapped = want;
  } else if (want < PAGE_UP(in->brk)) {
    if (drop_anon(want, PAGE_UP(in->brk) - want) != 0)
      return -1;
  }
  in->brk = nb;
  return 0;
}
