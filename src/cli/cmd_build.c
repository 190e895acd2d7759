/* cmd_build.c - `beeldbrief build SPEC.yaml [-o OUT.pdf]`. */
#include "cli.h"
#include "../model/house.h"
#include "../model/letter.h"
#include "../lint/lint.h"
#include "../render/render.h"
#include <getopt.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char build_usage[] =
  "usage: beeldbrief build SPEC.yaml [-o OUT.pdf] [options]\n"
  "\n"
  "Checks the letter spec and compiles it into a PDF. Findings are printed\n"
  "as file:line:col; with error-level findings nothing is written.\n"
  "\n"
  "  -o, --output FILE        write here (default: SPEC with .pdf; for PNG\n"
  "                           a prefix: FILE-1.png, FILE-2.png, ...)\n"
  "      --format pdf|png     a PDF (default) or one PNG per page (previews)\n"
  "      --dpi N              resolution of PNG pages (default 110)\n"
  "      --house-style FILE   use this house style instead of the spec's\n"
  "      --config FILE        settings instead of the nearest .beeldbrief.yaml\n"
  "      --set NAME=VALUE     give variable {{ NAME }} a value (repeatable)\n"
  "      --max-pages N        refuse letters longer than N pages (default:\n"
  "                           the house style's, 10)\n"
  "      --emit model|layout|metrics\n"
  "                           print the letter model, the page layout (boxes\n"
  "                           in millimetres) or the readability figures of\n"
  "                           the letter and each block (JSON) instead\n"
  "  -h, --help               show this help\n"
  "\n"
  "Exit status: 0 built, 1 error-level findings, 2 bad usage, unreadable\n"
  "or invalid spec, or the output could not be written.\n";

/* True when A and B name the same existing file: building a spec "into"
 * itself would replace the editor's work with a PDF. */
static bool same_file(const char *a, const char *b)
{
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

/* {"letter": {...}, "blocks": [{"block": 1, "type": "paragraph",
 * "line": 58, "metrics": {...}}, ...]} */
static void emit_metrics(const struct letter *l)
{
  const struct metrics *blocks;
  size_t n;
  const struct metrics *m = pipeline_metrics(&blocks, &n);
  fputs("{\"letter\": ", stdout);
  metrics_write_json(stdout, m);
  fputs(", \"blocks\": [", stdout);
  for (size_t i = 0; i < n && i < l->nblocks; i++) {
    struct srcloc at = text_loc_start(&l->blocks[i].key);
    printf("%s\n  {\"block\": %zu, \"type\": \"%s\", \"line\": %u, \"metrics\": ", i ? "," : "",
           i + 1, block_type_names[l->blocks[i].type], at.line);
    metrics_write_json(stdout, &blocks[i]);
    fputc('}', stdout);
  }
  fputs("\n]}\n", stdout);
}

/* SPEC without .yaml/.yml, plus SUFFIX. */
static char *derived_name(const char *spec, const char *suffix)
{
  size_t n = strlen(spec);
  if (n > 5 && strcmp(spec + n - 5, ".yaml") == 0) n -= 5;
  else if (n > 4 && strcmp(spec + n - 4, ".yml") == 0) n -= 4;
  return g_strdup_printf("%.*s%s", (int)n, spec, suffix);
}

struct build_opts {
  const char *out, *emit, *style;
  bool        png;
  unsigned    max_pages;
  double      dpi;
  char      **sets;
  size_t      nsets;
};

/* Parses the options; returns -1 after a usage error, 1 after --help. */
static int parse(int argc, char **argv, struct build_opts *b)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "format", required_argument, NULL, 'f' },
    { "dpi", required_argument, NULL, 'd' },
    { "house-style", required_argument, NULL, 'H' },
    { "config", required_argument, NULL, 'C' },
    { "set", required_argument, NULL, 's' },
    { "max-pages", required_argument, NULL, 'p' },
    { "emit", required_argument, NULL, 'e' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
    char *end;
    long v;
    switch (c) {
    case 'o': b->out = optarg; break;
    case 'H': b->style = optarg; break;
    case 'C': pipeline_set_config(optarg); break;
    case 'f':
      if (strcmp(optarg, "pdf") && strcmp(optarg, "png"))
        return usage_error("build", "--format is pdf or png, not '%s'", optarg), -1;
      b->png = !strcmp(optarg, "png");
      break;
    case 'd':
      v = strtol(optarg, &end, 10);
      if (*end || v < 30 || v > 600)
        return usage_error("build", "--dpi needs a number from 30 to 600, not '%s'", optarg), -1;
      b->dpi = (double)v;
      break;
    case 's':
      if (!strchr(optarg, '=') || optarg[0] == '=')
        return usage_error("build", "--set needs NAME=VALUE, not '%s'", optarg), -1;
      b->sets[b->nsets++] = optarg;
      break;
    case 'p':
      v = strtol(optarg, &end, 10);
      if (*end || v < 1 || v > 1000)
        return usage_error("build", "--max-pages needs a number from 1 to 1000, not '%s'",
                           optarg), -1;
      b->max_pages = (unsigned)v;
      break;
    case 'e':
      if (strcmp(optarg, "model") && strcmp(optarg, "layout") && strcmp(optarg, "metrics"))
        return usage_error("build", "--emit is model, layout or metrics, not '%s'", optarg), -1;
      b->emit = optarg;
      break;
    case 'h': fputs(build_usage, stdout); return 1;
    default: return usage_error("build", "unknown option '%s'", argv[optind - 1]), -1;
    }
  }
  if (optind != argc - 1) {
    if (optind == argc) usage_error("build", "no spec given");
    else usage_error("build", "build takes one spec, got %d", argc - optind);
    return -1;
  }
  return 0;
}

