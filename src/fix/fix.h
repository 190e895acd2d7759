/* fix.h - safe fixes written back into the YAML sources (lint --fix).
 *
 * A finding carries a fix only when lint could make one safely
 * (diag_fix_text): the words stand in the source as they are, and the
 * replacement is plain text any YAML scalar can hold. This stage gathers
 * the fixes of many letters per source file (a standard block shared by
 * several letters is fixed once), makes sure each edited file still
 * parses to the same YAML structure with the same scalar styles, and
 * then writes it in place (all or nothing) or prints a unified diff.
 * Comments, quoting and indentation are never touched: only the bytes
 * of the fixed words change. */
#ifndef BB_FIX_H
#define BB_FIX_H
#include "../base/unit.h"
#include <stdbool.h>
#include <stdio.h>

struct fixes;

struct fixes *fixes_new(void);
void fixes_free(struct fixes *f);

/* Takes the fixes of the findings in L. Returns how many were new. */
size_t fixes_collect(struct fixes *f, const struct diag_list *l);
/* Fixes taken so far, and the files they are in. */
size_t fixes_count(const struct fixes *f);
size_t fixes_files(const struct fixes *f);

/* DRY_RUN: prints a unified diff (`patch -p0` applies it) to OUT and
 * changes nothing. Otherwise rewrites each file in place. A file that
 * changed on disk since it was read, or whose result would not be the
 * same YAML structure, is left alone with a finding on U. Returns the
 * number of fixes applied (or shown). */
size_t fixes_apply(struct fixes *f, bool dry_run, FILE *out, struct unit *u);

#endif
