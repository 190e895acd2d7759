/* unit.h - one letter being compiled (sqlite: Parse).
 *
 * The unit owns everything made while compiling one spec: the arena with
 * the model and diagnostic text, the source files read, and the findings.
 * Everything handed out is valid until unit_free(). */
#ifndef BB_UNIT_H
#define BB_UNIT_H
#include "arena.h"
#include "diag.h"
#include "srcfile.h"

struct letter;
struct house_style;

struct unit {
  struct arena      arena;    /* owns the model and diagnostic text */
  struct srcfile   *src;      /* the spec; NULL until read */
  struct srcfile  **files;    /* every file read (spec, standard blocks) */
  size_t            nfiles;
  struct letter    *letter;   /* NULL until the spec loaded without errors */
  struct house_style *style;  /* the house style the letter uses; NULL until loaded */
  struct diag_list  diags;    /* appended by every stage */
};

struct unit *unit_new(void);
void unit_free(struct unit *u);
/* The unit takes ownership of SF (freed by unit_free). */
void unit_adopt_file(struct unit *u, struct srcfile *sf);

#endif
