#!/bin/sh
# The B1 readability checks against sentences, words and paragraphs we
# wrote and judged by hand (tests/readability/data/README.md):
#   rules/RULE.txt     "+ sentence" must get a readability.RULE finding,
#                      "- sentence" must not (each checked on its own)
#   syllables.txt      word<TAB>syllables: at least 97% counted right
#   rewrites/NN-*.txt  every B1 rewrite gets fewer findings and a higher
#                      Flesch-Douma score than its original
set -u
cd "$(dirname "$0")/../.."
B=${BEELDBRIEF:-$PWD/beeldbrief}
D=tests/readability/data
export NO_COLOR=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# ---- per rule: flagged and not flagged ---------------------------------------
# One process per rule file: sentence k goes on line 2k-1 of the input
# (blank lines between keep them apart), and findings are matched back by
# their line.
for f in "$D"/rules/*.txt; do
  rule=readability.$(basename "$f" .txt)
  grep -E '^[+-] ' "$f" >"$T/cases"
  if [ "$rule" = readability.abbreviation ]; then
    # An abbreviation is reported once per text: check each sentence alone.
    : >"$T/hit"
    k=0
    while IFS= read -r line; do
      k=$((k + 1))
      printf '%s\n' "${line#??}" >"$T/one.txt"
      "$B" check-text --format json "$T/one.txt" 2>&1 | grep -q "\"rule\": \"$rule\"" &&
        echo $((2 * k - 1)) >>"$T/hit"
    done <"$T/cases"
  else
    sed 's/^..//; G' "$T/cases" >"$T/in.txt"
    "$B" check-text --format json "$T/in.txt" >"$T/out" 2>&1
    grep "\"rule\": \"$rule\"" "$T/out" | sed -n 's/.*"line": \([0-9]*\),.*/\1/p' | sort -u >"$T/hit"
  fi
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    if grep -qx "$((2 * n - 1))" "$T/hit"; then got=+; else got=-; fi
    want=$(printf '%s' "$line" | cut -c1)
    if [ "$got" = "$want" ]; then ok; else
      bad "$rule: expected $([ "$want" = + ] && echo a finding || echo no finding): ${line#??}"
    fi
  done <"$T/cases"
  [ "$n" -ge 20 ] || bad "$rule: only $n sentences in $f"
done

