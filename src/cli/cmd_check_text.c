/* cmd_check_text.c - `beeldbrief check-text [--format text|json] FILE|-`:
 * the text checks on plain text, for editors who paste a paragraph and for
 * tools. Positions are line:col in the file. */
#include "cli.h"
#include "../base/util.h"
#include "../lint/lint.h"
#include <getopt.h>
#include <glib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
  "usage: beeldbrief check-text [--format text|json] FILE|-...\n"
  "\n"
  "Checks plain Dutch text (- reads standard input) for B1 readability,\n"
  "the organisation's word list, consistent notations and spelling, and\n"
  "prints every finding as file:line:col with the text's figures\n"
  "(words per sentence, Flesch-Douma, estimated level). Each file is\n"
  "checked on its own; json takes one file.\n"
  "\n"
  "  --format text|json   text for people (default), json for tools:\n"
  "                       {\"metrics\": {...}, \"diagnostics\": [...]}\n"
  "  --config FILE        settings (thresholds) instead of the nearest\n"
  "                       .beeldbrief.yaml\n"
  "  --emit tokens        print the sentences and tokens as the checks see\n"
  "                       them (kind and syllables per token) instead\n"
  "  -h, --help           show this help\n"
  "\n"
  "Exit status: 0 no errors, 1 error-level findings, 2 bad usage or an\n"
  "unreadable file.\n";

static struct srcfile *read_input(const char *path, struct unit *u)
{
  if (strcmp(path, "-") != 0) {
    const char *why = NULL;
    struct srcfile *sf = srcfile_load(path, &why);
    if (!sf) diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read: %s", why);
    return sf;
  }
  GString *g = g_string_new(NULL);
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, stdin)) > 0 && g->len < SRCFILE_MAX_BYTES)
    g_string_append_len(g, buf, (gssize)n);
  struct srcfile *sf = srcfile_from_mem("<stdin>", g->str, g->len);
  g_string_free(g, TRUE);
  return sf;
}

static void write_json(const struct unit *u, const struct metrics *m)
{
  fputs("{\"metrics\": ", stdout);
  metrics_write_json(stdout, m);
  fputs(", \"diagnostics\": [", stdout);
  for (size_t i = 0; i < u->diags.n; i++) {
    const struct diag *d = &u->diags.items[i];
    fputs(i ? ",\n  {" : "\n  {", stdout);
    fputs("\"rule\": ", stdout);
    json_write_string(stdout, d->rule_id);
    fputs(", \"severity\": ", stdout);
    json_write_string(stdout, diag_severity_name(d->severity));
    fprintf(stdout, ", \"line\": %u, \"col\": %u, \"end_line\": %u, \"end_col\": %u, \"message\": ",
            d->line, d->col, d->end_line, d->end_col);
    json_write_string(stdout, d->message);
    fputs(", \"suggestion\": ", stdout);
    if (d->suggestion) json_write_string(stdout, d->suggestion); else fputs("null", stdout);
    fputc('}', stdout);
  }
  fputs(u->diags.n ? "\n]}\n" : "]}\n", stdout);
}

static void write_text(const struct unit *u, const struct metrics *m, const char *name)
{
  diag_list_print(stdout, &u->diags, want_color(stdout));
  if (name) printf("%s: ", name);
  printf("%u sentences, %u words, %.1f words per sentence, %.2f syllables per word\n"
         "Flesch-Douma %.0f, Brouwer %.0f, %.0f%% frequent words, estimated level %s\n",
         m->sentences, m->words, m->words_per_sentence, m->syllables_per_word, m->flesch_douma,
         m->brouwer, 100 * m->frequent_share, m->level ? m->level : "-");
}

static int check_one(const char *path, bool json, bool emit, const char *config, bool several);

int cmd_check_text(int argc, char **argv)
{
  static const struct option opts[] = {
    { "format", required_argument, NULL, 'f' },
    { "emit", required_argument, NULL, 'e' },
    { "config", required_argument, NULL, 'c' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  bool json = false, emit = false;
  const char *config = NULL;
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
    if (c == 'h') { fputs(usage, stdout); return EXIT_OK; }
    if (c == 'f' && (!strcmp(optarg, "text") || !strcmp(optarg, "json"))) { json = !strcmp(optarg, "json"); continue; }
    if (c == 'e' && !strcmp(optarg, "tokens")) { emit = true; continue; }
    if (c == 'c') { config = optarg; continue; }
    if (c == 'e') return usage_error("check-text", "--emit knows only 'tokens', not '%s'", optarg);
    if (c == 'f') return usage_error("check-text", "--format is text or json, not '%s'", optarg);
    return usage_error("check-text", "unknown option '%s'", argv[optind - 1]);
  }
  if (optind == argc) return usage_error("check-text", "give a file, or - for standard input");

  if (json && argc - optind > 1) return usage_error("check-text", "--format json takes one file");
  int rc = EXIT_OK;
  for (int i = optind; i < argc; i++) {
    int frc = check_one(argv[i], json, emit, config, argc - optind > 1);
    if (frc > rc) rc = frc;
  }
  return rc;
}

static int check_one(const char *path, bool json, bool emit, const char *config, bool several)
{
  struct unit *u = unit_new();
  struct srcfile *sf = read_input(path, u);
  const struct lint_data *d = sf ? pipeline_lint_data(u) : NULL;
  struct metrics m = { 0 };
  int rc = EXIT_USAGE;
  /* The checks read UTF-8; anything else is refused with its position. */
  const char *bad = NULL;
  if (sf && !g_utf8_validate(sf->data, (gssize)sf->len, &bad)) {
    unit_adopt_file(u, sf);
    size_t off = (size_t)(bad - sf->data);
    if (*bad)
      diag_span(&u->diags, DIAG_ERROR, "io.encoding", sf, off, off + 1, NULL,
                "invalid UTF-8 byte 0x%02X; save the text as UTF-8", (unsigned char)*bad);
    else
      diag_span(&u->diags, DIAG_ERROR, "io.encoding", sf, off, off + 1, NULL,
                "the text contains a NUL byte; is this a binary file?");
    diag_list_print(stderr, &u->diags, want_color(stderr));
    unit_free(u);
    return EXIT_USAGE;
  }
  if (sf && d) {
    unit_adopt_file(u, sf);
    struct textseg seg = { 0, (uint32_t)sf->body, false, sf };
    struct text t = { .s = sf->data + sf->body, .len = sf->len - sf->body, .file = sf,
                      .start = (uint32_t)sf->body, .end = (uint32_t)sf->len, .segs = &seg,
                      .nsegs = 1, .literal = true };
    if (emit) {
      lint_dump_tokens(d, &t, stdout);
      unit_free(u);
      return EXIT_OK;
    }
    struct lint_cfg cfg;
    if (pipeline_config(u, strcmp(path, "-") ? path : "./-", config, &cfg) != 0) {
      diag_list_print(stderr, &u->diags, want_color(stderr));
      unit_free(u);
      return EXIT_USAGE;
    }
    lint_text(u, d, &cfg, &t, NULL, &m);
    pipeline_apply_severities(u, &cfg);
    metrics_finish(&m);
    diag_list_sort(&u->diags);
    rc = diag_list_has_errors(&u->diags) ? EXIT_FINDINGS : EXIT_OK;
    if (json) write_json(u, &m); else write_text(u, &m, several ? path : NULL);
  } else {
    if (sf) srcfile_free(sf);
    diag_list_print(stderr, &u->diags, want_color(stderr));
  }
  unit_free(u);
  return rc;
}
