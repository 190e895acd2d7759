/* test_arena.c - the bump allocator: alignment, zeroing, big blocks,
 * arena_grow and arena_printf. */
#include "harness.h"
#include "../../src/base/arena.h"
#include <signal.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

static int all_zero(const void *p, size_t n)
{
  const unsigned char *c = p;
  for (size_t i = 0; i < n; i++)
    if (c[i]) return 0;
  return 1;
}

static int aligned(const void *p)
{
  return (uintptr_t)p % alignof(max_align_t) == 0 && (uintptr_t)p % 16 == 0;
}

/* 1 when [a, a+an) and [b, b+bn) do not overlap. */
static int disjoint(const void *a, size_t an, const void *b, size_t bn)
{
  uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  return x + an <= y || y + bn <= x;
}

void test_arena(void);
void test_arena(void)
{
  struct arena a;

  CASE("arena: alignment of odd sizes");
  arena_init(&a);
  OK(a.head == NULL);
  INT_EQ(a.total, 0);
  int misaligned = 0;
  void *prev = NULL;
  size_t prev_n = 0;
  int overlaps = 0;
  for (size_t n = 1; n <= 200; n++) {
    void *p = arena_alloc(&a, n);
    if (!aligned(p)) misaligned++;
    if (prev && !disjoint(prev, prev_n, p, n)) overlaps++;
    prev = p;
    prev_n = n;
  }
  INT_EQ(misaligned, 0);
  INT_EQ(overlaps, 0);
  /* 1..200 bytes, each rounded up to 16: sum of ceil(n/16)*16. */
  size_t want = 0;
  for (size_t n = 1; n <= 200; n++) want += (n + 15) / 16 * 16;
  INT_EQ(a.total, want);
  arena_free(&a);
  OK(a.head == NULL);
  INT_EQ(a.total, 0);

  CASE("arena: memory is zeroed, also after a neighbour was written");
  arena_init(&a);
  unsigned char *p1 = arena_alloc(&a, 40);
  OK(all_zero(p1, 40));
  memset(p1, 0xFF, 40);
  unsigned char *p2 = arena_alloc(&a, 40);
  OK(all_zero(p2, 40));
  OK(p1[39] == 0xFF);                 /* the neighbour was not cleared */
  OK(disjoint(p1, 40, p2, 40));
  /* Fill many chunks' worth and check each piece is zero on arrival. */
  int dirty = 0;
  for (int i = 0; i < 3000; i++) {
    unsigned char *q = arena_alloc(&a, 100);
    if (!all_zero(q, 100)) dirty++;
    memset(q, 0x5A, 100);
  }
  INT_EQ(dirty, 0);
  arena_free(&a);

  CASE("arena: large allocations");
  arena_init(&a);
  char *small1 = arena_alloc(&a, 16);
  strcpy(small1, "small one");
  size_t big_n = 200000;                 /* bigger than a whole chunk */
  unsigned char *big = arena_alloc(&a, big_n);
  OK(big != NULL);
  OK(aligned(big));
  OK(all_zero(big, big_n));
  memset(big, 0x77, big_n);              /* all of it is writable */
  OK(big[0] == 0x77 && big[big_n - 1] == 0x77);
  char *small2 = arena_alloc(&a, 16);
  OK(all_zero(small2, 16));
  OK(disjoint(big, big_n, small2, 16));
  OK(disjoint(big, big_n, small1, 16));
  /* A big block gets a chunk of its own: small ones keep filling the
   * current chunk, so small2 lands right after small1. */
  OK(small2 == small1 + 16);
  STR_EQ(small1, "small one");
  unsigned char *big2 = arena_alloc(&a, 70000);
  OK(all_zero(big2, 70000));
  OK(disjoint(big, big_n, big2, 70000));
  INT_EQ(a.total, 16 + 200000 + 16 + 70000);
  /* A first allocation that is big (no chunk yet). */
  struct arena b;
  arena_init(&b);
  unsigned char *first_big = arena_alloc(&b, 100000);
  OK(all_zero(first_big, 100000));
  char *after = arena_alloc(&b, 10);
  OK(disjoint(first_big, 100000, after, 10));
  arena_free(&b);
  arena_free(&a);

  CASE("arena_strndup / arena_strdup");
  arena_init(&a);
  char *s = arena_strndup(&a, "abcdef", 3);
  STR_EQ(s, "abc");
  INT_EQ(strlen(s), 3);
  s = arena_strndup(&a, "ignored", 0);
  STR_EQ(s, "");
  s = arena_strdup(&a, "Ééntje");
  STR_EQ(s, "Ééntje");
  arena_free(&a);

  CASE("arena_grow copies the old elements");
  arena_init(&a);
  int *v = arena_grow(&a, NULL, 0, 4, sizeof *v);
  OK(all_zero(v, 4 * sizeof *v));
  for (int i = 0; i < 4; i++) v[i] = 100 + i;
  int *w = arena_grow(&a, v, 4, 10, sizeof *w);
  OK(w != v);
  INT_EQ(w[0], 100);
  INT_EQ(w[3], 103);
  INT_EQ(w[4], 0);                       /* the new room is zeroed */
  INT_EQ(w[9], 0);
  INT_EQ(v[2], 102);                     /* the old copy is left alone */
  /* Shrinking copies only what fits. */
  int *x = arena_grow(&a, w, 10, 2, sizeof *x);
  INT_EQ(x[0], 100);
  INT_EQ(x[1], 101);
  /* Growing across a chunk boundary with a large element type. */
  struct pair { double d; long l; } *pp = arena_grow(&a, NULL, 0, 3, sizeof *pp);
  pp[2].d = 2.5; pp[2].l = -7;
  struct pair *pq = arena_grow(&a, pp, 3, 5000, sizeof *pq);
  OK(pq[2].d == 2.5);
  INT_EQ(pq[2].l, -7);
  INT_EQ(pq[4999].l, 0);
  OK(aligned(pq));
  arena_free(&a);

  CASE("arena_grow aborts on size overflow");
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    struct arena c;
    arena_init(&c);
    arena_grow(&c, NULL, 0, SIZE_MAX / 2, 4);   /* n * sz overflows */
    _exit(0);
  }
  int status = 0;
  OK(pid > 0 && waitpid(pid, &status, 0) == pid);
  OK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);

  CASE("arena_printf");
  arena_init(&a);
  STR_EQ(arena_printf(&a, "%s:%u:%u", "brief.yaml", 3u, 14u), "brief.yaml:3:14");
  STR_EQ(arena_printf(&a, "%s", ""), "");
  STR_EQ(arena_printf(&a, "%05.1f|%-3s|%x", 3.14159, "a", 255u), "003.1|a  |ff");
  STR_EQ(arena_printf(&a, "'%s' %d%%", "Ω", -5), "'Ω' -5%");
  /* Longer than a chunk. */
  size_t long_n = 100000;
  char *longs = arena_alloc(&a, long_n + 1);
  memset(longs, 'x', long_n);
  char *pr = arena_printf(&a, "<%s>", longs);
  INT_EQ(strlen(pr), long_n + 2);
  OK(pr[0] == '<' && pr[1] == 'x' && pr[long_n] == 'x' && pr[long_n + 1] == '>');
  arena_free(&a);
}
