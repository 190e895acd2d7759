/* config.h - project settings from .beeldbrief.yaml: the thresholds of the
 * checks. Loaded by spec/ (spec_load_config), read by lint/. */
#ifndef BB_CONFIG_H
#define BB_CONFIG_H
#include <stddef.h>

struct vocab;

#define LINT_CFG_MAX_VOCAB 8

struct lint_cfg {
  unsigned sentence_warn;       /* words: more is a warning (15) */
  unsigned sentence_error;      /* words: more is an error (25) */
  unsigned clauses_warn;        /* clauses in one sentence (3) */
  unsigned long_word_syllables; /* more syllables is a long word (4) */
  unsigned long_word_letters;   /* or more letters (20) */
  /* The organisation's word lists: paths from `vocabulary:` (resolved
   * against the configuration's folder; none: the shipped list), and the
   * loaded list the checks use (NULL: no vocabulary checks). */
  const char         *vocab_files[LINT_CFG_MAX_VOCAB];
  size_t              nvocab_files;
  const struct vocab *vocab;
};

/* The built-in thresholds (B1 practice: 15 words a sentence). */
void lint_cfg_defaults(struct lint_cfg *c);

#endif
