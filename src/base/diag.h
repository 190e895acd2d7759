/* diag.h - the one diagnostic record of the whole pipeline.
 *
 * Findings about a letter (YAML syntax, schema, readability, vocabulary,
 * letter rules) are collected on the unit, never fatal on their own, and
 * printed sorted at the end (sqlite's Parse.nErr, vale's Alert). */
#ifndef BB_DIAG_H
#define BB_DIAG_H
#include "arena.h"
#include "srcfile.h"
#include "text.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

enum diag_severity { DIAG_INFO, DIAG_WARNING, DIAG_ERROR };

struct diag {
  const char        *file;        /* path as given on the command line */
  const struct srcfile *src;      /* for quoting the source line; may be NULL */
  unsigned           line, col;   /* 1-based; col counts characters; 0 = none */
  unsigned           end_line, end_col; /* one past the span, for the underline */
  const char        *rule_id;     /* "spec.unknown-key" */
  enum diag_severity severity;
  const char        *message;     /* "unknown key 'subjekt'" */
  const char        *suggestion;  /* replacement text, or NULL */
  unsigned           seq;         /* insertion order: keeps sorting stable */
  struct diag_note  *note;        /* a second place the finding is about, or NULL */
  /* A safe fix (lint --fix): source bytes [fix_start, fix_end) of
   * fix_src become FIX. Set only by diag_fix_text(), which checks that the
   * bytes are the words as written and that FIX keeps the YAML valid. */
  const char           *fix;
  const struct srcfile *fix_src;
  size_t                fix_start, fix_end;
};

/* "first used here": the earlier place a consistency finding compares
 * with. Printed after the finding, compiler-style, as a note. */
struct diag_note {
  const char           *file;
  const struct srcfile *src;
  unsigned              line, col, end_line, end_col;
  const char           *message;
};

struct diag_list {
  struct arena *arena;            /* strings are copied here */
  struct diag  *items;
  size_t        n, cap;
  unsigned      count[3];         /* per severity */
};

void diag_list_init(struct diag_list *l, struct arena *a);
/* Copies D (and its strings) into the list. */
void diag_add(struct diag_list *l, const struct diag *d);
/* Convenience: a finding over source bytes [start, end) of SF. */
void diag_span(struct diag_list *l, enum diag_severity sev, const char *rule,
               const struct srcfile *sf, size_t start, size_t end,
               const char *suggestion, const char *fmt, ...)
  __attribute__((format(printf, 8, 9)));
/* Convenience: a finding over value bytes [voff, voff+vlen) of text T.
 * Returns the finding as stored, for diag_note_text(); the pointer is
 * valid until the next finding is added. */
struct diag *diag_text(struct diag_list *l, enum diag_severity sev, const char *rule,
               const struct text *t, size_t voff, size_t vlen,
               const char *suggestion, const char *fmt, ...)
  __attribute__((format(printf, 8, 9)));
/* Attaches to D the note MSG about value bytes [voff, voff+vlen) of T. */
void diag_note_text(struct diag_list *l, struct diag *d, const struct text *t, size_t voff,
                    size_t vlen, const char *msg);

/* Offers REPLACEMENT as a safe fix of D, the finding about value bytes
 * [voff, voff+vlen) of T: only when those bytes stand in the source as
 * they are (no escape, fold, line break or substituted variable inside)
 * and REPLACEMENT is plain text that any YAML scalar style can hold.
 * Returns whether the fix was attached. */
bool diag_fix_text(struct diag_list *l, struct diag *d, const struct text *t, size_t voff,
                   size_t vlen, const char *replacement);

/* The same for a place in a file no longer in memory (no excerpt). */
void diag_note_at(struct diag_list *l, struct diag *d, const char *file, unsigned line,
                  unsigned col, const char *msg);

/* A finding about a whole file (cannot open, cannot write): no line. */
void diag_file(struct diag_list *l, enum diag_severity sev, const char *rule,
               const char *path, const char *fmt, ...)
  __attribute__((format(printf, 5, 6)));

/* Gives every finding of RULE the severity SEVERITY (an enum
 * diag_severity), or removes them when SEVERITY is negative (a rule that
 * the configuration turned off). */
void diag_list_set_severity(struct diag_list *l, const char *rule, int severity);

/* Keeps the findings for which KEEP returns true, in order. */
void diag_list_filter(struct diag_list *l, bool (*keep)(const struct diag *d, void *ctx),
                      void *ctx);

/* The source text a finding covers (its line when it has no span),
 * white space runs made single spaces; NULL when its file is not in
 * memory. Free with free(). */
char *diag_excerpt(const struct diag *d);

/* Sorts by file, line, column, then insertion order. */
void diag_list_sort(struct diag_list *l);
bool diag_list_has_errors(const struct diag_list *l);

const char *diag_severity_name(enum diag_severity s);
/* Prints one diagnostic compiler-style:
 *   file:line:col: severity: message [rule-id]
 *      3 | subjekt: Uitnodiging
 *        | ^~~~~~~
 * COLOR adds ANSI colours; callers pass it only for terminals. */
void diag_print(FILE *out, const struct diag *d, bool color);
void diag_list_print(FILE *out, const struct diag_list *l, bool color);

#endif
