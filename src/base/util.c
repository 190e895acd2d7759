/* util.c - edit distance, suggestions and atomic output files. */
#include "util.h"
#include "xalloc.h"
#include <ctype.h>
#include <glib.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

unsigned edit_distance(const char *a, const char *b, unsigned limit)
{
  size_t la = strlen(a), lb = strlen(b);
  if ((la > lb ? la - lb : lb - la) > limit) return limit + 1;
  /* Three rolling rows are enough for the transposition case. */
  unsigned *prev2 = xcalloc(lb + 1, sizeof *prev2);
  unsigned *prev = xcalloc(lb + 1, sizeof *prev);
  unsigned *cur = xcalloc(lb + 1, sizeof *cur);
  for (size_t j = 0; j <= lb; j++) prev[j] = (unsigned)j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = (unsigned)i;
    unsigned rowmin = cur[0];
    for (size_t j = 1; j <= lb; j++) {
      int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
      unsigned cost = ca != cb;
      unsigned v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (prev[j - 1] + cost < v) v = prev[j - 1] + cost;
      if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
          tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < v)
        v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowmin) rowmin = v;
    }
    unsigned *t = prev2; prev2 = prev; prev = cur; cur = t;
    if (rowmin > limit) { la = i; break; }
  }
  unsigned d = prev[lb];
  free(prev2); free(prev); free(cur);
  return d > limit ? limit + 1 : d;
}

const char *suggest_closest(const char *word, const char *const *cands, size_t n)
{
  size_t len = strlen(word);
  unsigned limit = len <= 3 ? 1 : (unsigned)(len + 2) / 3;
  const char *best = NULL;
  unsigned best_d = limit + 1;
  for (size_t i = 0; i < n; i++) {
    unsigned d = edit_distance(word, cands[i], limit);
    if (d < best_d) { best_d = d; best = cands[i]; }
  }
  return best_d <= limit ? best : NULL;
}

const char *suggest_file(const char *word, const char *const *dirs, size_t ndirs,
                         const char *suffix, char *buf, size_t size)
{
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  size_t sl = strlen(suffix);
  for (size_t d = 0; d < ndirs; d++) {
    GDir *dir = g_dir_open(dirs[d], 0, NULL);
    for (const char *e; dir && (e = g_dir_read_name(dir)) && names->len < 1000;)
      if (strlen(e) > sl && g_str_has_suffix(e, suffix))
        g_ptr_array_add(names, g_strndup(e, strlen(e) - sl));
    if (dir) g_dir_close(dir);
  }
  const char *best = suggest_closest(word, (const char *const *)names->pdata, names->len);
  if (best) snprintf(buf, size, "%s", best);
  g_ptr_array_free(names, TRUE);
  return best ? buf : NULL;
}

void json_write_string(FILE *out, const char *s)
{
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\t': fputs("\\t", out); break;
    case '\r': fputs("\\r", out); break;
    default:
      if (*p < 0x20) fprintf(out, "\\u%04x", *p);
      else fputc(*p, out);
    }
  }
  fputc('"', out);
}

int outfile_open(struct outfile *of, const char *path)
{
  memset(of, 0, sizeof *of);
  of->fd = -1;
  /* The temporary file lives beside the target so that rename() is atomic
   * (same file system). */
  size_t n = strlen(path);
  of->tmp = xmalloc(n + 16);
  snprintf(of->tmp, n + 16, "%s.tmp-XXXXXX", path);
  of->fd = mkstemp(of->tmp);
  if (of->fd < 0) {
    int e = errno;
    free(of->tmp);
    of->tmp = NULL;
    errno = e;
    return -1;
  }
  /* mkstemp makes 0600 files; give the result the usual umask-based mode. */
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(of->fd, 0666 & ~mask) != 0) { /* not fatal: keep 0600 */ }
  of->path = xstrdup(path);
  return 0;
}

int outfile_commit(struct outfile *of)
{
  if (!of->tmp) { errno = EINVAL; return -1; }
  int rc = fsync(of->fd);
  if (close(of->fd) != 0) rc = -1;
  of->fd = -1;
  if (rc == 0 && rename(of->tmp, of->path) == 0) {
    free(of->tmp);
    of->tmp = NULL;
    free(of->path);
    of->path = NULL;
    return 0;
  }
  int e = errno;
  outfile_abort(of);
  errno = e;
  return -1;
}

void outfile_abort(struct outfile *of)
{
  if (of->fd >= 0) close(of->fd);
  of->fd = -1;
  if (of->tmp) {
    unlink(of->tmp);
    free(of->tmp);
    of->tmp = NULL;
  }
  free(of->path);
  of->path = NULL;
}

int write_file_atomic(const char *path, const char *data, size_t len)
{
  struct outfile of;
  if (outfile_open(&of, path) != 0) return -1;
  for (size_t done = 0; done < len;) {
    ssize_t n = write(of.fd, data + done, len - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      outfile_abort(&of);
      errno = n < 0 ? e : EIO;
      return -1;
    }
    done += (size_t)n;
  }
  return outfile_commit(&of);
}
