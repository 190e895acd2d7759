/* lint.h - the checks that run before rendering: B1 readability now, the
 * vocabulary and letter rules later. Every finding is a diagnostic on the
 * unit with a rule id, the exact line:col of its words in the spec and,
 * where one exists, a better way to say it. */
#ifndef BB_LINT_H
#define BB_LINT_H
#include "../base/text.h"
#include "../base/unit.h"
#include "../model/config.h"
#include <stdio.h>

struct letter;

/* Thresholds (struct lint_cfg) live in model/config.h: .beeldbrief.yaml
 * sets them. */

/* Readability figures of a text, a block or a letter. */
struct metrics {
  unsigned sentences, words, syllables, long_sentences, frequent_words, letters;
  double   words_per_sentence, syllables_per_word, long_sentence_share, frequent_share;
  double   flesch_douma, brouwer;
  const char *level;           /* "A2", "B1", "B2" or "C1" */
};
/* Adds B's counts to A and recomputes the derived figures. */
void metrics_add(struct metrics *a, const struct metrics *b);
void metrics_finish(struct metrics *m);

/* The word lists and dictionaries the checks use, loaded once. */
struct lint_data;
/* Loads DATADIR/wordlist/... and the Dutch hyphenation patterns and
 * dictionary. Problems in the word lists become diagnostics on U with
 * file:line. Returns NULL when a list is missing or broken. Free with
 * lint_data_free(). */
struct lint_data *lint_data_load(struct unit *u, const char *datadir);
void lint_data_free(struct lint_data *d);

/* Checks one text (a paragraph, a list item...) and adds its figures to
 * M when M is not NULL. KNOWN carries the abbreviations explained so far
 * in the letter (NULL: just this text). */
struct lint_state;
struct lint_state *lint_state_new(void);
void lint_state_free(struct lint_state *s);
/* Words the spelling check accepts in this letter (names, ignore-words). */
void lint_state_ignore(struct lint_state *s, const char *word, size_t len);
void lint_text(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
               const struct text *t, struct lint_state *st, struct metrics *m);

/* Letters linted together (a folder of templates): the notations of the
 * first letter that uses one set the norm for the others. */
struct lint_set;
struct lint_set *lint_set_new(void);
void lint_set_free(struct lint_set *s);

/* Checks every prose text of L in reading order; fills M for the letter
 * and, when PER_BLOCK is not NULL, PER_BLOCK[i] for block i (an array of
 * l->nblocks, zeroed by the caller). With SET, also compares the letter's
 * notations with those of the letters checked before it. Letters in
 * another language than Dutch are not checked. */
void lint_letter(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                 const struct letter *l, struct lint_set *set, struct metrics *m,
                 struct metrics *per_block);

struct vocab;
/* Builds the lookup tables of the word list V once, before it is used
 * (V->index). */
void lint_vocab_prepare(struct vocab *v);

/* Applies the `# beeldbrief: disable...` comments of the spec SF to the
 * findings on U, and reports suppressions without a reason, with an
 * unknown rule or without a finding to suppress (lint_suppress.c). */
void lint_suppressions(struct unit *u, const struct srcfile *sf);

/* Writes the metrics as a JSON object (no trailing newline). */
void metrics_write_json(FILE *out, const struct metrics *m);

/* Writes the tokens and sentences of T as the checks see them, one token
 * per line: "line:col<TAB>kind<TAB>syllables<TAB>text" (--emit tokens). */
void lint_dump_tokens(const struct lint_data *d, const struct text *t, FILE *out);

/* Syllables of one word (UTF-8), as the checks count them. */
unsigned lint_syllables(const struct lint_data *d, const char *word, size_t len);

#endif
