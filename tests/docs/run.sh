#!/bin/sh
# tests/docs/run.sh - keeps docs/spec.md, examples/ and templates/blocks/ true.
#
#   (a) every ```yaml spec block in docs/spec.md is a complete letter that
#       builds (exit 0, a PDF is written) and lints (exit 0);
#   (b) every ```yaml fragment block, placed in the minimal letter (the first
#       ```yaml spec block), builds: a top-level key replaces the same key
#       (or is added), a block item ("- type: ...") goes under blocks:;
#   (c) every ```yaml invalid block fails to build with exit 2 and, when its
#       comment says "fails with [rule]", reports that rule; a block without
#       a top-level kind: is placed in the minimal letter first;
#   (d) every key path of `beeldbrief schema` appears in docs/spec.md as `path`;
#   (e) every rule id of the spec front end and file handling found in src/
#       appears in docs/spec.md as `rule`;
#   (f) every examples/*.yaml builds (exit 0), lints (exit 0) and pdfinfo
#       reports 1 to 4 pages;
#   (g) every templates/blocks/*.yaml builds when included as a standard block.
#
# POSIX sh + awk + sed; no Python. Prints "ok NAME" or "FAIL NAME" (with
# details indented below) per check and ends with "N passed, N failed".
#   BEELDBRIEF       the binary under test (default ./beeldbrief)
#   BEELDBRIEF_DATA  where templates/ is found (default: the repo root)
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
BEELDBRIEF=${BEELDBRIEF:-./beeldbrief}
case $BEELDBRIEF in /*) ;; */*) BEELDBRIEF=$ROOT/$BEELDBRIEF ;; esac
BEELDBRIEF_DATA=${BEELDBRIEF_DATA:-$ROOT}
NO_COLOR=1
export BEELDBRIEF_DATA NO_COLOR
DOC=docs/spec.md

pass=0
fail=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/beeldbrief-docs.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() {
  fail=$((fail + 1)); echo "FAIL $1"
  [ -n "${2:-}" ] && [ -s "$2" ] && sed -n '1,30s/^/    /p' "$2"
  return 0
}

if [ ! -x "$BEELDBRIEF" ] && ! command -v "$BEELDBRIEF" >/dev/null 2>&1; then
  bad "binary $BEELDBRIEF is missing (run make)"
  echo "$pass passed, $fail failed"
  exit 1
fi
if [ ! -f "$DOC" ]; then
  bad "$DOC is missing"
  echo "$pass passed, $fail failed"
  exit 1
fi