/* Renders to the output the options ask for; true when it could not be
 * written (an I/O failure, exit 2, rather than a finding). */
static bool render(struct unit *u, const struct build_opts *b, const char *spec)
{
  struct render_opts ro = { .datadir = datadir(), .max_pages = b->max_pages,
                            .epoch = build_epoch(), .dpi = b->dpi };
  ro.kind_pages = pipeline_kind_pages(u, &ro.kind_pages_severity);
  render_init(ro.datadir);
  if (b->emit) return render_layout(u, u->letter, u->style, &ro, stdout) == RENDER_IO;
  char *path = b->out ? g_strdup(b->out) : derived_name(spec, b->png ? "" : ".pdf");
  enum render_result r;
  if (b->png) {
    /* "-o page.png" means the prefix "page". */
    if (g_str_has_suffix(path, ".png")) path[strlen(path) - 4] = '\0';
    r = render_png(u, u->letter, u->style, &ro, path);
  } else {
    r = render_pdf(u, u->letter, u->style, &ro, path);
  }
  g_free(path);
  return r == RENDER_IO;
}

int cmd_build(int argc, char **argv)
{
  struct build_opts b = { 0 };
  b.sets = calloc((size_t)argc + 1, sizeof *b.sets);
  int rc = parse(argc, argv, &b);
  if (rc != 0) {
    free(b.sets);
    return rc > 0 ? EXIT_OK : EXIT_USAGE;
  }
  const char *spec = argv[optind];
  if (b.out && same_file(b.out, spec)) {
    free(b.sets);
    return usage_error("build", "the output '%s' is the spec itself", b.out);
  }

  struct unit *u = pipeline_load(spec, b.sets, b.nsets, b.style);
  bool io_failed = false;
  if (u->letter && b.emit && !strcmp(b.emit, "model"))
    letter_dump(u->letter, stdout);
  else if (u->letter && b.emit && !strcmp(b.emit, "metrics"))
    emit_metrics(u->letter);
  else if (u->letter && !diag_list_has_errors(&u->diags))
    io_failed = render(u, &b, spec);
  pipeline_apply_severities(u, NULL);
  diag_list_sort(&u->diags);
  diag_list_print(stderr, &u->diags, want_color(stderr));
  rc = io_failed ? EXIT_USAGE : pipeline_exit_code(u);
  unit_free(u);
  free(b.sets);
  return rc;
}
