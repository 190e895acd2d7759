/* batch.h - a mailing: one template and a data file become a letter per
 * record, every record accounted for exactly once.
 *
 * The stage reads the data (CSV through libcsv, JSON Lines through
 * jansson), picks this run's shard of the records, hands the records to
 * worker processes (a record that crashes one is rejected, not the
 * batch), writes each letter atomically, keeps a journal so that a killed
 * run can be started again and finish the same mailing, and writes the
 * manifest. What a record becomes is not its business: the caller's
 * function turns a record into a PDF or a reason to reject it. */
#ifndef BB_BATCH_H
#define BB_BATCH_H
#include "../base/unit.h"
#include <stdbool.h>
#include <stddef.h>

/* One record of the data file. A malformed row (wrong number of
 * columns, broken quoting, invalid UTF-8, not a JSON object) is a record
 * too, with ERROR set, so that it is reported in the manifest. */
struct batch_record {
  char        *id;          /* the `id` field; NULL when the row has none */
  unsigned     line;        /* where the record starts in the data file */
  const char *const *names; /* field names ... */
  char       **values;      /* ... and their values (N of each; one block) */
  size_t       n;
  bool         own_names;   /* NAMES is this record's (JSON Lines), not the header */
  char        *error;       /* why the row is malformed, or NULL */
};

struct batch_data {
  char                *path;
  char               **columns;   /* CSV: the header; JSON Lines: every key seen */
  size_t               ncolumns;
  const char         **header;    /* CSV: the names every record shares */
  struct batch_record *records;
  size_t               n;
};

/* Reads PATH: JSON Lines when it ends in .jsonl or .ndjson, else CSV with
 * a header row (RFC 4180, UTF-8). NULL with diagnostics on U when the file
 * as a whole is unusable (unreadable, no header, no `id` column). */
struct batch_data *batch_data_load(struct unit *u, const char *path);
void batch_data_free(struct batch_data *d);
/* The value of field NAME in R, or NULL. */
const char *batch_field(const struct batch_record *r, const char *name);

/* What became of one record. */
struct batch_letter {
  bool           ok;
  char          *reason;    /* rejected: why (g_free) */
  unsigned char *pdf;       /* ok: the letter (g_free) */
  size_t         pdf_len;
  unsigned       pages;
  char          *sort_key;  /* for the combined print file: the postcode (g_free) */
};

/* Makes the letter for R. Runs in a worker process. */
typedef void (*batch_make_fn)(void *ctx, const struct batch_record *r, struct batch_letter *out);

struct batch_opts {
  const char   *template_path;   /* identifies the mailing in the journal */
  const char   *out_dir;
  unsigned      jobs;            /* worker processes; 0: one per core */
  unsigned      shard, shards;   /* this run does shard K of N (1-based); 0/0: all */
  bool          progress;        /* a progress line on standard error */
  const char   *combined;        /* the print file, or NULL */
  batch_make_fn make;
  void         *ctx;
};

/* The counts of a run (also written to the manifest). */
struct batch_summary {
  size_t records;     /* in this shard */
  size_t ok, rejected;
  size_t resumed;     /* already done by an earlier, interrupted run */
  double seconds;
};

/* Runs the mailing of DATA. Returns 0 (every record is in the manifest,
 * ok or rejected) or -1 with diagnostics on U (the output folder cannot
 * be used, it holds another mailing, the manifest cannot be written). */
int batch_run(struct unit *u, const struct batch_data *data, const struct batch_opts *o,
              struct batch_summary *sum);

/* Whether record R belongs to shard K of N: by a hash of its id (of its
 * line when it has none), so that shards are disjoint, cover everything
 * and do not depend on the order of the rows. */
bool batch_in_shard(const struct batch_record *r, unsigned k, unsigned n);

/* Joins shard manifests into OUT: one header, every record once. Returns
 * 0, or -1 with diagnostics on U (a record in two manifests, a file that
 * is not a manifest). */
int batch_merge_manifests(struct unit *u, const char *const *paths, size_t n, const char *out);

#endif
