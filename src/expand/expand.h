/* expand.h - the second stage: a loaded letter made whole.
 *
 * Inlines standard text blocks (`- standard: bezwaar`) and substitutes
 * variables (`{{ naam }}`), keeping positions: text from a template keeps
 * pointing into the template, a substituted value points at its
 * placeholder. Runs once, before any lint or renderer. */
#ifndef BB_EXPAND_H
#define BB_EXPAND_H
#include "../base/unit.h"

struct expand_opts {
  const char *const *block_dirs;  /* where standard blocks live, in order */
  size_t             nblock_dirs;
  /* Values that win over the spec's variables section (batch, --set). */
  const char *const *names;
  const char *const *values;
  size_t             nvalues;
  /* A mailing: the values are the record's and the spec's `variables:`
   * are only samples; a variable the record lacks, or leaves empty, is an
   * error. */
  bool               only_values;
};

/* Expands U->letter in place. Returns 0, or -1 with diagnostics on U
 * (unknown standard block, undefined or malformed variable, bad date). */
int expand_letter(struct unit *u, const struct expand_opts *o);

/* Finds `{{ name }}` in S: returns the offset of the next "{{" at or after
 * FROM, or -1; on success *name and *name_len are the trimmed name and *end the
 * offset after "}}" (or -1 when unclosed). */
long expand_find_var(const char *s, size_t len, size_t from, const char **name,
                     size_t *name_len, long *end);

#endif
