/* cmd_batch.c - `beeldbrief batch`: a mailing from one template and a data
 * file, and `beeldbrief merge-manifests` for mailings split into shards.
 * The batch/ stage runs the mailing; this file says what one record
 * becomes: the template filled in, checked, and rendered. */
#include "cli.h"
#include "../batch/batch.h"
#include "../model/letter.h"
#include "../render/render.h"
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char batch_usage[] =
  "usage: beeldbrief batch TEMPLATE.yaml --data FILE.csv|FILE.jsonl -o DIR [options]\n"
  "\n"
  "Makes a letter for every record of the data file: the template's\n"
  "{{ variables }} are filled from the record's fields, the letter is checked,\n"
  "and a record whose letter has error-level findings (an empty field, a\n"
  "bad postcode) is rejected with the reason while the rest goes on. Each\n"
  "letter becomes DIR/ID.pdf; DIR/manifest.csv lists every record once:\n"
  "id,status,file,pages,sheets,sha256,reason. A run that is stopped can be\n"
  "started again with the same command: it finishes the mailing.\n"
  "\n"
  "  --data FILE         CSV with a header row (UTF-8), or JSON Lines (.jsonl);\n"
  "                      every record needs a unique id\n"
  "  -o, --output DIR    the folder for the letters and the manifest\n"
  "  --jobs N            worker processes (default: one per core)\n"
  "  --shard K/N         only part K of N of the records (default: from\n"
  "                      SLURM_ARRAY_TASK_ID/COUNT, or JOB_COMPLETION_INDEX\n"
  "                      with BEELDBRIEF_SHARDS; docs/scale-out.md)\n"
  "  --combined FILE     also one print file with every letter, sorted by\n"
  "                      postcode, each padded to an even number of pages\n"
  "                      (duplex)\n"
  "  --config FILE       settings instead of the nearest .beeldbrief.yaml\n"
  "  -q, --quiet         no progress line\n"
  "  -h, --help          show this help\n"
  "\n"
  "Exit status: 0 when every record is in the manifest (ok or rejected),\n"
  "1 when the template itself has error-level findings, 2 bad usage or an\n"
  "unusable data file or output folder.\n";

struct mailing {
  const char *template_path;
  long long   epoch;
};

/* "message [rule]" of the first error of U. */
static char *first_error(const struct unit *u)
{
  for (size_t i = 0; i < u->diags.n; i++) {
    const struct diag *d = &u->diags.items[i];
    if (d->severity != DIAG_ERROR) continue;
    return g_strdup_printf("%s [%s]", d->message, d->rule_id ? d->rule_id : "error");
  }
  return g_strdup("the letter could not be made");
}

static void make_letter(void *ctx, const struct batch_record *r, struct batch_letter *out)
{
  const struct mailing *m = ctx;
  /* Fault injection for the tests: the worker that makes this record
   * crashes, and the batch must go on without it. */
  const char *crash = getenv("BEELDBRIEF_TEST_CRASH_ID");
  if (crash && r->id && !strcmp(crash, r->id)) abort();
  struct unit *u = pipeline_load_record(m->template_path, r->names, (const char *const *)r->values,
                                        r->n);
  if (u->letter && !diag_list_has_errors(&u->diags)) {
    struct render_opts ro = { .datadir = datadir(), .epoch = m->epoch };
    ro.kind_pages = pipeline_kind_pages(u, &ro.kind_pages_severity);
    if (render_pdf_mem(u, u->letter, u->style, &ro, &out->pdf, &out->pdf_len, &out->pages) ==
        RENDER_OK)
      out->ok = true;
    if (u->letter->recipient.postcode.s) out->sort_key = g_strdup(u->letter->recipient.postcode.s);
  }
  if (!out->ok) out->reason = first_error(u);
  unit_free(u);
}

/* A CSV file has the same fields in every row: when the first good record
 * lacks a field the template uses, all of them do. Better one message
 * before the mailing than a rejection for every record. */
