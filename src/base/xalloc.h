/* xalloc.h - allocation that never returns NULL.
 *
 * A command-line compiler gains nothing from thousands of out-of-memory
 * branches: when the system has no memory left we say so and abort(), the
 * way cmark's xcalloc and redis's zmalloc do. */
#ifndef BB_XALLOC_H
#define BB_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);                 /* never NULL; caller frees */
void *xcalloc(size_t count, size_t size);/* zeroed; checks count*size overflow */
void *xrealloc(void *p, size_t n);       /* never NULL */
char *xstrdup(const char *s);            /* caller frees */

#endif
