/* vocab.h - the organisation's word list: preferred terms, the variants it
 * does not use, terms to explain, fixed spellings, words for one concept
 * and the organisation's name. Loaded by spec/ from YAML
 * (wordlist/organisatie.yaml) or TBX; read by lint/.
 *
 * A word list outlives single letters (lint checks hundreds of templates
 * with one list), so it owns its memory instead of using a unit's arena. */
#ifndef BB_VOCAB_H
#define BB_VOCAB_H
#include <stdbool.h>
#include <stddef.h>

struct vocab_avoid {
  char *word;            /* the variant not to use: "werkloosheidsuitkering" */
  char *reason;          /* why, for the finding */
  char *use;             /* the replacement; NULL: the term */
};

struct vocab_term {
  char               *term;      /* the preferred word: "WW-uitkering" */
  bool                fixed;     /* spelling and capitals exactly as written */
  char               *explain;   /* explain on first use: a suggested explanation */
  char              **admitted;  /* other words for the concept; one per letter */
  size_t              nadmitted;
  struct vocab_avoid *avoid;
  size_t              navoid;
  char               *note;
  unsigned            line;      /* where the entry starts in its file */
};

struct vocab {
  char               *path;      /* the file it came from */
  char               *org_name;  /* "Werk & Inkomen Nederland", or NULL */
  char               *org_short; /* "WIN", or NULL */
  char              **org_variants;
  size_t              norg_variants;
  struct vocab_term  *terms;
  size_t              nterms;
  char              **words;     /* spelled right, though a dictionary lacks them */
  size_t              nwords;
  void               *index;     /* lint/'s lookup tables, built on first use */
  void              (*index_free)(void *);
};

struct vocab *vocab_new(const char *path);
/* Appends a term (all strings copied later by the caller through the
 * returned pointer; see spec/spec_vocab.c). */
struct vocab_term *vocab_add_term(struct vocab *v, const char *term);
void vocab_add_avoid(struct vocab_term *t, const char *word, const char *reason, const char *use);
void vocab_add_admitted(struct vocab_term *t, const char *word);
void vocab_add_word(struct vocab *v, const char *word);
void vocab_add_org_variant(struct vocab *v, const char *word);
/* Takes over the entries of FROM (another file of the same list). */
void vocab_merge(struct vocab *into, struct vocab *from);
void vocab_free(struct vocab *v);

/* Writes V as word list YAML (the format of wordlist/organisatie.yaml):
 * what `beeldbrief import-tbx` prints. Returns 0 or -1 on a write error. */
#include <stdio.h>
int vocab_write_yaml(const struct vocab *v, FILE *out);

#endif