static bool missing_column(const char *tpl, const struct batch_data *data)
{
  if (!data->header) return false;                /* JSON Lines: fields may vary */
  for (size_t i = 0; i < data->n; i++) {
    const struct batch_record *r = &data->records[i];
    if (r->error) continue;
    struct unit *u = pipeline_load_record(tpl, r->names, (const char *const *)r->values, r->n);
    bool missing = false;
    for (size_t k = 0; k < u->diags.n && !missing; k++) {
      const struct diag *d = &u->diags.items[k];
      if (d->rule_id && !strcmp(d->rule_id, "spec.variable") && g_str_has_prefix(d->message, "the data has no field")) {
        fprintf(stderr, "%s:%u:%u: error: the data file %s %s [spec.variable]\n", d->file, d->line, d->col,
                data->path, d->message + strlen("the data "));
        missing = true;
      }
    }
    unit_free(u);
    return missing;
  }
  return false;
}

/* "K/N" with 1 <= K <= N. */
static bool parse_shard(const char *s, unsigned *k, unsigned *n)
{
  char *end;
  unsigned long a = strtoul(s, &end, 10);
  if (end == s || *end != '/') return false;
  const char *b = end + 1;
  unsigned long c = strtoul(b, &end, 10);
  if (end == b || *end || c < 1 || c > 100000 || a < 1 || a > c) return false;
  *k = (unsigned)a;
  *n = (unsigned)c;
  return true;
}

/* The shard from a job array: Slurm's task id (counted from its first
 * task) and count, or Kubernetes' completion index with BEELDBRIEF_SHARDS.
 * Returns 0 (none set), 1 (set), or -1 after a usage error. */
static int shard_from_env(unsigned *k, unsigned *n)
{
  const char *sid = getenv("SLURM_ARRAY_TASK_ID"), *scount = getenv("SLURM_ARRAY_TASK_COUNT");
  const char *kidx = getenv("JOB_COMPLETION_INDEX"), *kn = getenv("BEELDBRIEF_SHARDS");
  char buf[64];
  if (sid && scount) {
    const char *smin = getenv("SLURM_ARRAY_TASK_MIN");
    long id = strtol(sid, NULL, 10) - (smin ? strtol(smin, NULL, 10) : 0);
    snprintf(buf, sizeof buf, "%ld/%s", id + 1, scount);
  } else if (kidx) {
    if (!kn) {
      usage_error("batch", "JOB_COMPLETION_INDEX is set; set BEELDBRIEF_SHARDS to the number of shards");
      return -1;
    }
    snprintf(buf, sizeof buf, "%ld/%s", strtol(kidx, NULL, 10) + 1, kn);
  } else {
    return 0;
  }
  if (!parse_shard(buf, k, n)) {
    usage_error("batch", "the job array gives shard %s, which is not K/N with 1 <= K <= N", buf);
    return -1;
  }
  return 1;
}

