/* arena.h - a bump allocator: one per letter being compiled.
 *
 * Model nodes, scalar copies, position maps and diagnostic text all come
 * from the unit's arena and are released together by arena_free(); nothing
 * is freed node by node (git mem_pool, sqlite lookaside). */
#ifndef BB_ARENA_H
#define BB_ARENA_H
#include <stddef.h>

struct arena_chunk;
struct arena {
  struct arena_chunk *head;   /* newest chunk; older ones chained behind */
  size_t              total;  /* bytes handed out, for statistics */
};

void  arena_init(struct arena *a);
/* Returns zeroed memory aligned for any type, valid until arena_free(). */
void *arena_alloc(struct arena *a, size_t n);
/* Copies n bytes and appends a NUL; valid until arena_free(). */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
/* Grows an array held in the arena: returns a copy with room for new_n
 * elements of size sz (the old memory is simply abandoned to the arena). */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t sz);
void  arena_free(struct arena *a);

#endif
