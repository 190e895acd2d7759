/* batch.c - running a mailing (see batch.h): shards, worker processes,
 * the journal that makes a killed run resumable, and the manifest.
 *
 * The parent process reads the data and loads everything the letters need
 * (the caller's context: dictionaries, word lists, fonts), then forks the
 * workers, which share those pages. A worker gets record numbers on its
 * own pipe, writes each letter atomically into the output folder and
 * answers with one line on the common result pipe (a write of less than
 * PIPE_BUF bytes, so lines never mix). The parent appends each answer to
 * the journal before it hands out more work. When a worker dies, the
 * record it had is rejected and a new worker takes its place.
 *
 * Resuming: the journal lists the records that are done. A letter is
 * renamed into place before its journal line is written, so after kill -9
 * a record is either in the journal (and its PDF complete) or not (and
 * made again, to the same bytes). Half-written temporary files of the
 * killed run are removed at the start. The manifest is written from the
 * journal at the end, in the order of the data, each record once. */
#include "batch_int.h"
#include "../base/util.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define JOURNAL_NAME ".beeldbrief-journal"
#define MANIFEST_NAME "manifest.csv"
#define MANIFEST_HEADER "id,status,file,pages,sheets,sha256,reason"
#define RECORD_TIMEOUT 120            /* seconds one letter may take */

/* ---- shards --------------------------------------------------------------------------- */

static char *record_key(const struct batch_record *r)
{
  return r->id ? g_strdup(r->id) : g_strdup_printf("line:%u", r->line);
}

bool batch_in_shard(const struct batch_record *r, unsigned k, unsigned n)
{
  if (n <= 1) return true;
  char *key = record_key(r);
  guint32 h = 2166136261u;                    /* FNV-1a: stable across machines */
  for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * 16777619u;
  g_free(key);
  return h % n == k - 1;
}

/* ---- names ---------------------------------------------------------------------------- */

/* The PDF's name: the id with only safe characters; a short hash keeps
 * ids apart that differ only in unsafe ones ("a/b" and "a_b"). */
static char *file_name(const char *id)
{
  GString *g = g_string_new(NULL);
  bool changed = false;
  for (const char *p = id; *p && g->len < 100; p++) {
    bool safe = g_ascii_isalnum(*p) || *p == '-' || *p == '_' || (*p == '.' && g->len > 0);
    g_string_append_c(g, safe ? *p : '_');
    changed |= !safe;
  }
  changed |= strlen(id) > 100;
  if (changed || g->len == 0) {
    char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, id, -1);
    g_string_append_printf(g, "-%.8s", h);
    g_free(h);
  }
  g_string_append(g, ".pdf");
  return g_string_free(g, FALSE);
}

