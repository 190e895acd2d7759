/* cmd_rules.c - `beeldbrief rules [--format text|json]` lists every rule
 * of every pass; `beeldbrief explain ID` prints what a rule checks and
 * why, with a bad and a good example (docs/rules/ID.md). */
#include "cli.h"
#include "../base/util.h"
#include "../model/rules.h"
#include <getopt.h>
#include <glib.h>
#include <string.h>

static const char rules_usage[] =
  "usage: beeldbrief rules [--format text|json]\n"
  "\n"
  "Lists every rule of every check (readability, vocabulary, consistency,\n"
  "spelling, letter) with its default severity and a one-line summary.\n"
  "'beeldbrief explain ID' tells more about one rule.\n"
  "\n"
  "  --format text|json   text (default), or json for tools:\n"
  "                       {\"rules\": [{\"id\", \"severity\", \"summary\"}]}\n"
  "  -h, --help           show this help\n";

int cmd_rules(int argc, char **argv)
{
  static const struct option opts[] = {
    { "format", required_argument, NULL, 'f' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  bool json = false;
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
    if (c == 'h') { fputs(rules_usage, stdout); return EXIT_OK; }
    if (c == 'f' && (!strcmp(optarg, "text") || !strcmp(optarg, "json"))) { json = !strcmp(optarg, "json"); continue; }
    if (c == 'f') return usage_error("rules", "--format is text or json, not '%s'", optarg);
    return usage_error("rules", "unknown option '%s'", argv[optind - 1]);
  }
  if (optind != argc) return usage_error("rules", "takes no arguments");
  size_t n;
  const struct rule_info *r = rules_all(&n);
  if (json) fputs("{\"rules\": [", stdout);
  for (size_t i = 0; i < n; i++) {
    if (json) {
      fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", stdout);
      json_write_string(stdout, r[i].id);
      fputs(", \"severity\": ", stdout);
      json_write_string(stdout, diag_severity_name(r[i].severity));
      fputs(", \"summary\": ", stdout);
      json_write_string(stdout, r[i].summary);
      fputc('}', stdout);
    } else {
      printf("%-28s %-8s %s\n", r[i].id, diag_severity_name(r[i].severity), r[i].summary);
    }
  }
  if (json) fputs("\n]}\n", stdout);
  else printf("%zu rules\n", n);
  return EXIT_OK;
}

static const char explain_usage[] =
  "usage: beeldbrief explain RULE\n"
  "\n"
  "Explains one rule (see 'beeldbrief rules'): what it checks and why, in\n"
  "Dutch, with a one-line English summary and a bad and a good example.\n"
  "\n"
  "Exit status: 0 explained, 2 unknown rule.\n";

int cmd_explain(int argc, char **argv)
{
  if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
    fputs(explain_usage, stdout);
    return EXIT_OK;
  }
  if (argc != 2) return usage_error("explain", "give one rule id, for example letter.salutation");
  const char *id = argv[1];
  if (!rules_find(id)) {
    size_t n;
    const struct rule_info *r = rules_all(&n);
    const char **ids = g_new(const char *, n);
    for (size_t i = 0; i < n; i++) ids[i] = r[i].id;
    const char *best = suggest_closest(id, ids, n);
    int rc = best ? usage_error("explain", "unknown rule '%s'; did you mean '%s'?", id, best)
                  : usage_error("explain", "unknown rule '%s'; 'beeldbrief rules' lists them", id);
    g_free(ids);
    return rc;
  }
  char *file = g_strdup_printf("%s.md", id);
  char *path = g_build_filename(datadir(), "docs", "rules", file, NULL);
  char *text = NULL;
  GError *err = NULL;
  int rc = EXIT_OK;
  if (g_file_get_contents(path, &text, NULL, &err)) {
    fputs(text, stdout);
  } else {
    fprintf(stderr, "beeldbrief: error: cannot read the explanation %s: %s\n", path, err->message);
    g_error_free(err);
    rc = EXIT_USAGE;
  }
  g_free(text);
  g_free(path);
  g_free(file);
  return rc;
}
