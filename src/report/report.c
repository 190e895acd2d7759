/* report.c - writing findings for people, CI systems and editors (see
 * report.h and docs/ci.md). */
#include "report.h"
#include "../base/util.h"
#include "../base/xml.h"
#include "../model/rules.h"
#include <glib.h>
#include <string.h>

const char *const report_format_names[REPORT_FORMAT_COUNT] = {
  "text", "json", "sarif", "junit", "github", "gitlab",
};

/* One finding, copied out of its unit. */
struct rdiag {
  char              *file, *rule, *message, *suggestion;
  char              *fix;       /* a safe replacement of the finding's words (lint --fix) */
  enum diag_severity severity;
  unsigned           line, col, end_line, end_col;
  char              *note_file, *note_message;
  unsigned           note_line, note_col;
  guint              owner;     /* index in report.files: the letter linted */
};

struct report {
  enum report_format format;
  FILE              *out;
  bool               color;
  char              *datadir;
  char              *version;
  GArray            *diags;      /* struct rdiag, for the formats written at the end */
  GPtrArray         *files;      /* every file reported, findings or not (JUnit) */
};

struct report *report_new(enum report_format format, FILE *out, bool color, const char *datadir,
                          const char *version)
{
  struct report *r = g_new0(struct report, 1);
  r->version = g_strdup(version);
  r->format = format;
  r->out = out;
  r->color = color;
  r->datadir = g_strdup(datadir);
  r->diags = g_array_new(FALSE, TRUE, sizeof(struct rdiag));
  r->files = g_ptr_array_new_with_free_func(g_free);
  return r;
}

/* "./templates/x.yaml" as "templates/x.yaml": the form CI systems match. */
static const char *tidy(const char *path)
{
  while (path && !strncmp(path, "./", 2)) path += 2;
  return path;
}

/* ---- GitHub workflow commands: printed as they come -------------------------------- */

/* %, CR and LF in the message; also : and , in a property. */
static void gh_escape(FILE *out, const char *s, bool property)
{
  for (; *s; s++) {
    if (*s == '%') fputs("%25", out);
    else if (*s == '\r') fputs("%0D", out);
    else if (*s == '\n') fputs("%0A", out);
    else if (property && *s == ':') fputs("%3A", out);
    else if (property && *s == ',') fputs("%2C", out);
    else fputc(*s, out);
  }
}

static void github_one(FILE *out, const struct diag *d)
{
  const char *cmd = d->severity == DIAG_ERROR ? "error" : d->severity == DIAG_WARNING ? "warning" : "notice";
  fprintf(out, "::%s file=", cmd);
  gh_escape(out, d->file ? tidy(d->file) : "", true);
  if (d->line) {
    fprintf(out, ",line=%u,col=%u", d->line, d->col);
    if (d->end_line) fprintf(out, ",endLine=%u,endColumn=%u", d->end_line, d->end_col);
  }
  if (d->rule_id) {
    fputs(",title=", out);
    gh_escape(out, d->rule_id, true);
  }
  fputs("::", out);
  gh_escape(out, d->message, false);
  if (d->suggestion) {
    fputs(" (suggestion: ", out);
    gh_escape(out, d->suggestion, false);
    fputc(')', out);
  }
  fputc('\n', out);
}

/* ---- collecting ------------------------------------------------------------------------ */

void report_file(struct report *r, const char *path, const struct diag_list *l, const char *summary)
{
  g_ptr_array_add(r->files, g_strdup(tidy(path)));
  if (r->format == REPORT_TEXT) {
    diag_list_print(r->out, l, r->color);
    if (summary) fprintf(r->out, "%s\n", summary);
    return;
  }
  if (r->format == REPORT_GITHUB) {
    for (size_t i = 0; i < l->n; i++) github_one(r->out, &l->items[i]);
    return;
  }
  for (size_t i = 0; i < l->n; i++) {
    const struct diag *d = &l->items[i];
    struct rdiag c = {
      g_strdup(tidy(d->file ? d->file : path)), g_strdup(d->rule_id ? d->rule_id : ""),
      g_strdup(d->message), g_strdup(d->suggestion), g_strdup(d->fix), d->severity,
      d->line, d->col, d->end_line, d->end_col, NULL, NULL, 0, 0, r->files->len - 1,
    };
    if (d->note) {
      c.note_file = g_strdup(tidy(d->note->file));
      c.note_message = g_strdup(d->note->message);
      c.note_line = d->note->line;
      c.note_col = d->note->col;
    }
    g_array_append_val(r->diags, c);
  }
}

