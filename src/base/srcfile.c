/* srcfile.c - loading source files and mapping offsets to line:col. */
#include "srcfile.h"
#include "xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

size_t srcfile_break_len(const char *p, const char *end)
{
  const unsigned char *u = (const unsigned char *)p;
  size_t avail = (size_t)(end - p);
  if (avail == 0) return 0;
  if (u[0] == '\n') return 1;
  if (u[0] == '\r') return (avail > 1 && u[1] == '\n') ? 2 : 1;
  if (avail > 1 && u[0] == 0xC2 && u[1] == 0x85) return 2;              /* NEL */
  if (avail > 2 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
    return 3;                                                          /* LS, PS */
  return 0;
}

static void build_lines(struct srcfile *sf)
{
  size_t cap = 64;
  sf->lines = xmalloc(cap * sizeof *sf->lines);
  sf->nlines = 0;
  sf->body = (sf->len >= 3 && memcmp(sf->data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  sf->lines[sf->nlines++] = (uint32_t)sf->body;
  const char *end = sf->data + sf->len;
  for (const char *p = sf->data + sf->body; p < end;) {
    size_t b = srcfile_break_len(p, end);
    if (!b) { p++; continue; }
    p += b;
    if (sf->nlines == cap) {
      cap *= 2;
      sf->lines = xrealloc(sf->lines, cap * sizeof *sf->lines);
    }
    sf->lines[sf->nlines++] = (uint32_t)(p - sf->data);
  }
}

struct srcfile *srcfile_from_mem(const char *name, const char *data, size_t len)
{
  struct srcfile *sf = xcalloc(1, sizeof *sf);
  char *copy = xmalloc(len + 1);
  if (len) memcpy(copy, data, len);
  copy[len] = '\0';
  sf->name = xstrdup(name);
  sf->data = copy;
  sf->len = len;
  build_lines(sf);
  return sf;
}

struct srcfile *srcfile_load(const char *path, const char **why)
{
  return srcfile_load_max(path, SRCFILE_MAX_BYTES, why);
}

struct srcfile *srcfile_load_max(const char *path, size_t max, const char **why)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    *why = strerror(errno);
    return NULL;
  }
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(f);
    *why = "is a directory";
    return NULL;
  }
  /* Read in pieces rather than trusting st_size: pipes and /dev files
   * report 0, and a file may grow while we read it. */
  size_t cap = 8192, len = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    if (len == cap) {
      if (cap > max) break;
      cap *= 2;
      buf = xrealloc(buf, cap);
    }
    size_t n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0) break;
  }
  int err = ferror(f);
  fclose(f);
  if (err) {
    free(buf);
    *why = "read error";
    return NULL;
  }
  if (len > max) {
    free(buf);
    *why = max == SRCFILE_MAX_BYTES ? "file is larger than 16 MiB" : "file is too large";
    return NULL;
  }
  struct srcfile *sf = srcfile_from_mem(path, buf, len);
  free(buf);
  return sf;
}

void srcfile_free(struct srcfile *sf)
{
  if (!sf) return;
  free((char *)sf->name);
  free((char *)sf->data);
  free(sf->lines);
  free(sf);
}

struct srcloc srcfile_locate(const struct srcfile *sf, size_t off)
{
  struct srcloc loc = { sf, 1, 1 };
  if (off > sf->len) off = sf->len;
  if (off < sf->body) off = sf->body;
  /* Binary search for the last line starting at or before off. */
  size_t lo = 0, hi = sf->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (sf->lines[mid] <= off) lo = mid; else hi = mid;
  }
  loc.line = (unsigned)lo + 1;
  unsigned col = 1;
  for (size_t i = sf->lines[lo]; i < off; i++)
    if (((unsigned char)sf->data[i] & 0xC0) != 0x80) col++;
  loc.col = col;
  return loc;
}

size_t srcfile_offset(const struct srcfile *sf, size_t line0, size_t col0)
{
  if (line0 >= sf->nlines) return sf->len;
  size_t off = sf->lines[line0];
  const char *end = sf->data + sf->len;
  /* Walk col0 characters forward; libyaml counts code points. */
  while (col0 > 0 && off < sf->len) {
    if (srcfile_break_len(sf->data + off, end)) break;
    off++;
    while (off < sf->len && ((unsigned char)sf->data[off] & 0xC0) == 0x80) off++;
    col0--;
  }
  return off;
}

const char *srcfile_line(const struct srcfile *sf, unsigned line, size_t *len)
{
  if (line == 0 || line > sf->nlines) { *len = 0; return ""; }
  size_t start = sf->lines[line - 1];
  size_t end = line < sf->nlines ? sf->lines[line] : sf->len;
  const char *stop = sf->data + sf->len;
  /* Drop the line break at the end. */
  size_t i = start;
  while (i < end && !srcfile_break_len(sf->data + i, stop)) i++;
  *len = i - start;
  return sf->data + start;
}
