/* pipeline.c - the stages in order for one spec: read and validate
 * (spec/), expand (expand/). Lint passes will join here. */
#include "cli.h"
#include "../expand/expand.h"
#include "../model/letter.h"
#include "../spec/spec.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

struct unit *pipeline_load(const char *path, char **sets, size_t nsets)
{
  struct unit *u = unit_new();
  if (spec_load_file(u, path) != 0) {
    u->letter = NULL;
    return u;
  }
#ifndef NDEBUG
  if (letter_check(u->letter, stderr) != 0) abort();
#endif
  /* Standard blocks: beside the spec first, then the shipped templates. */
  char *spec_dir = g_path_get_dirname(path);
  char *local = g_build_filename(spec_dir, "blocks", NULL);
  char *shipped = g_build_filename(datadir(), "templates", "blocks", NULL);
  const char *dirs[2] = { local, shipped };
  const char **names = calloc(nsets + 1, sizeof *names);
  const char **values = calloc(nsets + 1, sizeof *values);
  for (size_t i = 0; i < nsets; i++) {
    char *eq = strchr(sets[i], '=');
    *eq = '\0';                      /* validated by the option parser */
    names[i] = sets[i];
    values[i] = eq + 1;
  }
  struct expand_opts o = { dirs, 2, names, values, nsets };
  if (expand_letter(u, &o) != 0) u->letter = NULL;
  for (size_t i = 0; i < nsets; i++) sets[i][strlen(sets[i])] = '=';
  free(names);
  free(values);
  g_free(local);
  g_free(shipped);
  g_free(spec_dir);
  return u;
}

int pipeline_exit_code(const struct unit *u)
{
  if (!u->letter) return EXIT_USAGE;
  return diag_list_has_errors(&u->diags) ? EXIT_FINDINGS : EXIT_OK;
}