/* ---- JSON ------------------------------------------------------------------------------- */

static void json_str(FILE *out, const char *s)
{
  if (s) json_write_string(out, s); else fputs("null", out);
}

static void write_json(struct report *r, unsigned errors, unsigned warnings, unsigned files)
{
  FILE *o = r->out;
  fprintf(o, "{\"version\": 1, \"files\": %u, \"errors\": %u, \"warnings\": %u, \"diagnostics\": [",
          files, errors, warnings);
  for (guint i = 0; i < r->diags->len; i++) {
    const struct rdiag *d = &g_array_index(r->diags, struct rdiag, i);
    fputs(i ? ",\n  {\"rule\": " : "\n  {\"rule\": ", o);
    json_str(o, d->rule);
    fputs(", \"severity\": ", o);
    json_str(o, diag_severity_name(d->severity));
    fputs(", \"file\": ", o);
    json_str(o, d->file);
    fprintf(o, ", \"line\": %u, \"col\": %u, \"end_line\": %u, \"end_col\": %u, \"message\": ",
            d->line, d->col, d->end_line, d->end_col);
    json_str(o, d->message);
    fputs(", \"suggestion\": ", o);
    json_str(o, d->suggestion);
    if (d->fix) {
      fputs(", \"fix\": ", o);
      json_str(o, d->fix);
    }
    if (d->note_file) {
      fputs(", \"related\": {\"file\": ", o);
      json_str(o, d->note_file);
      fprintf(o, ", \"line\": %u, \"col\": %u, \"message\": ", d->note_line, d->note_col);
      json_str(o, d->note_message);
      fputc('}', o);
    }
    fputc('}', o);
  }
  fputs(r->diags->len ? "\n]}\n" : "]}\n", o);
}

/* ---- SARIF 2.1.0 -------------------------------------------------------------------------- */

static const char *sarif_level(enum diag_severity s)
{
  return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

/* A path as a URI: relative to the working directory (what code scanning
 * matches against the repository), or file:// for an absolute path. */
static void sarif_uri(FILE *o, const char *path)
{
  while (!strncmp(path, "./", 2)) path += 2;
  char *esc = g_uri_escape_string(path, "/", FALSE);
  char *uri = path[0] == '/' ? g_strconcat("file://", esc, NULL) : g_strdup(esc);
  json_write_string(o, uri);
  g_free(uri);
  g_free(esc);
}

/* The rule's explanation (docs/rules/ID.md) as SARIF help text. */
static char *rule_help(const struct report *r, const char *id)
{
  char *file = g_strdup_printf("%s.md", id);
  char *path = g_build_filename(r->datadir, "docs", "rules", file, NULL);
  char *text = NULL;
  if (!g_file_get_contents(path, &text, NULL, NULL)) text = NULL;
  g_free(path);
  g_free(file);
  return text;
}

static void write_sarif(struct report *r)
{
  FILE *o = r->out;
  fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n"
        " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"beeldbrief\", \"version\": ", o);
  json_write_string(o, r->version);
  fputs(", \"rules\": [", o);
  size_t n;
  const struct rule_info *rules = rules_all(&n);
  for (size_t i = 0; i < n; i++) {
    fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", o);
    json_write_string(o, rules[i].id);
    fputs(", \"shortDescription\": {\"text\": ", o);
    json_write_string(o, rules[i].summary);
    fputs("}, \"defaultConfiguration\": {\"level\": ", o);
    json_write_string(o, sarif_level(rules[i].severity));
    fputc('}', o);
    char *help = rule_help(r, rules[i].id);
    if (help) {
      fputs(", \"help\": {\"text\": ", o);
      json_write_string(o, help);
      fputs(", \"markdown\": ", o);
      json_write_string(o, help);
      fputc('}', o);
      g_free(help);
    }
    fputc('}', o);
  }
  fputs("]}},\n \"columnKind\": \"unicodeCodePoints\",\n \"results\": [", o);
  for (guint i = 0; i < r->diags->len; i++) {
    const struct rdiag *d = &g_array_index(r->diags, struct rdiag, i);
    fputs(i ? ",\n  {\"ruleId\": " : "\n  {\"ruleId\": ", o);
    json_write_string(o, d->rule);
    fputs(", \"level\": ", o);
    json_write_string(o, sarif_level(d->severity));
    fputs(", \"message\": {\"text\": ", o);
    json_write_string(o, d->message);
    fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", o);
    sarif_uri(o, d->file);
    fputc('}', o);
    if (d->line) {
      fprintf(o, ", \"region\": {\"startLine\": %u, \"startColumn\": %u", d->line, d->col ? d->col : 1);
      if (d->end_line) fprintf(o, ", \"endLine\": %u, \"endColumn\": %u", d->end_line, d->end_col);
      fputc('}', o);
    }
    fputs("}}]", o);
    if (d->note_file) {
      fputs(", \"relatedLocations\": [{\"id\": 1, \"message\": {\"text\": ", o);
      json_write_string(o, d->note_message);
      fputs("}, \"physicalLocation\": {\"artifactLocation\": {\"uri\": ", o);
      sarif_uri(o, d->note_file);
      fprintf(o, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}]", d->note_line,
              d->note_col ? d->note_col : 1);
    }
    if (d->fix && d->line && d->end_line) {
      /* A safe fix as SARIF describes one: the region's text replaced. */
      fputs(", \"fixes\": [{\"description\": {\"text\": ", o);
      char *desc = g_strdup_printf("Replace with '%s'", d->fix);
      json_write_string(o, desc);
      g_free(desc);
      fputs("}, \"artifactChanges\": [{\"artifactLocation\": {\"uri\": ", o);
      sarif_uri(o, d->file);
      fprintf(o, "}, \"replacements\": [{\"deletedRegion\": {\"startLine\": %u, \"startColumn\": %u, "
                 "\"endLine\": %u, \"endColumn\": %u}, \"insertedContent\": {\"text\": ",
              d->line, d->col ? d->col : 1, d->end_line, d->end_col);
      json_write_string(o, d->fix);
      fputs("}}]}]}]", o);
    }
    if (d->suggestion) {
      fputs(", \"properties\": {\"suggestion\": ", o);
      json_write_string(o, d->suggestion);
      fputc('}', o);
    }
    fputc('}', o);
  }
  fputs(r->diags->len ? "\n ]}]}\n" : "]}]}\n", o);
}

