/* cmd_lint.c - `beeldbrief lint [PATH|DIR|GLOB]...`: every check on every
 * letter, in the format a person, a CI system or an editor reads. */
#include "cli.h"
#include "../lint/lint.h"
#include "../base/util.h"
#include "../model/baseline.h"
#include "../model/letter.h"
#include "../spec/spec.h"
#include "../fix/fix.h"
#include "../report/report.h"
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

static const char lint_usage[] =
  "usage: beeldbrief lint [options] PATH|DIR|GLOB...\n"
  "\n"
  "Checks letter specs and reports every finding, sorted by file and line,\n"
  "then a summary line. A folder is searched for letter specs (YAML files\n"
  "with a top-level kind:) in all its subfolders; a quoted glob such as\n"
  "'templates/**.yaml' is expanded. Several files are also compared with\n"
  "each other: the notations of times, dates, amounts and phone numbers,\n"
  "the form of address and the word per concept of the first letter set\n"
  "the norm for the others.\n"
  "\n"
  "  --format FORMAT     text (default), json, sarif, junit, github or gitlab\n"
  "                      (docs/ci.md describes each)\n"
  "  --fail-on LEVEL     error (default) or warning: which findings fail the run\n"
  "  --max-warnings N    fail when there are more than N warnings\n"
  "  --baseline FILE     report only findings that are not in FILE (matched by\n"
  "                      rule, file and text, so moved lines stay known)\n"
  "  --write-baseline FILE  record the findings in FILE and exit 0\n"
  "  --fix               apply the safe fixes in the specs (and their standard\n"
  "                      blocks), then report what is left\n"
  "  --dry-run           with --fix: print the fixes as a unified diff and\n"
  "                      change nothing\n"
  "  --config FILE       settings instead of the nearest .beeldbrief.yaml\n"
  "                      above each file (its ignore: globs skip files found\n"
  "                      in folders and globs; files named are always linted)\n"
  "  -h, --help          show this help\n"
  "\n"
  "Exit status: 0 within the limits, 1 error-level findings (or warnings\n"
  "beyond --fail-on/--max-warnings), 2 bad usage or a missing, unreadable\n"
  "or invalid spec.\n";

/* A letter spec rather than a block file or a house style: a top-level
 * `kind:` key. Only asked of files found in folders. */
static bool is_letter(const char *path)
{
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL)) return true;   /* lint reports it */
  bool yes = g_str_has_prefix(data, "kind:") || g_str_has_prefix(data, "\xEF\xBB\xBFkind:") ||
             strstr(data, "\nkind:") != NULL;
  g_free(data);
  return yes;
}

static void walk(const char *dir, GPtrArray *files)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  if (!d) return;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    if (name[0] == '.') continue;                        /* .git, .beeldbrief.yaml */
    char *path = g_build_filename(dir, name, NULL);
    if (pipeline_ignored(path)) { g_free(path); continue; }
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) walk(path, files);
    else if ((g_str_has_suffix(name, ".yaml") || g_str_has_suffix(name, ".yml")) && is_letter(path))
      g_ptr_array_add(files, g_strdup(path));
    g_free(path);
  }
  g_dir_close(d);
}

