/* filters.c - `{{ name | filter }}`: a value as a Dutch letter writes it.
 *
 *   datum         2027-01-25 -> maandag 25 januari 2027
 *   datum-kort    2027-01-25 -> 25 januari 2027
 *   bedrag        1250.5     -> € 1.250,50
 *   hoofdletter   de Haan    -> De Haan (the first letter)
 *   hoofdletters  breda      -> BREDA
 *   kleine-letters BREDA     -> breda
 *
 * and for letters in English (language: en):
 *   date          2027-01-25 -> Monday 25 January 2027
 *   date-short    2027-01-25 -> 25 January 2027
 *   amount        1250.5     -> €1,250.50
 *
 * Dates are read as 2027-01-25, 25-01-2027 or 25-1-2027 (also with /);
 * amounts as a plain number with an optional point and one or two
 * decimals (1250, 1250.5, -12.50), the form data files hold. */
#include "expand_int.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december",
};
static const char *const weekdays[] = {
  "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};

static const char *const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char *const weekdays_en[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

const char *const expand_filter_names[] = {
  "datum", "datum-kort", "bedrag", "hoofdletter", "hoofdletters", "kleine-letters",
  "date", "date-short", "amount", NULL,
};

static bool read_date(const char *s, GDate *d)
{
  int a, b, c;
  char s1, s2, tail;
  if (sscanf(s, "%d%c%d%c%d%c", &a, &s1, &b, &s2, &c, &tail) != 5 || s1 != s2 ||
      (s1 != '-' && s1 != '/'))
    return false;
  int y = a, m = b, day = c;
  if (a < 100) { day = a; y = c; }                 /* 25-01-2027 */
  if (y < 1000 || !g_date_valid_dmy((GDateDay)day, (GDateMonth)m, (GDateYear)y)) return false;
  g_date_set_dmy(d, (GDateDay)day, (GDateMonth)m, (GDateYear)y);
  return true;
}

/* English: "€1,250.50" from the Dutch "€ 1.250,50". */
static char *english_amount(char *nl)
{
  GString *g = g_string_new("€");
  for (const char *p = nl + strlen("€ "); *p; p++)
    g_string_append_c(g, *p == '.' ? ',' : *p == ',' ? '.' : *p);
  g_free(nl);
  return g_string_free(g, FALSE);
}

static char *amount(const char *s, char **error)
{
  const char *p = s;
  bool neg = *p == '-';
  if (neg) p++;
  const char *int_start = p;
  while (g_ascii_isdigit(*p)) p++;
  size_t nint = (size_t)(p - int_start);
  char cents[3] = "00";
  if (*p == '.') {
    p++;
    if (!g_ascii_isdigit(p[0])) nint = 0;
    cents[0] = p[0];
    if (g_ascii_isdigit(p[1])) { cents[1] = p[1]; p++; }
    p++;
  }
  if (nint == 0 || nint > 12 || *p) {
    *error = g_strdup_printf("'%s' is not an amount; the data writes amounts as 1250.50", s);
    return NULL;
  }
  while (nint > 1 && *int_start == '0') { int_start++; nint--; }
  GString *g = g_string_new(neg ? "€ -" : "€ ");
  for (size_t i = 0; i < nint; i++) {
    if (i > 0 && (nint - i) % 3 == 0) g_string_append_c(g, '.');
    g_string_append_c(g, int_start[i]);
  }
  g_string_append_printf(g, ",%s", cents);
  return g_string_free(g, FALSE);
}

char *expand_filter(const char *filter, const char *value, char **error)
{
  *error = NULL;
  if (!strcmp(filter, "datum") || !strcmp(filter, "datum-kort")) {
    GDate d;
    g_date_clear(&d, 1);
    if (!read_date(value, &d)) {
      *error = g_strdup_printf("'%s' is not a date; the data writes dates as 2027-01-25", value);
      return NULL;
    }
    const char *day = weekdays[g_date_get_weekday(&d) - 1];
    return g_strdup_printf("%s%s%d %s %d", filter[5] ? "" : day, filter[5] ? "" : " ",
                           g_date_get_day(&d), months[g_date_get_month(&d) - 1], g_date_get_year(&d));
  }
  if (!strcmp(filter, "date") || !strcmp(filter, "date-short")) {
    GDate d;
    g_date_clear(&d, 1);
    if (!read_date(value, &d)) {
      *error = g_strdup_printf("'%s' is not a date; the data writes dates as 2027-01-25", value);
      return NULL;
    }
    bool full = !strcmp(filter, "date");
    return g_strdup_printf("%s%s%d %s %d", full ? weekdays_en[g_date_get_weekday(&d) - 1] : "",
                           full ? " " : "", g_date_get_day(&d), months_en[g_date_get_month(&d) - 1],
                           g_date_get_year(&d));
  }
  if (!strcmp(filter, "amount")) {
    char *nl = amount(value, error);
    return nl ? english_amount(nl) : NULL;
  }
  if (!strcmp(filter, "bedrag")) return amount(value, error);
  if (!strcmp(filter, "hoofdletter")) {
    if (!*value) return g_strdup("");
    char buf[8];
    int n = g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(value)), buf);
    return g_strdup_printf("%.*s%s", n, buf, g_utf8_next_char(value));
  }
  if (!strcmp(filter, "hoofdletters")) return g_utf8_strup(value, -1);
  if (!strcmp(filter, "kleine-letters")) return g_utf8_strdown(value, -1);
  *error = g_strdup_printf("unknown filter '%s'", filter);
  return NULL;
}
