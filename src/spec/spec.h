/* spec.h - the front end: a YAML letter spec in, a letter model out.
 *
 * spec_yaml.c is the only file that includes <yaml.h>: it turns the YAML
 * into a small tree of spec_nodes in which every scalar keeps a map back to
 * its source bytes. spec_schema.c checks that tree against the letter
 * schema (unknown keys, types, required fields) and spec_build.c turns a
 * valid tree into a struct letter. Every problem becomes a diagnostic on
 * the unit; nothing here prints. */
#ifndef BB_SPEC_H
#define BB_SPEC_H
#include "../base/unit.h"
#include "../base/text.h"
#include <stdbool.h>
#include <stddef.h>

struct block;

enum spec_kind { SPEC_SCALAR, SPEC_MAP, SPEC_SEQ };
enum spec_style { SPEC_PLAIN, SPEC_SINGLE, SPEC_DOUBLE, SPEC_LITERAL, SPEC_FOLDED };

struct spec_node {
  enum spec_kind     kind;
  enum spec_style    style;  /* scalars only */
  struct text        text;   /* scalars: value and map; all kinds: the span */
  struct spec_node **kids;   /* map: key, value, key, value...; seq: items */
  size_t             n;      /* entries in kids */
};

/* Limits that keep hostile specs cheap to refuse. */
#define SPEC_MAX_DEPTH   32          /* a letter nests 5 levels deep */
#define SPEC_MAX_SCALAR  (64 * 1024) /* bytes in one value: ~10,000 words */
#define SPEC_MAX_NODES   100000

/* Parses SF (owned by the caller or adopted by U) into a node tree.
 * YAML errors become diagnostics (rule spec.syntax and friends); returns
 * NULL when the file is not usable YAML. Nodes live in U's arena. */
struct spec_node *spec_parse(struct unit *u, const struct srcfile *sf);

/* Reads, parses and validates the spec at PATH and builds U->letter.
 * Returns 0 when U->letter was built; -1 when the file could not be read
 * or had errors (all reported on U->diags). */
int spec_load_file(struct unit *u, const char *path);
/* The same for a spec already in memory; NAME is used in messages. */
int spec_load_mem(struct unit *u, const char *name, const char *data, size_t len);

/* Reads a standard text block file (a mapping with `blocks:`) at PATH and
 * returns its blocks in *out. Returns 0, or -1 with diagnostics on U. */
int spec_load_blocks(struct unit *u, const char *path, struct block **out, size_t *n);

struct house_style;
/* Reads the house style file at PATH into *S (starting from the built-in
 * defaults). Returns 0, or -1 with diagnostics on U. */
int spec_load_house_style(struct unit *u, const char *path, struct house_style *s);

struct lint_cfg;
/* Reads a .beeldbrief.yaml at PATH into *C (which holds the defaults or a
 * parent's settings). Returns 0, or -1 with diagnostics on U. */
int spec_load_config(struct unit *u, const char *path, struct lint_cfg *c);

struct vocab;
/* Reads the organisation's word list at PATH: YAML in the format of
 * wordlist/organisatie.yaml, or TBX (ISO 30042) when the name ends in
 * .tbx. Returns the list (vocab_free() it), or NULL with diagnostics. */
struct vocab *spec_load_vocab(struct unit *u, const char *path);

struct baseline;
/* Reads a lint baseline (beeldbrief lint --write-baseline) at PATH.
 * Returns it (baseline_free() it), or NULL with diagnostics on U. */
struct baseline *spec_load_baseline(struct unit *u, const char *path);

/* Map lookups on a validated tree: the value node for KEY or NULL. */
const struct spec_node *spec_map_get(const struct spec_node *map, const char *key);

#endif