/* A reason on one line, without the journal's tabs. */
static char *one_line(const char *s, size_t max)
{
  char *t = g_strndup(s ? s : "", max);
  for (char *p = t; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r') *p = ' ';
  return t;
}

/* ---- the journal ------------------------------------------------------------------------ */

/* What became of one record: kept per record number, small, so that the
 * memory of a run hardly grows with the number of records. The PDF's
 * name is made again from the id when it is needed. */
enum state { NOT_DONE, DONE_OK, DONE_REJECTED };
struct outcome {
  unsigned char  state;
  unsigned short pages;
  unsigned char  sha256[32];
  char           sort_key[10];  /* the postcode, for the print file */
  char          *reason;        /* rejected: why */
};

static void set_outcome(struct outcome *o, const char *status, unsigned pages, const char *sum,
                        const char *reason, const char *sort_key)
{
  o->state = !strcmp(status, "ok") ? DONE_OK : DONE_REJECTED;
  o->pages = (unsigned short)(pages > 65535 ? 65535 : pages);
  memset(o->sha256, 0, sizeof o->sha256);
  for (size_t k = 0; k < 32 && sum[2 * k] && sum[2 * k + 1]; k++)
    o->sha256[k] = (unsigned char)(g_ascii_xdigit_value(sum[2 * k]) * 16 +
                                   g_ascii_xdigit_value(sum[2 * k + 1]));
  g_strlcpy(o->sort_key, sort_key ? sort_key : "", sizeof o->sort_key);
  g_free(o->reason);
  o->reason = o->state == DONE_REJECTED ? g_strdup(reason) : NULL;
}

static void sha_hex(const struct outcome *o, char hex[65])
{
  for (size_t k = 0; k < 32; k++) snprintf(hex + 2 * k, 3, "%02x", o->sha256[k]);
}

/* The first line names the mailing, so that a folder is never resumed
 * with another template, other data or another shard. */
static char *file_sum(const char *path)
{
  gchar *bytes = NULL;
  gsize len = 0;
  char *sum = NULL;
  if (g_file_get_contents(path, &bytes, &len, NULL))
    sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
  g_free(bytes);
  return sum ? sum : g_strdup("?");
}

static char *journal_header(const struct batch_data *data, const struct batch_opts *o)
{
  char *dsum = file_sum(data->path), *tsum = file_sum(o->template_path);
  char *h = g_strdup_printf("beeldbrief-journal 2\ttemplate=%.16s\tdata=%.16s\tshard=%u/%u\n",
                            tsum, dsum, o->shards ? o->shard : 1, o->shards ? o->shards : 1);
  g_free(dsum);
  g_free(tsum);
  return h;
}

/* Reads the journal of an earlier run into OUT (one per record of DATA).
 * Returns 0; -1 with a diagnostic when it belongs to another mailing. A
 * last line without its newline (killed while writing) is ignored. */
static int journal_read(struct unit *u, const char *path, const char *header,
                        const struct batch_data *data, struct outcome *out)
{
  gchar *text = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &text, &len, NULL)) return 0;
  int rc = 0;
  size_t hl = strlen(header);
  if (len > 0 && (len < hl || memcmp(text, header, hl))) {
    diag_file(&u->diags, DIAG_ERROR, "batch.output", path,
              "the output folder holds another mailing (another template, other data or "
              "another shard, or one of them changed); use an empty folder");
    rc = -1;
  }
  /* The records by key, for this read only. */
  GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (size_t i = 0; rc == 0 && len > hl && i < data->n; i++)
    g_hash_table_insert(index, record_key(&data->records[i]), GSIZE_TO_POINTER(i + 1));
  for (char *p = text + (len >= hl ? hl : len); rc == 0 && p < text + len;) {
    char *nl = memchr(p, '\n', (size_t)(text + len - p));
    if (!nl) break;
    *nl = '\0';
    char **f = g_strsplit(p, "\t", 9);
    size_t i = g_strv_length(f) == 8 ? GPOINTER_TO_SIZE(g_hash_table_lookup(index, f[0])) : 0;
    if (i) set_outcome(&out[i - 1], f[1], (unsigned)strtoul(f[3], NULL, 10), f[5], f[6], f[7]);
    g_strfreev(f);
    p = nl + 1;
  }
  g_hash_table_destroy(index);
  g_free(text);
  return rc;
}

/* Temporary files of a run that was killed while writing ("x.pdf.tmp-XXXXXX"). */
static void remove_stale(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  if (!d) return;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    const char *t = strstr(name, ".tmp-");
    if (!t || strlen(t) != 11) continue;
    char *path = g_build_filename(dir, name, NULL);
    unlink(path);
    g_free(path);
  }
  g_dir_close(d);
}

/* ---- one record, in a worker -------------------------------------------------------------- */

struct run {
  struct unit             *u;
  const struct batch_data *data;
  const struct batch_opts *o;
  size_t                  *todo;        /* record numbers still to make */
  size_t                   ntodo, next;
  struct outcome          *done;        /* one per record of the data */
  int                      journal;     /* fd, O_APPEND */
  int                      results[2];  /* the common result pipe */
  size_t                   finished, rejected;
  double                   started;
};

/* Makes record I and answers on OUT:
 * "i\tstatus\tfile\tpages\tsheets\tsha256\treason\tsortkey\n". */
static void work_one(const struct run *run, size_t i, int out)
{
  const struct batch_record *r = &run->data->records[i];
  struct batch_letter l = { 0 };
  char *file = NULL, *sum = NULL, *reason = NULL;
  if (r->error) {
    reason = r->id ? g_strdup(r->error) : g_strdup_printf("line %u: %s", r->line, r->error);
  } else {
    run->o->make(run->o->ctx, r, &l);
    if (l.ok) {
      file = file_name(r->id);
      char *path = g_build_filename(run->o->out_dir, file, NULL);
      sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, l.pdf, l.pdf_len);
      if (write_file_atomic(path, (const char *)l.pdf, l.pdf_len) != 0) {
        reason = g_strdup_printf("cannot write %s: %s", path, strerror(errno));
        l.ok = false;
      }
      g_free(path);
    } else {
      reason = g_strdup(l.reason ? l.reason : "rejected");
    }
  }
  char *why = one_line(reason, 1500);
  char *key = one_line(l.sort_key, 64);
  char *line = g_strdup_printf("%zu\t%s\t%s\t%u\t%u\t%s\t%s\t%s\n", i, l.ok ? "ok" : "rejected",
                               l.ok ? file : "", l.ok ? l.pages : 0, l.ok ? (l.pages + 1) / 2 : 0,
                               l.ok ? sum : "", l.ok ? "" : why, key);
  g_free(key);
  size_t n = strlen(line);
  if (n > PIPE_BUF) {                          /* keep the write atomic */
    line[PIPE_BUF - 1] = '\n';
    n = PIPE_BUF;
  }
  ssize_t w;
  do w = write(out, line, n); while (w < 0 && errno == EINTR);
  g_free(line); g_free(why); g_free(reason); g_free(sum); g_free(file);
  g_free(l.reason); g_free(l.pdf); g_free(l.sort_key);
}