/* ---- JUnit XML ------------------------------------------------------------------------------ */

/* "file:line:col: severity: message [rule]" plus the suggestion and the
 * related place: what a CI system shows for a failed test. */
static char *junit_detail(const struct rdiag *d)
{
  GString *g = g_string_new(d->file);
  if (d->line) g_string_append_printf(g, ":%u:%u", d->line, d->col);
  g_string_append_printf(g, ": %s: %s", diag_severity_name(d->severity), d->message);
  if (*d->rule) g_string_append_printf(g, " [%s]", d->rule);
  if (d->suggestion) g_string_append_printf(g, "\n  suggestion: %s", d->suggestion);
  if (d->note_file)
    g_string_append_printf(g, "\n  %s:%u:%u: note: %s", d->note_file, d->note_line, d->note_col,
                           d->note_message);
  return g_string_free(g, FALSE);
}

static bool junit_failure(const struct rdiag *d)
{
  return d->severity == DIAG_ERROR || d->severity == DIAG_WARNING;
}

/* One test suite, a test case per file and a <failure> per error or
 * warning (also those in a block file the letter includes); findings at
 * info level go to the case's <system-out>, since they never fail a run.
 * The findings come in the order of the files. */
static int write_junit(struct report *r)
{
  unsigned failed_files = 0, failures = 0;
  guint k = 0;
  for (guint f = 0; f < r->files->len; f++) {
    bool failed = false;
    for (; k < r->diags->len && g_array_index(r->diags, struct rdiag, k).owner == f; k++)
      if (junit_failure(&g_array_index(r->diags, struct rdiag, k))) { failures++; failed = true; }
    failed_files += failed;
  }
  struct xml_writer *w = xml_writer_new();
  xml_start(w, "testsuites");
  xml_attr_set(w, "name", "beeldbrief lint");
  xml_attr_uint(w, "tests", r->files->len);
  xml_attr_uint(w, "failures", failed_files);
  xml_attr_uint(w, "errors", 0);
  xml_start(w, "testsuite");
  xml_attr_set(w, "name", "beeldbrief lint");
  xml_attr_uint(w, "tests", r->files->len);
  xml_attr_uint(w, "failures", failed_files);
  xml_attr_uint(w, "errors", 0);
  xml_attr_uint(w, "skipped", 0);
  xml_start(w, "properties");
  xml_start(w, "property");
  xml_attr_set(w, "name", "beeldbrief.version");
  xml_attr_set(w, "value", r->version);
  xml_end(w);
  xml_start(w, "property");
  xml_attr_set(w, "name", "beeldbrief.findings");
  xml_attr_uint(w, "value", failures);
  xml_end(w);
  xml_end(w);
  k = 0;
  for (guint f = 0; f < r->files->len; f++) {
    const char *file = r->files->pdata[f];
    xml_start(w, "testcase");
    xml_attr_set(w, "classname", "beeldbrief.lint");
    xml_attr_set(w, "name", file);
    xml_attr_set(w, "file", file);
    GString *out = g_string_new(NULL);
    for (; k < r->diags->len && g_array_index(r->diags, struct rdiag, k).owner == f; k++) {
      const struct rdiag *d = &g_array_index(r->diags, struct rdiag, k);
      char *detail = junit_detail(d);
      if (junit_failure(d)) {
        xml_start(w, "failure");
        xml_attr_set(w, "type", *d->rule ? d->rule : diag_severity_name(d->severity));
        xml_attr_set(w, "message", d->message);
        xml_write_text(w, detail);
        xml_end(w);
      } else {
        g_string_append_printf(out, "%s\n", detail);
      }
      g_free(detail);
    }
    if (out->len) {
      xml_start(w, "system-out");
      xml_write_text(w, out->str);
      xml_end(w);
    }
    g_string_free(out, TRUE);
    xml_end(w);
  }
  return xml_writer_finish(w, r->out);
}

