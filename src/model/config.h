/* config.h - project settings from .beeldbrief.yaml: the thresholds of the
 * checks. Loaded by spec/ (spec_load_config), read by lint/. */
#ifndef BB_CONFIG_H
#define BB_CONFIG_H
#include <stdbool.h>
#include <stddef.h>

struct vocab;

#define LINT_CFG_MAX_VOCAB 8
#define LINT_CFG_MAX_RULES 64
#define LINT_CFG_MAX_IGNORE 64
#define LINT_CFG_KINDS 9            /* enum letter_kind's KIND_COUNT */

/* A rule's severity as the configuration sets it (rules.h: RULE_OFF). */
struct rule_severity {
  const char *id;
  int         severity;
};

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
  /* Letter rules: words per block and per paragraph, pages per kind. */
  unsigned            block_words;      /* 150 */
  unsigned            paragraph_words;  /* 100 */
  unsigned            pages[LINT_CFG_KINDS];
  bool                personal_phone;   /* the house style allows it */
  /* `house-style:`: the house style of letters that name none (a path
   * resolved against the configuration's folder), or NULL. */
  const char         *house_style;
  /* `ignore:`: globs of files a folder or glob on the command line skips,
   * relative to IGNORE_BASE (the configuration's folder). */
  const char         *ignore[LINT_CFG_MAX_IGNORE];
  size_t              nignore;
  const char         *ignore_base;
  /* Set by lint --fix, not by a file: each use of another notation is a
   * finding of its own (normally only the first is), so that one pass
   * fixes them all. */
  bool                every_use;
  /* Set by a mailing, not by a file: only findings that can be errors
   * matter (they reject a record), so passes whose rules are all
   * warnings under this configuration are skipped. */
  bool                errors_only;
  /* `rules:`: severities that differ from the defaults. */
  struct rule_severity severities[LINT_CFG_MAX_RULES];
  size_t              nseverities;
};

/* The built-in thresholds (B1 practice: 15 words a sentence). */
void lint_cfg_defaults(struct lint_cfg *c);

/* True when PATH matches one of C's ignore globs. A glob without a slash
 * matches a file or folder name at any depth ('*.concept.yaml',
 * 'drafts'); one with a slash matches the path from IGNORE_BASE, where a
 * double star stands for any number of folders (docs/ci.md has examples).
 * A glob that matches a folder ignores everything in it. */
bool lint_cfg_ignores(const struct lint_cfg *c, const char *path);

/* True when a rule whose id starts with PREFIX ("spelling.") is an error
 * under C: by default or through `rules:`. */
bool lint_cfg_can_error(const struct lint_cfg *c, const char *prefix);

#endif