int cmd_batch(int argc, char **argv)
{
  static const struct option opts[] = {
    { "data", required_argument, NULL, 'd' },
    { "output", required_argument, NULL, 'o' },
    { "jobs", required_argument, NULL, 'j' },
    { "shard", required_argument, NULL, 's' },
    { "config", required_argument, NULL, 'C' },
    { "combined", required_argument, NULL, 'c' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *data_path = NULL, *out_dir = NULL, *combined = NULL;
  unsigned jobs = 0, shard = 0, shards = 0;
  bool quiet = false;
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:j:qh", opts, NULL)) != -1) {
    char *end;
    long v;
    switch (c) {
    case 'd': data_path = optarg; break;
    case 'o': out_dir = optarg; break;
    case 'C': pipeline_set_config(optarg); break;
    case 'q': quiet = true; break;
    case 'c': combined = optarg; break;
    case 'j':
      v = strtol(optarg, &end, 10);
      if (*end || end == optarg || v < 1 || v > 1024)
        return usage_error("batch", "--jobs needs a number from 1 to 1024, not '%s'", optarg);
      jobs = (unsigned)v;
      break;
    case 's':
      if (!parse_shard(optarg, &shard, &shards))
        return usage_error("batch", "--shard needs K/N with 1 <= K <= N, not '%s'", optarg);
      break;
    case 'h': fputs(batch_usage, stdout); return EXIT_OK;
    default: return usage_error("batch", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind == argc) return usage_error("batch", "no template given");
  if (optind != argc - 1) return usage_error("batch", "batch takes one template, got %d", argc - optind);
  if (!data_path) return usage_error("batch", "no data file given: --data FILE.csv|FILE.jsonl");
  if (!out_dir) return usage_error("batch", "no output folder given: -o DIR");
  if (!shards && shard_from_env(&shard, &shards) < 0) return EXIT_USAGE;
  const char *tpl = argv[optind];

  /* The template with its sample values must be a good letter; loading it
   * also loads the dictionaries and word lists once, before the workers
   * are forked, so that they share them. */
  struct unit *t = pipeline_load(tpl, NULL, 0, NULL);
  if (!t->letter || diag_list_has_errors(&t->diags)) {
    diag_list_sort(&t->diags);
    diag_list_print(stderr, &t->diags, want_color(stderr));
    fprintf(stderr, "beeldbrief batch: the template has errors; no letters made\n");
    int rc = t->letter ? EXIT_FINDINGS : EXIT_USAGE;
    unit_free(t);
    return rc;
  }
  if (t->diags.count[DIAG_WARNING] && !quiet)
    fprintf(stderr, "beeldbrief batch: the template has %u warning%s (beeldbrief lint %s shows them); "
            "a record is rejected only for errors\n", t->diags.count[DIAG_WARNING],
            t->diags.count[DIAG_WARNING] == 1 ? "" : "s", tpl);
  unit_free(t);
  struct render_opts warm = { .datadir = datadir() };
  render_init(warm.datadir);

  struct unit *u = unit_new();
  struct batch_data *data = batch_data_load(u, data_path);
  int rc = EXIT_OK;
  struct batch_summary sum = { 0 };
  if (data && missing_column(tpl, data)) {
    rc = EXIT_USAGE;
  } else if (data) {
    struct mailing m = { tpl, build_epoch() };
    struct batch_opts o = { tpl, out_dir, jobs, shard, shards, !quiet && isatty(2), combined,
                            make_letter, &m };
    if (batch_run(u, data, &o, &sum) != 0) rc = EXIT_USAGE;
  } else {
    rc = EXIT_USAGE;
  }
  diag_list_sort(&u->diags);
  diag_list_print(stderr, &u->diags, want_color(stderr));
  if (rc == EXIT_OK) {
    char part[64] = "";
    if (shards) snprintf(part, sizeof part, " (shard %u/%u)", shard, shards);
    fprintf(stderr, "%s: %zu records%s: %zu letters, %zu rejected; %zu made in %.1f s (%.0f letters/s)",
            out_dir, sum.records, part, sum.ok, sum.rejected, sum.records - sum.resumed,
            sum.seconds, sum.seconds > 0 ? (double)(sum.records - sum.resumed) / sum.seconds : 0);
    if (sum.resumed) fprintf(stderr, ", %zu done by an earlier run", sum.resumed);
    fputc('\n', stderr);
  }
  batch_data_free(data);
  unit_free(u);
  return rc;
}

static const char merge_usage[] =
  "usage: beeldbrief merge-manifests -o OUT.csv MANIFEST.csv...\n"
  "\n"
  "Joins the manifests of the shards of one mailing into one: a header,\n"
  "then every record of every shard. A record in two manifests is an error.\n";

int cmd_merge_manifests(int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *out = NULL;
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
    if (c == 'o') out = optarg;
    else if (c == 'h') { fputs(merge_usage, stdout); return EXIT_OK; }
    else return usage_error("merge-manifests", "unknown option '%s'", argv[optind - 1]);
  }
  if (!out) return usage_error("merge-manifests", "no output given: -o OUT.csv");
  if (optind == argc) return usage_error("merge-manifests", "no manifests given");
  struct unit *u = unit_new();
  int rc = batch_merge_manifests(u, (const char *const *)argv + optind, (size_t)(argc - optind), out)
             == 0 ? EXIT_OK : EXIT_USAGE;
  diag_list_sort(&u->diags);
  diag_list_print(stderr, &u->diags, want_color(stderr));
  unit_free(u);
  return rc;
}
