/* fuzz_spec.c - libFuzzer harness for the front end.
 *
 * Feeds arbitrary bytes through the whole front end: encoding checks,
 * YAML, schema, model, expansion (variables; standard blocks from
 * templates/blocks) and the model's invariant check, then dumps the
 * model. Anything that crashes, leaks, hangs or breaks an invariant is a
 * bug; crashers go to fuzz/regressions/ and are replayed by `make check`. */
#include "../src/base/unit.h"
#include "../src/expand/expand.h"
#include "../src/model/letter.h"
#include "../src/spec/spec.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static FILE *null;
  if (!null) null = fopen("/dev/null", "w");
  struct unit *u = unit_new();
  if (spec_load_mem(u, "fuzz.yaml", (const char *)data, size) == 0) {
    if (letter_check(u->letter, stderr) != 0) abort();
    const char *dirs[1] = { "templates/blocks" };
    const char *names[1] = { "naam" }, *values[1] = { "J. de Vries" };
    struct expand_opts o = { dirs, 1, names, values, 1, false };
    if (expand_letter(u, &o) == 0) {
      if (letter_check(u->letter, stderr) != 0) abort();
      letter_dump(u->letter, null);
    }
  }
  /* Every finding must be printable. */
  diag_list_sort(&u->diags);
  diag_list_print(null, &u->diags, false);
  unit_free(u);
  return 0;
}