static int cmp_path(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files named by ARGS: files as they are, folders searched, quoted
 * globs expanded. A pattern that matches nothing stays, so that it is
 * reported as missing. */
static GPtrArray *expand_args(char **args, int n)
{
  GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
  for (int i = 0; i < n; i++) {
    const char *a = args[i];
    glob_t g;
    if (!g_file_test(a, G_FILE_TEST_EXISTS) && strpbrk(a, "*?[") &&
        glob(a, 0, NULL, &g) == 0) {
      for (size_t j = 0; j < g.gl_pathc; j++) {
        if (pipeline_ignored(g.gl_pathv[j])) continue;
        if (g_file_test(g.gl_pathv[j], G_FILE_TEST_IS_DIR)) walk(g.gl_pathv[j], files);
        else g_ptr_array_add(files, g_strdup(g.gl_pathv[j]));
      }
      globfree(&g);
    } else if (g_file_test(a, G_FILE_TEST_IS_DIR)) {
      GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
      walk(a, found);
      if (found->len) qsort(found->pdata, found->len, sizeof(char *), cmp_path);
      for (guint j = 0; j < found->len; j++) g_ptr_array_add(files, g_strdup(found->pdata[j]));
      g_ptr_array_unref(found);
    } else {
      g_ptr_array_add(files, g_strdup(a));
    }
  }
  return files;
}

/* The key of a finding in a baseline: its words, or its message when it
 * covers no words (a missing key). */
static char *finding_text(const struct diag *d)
{
  char *t = diag_excerpt(d);
  if (t && *t) return t;
  free(t);
  return strdup(d->message ? d->message : "");
}

struct baseline_ctx {
  struct baseline *b;
  const char      *path;      /* the letter, for findings without a file */
};

static bool not_in_baseline(const struct diag *d, void *ctx)
{
  struct baseline_ctx *c = ctx;
  char *file = baseline_relpath(c->b, d->file ? d->file : c->path);
  char *text = finding_text(d);
  bool known = baseline_take(c->b, d->rule_id ? d->rule_id : "", file, text);
  free(text);
  g_free(file);
  return !known;
}

static void record(struct baseline *b, const char *path, const struct diag_list *l)
{
  for (size_t i = 0; i < l->n; i++) {
    const struct diag *d = &l->items[i];
    char *file = baseline_relpath(b, d->file ? d->file : path);
    char *text = finding_text(d);
    baseline_add(b, d->rule_id ? d->rule_id : "", file, text, d->message, 1);
    free(text);
    g_free(file);
  }
}

/* The baseline at PATH, or NULL after printing why it cannot be read. */
static struct baseline *load_baseline(const char *path)
{
  struct unit *u = unit_new();
  struct baseline *b = spec_load_baseline(u, path);
  if (!b) {
    diag_list_sort(&u->diags);
    diag_list_print(stderr, &u->diags, want_color(stderr));
  }
  unit_free(u);
  return b;
}

static int write_baseline(const struct baseline *b, const char *path)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  int rc = mem ? baseline_write(b, mem, BEELDBRIEF_VERSION) : -1;
  if (mem && fclose(mem) != 0) rc = -1;
  if (rc == 0 && write_file_atomic(path, buf, len) != 0) rc = -1;
  if (rc != 0)
    fprintf(stderr, "beeldbrief lint: cannot write the baseline %s: %s\n", path, strerror(errno));
  free(buf);
  return rc;
}

/* One lint of FILES that gathers the safe fixes (each use of another
 * notation counts, not only the first), then applies them or prints the
 * diff. Returns the number of fixes, or -1 when one could not be made. */
static long fix_pass(GPtrArray *files, bool dry_run)
{
  struct fixes *fx = fixes_new();
  struct lint_set *set = files->len > 1 ? lint_set_new() : NULL;
  pipeline_set_lint_set(set);
  pipeline_set_every_use(true);
  for (guint i = 0; i < files->len; i++) {
    struct unit *u = pipeline_load(files->pdata[i], NULL, 0, NULL);
    fixes_collect(fx, &u->diags);
    unit_free(u);
  }
  pipeline_set_every_use(false);
  pipeline_set_lint_set(NULL);
  lint_set_free(set);
  struct unit *u = unit_new();
  long n = (long)fixes_apply(fx, dry_run, stdout, u);
  if (u->diags.n) {
    diag_list_print(stderr, &u->diags, want_color(stderr));
    n = -1;
  }
  unit_free(u);
  fixes_free(fx);
  return n;
}

/* --fix: passes until nothing is left to fix (a fix can bring another
 * finding to light), at most a few; --dry-run shows the first pass. */
static int run_fixes(GPtrArray *files, bool dry_run, long *total)
{
  enum { MAX_PASSES = 5 };
  *total = 0;
  for (int pass = 0; pass < (dry_run ? 1 : MAX_PASSES); pass++) {
    long n = fix_pass(files, dry_run);
    if (n < 0) return -1;
    *total += n;
    if (n == 0) break;
  }
  return 0;
}

