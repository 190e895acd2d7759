/* arena.c - chunked bump allocator (see arena.h). */
#include "arena.h"
#include "xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 65536     /* big enough that a letter needs a handful */
#define ARENA_ALIGN 16

struct arena_chunk {
  struct arena_chunk *next;
  size_t              size;   /* usable bytes in data[] */
  size_t              used;
  _Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *a)
{
  a->head = NULL;
  a->total = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  struct arena_chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    /* Large requests get a chunk of their own so that small ones keep
     * filling the current chunk. */
    size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
    c = xmalloc(sizeof *c + size);
    c->size = size;
    c->used = 0;
    if (size == n && a->head) {      /* keep filling the current chunk */
      c->next = a->head->next;
      a->head->next = c;
    } else {
      c->next = a->head;
      a->head = c;
    }
  }
  void *p = c->data + c->used;
  c->used += n;
  a->total += n;
  memset(p, 0, n);
  return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
  char *p = arena_alloc(a, n + 1);
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
  return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *p = arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t sz)
{
  if (sz && new_n > (size_t)-1 / sz) abort();
  void *p = arena_alloc(a, new_n * sz);
  if (old && old_n) memcpy(p, old, (old_n < new_n ? old_n : new_n) * sz);
  return p;
}

void arena_free(struct arena *a)
{
  struct arena_chunk *c = a->head;
  while (c) {
    struct arena_chunk *next = c->next;
#ifndef NDEBUG
    memset(c->data, 0xAA, c->used);   /* make use-after-free loud */
#endif
    free(c);
    c = next;
  }
  a->head = NULL;
  a->total = 0;
}
