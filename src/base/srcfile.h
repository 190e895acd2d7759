/* srcfile.h - a source file held in memory with its line map (jq: locfile).
 *
 * Every position beeldbrief reports is a byte offset into one of these,
 * turned into a 1-based line and a 1-based column that counts characters
 * (UTF-8 code points), not bytes, when it is printed. */
#ifndef BB_SRCFILE_H
#define BB_SRCFILE_H
#include <stddef.h>
#include <stdint.h>

struct srcfile {
  const char *name;        /* path as given on the command line */
  const char *data;        /* file bytes, NUL-terminated (not counted in len) */
  size_t      len;
  size_t      body;        /* offset of the first byte after a UTF-8 BOM */
  uint32_t   *lines;       /* byte offset where each line starts */
  size_t      nlines;
};

/* A resolved position: 1-based line and character column. */
struct srcloc {
  const struct srcfile *file;
  unsigned line, col;
};

/* Largest spec file we read; a letter is a few kilobytes. */
#define SRCFILE_MAX_BYTES (16u * 1024 * 1024)

/* Reads PATH into a new srcfile. On failure returns NULL and stores a
 * static, lower-case reason in *why ("No such file or directory", ...).
 * Free with srcfile_free(). */
struct srcfile *srcfile_load(const char *path, const char **why);
/* The same with another limit than SRCFILE_MAX_BYTES (a mailing's data). */
struct srcfile *srcfile_load_max(const char *path, size_t max, const char **why);
/* Wraps bytes already in memory (copied). NAME is copied too. */
struct srcfile *srcfile_from_mem(const char *name, const char *data, size_t len);
void srcfile_free(struct srcfile *sf);

/* Byte offset -> line and column (both 1-based). Offsets past the end are
 * clamped to the end of the file. */
struct srcloc srcfile_locate(const struct srcfile *sf, size_t off);
/* libyaml's 0-based (line, column-in-characters) -> byte offset. */
size_t srcfile_offset(const struct srcfile *sf, size_t line0, size_t col0);
/* The bytes of 1-based line LINE without its line break. */
const char *srcfile_line(const struct srcfile *sf, unsigned line, size_t *len);
/* Length in bytes of a line break starting at P (0 when there is none).
 * Knows the same breaks as libyaml: LF, CR LF, CR, NEL, LS and PS. */
size_t srcfile_break_len(const char *p, const char *end);

#endif