static G_NORETURN void worker_main(const struct run *run, int tasks, int out)
{
  for (;;) {
    guint64 i;
    ssize_t n = read(tasks, &i, sizeof i);
    if (n < 0 && errno == EINTR) continue;
    if (n != (ssize_t)sizeof i) _exit(0);     /* the parent closed the pipe: done */
    work_one(run, (size_t)i, out);
  }
}

/* ---- the pool ------------------------------------------------------------------------------ */

struct worker {
  pid_t  pid;         /* 0: none */
  int    tasks;       /* write end of its task pipe */
  long   record;      /* the record it is making, or -1 */
  double since;
};

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int spawn(struct run *run, struct worker *w, struct worker *all, size_t nw)
{
  int p[2];
  if (pipe(p) != 0) return -1;
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) {
    close(p[0]);
    close(p[1]);
    return -1;
  }
  if (pid == 0) {
    close(p[1]);
    close(run->results[0]);
    for (size_t k = 0; k < nw; k++)
      if (all[k].pid) close(all[k].tasks);     /* the other workers' pipes */
    signal(SIGPIPE, SIG_DFL);
    worker_main(run, p[0], run->results[1]);
  }
  close(p[0]);
  w->pid = pid;
  w->tasks = p[1];
  w->record = -1;
  return 0;
}

/* Records the outcome of record I in the journal and the counts. */
static void finish_record(struct run *run, size_t i, const char *status, const char *file,
                          unsigned pages, unsigned sheets, const char *sum, const char *reason,
                          const char *sort_key)
{
  const struct batch_record *r = &run->data->records[i];
  char *key = record_key(r);
  char *why = one_line(reason, 1500);
  char *line = g_strdup_printf("%s\t%s\t%s\t%u\t%u\t%s\t%s\t%s\n", key, status, file, pages,
                               sheets, sum, why, sort_key);
  ssize_t w;
  do w = write(run->journal, line, strlen(line)); while (w < 0 && errno == EINTR);
  set_outcome(&run->done[i], status, pages, sum, why, sort_key);
  g_free(line);
  g_free(why);
  g_free(key);
  run->finished++;
  if (strcmp(status, "ok")) run->rejected++;
}

static void give_work(struct run *run, struct worker *w)
{
  if (run->next >= run->ntodo) return;
  guint64 i = run->todo[run->next++];
  w->record = (long)i;
  w->since = now();
  ssize_t n;
  do n = write(w->tasks, &i, sizeof i); while (n < 0 && errno == EINTR);
}

static void progress(const struct run *run, bool last)
{
  if (!run->o->progress) return;
  double t = now() - run->started;
  double rate = t > 0 ? (double)run->finished / t : 0;
  size_t left = run->ntodo - run->finished;
  double eta = rate > 0 ? (double)left / rate : 0;
  fprintf(stderr, "\r  %zu/%zu letters  %.0f/s  ETA %d:%02d  %zu rejected%s", run->finished,
          run->ntodo, rate, (int)eta / 60, (int)eta % 60, run->rejected, last ? "\n" : "  ");
}

/* Handles one result line from a worker. */
static void on_result(struct run *run, struct worker *ws, size_t nw, char *line)
{
  char **f = g_strsplit(line, "\t", 8);
  if (g_strv_length(f) == 8) {
    size_t i = strtoul(f[0], NULL, 10);
    if (i < run->data->n) {
      finish_record(run, i, f[1], f[2], (unsigned)strtoul(f[3], NULL, 10),
                    (unsigned)strtoul(f[4], NULL, 10), f[5], f[6], f[7]);
      for (size_t k = 0; k < nw; k++)
        if (ws[k].pid && ws[k].record == (long)i) {
          ws[k].record = -1;
          give_work(run, &ws[k]);
        }
    }
  }
  g_strfreev(f);
}

