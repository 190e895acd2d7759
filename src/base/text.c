/* text.c - value-to-source position maps (see text.h). */
#include "text.h"
#include <string.h>

struct srcloc text_locate(const struct text *t, size_t voff)
{
  if (!t->file) {
    struct srcloc none = { NULL, 0, 0 };
    return none;
  }
  if (t->nsegs == 0) return srcfile_locate(t->file, t->start);
  /* Binary search for the last segment starting at or before voff. */
  uint32_t lo = 0, hi = t->nsegs;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (t->segs[mid].voff <= voff) lo = mid; else hi = mid;
  }
  const struct textseg *sg = &t->segs[lo];
  size_t soff = sg->fixed ? sg->soff : sg->soff + (voff - sg->voff);
  return srcfile_locate(sg->file ? sg->file : t->file, soff);
}

struct srcloc text_loc_start(const struct text *t)
{
  if (t->file && t->nsegs == 0) return srcfile_locate(t->file, t->start);
  return text_locate(t, 0);
}

struct srcloc text_loc_end(const struct text *t)
{
  if (t->file && t->nsegs == 0) return srcfile_locate(t->file, t->end);
  if (t->len == 0) return text_loc_start(t);
  /* One past the last byte: locate the last byte and step one column. */
  struct srcloc l = text_locate(t, t->len - 1);
  l.col++;
  return l;
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
