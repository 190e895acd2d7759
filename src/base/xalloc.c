/* xalloc.c - allocation wrappers that abort on exhaustion (see xalloc.h). */
#include "xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
  fputs("beeldbrief: out of memory\n", stderr);
  abort();
}

void *xmalloc(size_t n)
{
  void *p = malloc(n ? n : 1);
  if (!p) oom();
  return p;
}

void *xcalloc(size_t count, size_t size)
{
  if (size && count > (size_t)-1 / size) oom();
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) oom();
  return p;
}

void *xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n ? n : 1);
  if (!q) oom();
  return q;
}

char *xstrdup(const char *s)
{
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}