/* A worker that died or hangs: its record is rejected, a new one starts. */
static void replace_worker(struct run *run, struct worker *w, struct worker *ws, size_t nw,
                           const char *why)
{
  if (w->record >= 0) finish_record(run, (size_t)w->record, "rejected", "", 0, 0, "", why, "");
  close(w->tasks);
  w->pid = 0;
  w->record = -1;
  if (run->next < run->ntodo && spawn(run, w, ws, nw) == 0) give_work(run, w);
}

/* Reads every answer waiting on the result pipe. */
static void drain(struct run *run, struct worker *ws, size_t nw, GString *buf)
{
  char chunk[65536];
  ssize_t n;
  while ((n = read(run->results[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0) g_string_append_len(buf, chunk, n);
  char *nl;
  while ((nl = memchr(buf->str, '\n', buf->len)) != NULL) {
    *nl = '\0';
    on_result(run, ws, nw, buf->str);
    g_string_erase(buf, 0, nl - buf->str + 1);
  }
}

static void reap(struct run *run, struct worker *ws, size_t nw, GString *buf)
{
  drain(run, ws, nw, buf);
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (size_t k = 0; k < nw; k++) {
      if (ws[k].pid != pid) continue;
      char *why = WIFSIGNALED(status)
        ? g_strdup_printf("making this letter stopped the worker (signal %d)", WTERMSIG(status))
        : g_strdup_printf("making this letter stopped the worker (exit %d)", WEXITSTATUS(status));
      if (ws[k].record >= 0 || run->next < run->ntodo) replace_worker(run, &ws[k], ws, nw, why);
      else { close(ws[k].tasks); ws[k].pid = 0; }
      g_free(why);
    }
  }
  double t = now();
  for (size_t k = 0; k < nw; k++)
    if (ws[k].pid && ws[k].record >= 0 && t - ws[k].since > RECORD_TIMEOUT) {
      kill(ws[k].pid, SIGKILL);
      waitpid(ws[k].pid, NULL, 0);
      replace_worker(run, &ws[k], ws, nw, "making this letter took too long");
    }
}

static int run_pool(struct run *run, unsigned jobs)
{
  if (pipe(run->results) != 0) return -1;
  size_t nw = jobs < run->ntodo ? jobs : run->ntodo;
  struct worker *ws = g_new0(struct worker, nw ? nw : 1);
  void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
  for (size_t k = 0; k < nw; k++) {
    if (spawn(run, &ws[k], ws, nw) != 0) break;
    give_work(run, &ws[k]);
  }
  GString *buf = g_string_new(NULL);
  fcntl(run->results[0], F_SETFL, fcntl(run->results[0], F_GETFL) | O_NONBLOCK);
  double shown = 0, reaped = now();
  while (run->finished < run->ntodo) {
    struct pollfd pfd = { run->results[0], POLLIN, 0 };
    int pr = poll(&pfd, 1, 200);
    drain(run, ws, nw, buf);
    /* Results first: a worker that answered and then died is not blamed
     * for its record. */
    if (pr <= 0 || now() - reaped > 0.25) {
      reap(run, ws, nw, buf);
      reaped = now();
      bool alive = false;
      for (size_t k = 0; k < nw; k++) alive |= ws[k].pid != 0;
      if (!alive && run->finished < run->ntodo) break;    /* cannot fork: give up */
    }
    if (now() - shown > 0.1) {
      progress(run, false);
      shown = now();
    }
  }
  for (size_t k = 0; k < nw; k++)
    if (ws[k].pid) close(ws[k].tasks);         /* workers exit on EOF */
  for (size_t k = 0; k < nw; k++)
    if (ws[k].pid) waitpid(ws[k].pid, NULL, 0);
  signal(SIGPIPE, old_pipe);
  close(run->results[0]);
  close(run->results[1]);
  g_string_free(buf, TRUE);
  g_free(ws);
  progress(run, true);
  return run->finished == run->ntodo ? 0 : -1;
}

/* ---- the manifest ------------------------------------------------------------------------- */

static void manifest_row(FILE *f, const struct batch_record *r, const struct outcome *d)
{
  char hex[65] = "";
  char *file = NULL;
  if (d->state == DONE_OK) {
    sha_hex(d, hex);
    file = file_name(r->id);
  }
  char *fields[4] = { data_csv_field(r->id ? r->id : ""), data_csv_field(file ? file : ""),
                      data_csv_field(d->reason ? d->reason : ""), NULL };
  fprintf(f, "%s,%s,%s,%u,%u,%s,%s\n", fields[0], d->state == DONE_OK ? "ok" : "rejected",
          fields[1], d->state == DONE_OK ? d->pages : 0, d->state == DONE_OK ? (d->pages + 1u) / 2 : 0,
          hex, fields[2]);
  for (int k = 0; k < 3; k++) g_free(fields[k]);
  g_free(file);
}

/* Written row by row into a temporary file, renamed when complete. */
static int write_manifest(struct unit *u, const struct run *run, const char *path)
{
  struct outfile of;
  FILE *f = NULL;
  int fd;
  if (outfile_open(&of, path) != 0 || (fd = dup(of.fd)) < 0 || !(f = fdopen(fd, "w"))) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", path, "cannot write the manifest: %s",
              strerror(errno));
    if (of.tmp) outfile_abort(&of);
    return -1;
  }
  fputs(MANIFEST_HEADER "\n", f);
  for (size_t i = 0; i < run->data->n; i++) {
    const struct batch_record *r = &run->data->records[i];
    if (batch_in_shard(r, run->o->shard, run->o->shards) && run->done[i].state != NOT_DONE)
      manifest_row(f, r, &run->done[i]);
  }
  int rc = ferror(f) ? -1 : 0;
  if (fclose(f) != 0) rc = -1;
  if (rc == 0) rc = outfile_commit(&of);
  if (rc != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", path, "cannot write the manifest: %s",
              strerror(errno));
    outfile_abort(&of);
  }
  return rc;
}

