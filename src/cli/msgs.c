/* msgs.c - operational messages and process-wide settings (curl tool_msgs). */
#include "cli.h"
#include <glib.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void verrorf(const char *fmt, va_list ap)
{
  fputs("beeldbrief: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

int usage_error(const char *cmd, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  verrorf(fmt, ap);
  va_end(ap);
  fprintf(stderr, "try 'beeldbrief %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
  return EXIT_USAGE;
}

bool want_color(FILE *f)
{
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return false;
  return isatty(fileno(f));
}

/* Findings in shipped files (standard blocks, house styles) name them
 * relative to the working directory when they are below it, as a CI
 * system expects of the paths in a report. */
static void relative_to_cwd(char *dir)
{
  char *cwd = g_get_current_dir();
  size_t n = strlen(cwd);
  if (!strcmp(dir, cwd)) snprintf(dir, PATH_MAX, ".");
  else if (!strncmp(dir, cwd, n) && dir[n] == '/') memmove(dir, dir + n + 1, strlen(dir + n + 1) + 1);
  g_free(cwd);
}

const char *datadir(void)
{
  static char dir[PATH_MAX];
  if (*dir) return dir;
  const char *env = getenv("BEELDBRIEF_DATA");
  if (env && *env) {
    snprintf(dir, sizeof dir, "%s", env);
    relative_to_cwd(dir);
    return dir;
  }
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  if (n <= 0) {
    snprintf(dir, sizeof dir, ".");
    return dir;
  }
  dir[n] = '\0';
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0';
  relative_to_cwd(dir);
  return dir;
}

long long build_epoch(void)
{
  const char *s = getenv("SOURCE_DATE_EPOCH");
  if (s && *s) {
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end == '\0' && v >= 0) return v;
  }
  return (long long)time(NULL);
}
