/* cli.h - the command-line tool: subcommands, messages, the pipeline.
 *
 * Usage errors (bad option, missing argument) go through usage_error();
 * everything about an input file, including "cannot read" and "cannot
 * write", is a diagnostic on the unit, so that it is sorted, printed and
 * counted with the rest. */
#ifndef BB_CLI_H
#define BB_CLI_H
#include "../base/unit.h"
#include <stdbool.h>
#include <stdio.h>

#define BEELDBRIEF_VERSION "0.1.0"

/* Exit codes (jq style): named once, used everywhere. */
enum exit_code {
  EXIT_OK = 0,        /* no error-level findings */
  EXIT_FINDINGS = 1,  /* the letter has error-level findings */
  EXIT_USAGE = 2,     /* bad usage, unreadable input, invalid spec, I/O error */
};

int cmd_build(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_check_text(int argc, char **argv);
int cmd_import_tbx(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_merge_manifests(int argc, char **argv);

/* msgs.c */
/* Prints "try 'beeldbrief CMD --help'" after a usage error; returns EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when F is a terminal and NO_COLOR is not set. */
bool want_color(FILE *f);
/* Directory with fonts/ and templates/: $BEELDBRIEF_DATA, else the
 * directory of the running binary. */
const char *datadir(void);
/* SOURCE_DATE_EPOCH when set and valid, else the current time. */
long long build_epoch(void);

/* pipeline.c: read, validate and expand one spec and load its house style
 * (STYLE_PATH overrides the spec's choice). Returns the unit (never NULL);
 * U->letter is NULL when the spec could not be loaded. SETS holds NSETS
 * "name=value" strings from --set. */
struct metrics;
struct unit *pipeline_load(const char *path, char **sets, size_t nsets, const char *style_path);
/* The same for one record of a mailing: NAMES/VALUES (N of them) fill the
 * variables, and the spec's `variables:` are not used. */
struct unit *pipeline_load_record(const char *path, const char *const *names,
                                  const char *const *values, size_t n);
/* Uses PATH instead of the nearest .beeldbrief.yaml (--config). */
void pipeline_set_config(const char *path);
/* Each use of another notation becomes a finding of its own (lint --fix),
 * not only the first. */
void pipeline_set_every_use(bool on);
/* True when the configuration for PATH (--config, or the nearest
 * .beeldbrief.yaml) lists it under `ignore:`. */
bool pipeline_ignored(const char *path);
/* Letters loaded from now on are compared with each other (lint of
 * several files); NULL stops that. */
struct lint_set;
void pipeline_set_lint_set(struct lint_set *set);
/* The settings for a file NEAR: the defaults, then the nearest
 * .beeldbrief.yaml in its folder or above (or OVERRIDE), and the word
 * lists it names (or the shipped one). Returns 0, or -1 with diagnostics
 * on U when the configuration or a word list is invalid. */
struct lint_cfg;
int pipeline_config(struct unit *u, const char *near, const char *override, struct lint_cfg *c);
/* The readability figures of the letter pipeline_load checked last: the
 * whole letter, and one per block (NBLOCKS of them). Valid until the next
 * pipeline_load. */
const struct metrics *pipeline_metrics(const struct metrics **blocks, size_t *nblocks);
/* The word lists and dictionaries of the text checks, loaded on first use
 * and kept for the process; NULL (with findings on U) when they are
 * broken. */
struct lint_data;
const struct lint_data *pipeline_lint_data(struct unit *u);
/* Applies the severities of `rules:` in the configuration C (NULL: the
 * one pipeline_load used last) to the findings on U. */
void pipeline_apply_severities(struct unit *u, const struct lint_cfg *c);
/* The pages the kind of U's letter may have, from the configuration, and
 * the severity of letter.pages there (0 pages: the rule is off). */
unsigned pipeline_kind_pages(const struct unit *u, int *severity);
/* The exit code a unit's findings call for. */
int pipeline_exit_code(const struct unit *u);

#endif
