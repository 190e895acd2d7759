/* fuzz_text.c - libFuzzer harness for the text checks (check-text).
 *
 * Any valid UTF-8 goes through the tokenizer, the sentence splitter, the
 * syllable counter, every readability rule, the organisation's word list,
 * the consistency checks and the spelling check with the real word lists;
 * findings and figures must come out without a crash or a leak. */
#include "../src/base/unit.h"
#include "../src/lint/lint.h"
#include "../src/model/vocab.h"
#include "../src/spec/spec.h"
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static struct lint_data *d;
  static struct vocab *v;
  static FILE *null;
  if (!d) {
    struct unit *boot = unit_new();
    d = lint_data_load(boot, ".");
    v = spec_load_vocab(boot, "wordlist/organisatie.yaml");
    unit_free(boot);
    null = fopen("/dev/null", "w");
    if (!d || !v) abort();
    lint_vocab_prepare(v);
  }
  if (!g_utf8_validate((const char *)data, (gssize)size, NULL)) return 0;
  struct unit *u = unit_new();
  struct srcfile *sf = srcfile_from_mem("fuzz.txt", (const char *)data, size);
  unit_adopt_file(u, sf);
  struct textseg seg = { 0, (uint32_t)sf->body, false, sf };
  struct text t = { .s = sf->data + sf->body, .len = sf->len - sf->body, .file = sf,
                    .start = (uint32_t)sf->body, .end = (uint32_t)sf->len, .segs = &seg,
                    .nsegs = 1, .literal = true };
  struct lint_cfg cfg;
  lint_cfg_defaults(&cfg);
  cfg.vocab = v;
  struct metrics m = { 0 };
  lint_text(u, d, &cfg, &t, NULL, &m);
  metrics_finish(&m);
  diag_list_sort(&u->diags);
  diag_list_print(null, &u->diags, false);
  unit_free(u);
  return 0;
}
