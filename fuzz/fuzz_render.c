/* fuzz_render.c - libFuzzer harness for the whole pipeline up to layout.
 *
 * Bytes in, spec loaded and expanded, the default house style applied,
 * and the page layout computed and dumped: long words, huge lists, odd
 * Unicode, empty blocks and extreme tables must lay out or be refused
 * with a finding, never crash. (Painting replays the same boxes, so the
 * layout is where the risk is; it is also 20 times faster to fuzz.) */
#include "../src/base/unit.h"
#include "../src/expand/expand.h"
#include "../src/model/house.h"
#include "../src/model/letter.h"
#include "../src/render/render.h"
#include "../src/spec/spec.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static FILE *null;
  static bool ready;
  if (!ready) {
    render_init(".");
    null = fopen("/dev/null", "w");
    ready = true;
  }
  struct unit *u = unit_new();
  struct house_style hs;
  const char *dirs[1] = { "templates/blocks" };
  struct expand_opts o = { dirs, 1, NULL, NULL, 0, false };
  if (spec_load_mem(u, "fuzz.yaml", (const char *)data, size) == 0 &&
      expand_letter(u, &o) == 0 &&
      spec_load_house_style(u, "templates/house-styles/default.yaml", &hs) == 0) {
    struct render_opts ro = { ".", 10, 0, 0 };
    render_layout(u, u->letter, &hs, &ro, null);
  }
  diag_list_print(null, &u->diags, false);
  unit_free(u);
  return 0;
}
