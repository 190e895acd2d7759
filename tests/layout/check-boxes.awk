# check-boxes.awk - sanity checks on a `beeldbrief build X.yaml --emit layout`
# dump. POSIX awk only (tested with mawk 1.3.4).
#
#   awk -f tests/layout/check-boxes.awk DUMP...
#
# Prints one line per problem, "FILE: page N: [check] what is wrong", and
# exits 1 when there is any; exits 0 silently otherwise. The checks:
#
#   overlap    two text boxes on one page overlap by more than 0.2 mm in x
#              AND in y (text on a rect background is fine: only text
#              against text counts)
#   printable  a drawn box (text, rect, line, circle, icon, image, bars)
#              lies outside the printable area x 3..207, y 3..294 mm
#   body       a body text box (anything but running-header, page-number,
#              footer) starts above y 24 mm on page 2 or later, or ends
#              below y 274 mm on any page
#   window     on page 1, the texts return-address, urgency and address and
#              the kix bars lie outside the window field: x 20..105 mm
#              (left window) or 105..190 mm (right window, when the
#              return-address box, else the address box, starts at x >= 105),
#              y 45..90 mm
#   strike     a horizontal or vertical line (a rule) runs through a text
#              box, more than 0.3 mm inside it
#   tags       tag/end lines are unbalanced or cross (end X while Y is open),
#              or a tag is still open at the end of the dump
#   pages      a page header "page N of M" out of sequence, or a page
#              without its "Pagina N van M" page-number text
#   lines      a text box that holds a part of a paragraph or list item
#              ("lines a-b") of only one line: a widow or an orphan
#   keep       a heading, the salutation or a paragraph that ends in ':' is
#              the last body text on its page (it must stay with what follows),
#              or the label (bullet, number) of a list item is on another page
#              than the first line of its text
#
# Coordinates in the dump are rounded to 0.1 mm, so every edge comparison
# allows 0.1 mm (EPS) for the rounding of x + w or y + h; FUZZ keeps the
# floating-point sums of those decimals (147.0 + 0.2) on the right side.

BEGIN {
  FUZZ = 0.000001
  EPS = 0.1 + FUZZ; OVERLAP = 0.2 + FUZZ; STRIKE = 0.3
  PX0 = 3; PX1 = 207; PY0 = 3; PY1 = 294
  BODY_TOP = 24; BODY_BOTTOM = 274
  WIN_Y0 = 45; WIN_Y1 = 90
  bad = 0
}

function problem(check, msg) {
  printf "%s: page %d: [%s] %s\n", FILENAME, page, check, msg
  bad++
}

# The quoted text of the current line, shortened, for messages.
function quoted(   i, s) {
  i = index($0, "\"")
  if (!i) return ""
  s = substr($0, i)
  if (length(s) > 60) s = substr(s, 1, 30) "..." substr(s, length(s) - 26)
  return " " s
}

# Texts of every page, outside the body: header, page number, footer.
function furniture(what) {
  return what == "running-header" || what == "page-number" || what == "footer"
}

function describe(k) {
  return sprintf("%s %s (x %.1f..%.1f, y %.1f..%.1f)%s", bk[k], bwhat[k], bx0[k], bx1[k],
                 by0[k], by1[k], btext[k])
}