int cmd_lint(int argc, char **argv)
{
  static const struct option opts[] = {
    { "help", no_argument, NULL, 'h' },
    { "config", required_argument, NULL, 'c' },
    { "format", required_argument, NULL, 'f' },
    { "fail-on", required_argument, NULL, 'F' },
    { "max-warnings", required_argument, NULL, 'w' },
    { "baseline", required_argument, NULL, 'b' },
    { "write-baseline", required_argument, NULL, 'W' },
    { "fix", no_argument, NULL, 'x' },
    { "dry-run", no_argument, NULL, 'n' },
    { NULL, 0, NULL, 0 },
  };
  bool fix = false, dry_run = false;
  const char *baseline_path = NULL, *write_path = NULL;
  enum report_format format = REPORT_TEXT;
  bool fail_on_warning = false;
  long max_warnings = -1;
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
    if (c == 'h') { fputs(lint_usage, stdout); return EXIT_OK; }
    if (c == 'c') { pipeline_set_config(optarg); continue; }
    if (c == 'b') { baseline_path = optarg; continue; }
    if (c == 'W') { write_path = optarg; continue; }
    if (c == 'x') { fix = true; continue; }
    if (c == 'n') { dry_run = true; continue; }
    if (c == 'f') {
      int f = letter_name_index(report_format_names, REPORT_FORMAT_COUNT, optarg);
      if (f < 0) return usage_error("lint", "--format is text, json, sarif, junit, github or gitlab, not '%s'", optarg);
      format = (enum report_format)f;
      continue;
    }
    if (c == 'F') {
      if (strcmp(optarg, "error") && strcmp(optarg, "warning"))
        return usage_error("lint", "--fail-on is error or warning, not '%s'", optarg);
      fail_on_warning = !strcmp(optarg, "warning");
      continue;
    }
    if (c == 'w') {
      char *end;
      errno = 0;
      max_warnings = strtol(optarg, &end, 10);
      if (*end || end == optarg || errno || max_warnings < 0)
        return usage_error("lint", "--max-warnings needs a number of 0 or more, not '%s'", optarg);
      continue;
    }
    return usage_error("lint", "unknown option '%s'", argv[optind - 1]);
  }
  if (optind == argc) return usage_error("lint", "no files given");
  if (dry_run && !fix) return usage_error("lint", "--dry-run goes with --fix");

  GPtrArray *files = expand_args(argv + optind, argc - optind);
  if (files->len == 0) {
    g_ptr_array_unref(files);
    return usage_error("lint", "no letter specs found in %s", argv[optind]);
  }
  if (fix) {
    long fixed;
    int frc = run_fixes(files, dry_run, &fixed);
    fflush(stdout);
    fprintf(stderr, "beeldbrief lint: %ld fix%s %s\n", fixed, fixed == 1 ? "" : "es",
            dry_run ? "shown (nothing changed)" : "applied");
    if (frc != 0 || dry_run) {
      g_ptr_array_unref(files);
      return frc != 0 ? EXIT_USAGE : EXIT_OK;
    }
  }
  struct baseline *known = NULL, *found = NULL;
  if (baseline_path && !(known = load_baseline(baseline_path))) {
    g_ptr_array_unref(files);
    return EXIT_USAGE;
  }
  if (write_path) {
    char *dir = g_path_get_dirname(write_path);
    found = baseline_new(dir);
    g_free(dir);
  }
  struct report *rep = report_new(format, stdout, want_color(stdout), datadir(), BEELDBRIEF_VERSION);
  int rc = EXIT_OK;
  unsigned errors = 0, warnings = 0;
  /* Templates linted together should also agree with each other. */
  struct lint_set *set = files->len > 1 ? lint_set_new() : NULL;
  pipeline_set_lint_set(set);
  for (guint i = 0; i < files->len; i++) {
    const char *path = files->pdata[i];
    struct unit *u = pipeline_load(path, NULL, 0, NULL);
    diag_list_sort(&u->diags);
    if (found) record(found, path, &u->diags);
    if (known) diag_list_filter(&u->diags, not_in_baseline, &(struct baseline_ctx){ known, path });
    char *summary = NULL;
    if (u->letter) {
      const struct metrics *b, *m = pipeline_metrics(&b, &(size_t){ 0 });
      summary = g_strdup_printf("%s: %u sentences, %.1f words per sentence, Flesch-Douma %.0f, "
                                "%.0f%% frequent words, level %s", path, m->sentences,
                                m->words_per_sentence, m->flesch_douma, 100 * m->frequent_share,
                                m->level ? m->level : "-");
    }
    report_file(rep, path, &u->diags, summary);
    g_free(summary);
    errors += u->diags.count[DIAG_ERROR];
    warnings += u->diags.count[DIAG_WARNING];
    if (!u->letter) rc = EXIT_USAGE;
    unit_free(u);
  }
  pipeline_set_lint_set(NULL);
  lint_set_free(set);
  if (report_finish(rep, errors, warnings, files->len) != 0) rc = EXIT_USAGE;
  if (known && format == REPORT_TEXT) {
    unsigned gone = baseline_left(known);
    fprintf(stdout, "%u known finding%s in %s not shown", baseline_taken(known),
            baseline_taken(known) == 1 ? "" : "s", baseline_path);
    if (gone) fprintf(stdout, "; %u %s fixed: write the baseline again to keep it so", gone,
                      gone == 1 ? "is" : "are");
    fputc('\n', stdout);
  }
  baseline_free(known);
  if (found) {
    if (rc == EXIT_OK || rc == EXIT_FINDINGS) rc = write_baseline(found, write_path) == 0 ? EXIT_OK : EXIT_USAGE;
    baseline_free(found);
    g_ptr_array_unref(files);
    return rc;
  }
  bool failed = errors > 0 || (fail_on_warning && warnings > 0) ||
                (max_warnings >= 0 && warnings > (unsigned long)max_warnings);
  if (rc == EXIT_OK && failed) rc = EXIT_FINDINGS;
  g_ptr_array_unref(files);
  return rc;
}
