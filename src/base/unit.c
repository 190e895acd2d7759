/* unit.c - lifetime of one compilation (see unit.h). */
#include "unit.h"
#include "xalloc.h"
#include <stdlib.h>

struct unit *unit_new(void)
{
  struct unit *u = xcalloc(1, sizeof *u);
  arena_init(&u->arena);
  diag_list_init(&u->diags, &u->arena);
  return u;
}

void unit_adopt_file(struct unit *u, struct srcfile *sf)
{
  u->files = xrealloc(u->files, (u->nfiles + 1) * sizeof *u->files);
  u->files[u->nfiles++] = sf;
}

void unit_free(struct unit *u)
{
  if (!u) return;
  for (size_t i = 0; i < u->nfiles; i++) srcfile_free(u->files[i]);
  free(u->files);
  arena_free(&u->arena);
  free(u);
}