# Window and overlap checks need the whole page: run them when it ends.
function end_page(   i, j, ox, oy, fx0, fx1, wx, k) {
  if (!page) return
  if (!seen_number) problem("pages", "no \"Pagina " page " van " total "\" page-number text")
  if (last_body && (bwhat[last_body] == "heading" || bwhat[last_body] == "salutation" ||
                    (bwhat[last_body] == "paragraph" && btext[last_body] ~ /:"$/)))
    problem("keep", describe(last_body) " is the last text on the page: it must stay with what follows")
  for (i = 1; i <= nt; i++)
    for (j = i + 1; j <= nt; j++) {
      ox = (tx1[i] < tx1[j] ? tx1[i] : tx1[j]) - (tx0[i] > tx0[j] ? tx0[i] : tx0[j])
      oy = (ty1[i] < ty1[j] ? ty1[i] : ty1[j]) - (ty0[i] > ty0[j] ? ty0[i] : ty0[j])
      if (ox > OVERLAP && oy > OVERLAP)
        problem("overlap", sprintf("%s overlaps %s by %.1f x %.1f mm", describe(tk[i]),
                                   describe(tk[j]), ox, oy))
    }
  for (i = 1; i <= nl; i++)
    for (j = 1; j <= nt; j++) {
      k = lk[i]
      if (by0[k] == by1[k] && by0[k] > ty0[j] + STRIKE && by0[k] < ty1[j] - STRIKE &&
          (bx1[k] < tx1[j] ? bx1[k] : tx1[j]) - (bx0[k] > tx0[j] ? bx0[k] : tx0[j]) > OVERLAP)
        problem("strike", describe(k) " runs through " describe(tk[j]))
      else if (bx0[k] == bx1[k] && bx0[k] > tx0[j] + STRIKE && bx0[k] < tx1[j] - STRIKE &&
               (by1[k] < ty1[j] ? by1[k] : ty1[j]) - (by0[k] > ty0[j] ? by0[k] : ty0[j]) > OVERLAP)
        problem("strike", describe(k) " runs through " describe(tk[j]))
    }
  if (page == 1 && nw) {
    wx = win_ref != "" ? win_ref : win_addr != "" ? win_addr : 20
    if (wx >= 105 - EPS) { fx0 = 105; fx1 = 190 } else { fx0 = 20; fx1 = 105 }
    for (i = 1; i <= nw; i++) {
      k = wk[i]
      if (bx0[k] < fx0 - EPS || bx1[k] > fx1 + EPS || by0[k] < WIN_Y0 - EPS || by1[k] > WIN_Y1 + EPS)
        problem("window", sprintf("%s is not inside the window field x %d..%d, y %d..%d",
                                  describe(k), fx0, fx1, WIN_Y0, WIN_Y1))
    }
  }
}

function start_page(n, m) {
  end_page()
  page++
  if (n != page) problem("pages", "page header \"page " n " of " m "\" where page " page " was expected")
  if (total != "" && m != total) problem("pages", "page header says " m " pages, an earlier one " total)
  total = m
  nt = 0; nl = 0; nw = 0; win_ref = ""; win_addr = ""; seen_number = 0; last_body = 0
}

# A new file (several dumps may be given at once).
FNR == 1 {
  if (NR > 1) finish_file()
  page = 0; total = ""; depth = 0; nb = 0; in_lbl = 0; in_body = 0; lbl_page = 0
}

function finish_file(   d) {
  end_page()
  if (!page) problem("pages", "no \"page N of M\" line: not a layout dump")
  for (d = depth; d >= 1; d--) problem("tags", "tag " stack[d] " (line " stackline[d] ") is never ended")
  if (page && page != total) problem("pages", "the dump has " page " pages, the headers say " total)
}

$1 == "page" && $3 == "of" { start_page($2 + 0, $4 + 0); next }

$1 == "tag" {
  depth++; stack[depth] = $2; stackline[depth] = FNR
  if ($2 == "LI") { lbl_page = 0; body_seen = 0 }
  if ($2 == "Lbl") in_lbl = 1
  if ($2 == "LBody") in_body = 1
  next
}

$1 == "end" {
  if ($2 == "Lbl") in_lbl = 0
  if ($2 == "LBody") in_body = 0
  if (depth == 0) problem("tags", "line " FNR ": end " $2 " without an open tag")
  else if (stack[depth] != $2)
    problem("tags", "line " FNR ": end " $2 " while " stack[depth] " (line " stackline[depth] ") is open")
  else depth--
  next
}

$1 ~ /^(text|rect|line|circle|icon|image|bars)$/ {
  if (!page) { problem("pages", "line " FNR ": a box before the first page header"); next }
  k = ++nb
  bk[k] = $1; bwhat[k] = $6
  x = $2 + 0; y = $3 + 0; w = $4 + 0; h = $5 + 0
  if (w < 0) { x += w; w = -w }           # a line drawn right to left or upwards
  if (h < 0) { y += h; h = -h }
  bx0[k] = x; bx1[k] = x + w; by0[k] = y; by1[k] = y + h
  btext[k] = $1 == "text" ? quoted() : ""

  if (x < PX0 - EPS || x + w > PX1 + EPS || y < PY0 - EPS || y + h > PY1 + EPS)
    problem("printable", "line " FNR ": " describe(k) " is outside the printable area x 3..207, y 3..294")

  if ($1 == "line") lk[++nl] = k
  if (in_lbl) lbl_page = page
  if (in_body && $1 == "text" && !furniture($6) && !body_seen) {
    body_seen = 1
    if (lbl_page && lbl_page != page)
      problem("keep", "line " FNR ": " describe(k) " starts on page " page ", its list label is on page " lbl_page)
  }
  if ($1 == "text") {
    nt++; tk[nt] = k; tx0[nt] = x; tx1[nt] = x + w; ty0[nt] = y; ty1[nt] = y + h
    if ($6 == "page-number") {
      if (index($0, "\"Pagina " page " van " total "\"")) seen_number = 1
      else problem("pages", "line " FNR ": page-number" quoted() " on page " page " of " total)
    }
    if (!furniture($6)) {
      last_body = k
      if ($7 == "lines" && split($8, ln, "-") == 2 && ln[2] - ln[1] < 1)
        problem("lines", "line " FNR ": " describe(k) " holds a single line (" $8 ") of a broken text")
      if (page >= 2 && y < BODY_TOP - EPS / 2)
        problem("body", "line " FNR ": " describe(k) " starts above y " BODY_TOP " mm")
      if (y + h > BODY_BOTTOM + EPS)
        problem("body", "line " FNR ": " describe(k) " ends below y " BODY_BOTTOM " mm")
    }
  }
  if (page == 1 && (($1 == "text" && ($6 == "address" || $6 == "return-address" || $6 == "urgency")) ||
                    ($1 == "bars" && $6 == "kix"))) {
    wk[++nw] = k
    if ($6 == "return-address") win_ref = x
    if ($6 == "address") win_addr = x
  }
  next
}

/^[ \t]*$/ { next }

{ problem("syntax", "line " FNR ": not a layout line: " $0) }

END {
  if (NR == 0) { print "check-boxes.awk: no input" | "cat 1>&2"; exit 1 }
  finish_file()
  exit bad ? 1 : 0
}
