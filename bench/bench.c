/* bench.c - timings of the hot paths on the reference letter.
 *
 *   front end: read + YAML + schema + model + expand + invariant check
 *   render:    the same plus the PDF (two layout passes, fonts, write)
 *
 * Prints letters per second for each; `make bench` runs it. Timings are
 * for people, never for tests. */
#include "../src/base/unit.h"
#include "../src/expand/expand.h"
#include "../src/model/house.h"
#include "../src/model/letter.h"
#include "../src/render/render.h"
#include "../src/spec/spec.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The same stages as `beeldbrief build`, with the default house style. */
static struct unit *load(const char *spec, const char *blocks)
{
  static struct house_style hs;
  struct unit *u = unit_new();
  if (spec_load_file(u, spec) != 0) return u;
  const char *dirs[1] = { blocks };
  struct expand_opts o = { dirs, 1, NULL, NULL, 0, false };
  if (expand_letter(u, &o) != 0 || letter_check(u->letter, stderr) != 0 ||
      spec_load_house_style(u, "templates/house-styles/default.yaml", &hs) != 0 ||
      render_check_style(u, &hs) != 0)
    u->letter = NULL;
  u->style = &hs;
  return u;
}

int main(int argc, char **argv)
{
  const char *spec = argc > 1 ? argv[1] : "examples/uitnodiging-gesprek.yaml";
  int n = argc > 2 ? atoi(argv[2]) : 2000;
  render_init(".");

  double t0 = now();
  for (int i = 0; i < n; i++) {
    struct unit *u = load(spec, "templates/blocks");
    if (!u->letter) { fprintf(stderr, "bench: %s does not load\n", spec); return 1; }
    unit_free(u);
  }
  double front = now() - t0;

  int m = n / 10 ? n / 10 : 1;
  char path[] = "/tmp/beeldbrief-bench-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 1;
  close(fd);
  struct render_opts ro = { .datadir = ".", .max_pages = 10 };
  t0 = now();
  for (int i = 0; i < m; i++) {
    struct unit *u = load(spec, "templates/blocks");
    if (!u->letter || render_pdf(u, u->letter, u->style, &ro, path) != RENDER_OK) return 1;
    unit_free(u);
  }
  double full = now() - t0;
  unlink(path);

  printf("front end (parse, check, expand, style): %6d letters  %8.0f letters/s  %7.1f us/letter\n",
         n, n / front, front / n * 1e6);
  printf("full build incl. PDF:                    %6d letters  %8.0f letters/s  %7.1f us/letter\n",
         m, m / full, full / m * 1e6);
  return 0;
}