/* ---- GitLab Code Quality ------------------------------------------------------------------ */

static void write_gitlab(struct report *r)
{
  FILE *o = r->out;
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  fputc('[', o);
  for (guint i = 0; i < r->diags->len; i++) {
    const struct rdiag *d = &g_array_index(r->diags, struct rdiag, i);
    /* The fingerprint survives lines moving: rule, file, message and the
     * how-many-th such finding it is. */
    char *key = g_strdup_printf("%s\n%s\n%s", d->rule, d->file, d->message);
    guint nth = GPOINTER_TO_UINT(g_hash_table_lookup(seen, key)) + 1;
    g_hash_table_insert(seen, g_strdup(key), GUINT_TO_POINTER(nth));
    char *full = g_strdup_printf("%s\n%u", key, nth);
    char *fp = g_compute_checksum_for_string(G_CHECKSUM_MD5, full, -1);
    fputs(i ? ",\n {\"description\": " : "\n {\"description\": ", o);
    json_write_string(o, d->message);
    fputs(", \"check_name\": ", o);
    json_write_string(o, d->rule);
    fputs(", \"fingerprint\": ", o);
    json_write_string(o, fp);
    fputs(", \"severity\": ", o);
    json_write_string(o, d->severity == DIAG_ERROR ? "major" : d->severity == DIAG_WARNING ? "minor" : "info");
    fputs(", \"location\": {\"path\": ", o);
    json_write_string(o, d->file);
    fprintf(o, ", \"lines\": {\"begin\": %u}}}", d->line ? d->line : 1);
    g_free(fp);
    g_free(full);
    g_free(key);
  }
  fputs(r->diags->len ? "\n]\n" : "]\n", o);
  g_hash_table_destroy(seen);
}

int report_finish(struct report *r, unsigned errors, unsigned warnings, unsigned files)
{
  int junit_rc = 0;
  switch (r->format) {
  case REPORT_TEXT:
    fprintf(r->out, "%u error%s, %u warning%s in %u file%s\n", errors, errors == 1 ? "" : "s",
            warnings, warnings == 1 ? "" : "s", files, files == 1 ? "" : "s");
    break;
  case REPORT_JSON: write_json(r, errors, warnings, files); break;
  case REPORT_SARIF: write_sarif(r); break;
  case REPORT_GITLAB: write_gitlab(r); break;
  case REPORT_JUNIT: junit_rc = write_junit(r); break;
  case REPORT_GITHUB: case REPORT_FORMAT_COUNT: break;
  }
  int rc = junit_rc == 0 && fflush(r->out) == 0 && !ferror(r->out) ? 0 : -1;
  for (guint i = 0; i < r->diags->len; i++) {
    struct rdiag *d = &g_array_index(r->diags, struct rdiag, i);
    g_free(d->file); g_free(d->rule); g_free(d->message); g_free(d->suggestion); g_free(d->fix);
    g_free(d->note_file); g_free(d->note_message);
  }
  g_array_free(r->diags, TRUE);
  g_ptr_array_unref(r->files);
  g_free(r->datadir);
  g_free(r->version);
  g_free(r);
  return rc;
}