/* ---- the print file ---------------------------------------------------------------------- */

struct print_item {
  struct combine_item c;
  const char         *key;
  size_t              order;
  char               *file;
};

/* By postcode (as PostNL sorts: 1234AB, spaces ignored), then in the
 * order of the data; letters without a postcode last. */
static int by_postcode(const void *a, const void *b)
{
  const struct print_item *x = a, *y = b;
  char kx[16] = "", ky[16] = "";
  size_t n = 0;
  for (const char *p = x->key; *p && n < 15; p++) if (*p != ' ') kx[n++] = *p;
  n = 0;
  for (const char *p = y->key; *p && n < 15; p++) if (*p != ' ') ky[n++] = *p;
  if (!*kx != !*ky) return *kx ? -1 : 1;
  int c = strcmp(kx, ky);
  return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

static int write_combined(struct unit *u, const struct run *run)
{
  GArray *items = g_array_new(FALSE, FALSE, sizeof(struct print_item));
  for (size_t i = 0; i < run->data->n; i++) {
    const struct batch_record *r = &run->data->records[i];
    if (!batch_in_shard(r, run->o->shard, run->o->shards)) continue;
    const struct outcome *d = &run->done[i];
    if (d->state != DONE_OK) continue;
    struct print_item it = { { NULL, d->pages }, d->sort_key, i, file_name(r->id) };
    it.c.file = it.file;
    g_array_append_val(items, it);
  }
  g_array_sort(items, by_postcode);
  struct combine_item *c = g_new(struct combine_item, items->len ? items->len : 1);
  for (guint i = 0; i < items->len; i++) c[i] = g_array_index(items, struct print_item, i).c;
  int rc = batch_combine(u, run->o->out_dir, c, items->len, run->o->combined);
  for (guint i = 0; i < items->len; i++) g_free(g_array_index(items, struct print_item, i).file);
  g_free(c);
  g_array_free(items, TRUE);
  return rc;
}

/* ---- the run -------------------------------------------------------------------------------- */

int batch_run(struct unit *u, const struct batch_data *data, const struct batch_opts *o,
              struct batch_summary *sum)
{
  memset(sum, 0, sizeof *sum);
  double t0 = now();
  if (g_mkdir_with_parents(o->out_dir, 0777) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "batch.output", o->out_dir, "cannot make the output folder: %s",
              strerror(errno));
    return -1;
  }
  remove_stale(o->out_dir);
  char *jpath = g_build_filename(o->out_dir, JOURNAL_NAME, NULL);
  char *header = journal_header(data, o);
  struct run run = { .u = u, .data = data, .o = o, .journal = -1 };
  run.done = g_new0(struct outcome, data->n ? data->n : 1);
  int rc = journal_read(u, jpath, header, data, run.done);
  if (rc == 0) {
    run.journal = open(jpath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    struct stat st;
    if (run.journal < 0 || fstat(run.journal, &st) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "batch.output", jpath, "cannot write the journal: %s",
                strerror(errno));
      rc = -1;
    } else if (st.st_size == 0 && write(run.journal, header, strlen(header)) != (ssize_t)strlen(header)) {
      rc = -1;
    } else if (st.st_size > 0) {
      /* A line cut off by kill -9 would run into the next one. */
      char last = '\n';
      if (pread(run.journal, &last, 1, st.st_size - 1) == 1 && last != '\n' &&
          write(run.journal, "\n", 1) != 1)
        rc = -1;
    }
  }
  if (rc == 0) {
    run.todo = g_new(size_t, data->n ? data->n : 1);
    for (size_t i = 0; i < data->n; i++) {
      const struct batch_record *r = &data->records[i];
      if (!batch_in_shard(r, o->shard, o->shards)) continue;
      sum->records++;
      if (run.done[i].state != NOT_DONE) sum->resumed++;
      else run.todo[run.ntodo++] = i;
    }
    unsigned jobs = o->jobs ? o->jobs : (unsigned)g_get_num_processors();
    run.started = now();
    if (run.ntodo && run_pool(&run, jobs ? jobs : 1) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "batch.output", o->out_dir,
                "the workers stopped before the mailing was done; run the same command again");
      rc = -1;
    }
  }
  if (run.journal >= 0) {
    if (fsync(run.journal) != 0 && rc == 0) rc = -1;
    close(run.journal);
  }
  if (rc == 0) {
    char *mpath = g_build_filename(o->out_dir, MANIFEST_NAME, NULL);
    rc = write_manifest(u, &run, mpath);
    g_free(mpath);
  }
  if (rc == 0 && o->combined) rc = write_combined(u, &run);
  if (rc == 0) {
    for (size_t i = 0; i < data->n; i++) {
      if (run.done[i].state == DONE_OK) sum->ok++;
      else if (run.done[i].state == DONE_REJECTED) sum->rejected++;
    }
  }
  sum->seconds = now() - t0;
  for (size_t i = 0; i < data->n; i++) g_free(run.done[i].reason);
  g_free(run.done);
  g_free(run.todo);
  g_free(header);
  g_free(jpath);
  return rc;
}