# ---- syllables -----------------------------------------------------------------
# All words in one run of --emit tokens, one word per paragraph.
grep -v '^#' "$D/syllables.txt" | grep -v '^$' >"$T/syl"
cut -f1 "$T/syl" | sed G >"$T/words.txt"
"$B" check-text --emit tokens "$T/words.txt" | awk -F'\t' '$2 == "word" { split($1, p, ":"); print p[1], $3 }' >"$T/got"
awk -F'\t' '{ print 2 * NR - 1, $2, $1 }' "$T/syl" >"$T/want"
result=$(awk 'NR == FNR { got[$1] = $2; next }
  { total++; if (got[$1] == $2) right++; else wrong = wrong " " $3 "(" got[$1] "/" $2 ")" }
  END { printf "%d %d%s", right, total, wrong }' "$T/got" "$T/want")
right=${result%% *}; rest=${result#* }; total=${rest%% *}; wrong=${rest#"$total"}
if [ "$total" -ge 300 ] && [ $((right * 1000 / total)) -ge 970 ]; then ok
else bad "syllables: $right of $total right (need 97%)"; fi
echo "syllables: $right of $total right"
[ -n "$wrong" ] && echo "  wrong:$wrong"

# ---- rewrites ------------------------------------------------------------------
for orig in "$D"/rewrites/*-origineel.txt; do
  nn=$(basename "$orig" -origineel.txt)
  b1="$D/rewrites/$nn-b1.txt"
  "$B" check-text --format json "$orig" >"$T/o" 2>/dev/null
  "$B" check-text --format json "$b1" >"$T/b" 2>/dev/null
  fo=$(grep -c '"rule"' "$T/o"); fb=$(grep -c '"rule"' "$T/b")
  so=$(sed -n 's/.*"flesch_douma": \([-0-9.]*\),.*/\1/p' "$T/o")
  sb=$(sed -n 's/.*"flesch_douma": \([-0-9.]*\),.*/\1/p' "$T/b")
  if [ "$fb" -lt "$fo" ] && awk -v a="$sb" -v b="$so" 'BEGIN { exit !(a > b) }'; then ok
  else bad "rewrite $nn: findings $fo -> $fb, Flesch-Douma $so -> $sb"; fi
done

# ---- tokens and sentences ----------------------------------------------------------
# cases/tokens.txt packs the traps (a heading line, initials, abbreviations,
# a date, a time, a phone number, an amount, a percentage, a postcode, a
# web and an e-mail address, an IBAN, list items, a variable, "...", ? and
# !); tokens.expect was checked by hand token by token.
"$B" check-text --emit tokens tests/readability/cases/tokens.txt >"$T/tokens" 2>&1
if cmp -s "$T/tokens" tests/readability/cases/tokens.expect; then ok
else bad "tokens differ:"; diff tests/readability/cases/tokens.expect "$T/tokens" | head -20; fi

# ---- positions inside every scalar style ----------------------------------------
# cases/positions.yaml has one difficult word in a plain, a double-quoted
# (with escapes before it), a folded and a literal (more indented) value;
# the columns below were counted by hand.
NO_COLOR=1 "$B" lint tests/readability/cases/positions.yaml >"$T/pos" 2>&1
for want in "9:30: warning: 'indien'" "10:41: warning: 'teneinde'" "13:19: warning: 'conform'" \
            "16:22: warning: 'middels'"; do
  if grep -q "positions.yaml:$want" "$T/pos"; then ok; else bad "position $want"; fi
done

# ---- a broken word list is reported with file:line ------------------------------
mkdir -p "$T/data/wordlist"
ln -s "$PWD/fonts" "$T/data/fonts"
ln -s "$PWD/templates" "$T/data/templates"
cp wordlist/*.txt "$T/data/wordlist/"
printf 'indien | als\nteneinde\n' >"$T/data/wordlist/moeilijke-woorden.txt"
echo "Indien u wilt." | BEELDBRIEF_DATA="$T/data" "$B" check-text - >"$T/wl" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && grep -q "moeilijke-woorden.txt:2:1: error: write 'difficult word | alternative'" "$T/wl"
then ok; else bad "broken word list: exit $rc, $(head -n 1 "$T/wl")"; fi

# ---- spelling (hunspell with the Dutch dictionary) -------------------------------------
echo "Wij hebben uw aanfraag ontvangen." | "$B" check-text --format json - >"$T/sp" 2>&1
if grep -q '"rule": "spelling.unknown-word", .*"line": 1, "col": 15, .*"suggestion": "aanvraag"' "$T/sp"; then ok
else bad "spelling: no 'aanvraag' suggested for 'aanfraag'"; fi
echo "Wij hebben uw aanvraag voor een WW-uitkering van J.T. de Vries op 1 april 2026 ontvangen." |
  "$B" check-text --format json - >"$T/sp2" 2>&1
if grep -q '"spelling' "$T/sp2"; then bad "spelling: a finding in a correct sentence"; else ok; fi

# ---- thresholds from .beeldbrief.yaml ------------------------------------------------
# The nearest .beeldbrief.yaml above the file sets them; --config overrides;
# a bad key is reported at its line:col.
mkdir -p "$T/cfg/sub"
printf 'readability:\n  sentence-warning: 8\n' >"$T/cfg/.beeldbrief.yaml"
printf 'Dit is een zin met precies tien woorden erin geschreven.\n' >"$T/cfg/sub/t.txt"
"$B" check-text "$T/cfg/sub/t.txt" >"$T/c1" 2>&1
if grep -q "sentence of 10 words; at B1 keep sentences to 8 words" "$T/c1"; then ok; else bad "config: threshold 8 not used"; fi
cp "$T/cfg/sub/t.txt" "$T/t.txt"
"$B" check-text "$T/t.txt" >"$T/c2" 2>&1
if grep -q "sentence-length" "$T/c2"; then bad "config: default 15 not used outside the folder"; else ok; fi
printf 'readability:\n  sentense-warning: 8\n' >"$T/bad.yaml"
"$B" check-text --config "$T/bad.yaml" "$T/t.txt" >"$T/c3" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && grep -q "bad.yaml:2:3: error: unknown key 'sentense-warning' in 'readability'; did you mean 'sentence-warning'?" "$T/c3"
then ok; else bad "config: bad key (exit $rc)"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
