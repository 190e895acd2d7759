/* data_jsonl.c - JSON Lines data (one JSON object per line) through
 * jansson, the only file that uses it. A line that is not a JSON object
 * of texts, numbers and booleans is a malformed record; blank lines are
 * skipped. */
#include "batch_int.h"
#include <jansson.h>
#include <string.h>

/* A field's value as the letter prints it. */
static char *value_text(json_t *v)
{
  switch (json_typeof(v)) {
  case JSON_STRING: return g_strndup(json_string_value(v), json_string_length(v));
  case JSON_INTEGER: return g_strdup_printf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
  case JSON_REAL: {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_dtostr(buf, sizeof buf, json_real_value(v)));
  }
  case JSON_TRUE: return g_strdup("true");
  case JSON_FALSE: return g_strdup("false");
  case JSON_NULL: return g_strdup("");
  default: return NULL;                        /* objects and arrays */
  }
}

static void read_line(struct data_builder *b, const char *s, size_t n, unsigned line)
{
  json_error_t err;
  json_t *o = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
  if (!o) {
    data_add_error(b, line, "not valid JSON at column %d: %s", err.column, err.text);
    return;
  }
  if (!json_is_object(o)) {
    data_add_error(b, line, "not a JSON object");
    json_decref(o);
    return;
  }
  size_t k = json_object_size(o), i = 0;
  const char **names = g_new(const char *, k ? k : 1);
  char **values = g_new0(char *, k ? k : 1);
  const char *key;
  json_t *v;
  json_object_foreach(o, key, v) {
    char *text = value_text(v);
    if (!text || memchr(text, '\0', strlen(text) + 1) != text + strlen(text)) {
      for (size_t j = 0; j < i; j++) g_free(values[j]);
      g_free(values);
      g_free(names);
      g_free(text);
      data_add_error(b, line, "the field '%s' is not a text, number or yes/no", key);
      json_decref(o);
      return;
    }
    names[i] = data_column(b, key);
    values[i++] = text;
  }
  json_decref(o);
  data_add(b, line, names, values, i, true);
}

int data_read_jsonl(struct data_builder *b, const char *data, size_t len)
{
  unsigned line = 1;
  for (size_t at = 0; at < len; line++) {
    const char *nl = memchr(data + at, '\n', len - at);
    size_t n = nl ? (size_t)(nl - (data + at)) : len - at;
    size_t k = n;
    while (k > 0 && (data[at + k - 1] == '\r' || data[at + k - 1] == ' ' || data[at + k - 1] == '\t')) k--;
    size_t lead = 0;
    while (lead < k && (data[at + lead] == ' ' || data[at + lead] == '\t')) lead++;
    if (k > lead) read_line(b, data + at + lead, k - lead, line);
    at += n + (nl ? 1 : 0);
  }
  if (!g_hash_table_contains(b->column_set, "id") && b->records->len == 0) {
    data_error(b, 1, "no records: JSON Lines data needs one object per line, each with an id");
    return -1;
  }
  return 0;
}
