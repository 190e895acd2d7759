/* spec_baseline.c - a lint baseline file, validated with positions like
 * every other input. */
#include "spec_int.h"
#include "../model/baseline.h"
#include <glib.h>
#include <stdlib.h>

static const char *str(const struct spec_node *map, const char *key)
{
  const struct spec_node *n = spec_map_get(map, key);
  return n && n->kind == SPEC_SCALAR ? n->text.s : NULL;
}

struct baseline *spec_load_baseline(struct unit *u, const char *path)
{
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the baseline: %s", why);
    return NULL;
  }
  const struct spec_node *root = spec_parse_validate(u, sf, spec_baseline_keys, "the baseline");
  if (!root) return NULL;
  char *dir = g_path_get_dirname(path);
  struct baseline *b = baseline_new(dir);
  g_free(dir);
  const struct spec_node *all = spec_map_get(root, "findings");
  for (size_t i = 0; all && i < all->n; i++) {
    const struct spec_node *f = all->kids[i];
    const char *count = str(f, "count");
    baseline_add(b, str(f, "rule"), str(f, "file"), str(f, "text"), str(f, "message"),
                 count ? (unsigned)strtoul(count, NULL, 10) : 1);
  }
  return b;
}