/* ---- joining the manifests of shards ------------------------------------------------------ */

int batch_merge_manifests(struct unit *u, const char *const *paths, size_t n, const char *out)
{
  static const char *const cols[7] = { "id", "status", "file", "pages", "sheets", "sha256", "reason" };
  GString *g = g_string_new(MANIFEST_HEADER "\n");
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  int rc = 0;
  for (size_t f = 0; f < n && rc == 0; f++) {
    struct batch_data *d = data_load_raw(u, paths[f]);
    if (!d) { rc = -1; break; }
    bool header_ok = d->ncolumns == 7;
    for (size_t k = 0; header_ok && k < 7; k++) header_ok = !strcmp(d->columns[k], cols[k]);
    if (!header_ok) {
      diag_file(&u->diags, DIAG_ERROR, "batch.data", paths[f],
                "not a manifest: the header is not %s", MANIFEST_HEADER);
      rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < d->n; i++) {
      const struct batch_record *r = &d->records[i];
      if (r->error) {
        diag_file(&u->diags, DIAG_ERROR, "batch.data", paths[f], "line %u: %s", r->line, r->error);
        rc = -1;
        break;
      }
      const char *id = batch_field(r, "id");
      if (*id) {
        const char *first = g_hash_table_lookup(seen, id);
        if (first) {
          diag_file(&u->diags, DIAG_ERROR, "batch.data", paths[f],
                    "line %u: the record '%s' is in %s too; shards must not overlap", r->line, id,
                    first);
          rc = -1;
          break;
        }
        g_hash_table_insert(seen, g_strdup(id), g_strdup(paths[f]));
      }
      for (size_t k = 0; k < 7; k++) {
        char *field = data_csv_field(batch_field(r, cols[k]));
        g_string_append_printf(g, "%s%s", field, k < 6 ? "," : "\n");
        g_free(field);
      }
    }
    batch_data_free(d);
  }
  if (rc == 0 && write_file_atomic(out, g->str, g->len) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", out, "cannot write the manifest: %s", strerror(errno));
    rc = -1;
  }
  g_hash_table_destroy(seen);
  g_string_free(g, TRUE);
  return rc;
}
