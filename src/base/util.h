/* util.h - small helpers shared by every stage. */
#ifndef BB_UTIL_H
#define BB_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Damerau-Levenshtein distance (with transpositions), ASCII-case-folded;
 * stops counting at LIMIT+1 so long strings cost little. */
unsigned edit_distance(const char *a, const char *b, unsigned limit);
/* The candidate closest to WORD when it is a near miss ("did you mean"),
 * or NULL. A near miss is at most a third of the word's length away. */
const char *suggest_closest(const char *word, const char *const *cands, size_t n);

/* The name (without SUFFIX) of a file in one of DIRS that is a near miss
 * of WORD, copied into BUF; NULL when none is. For "unknown standard block
 * 'bezwar'; did you mean 'bezwaar'?". */
const char *suggest_file(const char *word, const char *const *dirs, size_t ndirs,
                         const char *suffix, char *buf, size_t size);

/* Writes S as a JSON string literal (quotes and escapes included). */
void json_write_string(FILE *out, const char *s);

/* Writes a file safely: data goes to a temporary file in the target's
 * directory and is renamed over the target only on success, so a failed
 * run leaves no file and never replaces a good one with a broken one. */
struct outfile {
  char *path;     /* final name */
  char *tmp;      /* temporary name, NULL once committed or aborted */
  int   fd;
};
/* Returns 0, or -1 with errno set (the directory is missing or unwritable). */
int  outfile_open(struct outfile *of, const char *path);
/* Flushes, syncs and renames into place; returns 0 or -1 with errno set
 * (the temporary file is removed on failure). */
int  outfile_commit(struct outfile *of);
/* Removes the temporary file. Safe to call after commit. */
void outfile_abort(struct outfile *of);
/* Writes LEN bytes of DATA to PATH through an outfile: all or nothing.
 * Returns 0, or -1 with errno set. */
int  write_file_atomic(const char *path, const char *data, size_t len);

#endif
