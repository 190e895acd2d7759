#!/bin/sh
# Layout tests for beeldbrief (see README.md in this folder).
#
#   sh tests/layout/run.sh              every test, from any directory
#   sh tests/layout/run.sh CASE...      only these golden cases (names from cases/)
#   UPDATE=1 sh tests/layout/run.sh CASE
#                                       rewrite cases/CASE.layout from the current
#                                       binary, after you have reviewed the change
#   BEELDBRIEF=path/to/beeldbrief       the binary under test (default ./beeldbrief)
#
# Prints "ok NAME" or "FAIL NAME" plus details per test and ends with one
# line "N passed, N failed"; exits 1 when anything failed.
set -u
cd "$(dirname "$0")/../.." || exit 1
BEELDBRIEF=${BEELDBRIEF:-./beeldbrief}
BEELDBRIEF_DATA=${BEELDBRIEF_DATA:-$PWD}
NO_COLOR=1
LC_ALL=C
export BEELDBRIEF_DATA NO_COLOR LC_ALL
UPDATE=${UPDATE:-}
D=tests/layout
CHECK="awk -f $D/check-boxes.awk"

T=$(mktemp -d "${TMPDIR:-/tmp}/beeldbrief-layout.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 130' HUP INT TERM

pass=0
fail=0
: >"$T/why"
why() { printf '%s\n' "$*" >>"$T/why"; }
verdict() {
  if [ -s "$T/why" ]; then
    echo "FAIL $1"
    sed 's/^/    /' "$T/why"
    fail=$((fail + 1))
  else
    echo "ok $1"
    pass=$((pass + 1))
  fi
  : >"$T/why"
}

# dump SPEC [OPTIONS...]: the layout dump of SPEC in $T/dump, stderr in
# $T/err, the exit status in $rc.
dump() {
  spec=$1; shift
  timeout 20 "$BEELDBRIEF" build "$spec" --emit layout "$@" >"$T/dump" 2>"$T/err"
  rc=$?
}

# built: the last dump() must have succeeded without errors. (Readability
# warnings about the cases' wording are not what these tests are about.)
built() {
  [ "$rc" -eq 0 ] || why "exit $rc (expected 0)"
  grep -q ': error: ' "$T/err" && { why "stderr:"; sed 's/^/  /' "$T/err" >>"$T/why"; }
  [ "$rc" -eq 0 ] && ! grep -q ': error: ' "$T/err"
}

# boxes: check-boxes.awk on the last dump.
boxes() {
  $CHECK "$T/dump" >"$T/check" 2>&1 || {
    why "check-boxes.awk:"
    sed 's/^[^:]*: /  /' "$T/check" >>"$T/why"
  }
}

# ---- 1. golden cases --------------------------------------------------------
if [ $# -gt 0 ]; then
  cases=
  for c in "$@"; do
    c=$(basename "$c" .yaml)
    [ -f "$D/cases/$c.yaml" ] || { echo "no such case: $D/cases/$c.yaml" >&2; exit 2; }
    cases="$cases $D/cases/$c.yaml"
  done
else
  cases=$(ls "$D"/cases/*.yaml)
fi
for spec in $cases; do
  name=$(basename "$spec" .yaml)
  expect=$D/cases/$name.layout
  # Extra options: a first line "# args: --house-style FILE ...".
  args=$(sed -n '1s/^# args: *//p' "$spec")
  # shellcheck disable=SC2086
  dump "$spec" $args
  if built; then
    boxes
    if [ -n "$UPDATE" ]; then
      if grep -q '^# BUG:' "$spec"; then
        why "not updated: $spec is marked '# BUG:'; remove those lines once the bug is fixed"
      elif [ -s "$T/why" ]; then
        why "not updated: the layout fails check-boxes.awk"
      else
        cp "$T/dump" "$expect"
        echo "updated $expect"
      fi
    elif [ ! -f "$expect" ]; then
      why "no reviewed layout $expect"
      grep '^# BUG:' "$spec" | sed 's/^# BUG: */  /' >>"$T/why"
    elif ! cmp -s "$expect" "$T/dump"; then
      why "layout differs from $expect (- expected, + actual):"
      diff -u "$expect" "$T/dump" | sed '1,2d' >>"$T/why"
    fi
  fi
  verdict "$name"
done
[ $# -gt 0 ] && { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }

# ---- 2. the stress case and the examples: they build and pass check-boxes ----
dump "$D/stress.yaml"
if built; then
  boxes
  # Every list item is there, and the whole long name is in the window.
  i=1
  while [ $i -le 40 ]; do
    grep -q " list-item .*(stuk $i)" "$T/dump" || why "list item 'stuk $i' is missing"
    i=$((i + 1))
  done
  grep -q ' address "Mevrouw Maria Magdalena Johanna van den Berg-Oudshoorn-de Vries-Jansen' "$T/dump" ||
    why "the recipient's name is not complete in the address box"
fi
verdict stress

for spec in examples/*.yaml; do
  dump "$spec"
  built && boxes
  verdict "example/$(basename "$spec" .yaml)"
done

# ---- 3. self-tests of check-boxes.awk ----------------------------------------
# Each selftest/NAME.dump is a small hand-made dump; NAME.expect is exactly
# what check-boxes.awk must print for it (empty: the dump must pass).
for dumpfile in "$D"/selftest/*.dump; do
  name=$(basename "$dumpfile" .dump)
  expect=$D/selftest/$name.expect
  $CHECK "$dumpfile" >"$T/selftest" 2>&1
  rc=$?
  if [ -s "$expect" ]; then want=1; else want=0; fi
  [ "$rc" -eq "$want" ] || why "check-boxes.awk exit $rc, expected $want"
  if [ ! -f "$expect" ]; then
    why "missing $expect"
  elif ! cmp -s "$expect" "$T/selftest"; then
    why "output differs from $expect:"
    diff -u "$expect" "$T/selftest" | sed '1,2d' >>"$T/why"
  fi
  verdict "selftest/$name"
done

# ---- 4. the page limit ---------------------------------------------------------
# A 2-page letter with --max-pages 1: exit 1, a render.pages error at the
# subject (file:line:col of its value), and nothing written: no PDF, no
# PNG, no temporary file, no dump.
spec=$D/page-limit.yaml
line=$(grep -n '^subject: ' "$spec" | cut -d: -f1)
mkdir "$T/out"
for format in pdf png; do
  timeout 20 "$BEELDBRIEF" build "$spec" --max-pages 1 --format $format -o "$T/out/brief" \
    >"$T/stdout" 2>"$T/err"
  rc=$?
  [ "$rc" -eq 1 ] || why "$format: exit $rc, expected 1"
  grep -q "^$spec:$line:10: error: .*\[render\.pages\]\$" "$T/err" ||
    { why "$format: no '$spec:$line:10: error: ... [render.pages]' on stderr:"; sed 's/^/  /' "$T/err" >>"$T/why"; }
  [ -s "$T/stdout" ] && why "$format: unexpected stdout: $(head -c 200 "$T/stdout")"
  left=$(ls -A "$T/out")
  [ -n "$left" ] && why "$format: files written despite the error: $left"
done
dump "$spec" --max-pages 1
[ "$rc" -eq 1 ] || why "--emit layout: exit $rc, expected 1"
[ -s "$T/dump" ] && why "--emit layout printed a layout despite the error"
grep -q '\[render\.pages\]' "$T/err" || why "--emit layout: no render.pages error"
# The same letter builds within its own page count.
dump "$spec" --max-pages 2
built >/dev/null && boxes
verdict page-limit

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
