/* text.c - value-to-source position maps (see text.h). */
#include "text.h"
#include <string.h>

size_t text_source_offset(const struct text *t, size_t voff, const struct srcfile **file)
{
  *file = t->file;
  if (!t->file) return 0;
  if (t->nsegs == 0) return t->start;
  /* Binary search for the last segment starting at or before voff. */
  uint32_t lo = 0, hi = t->nsegs;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (t->segs[mid].voff <= voff) lo = mid; else hi = mid;
  }
  const struct textseg *sg = &t->segs[lo];
  if (sg->file) *file = sg->file;
  return sg->fixed ? sg->soff : sg->soff + (voff - sg->voff);
}

struct srcloc text_locate(const struct text *t, size_t voff)
{
  if (!t->file) {
    struct srcloc none = { NULL, 0, 0 };
    return none;
  }
  const struct srcfile *f;
  size_t soff = text_source_offset(t, voff, &f);
  return srcfile_locate(f, soff);
}

struct srcloc text_loc_start(const struct text *t)
{
  if (t->file && t->nsegs == 0) return srcfile_locate(t->file, t->start);
  return text_locate(t, 0);
}

/* Maps end with a segment at voff == len (see textmap_end), so one past
 * the last byte is exact even when the value ends in an escape. */
struct srcloc text_loc_end(const struct text *t)
{
  if (t->file && t->nsegs == 0) return srcfile_locate(t->file, t->end);
  return text_locate(t, t->len);
}

void textmap_init(struct textmap *m, struct arena *a)
{
  memset(m, 0, sizeof *m);
  m->arena = a;
}

void textmap_add(struct textmap *m, size_t voff, size_t soff, bool fixed,
                 const struct srcfile *file)
{
  if (m->n) {
    struct textseg *last = &m->segs[m->n - 1];
    /* A piece that simply continues the last one adds nothing. */
    if (!fixed && !last->fixed && last->file == file &&
        last->soff + (voff - last->voff) == soff)
      return;
    if (fixed && last->fixed && last->file == file && last->soff == soff)
      return;
    if (last->voff == voff) {            /* replaces an empty piece */
      last->soff = (uint32_t)soff;
      last->fixed = fixed;
      last->file = file;
      return;
    }
  }
  if (m->n == m->cap) {
    uint32_t cap = m->cap ? m->cap * 2 : 8;
    m->segs = arena_grow(m->arena, m->segs, m->n, cap, sizeof *m->segs);
    m->cap = cap;
  }
  m->segs[m->n++] = (struct textseg){ (uint32_t)voff, (uint32_t)soff, fixed, file };
}

void textmap_end(struct textmap *m, size_t vlen, size_t soff, const struct srcfile *file)
{
  /* Not merged with a fixed segment: this one marks where the source of
   * the last byte ends. */
  if (m->n && m->segs[m->n - 1].voff == vlen) return;
  textmap_add(m, vlen, soff, false, file);
}

void textmap_add_text(struct textmap *m, size_t voff, const struct text *t)
{
  if (!t->file) return;
  if (t->nsegs == 0) {
    textmap_add(m, voff, t->start, true, t->file);
    return;
  }
  for (uint32_t i = 0; i < t->nsegs; i++) {
    const struct textseg *sg = &t->segs[i];
    textmap_add(m, voff + sg->voff, sg->soff, sg->fixed,
                sg->file ? sg->file : t->file);
  }
}

void textmap_add_range(struct textmap *m, size_t voff, const struct text *t,
                       size_t from, size_t to)
{
  if (!t->file || to <= from) return;
  if (t->nsegs == 0) {
    textmap_add(m, voff, t->start, true, t->file);
    return;
  }
  for (uint32_t i = 0; i < t->nsegs; i++) {
    const struct textseg *sg = &t->segs[i];
    size_t seg_end = i + 1 < t->nsegs ? t->segs[i + 1].voff : t->len;
    if (seg_end <= from || sg->voff >= to) continue;
    size_t start = sg->voff > from ? sg->voff : from;
    size_t soff = sg->fixed ? sg->soff : sg->soff + (start - sg->voff);
    textmap_add(m, voff + (start - from), soff, sg->fixed, sg->file ? sg->file : t->file);
  }
}
