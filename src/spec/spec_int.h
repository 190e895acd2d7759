/* spec_int.h - shared inside spec/ only: the schema tables. */
#ifndef BB_SPEC_INT_H
#define BB_SPEC_INT_H
#include "spec.h"

enum sk_type {
  SK_TEXT,      /* one piece of text */
  SK_LINES,     /* text, or a list of texts (address lines) */
  SK_TEXTLIST,  /* a list of texts */
  SK_INT,       /* a whole number from min to max */
  SK_DATE,      /* 2026-11-27 */
  SK_LANG,      /* a language code: nl, en, tr, pap, nl-BE */
  SK_NUMBER,    /* a number with decimals from min to max: 11.5 */
  SK_COLOUR,    /* "#RRGGBB" */
  SK_BOOL,      /* true or false */
  SK_RULEMAP,   /* a mapping from rule ids to error, warning, info or off */
  SK_ENUM,      /* one of values[] */
  SK_ENUMLIST,  /* a list of values[] */
  SK_MAP,       /* a mapping with keys[] */
  SK_MAPLIST,   /* a list of mappings with keys[] */
  SK_ROWS,      /* a list of lists of texts */
  SK_VARS,      /* a mapping from variable names to texts */
  SK_BLOCKS,    /* a list of content blocks */
};

struct skey {
  const char         *name;
  enum sk_type        type;
  bool                required;
  const struct skey  *keys;     /* SK_MAP, SK_MAPLIST: NULL-name terminated */
  const char *const  *values;   /* SK_ENUM, SK_ENUMLIST */
  size_t              nvalues;
  int                 min, max; /* SK_INT */
};

/* The letter schema (top-level keys) and the block types. */
extern const struct skey spec_letter_keys[];
extern const struct skey spec_block_types[];
extern const struct skey spec_blockfile_keys[];
extern const struct skey spec_house_keys[];
extern const struct skey spec_config_keys[];
extern const struct skey spec_vocab_keys[];
extern const struct skey spec_baseline_keys[];

/* Checks NODE against the schema; reports every problem on U.
 * Returns the number of errors found. */
int spec_validate(struct unit *u, const struct spec_node *root, const struct skey *keys,
                  const char *what);
/* Parses SF (adopted by U) and validates it against KEYS; NULL with
 * diagnostics when it is not usable. WHAT names it in messages. */
const struct spec_node *spec_parse_validate(struct unit *u, struct srcfile *sf,
                                            const struct skey *keys, const char *what);
/* The word list in TBX (spec_tbx.c): NULL with diagnostics on errors. */
struct vocab *spec_load_tbx(struct unit *u, const char *path);
/* Builds the letter from a validated tree; returns NULL on errors found
 * only while building (dates, variables). */
struct letter *spec_build_letter(struct unit *u, const struct spec_node *root);
/* Builds the blocks of a validated `blocks:` list. */
int spec_build_blocks(struct unit *u, const struct spec_node *seq,
                      struct block **out, size_t *n);
/* Parses "#RRGGBB" into 0..1 components; false when malformed. */
bool spec_parse_colour(const char *s, double *r, double *g, double *b);
/* Calls FN for every key path in the schema ("sender.name",
 * "blocks[].callout.style"); used to check the documentation. */
void spec_schema_each_path(void (*fn)(const char *path, void *ctx), void *ctx);

#endif
