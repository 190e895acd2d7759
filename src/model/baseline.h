/* baseline.h - findings a project has accepted for now (lint --baseline).
 *
 * A finding is known by its rule, its file and the words it covers, not by
 * its line: lines inserted above it do not make it new, while a change to
 * the words does. The same finding may be there several times (COUNT).
 * Files are kept relative to the baseline file's folder, so that a
 * baseline works from any working directory. Read by spec/
 * (spec_load_baseline), used and written by cli/. */
#ifndef BB_BASELINE_H
#define BB_BASELINE_H
#include <stdbool.h>
#include <stdio.h>

struct baseline;

/* An empty baseline whose file lives in folder DIR. */
struct baseline *baseline_new(const char *dir);
void baseline_free(struct baseline *b);

/* PATH relative to the baseline's folder ("../x.yaml" when outside it).
 * Free with g_free(). */
char *baseline_relpath(const struct baseline *b, const char *path);

/* Adds COUNT of the finding (RULE, FILE relative, TEXT); MESSAGE is kept
 * for the reader of the file only. */
void baseline_add(struct baseline *b, const char *rule, const char *file, const char *text,
                  const char *message, unsigned count);
/* True, and one fewer left, when the finding is in the baseline. */
bool baseline_take(struct baseline *b, const char *rule, const char *file, const char *text);
/* Findings listed but not taken: fixed since the baseline was written. */
unsigned baseline_left(const struct baseline *b);
/* Findings taken so far. */
unsigned baseline_taken(const struct baseline *b);

/* Writes B as YAML (sorted by file, rule and text). Returns 0 or -1. */
int baseline_write(const struct baseline *b, FILE *out, const char *version);

#endif
