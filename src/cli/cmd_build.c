/* cmd_build.c - `beeldbrief build SPEC.yaml [-o OUT.pdf]`. */
#include "cli.h"
#include "../model/letter.h"
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
  "as file:line:col; with error-level findings no PDF is written.\n"
  "\n"
  "  -o, --output FILE      write the PDF here (default: SPEC with .pdf)\n"
  "      --set NAME=VALUE   give variable {{ NAME }} a value (repeatable)\n"
  "      --max-pages N      refuse letters longer than N pages (default 10)\n"
  "      --emit model       print the letter model instead of a PDF\n"
  "  -h, --help             show this help\n"
  "\n"
  "Exit status: 0 built, 1 error-level findings, 2 bad usage, unreadable\n"
  "or invalid spec, or the PDF could not be written.\n";

/* True when A and B name the same existing file: building a spec "into"
 * itself would replace the editor's work with a PDF. */
static bool same_file(const char *a, const char *b)
{
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static char *default_output(const char *spec)
{
  size_t n = strlen(spec);
  if (n > 5 && strcmp(spec + n - 5, ".yaml") == 0) n -= 5;
  else if (n > 4 && strcmp(spec + n - 4, ".yml") == 0) n -= 4;
  return g_strdup_printf("%.*s.pdf", (int)n, spec);
}

int cmd_build(int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "set", required_argument, NULL, 's' },
    { "max-pages", required_argument, NULL, 'p' },
    { "emit", required_argument, NULL, 'e' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *out = NULL, *emit = NULL;
  unsigned max_pages = 10;
  char **sets = calloc((size_t)argc + 1, sizeof *sets);
  size_t nsets = 0;
  int c, rc = EXIT_USAGE;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
    switch (c) {
    case 'o': out = optarg; break;
    case 's':
      if (!strchr(optarg, '=') || optarg[0] == '=') {
        usage_error("build", "--set needs NAME=VALUE, not '%s'", optarg);
        goto done;
      }
      sets[nsets++] = optarg;
      break;
    case 'p': {
      char *end;
      long v = strtol(optarg, &end, 10);
      if (*end || v < 1 || v > 1000) {
        usage_error("build", "--max-pages needs a number from 1 to 1000, not '%s'", optarg);
        goto done;
      }
      max_pages = (unsigned)v;
      break;
    }
    case 'e':
      if (strcmp(optarg, "model") != 0) {
        usage_error("build", "--emit knows only 'model', not '%s'", optarg);
        goto done;
      }
      emit = optarg;
      break;
    case 'h': fputs(build_usage, stdout); rc = EXIT_OK; goto done;
    default:
      usage_error("build", "unknown option '%s'", argv[optind - 1]);
      goto done;
    }
  }
  if (optind != argc - 1) {
    usage_error("build", optind == argc ? "no spec given" : "build takes one spec, got %d",
                argc - optind);
    goto done;
  }

  const char *spec = argv[optind];
  bool io_failed = false;
  if (out && same_file(out, spec)) {
    usage_error("build", "the output '%s' is the spec itself", out);
    goto done;
  }
  struct unit *u = pipeline_load(spec, sets, nsets);
  if (u->letter && emit) {
    letter_dump(u->letter, stdout);
  } else if (u->letter && !diag_list_has_errors(&u->diags)) {
    char *path = out ? g_strdup(out) : default_output(spec);
    struct render_opts ro = { .datadir = datadir(), .max_pages = max_pages,
                              .epoch = build_epoch() };
    render_init(ro.datadir);
    if (render_pdf(u, u->letter, &ro, path) == RENDER_IO) io_failed = true;
    g_free(path);
  }
  diag_list_sort(&u->diags);
  diag_list_print(stderr, &u->diags, want_color(stderr));
  rc = io_failed ? EXIT_USAGE : pipeline_exit_code(u);
  unit_free(u);
done:
  free(sets);
  return rc;
}