# ---- extract the marked code blocks ----------------------------------------
# Writes $TMP/blocks/NNN-KIND-LINE.yaml for each ```yaml spec|fragment|invalid
# block (LINE: the line of the opening fence in spec.md).
mkdir -p "$TMP/blocks" "$TMP/out"
awk -v dir="$TMP/blocks" '
  /^```/ {
    if (inblk) { close(file); inblk = 0; next }
    if ($0 ~ /^```yaml[ \t]+(spec|fragment|invalid)[ \t]*$/) {
      kind = $0; sub(/^```yaml[ \t]+/, "", kind); sub(/[ \t]*$/, "", kind)
      n++; file = sprintf("%s/%03d-%s-%d.yaml", dir, n, kind, NR)
      printf "" > file
      inblk = 1
    } else if (!infence) infence = 1
    else infence = 0
    next
  }
  inblk { print > file }
' "$DOC"

# The minimal letter: the first complete letter in the document.
MIN=$(ls "$TMP/blocks" | grep -e '-spec-' | head -n 1)
[ -n "$MIN" ] && MIN=$TMP/blocks/$MIN

# merge FRAGMENT OUT: writes the minimal letter with FRAGMENT placed in it.
merge() {
  awk -v frag="$1" '
    function iskey(l) { return l ~ /^[A-Za-z_][A-Za-z0-9_-]*:([ \t]|$)/ }
    function keyof(l) { sub(/:.*/, "", l); return l }
    BEGIN {
      seg = ""
      while ((getline l < frag) > 0) {
        if (l ~ /^-([ \t]|$)/) seg = "-"
        else if (iskey(l)) {
          seg = keyof(l)
          if (!(seg in kv)) { order[++nk] = seg; kv[seg] = "" }
        }
        if (seg == "-") blk = blk "  " l "\n"
        else if (seg != "") kv[seg] = kv[seg] l "\n"
        # lines before the first key or item (comments) are dropped
      }
      close(frag)
    }
    iskey($0) { ns++; name[ns] = keyof($0) }
    { if (ns == 0) pre = pre $0 "\n"; else text[ns] = text[ns] $0 "\n" }
    END {
      printf "%s", pre
      for (i = 1; i <= ns; i++) {
        k = name[i]
        if (k in kv) { printf "%s", kv[k]; used[k] = 1 } else printf "%s", text[i]
        if (k == "blocks") { printf "%s", blk; blk = "" }
      }
      for (i = 1; i <= nk; i++) if (!(order[i] in used)) printf "%s", kv[order[i]]
      if (blk != "") printf "blocks:\n%s", blk
    }
  ' "$MIN" > "$2"
}

# build SPEC PDF LOG: runs beeldbrief build; returns its exit code.
build() {
  "$BEELDBRIEF" build "$1" -o "$2" > "$3" 2>&1
}

is_pdf() {
  [ -s "$1" ] && [ "$(head -c 5 "$1")" = "%PDF-" ]
}

nspec=0
for f in "$TMP"/blocks/*.yaml; do
  [ -e "$f" ] || continue
  base=$(basename "$f" .yaml)
  line=${base##*-}
  kind=${base#*-}; kind=${kind%-*}
  name="$DOC:$line $kind"
  pdf=$TMP/out/$base.pdf
  log=$TMP/out/$base.log
  rm -f "$pdf"
  case $kind in
  spec)
    nspec=$((nspec + 1))
    build "$f" "$pdf" "$log"; rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "build exited $rc" >> "$log"; bad "$name builds" "$log"
    elif ! is_pdf "$pdf"; then
      echo "no PDF was written" >> "$log"; bad "$name builds" "$log"
    else
      ok "$name builds"
    fi
    "$BEELDBRIEF" lint "$f" > "$log" 2>&1; rc=$?
    if [ "$rc" -eq 0 ]; then ok "$name lints"
    else echo "lint exited $rc" >> "$log"; bad "$name lints" "$log"; fi
    ;;
  fragment)
    if [ -z "$MIN" ]; then bad "$name: no yaml spec block to place it in"; continue; fi
    merge "$f" "$TMP/out/$base.merged.yaml"
    build "$TMP/out/$base.merged.yaml" "$pdf" "$log"; rc=$?
    if [ "$rc" -eq 0 ] && is_pdf "$pdf"; then ok "$name builds in the minimal letter"
    else
      { echo "build exited $rc; the letter was:"; cat "$TMP/out/$base.merged.yaml"; } >> "$log"
      bad "$name builds in the minimal letter" "$log"
    fi
    ;;
  invalid)
    spec=$f
    if ! grep -q '^kind:' "$f"; then
      if [ -z "$MIN" ]; then bad "$name: no yaml spec block to place it in"; continue; fi
      spec=$TMP/out/$base.merged.yaml
      merge "$f" "$spec"
    fi
    build "$spec" "$pdf" "$log"; rc=$?
    rule=$(sed -n 's/^#.*fails with \[\([a-z0-9.-]*\)\].*/\1/p' "$f" | head -n 1)
    if [ "$rc" -ne 2 ]; then
      echo "build exited $rc, expected 2" >> "$log"; bad "$name fails with exit 2" "$log"
    elif [ -e "$pdf" ]; then
      echo "a PDF was written" >> "$log"; bad "$name fails with exit 2" "$log"
    elif [ -n "$rule" ] && ! grep -qF "[$rule]" "$log"; then
      echo "expected rule [$rule] in the output" >> "$log"; bad "$name fails with [$rule]" "$log"
    else
      ok "$name fails with exit 2${rule:+ [$rule]}"
    fi
    ;;
  esac
done
if [ "$nspec" -eq 0 ]; then bad "$DOC has no \`\`\`yaml spec block"; else ok "$DOC has $nspec complete letters"; fi

# ---- (d) every schema path is documented -------------------------------------
if "$BEELDBRIEF" schema > "$TMP/paths" 2> "$TMP/paths.err" && [ -s "$TMP/paths" ]; then
  missing=0
  : > "$TMP/missing"
  while IFS= read -r p; do
    [ -n "$p" ] || continue
    if ! grep -qF "\`$p\`" "$DOC"; then echo "$p" >> "$TMP/missing"; missing=$((missing + 1)); fi
  done < "$TMP/paths"
  n=$(wc -l < "$TMP/paths" | tr -d ' ')
  if [ "$missing" -eq 0 ]; then ok "all $n schema paths appear in $DOC"
  else bad "$missing of $n schema paths do not appear in $DOC as \`path\`" "$TMP/missing"; fi
else
  bad "beeldbrief schema" "$TMP/paths.err"
fi

# ---- (e) every front-end rule id is documented ---------------------------------
if [ -d src ]; then
  find src -name '*.c' -exec cat {} + | awk '
    { s = $0
      while (match(s, /"(spec|io|render)\.[a-z][a-z0-9-]*"/)) {
        r = substr(s, RSTART + 1, RLENGTH - 2)
        if (r !~ /\.h$/) print r
        s = substr(s, RSTART + RLENGTH)
      } }' | sort -u > "$TMP/rules"
  : > "$TMP/missing"
  while IFS= read -r r; do
    grep -qF "\`$r\`" "$DOC" || echo "$r" >> "$TMP/missing"
  done < "$TMP/rules"
  n=$(wc -l < "$TMP/rules" | tr -d ' ')
  if [ ! -s "$TMP/missing" ]; then ok "all $n rule ids in src/ appear in $DOC"
  else bad "rule ids in src/ missing from $DOC" "$TMP/missing"; fi
fi

# ---- (f) every example builds into 1 to 4 pages ----------------------------------
have_pdfinfo=1
command -v pdfinfo >/dev/null 2>&1 || have_pdfinfo=0
for f in examples/*.yaml; do
  [ -e "$f" ] || continue
  base=$(basename "$f" .yaml)
  pdf=$TMP/out/example-$base.pdf
  log=$TMP/out/example-$base.log
  build "$f" "$pdf" "$log"; rc=$?
  if [ "$rc" -ne 0 ] || ! is_pdf "$pdf"; then
    echo "build exited $rc" >> "$log"; bad "$f builds" "$log"; continue
  fi
  if [ "$have_pdfinfo" -eq 0 ]; then
    echo "pdfinfo not found (install poppler-utils)" > "$log"; bad "$f has 1 to 4 pages" "$log"
  else
    pages=$(pdfinfo "$pdf" 2> "$log" | sed -n 's/^Pages:[ \t]*\([0-9][0-9]*\).*/\1/p')
    if [ -n "$pages" ] && [ "$pages" -ge 1 ] && [ "$pages" -le 4 ]; then
      ok "$f builds ($pages pages)"
    else
      echo "pdfinfo reports '${pages:-nothing}' pages" >> "$log"; bad "$f builds into 1 to 4 pages" "$log"
    fi
  fi
  "$BEELDBRIEF" lint "$f" > "$log" 2>&1; rc=$?
  if [ "$rc" -eq 0 ]; then ok "$f lints"
  else echo "lint exited $rc" >> "$log"; bad "$f lints" "$log"; fi
done

# ---- (g) every shipped standard block builds ---------------------------------------
for f in templates/blocks/*.yaml; do
  [ -e "$f" ] || continue
  [ -n "$MIN" ] || break
  b=$(basename "$f" .yaml)
  printf '%s\n' "- standard: $b" > "$TMP/out/std-$b.frag"
  merge "$TMP/out/std-$b.frag" "$TMP/out/std-$b.yaml"
  build "$TMP/out/std-$b.yaml" "$TMP/out/std-$b.pdf" "$TMP/out/std-$b.log"; rc=$?
  if [ "$rc" -eq 0 ] && is_pdf "$TMP/out/std-$b.pdf"; then ok "$f builds as '- standard: $b'"
  else echo "build exited $rc" >> "$TMP/out/std-$b.log"; bad "$f builds as '- standard: $b'" "$TMP/out/std-$b.log"; fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
