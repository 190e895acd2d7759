#!/bin/sh
# The vocabulary, consistency and spelling checks (docs/vocabulary.md),
# with the word list in tests/vocabulary/data/woordenlijst.yaml:
#   data/rules/RULE.txt        "+ text" must get a RULE finding, "- text" must
#                              not; each line is checked as a text of its own
#   data/cases/NAME.txt        must get exactly the findings of NAME.expect:
#                              "line:col rule suggestion" per finding ("-" for
#                              none; from "= suggestion:" or "did you mean")
#                              and "note line:col" for the place a
#                              consistency finding names; worked out by hand
#   specs, sets of letters, TBX, broken word lists and the spelling rate on
#   real Dutch prose below.
. "$(dirname "$0")/../lib.sh"
D=tests/vocabulary/data
CFG="--config $D/.beeldbrief.yaml"
RULES='^(vocabulary|consistency|spelling)\.'

# Findings of our rules as "file<TAB>line:col<TAB>rule<TAB>suggestion", and
# each note as "file<TAB>note<TAB>line:col", from check-text or lint output.
findings() {
  awk '
    /^[^ ].*:[0-9]+:[0-9]+: (warning|error|info): .*\[[a-z-]+\.[a-z-]+\]$/ {
      rule = $0; sub(/.*\[/, "", rule); sub(/\]$/, "", rule)
      if (pending != "") { print pending "\t" sugg; pending = "" }
      keep = rule ~ /^(vocabulary|consistency|spelling)\./
      if (!keep) next
      loc = $0; sub(/: (warning|error|info): .*/, "", loc)
      n = split(loc, p, ":"); file = p[1]; for (i = 2; i <= n - 2; i++) file = file ":" p[i]
      sugg = "-"
      if (match($0, /did you mean \047[^\047]*\047/)) sugg = substr($0, RSTART + 14, RLENGTH - 15)
      pending = file "\t" p[n - 1] ":" p[n] "\t" rule
      next
    }
    /^      = suggestion: / && keep { sugg = substr($0, 21); next }
    /: note: / && keep {
      if (pending != "") { print pending "\t" sugg; pending = "" }
      loc = $0; sub(/: note: .*/, "", loc)
      n = split(loc, p, ":")
      print file "\tnote\t" p[n - 1] ":" p[n]
      next
    }
    /^[^ ]/ { if (pending != "") { print pending "\t" sugg; pending = "" } }
    END { if (pending != "") print pending "\t" sugg }
  '
}

# ---- per rule: flagged and not flagged ----------------------------------------------
mkdir -p "$T/rules"
for f in "$D"/rules/*.txt; do
  rule=$(basename "$f" .txt)
  n=0
  grep -E '^[+-] ' "$f" | while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "${line#??}" >"$T/rules/$rule-$n.txt"
    printf '%s\n' "$line" >"$T/rules/$rule-$n.want"
  done
done
"$B" check-text $CFG "$T"/rules/*.txt 2>&1 | findings >"$T/rules.got"
for want in "$T"/rules/*.want; do
  case_file=${want%.want}.txt
  base=$(basename "$want" .want)
  rule=${base%-*}
  line=$(cat "$want")
  if awk -F'\t' -v f="$case_file" -v r="$rule" '$1 == f && $3 == r { found = 1 } END { exit !found }' "$T/rules.got"
  then got=+; else got=-; fi
  if [ "$got" = "$(printf '%s' "$line" | cut -c1)" ]; then ok "$rule: $line"; else
    bad "$rule" "expected $([ "$got" = - ] && echo a finding || echo no finding): ${line#??}"
  fi
done
for f in "$D"/rules/*.txt; do
  plus=$(grep -c '^+ ' "$f"); minus=$(grep -c '^- ' "$f")
  check "$(basename "$f" .txt) has 10+ cases each way ($plus/$minus)" test "$plus" -ge 10 -a "$minus" -ge 10
done

# ---- exact findings ---------------------------------------------------------------
for f in "$D"/cases/*.txt; do
  name=$(basename "$f" .txt)
  "$B" check-text $CFG "$f" 2>&1 | findings | cut -f2- >"$T/got"
  grep -v '^#' "$D/cases/$name.expect" | grep -v '^$' | sed 's/ /\t/; s/ /\t/; s/^note\t/note\t/' >"$T/want"
  if diff "$T/want" "$T/got" >"$T/diff"; then ok "case $name"; else
    bad "case $name" "$(tr '\n' ' ' <"$T/diff")"
  fi
done

# ---- letters: names, ignore-words, variables ---------------------------------------
# A minimal letter whose paragraph starts sentences with the recipient's
# surname, street and city (a capital at the start of a sentence does not
# make a word a name, so only the letter's own fields can).
letter() {  # letter FILE PARAGRAPH [EXTRA-TOP-LEVEL-YAML]
  cat >"$1" <<EOF
kind: uitnodiging
subject: Uitnodiging voor een gesprek
sender:
  name: A. de Boer
  role: adviseur werk
recipient:
  name: J. Tjoeksma
  salutation: Beste mevrouw Tjoeksma
  address: Zeeduinweg 14
  postcode: 1234 AB
  city: Zwiepeloo
key-message:
  title: U heeft een afspraak op 9 december
blocks:
  - paragraph: "$2"
${3:-}
EOF
}
mkdir -p "$T/letters"
cp "$D/.beeldbrief.yaml" "$D/woordenlijst.yaml" "$T/letters/"
names='Zeeduinweg is een straat. Zwiepeloo is een dorp. Tjoeksma is een naam.'
letter "$T/letters/names.yaml" "$names"
"$B" lint "$T/letters/names.yaml" >"$T/out" 2>&1
check "names from the letter's fields are not misspellings" sh -c "! grep -q spelling '$T/out'"
# The same sentences in a letter to someone else: now they are unknown words.
sed 's/mevrouw Tjoeksma$/mevrouw Dekker/; s/Zeeduinweg 14/Dorpsstraat 1/; s/city: Zwiepeloo/city: Breda/; s/name: J. Tjoeksma$/name: J. Dekker/' \
  "$T/letters/names.yaml" >"$T/letters/other.yaml"
"$B" lint "$T/letters/other.yaml" >"$T/out" 2>&1
check "the same words in another letter are flagged (3)" test "$(grep -c 'spelling.unknown-word' "$T/out")" -eq 3

letter "$T/letters/ignore.yaml" 'Tjoelastee is open op dinsdag.' 'ignore-words: [Tjoelastee]'
"$B" lint "$T/letters/ignore.yaml" >"$T/out" 2>&1
check "ignore-words: the word is accepted" sh -c "! grep -q spelling '$T/out'"
letter "$T/letters/no-ignore.yaml" 'Tjoelastee is open op dinsdag.'
"$B" lint "$T/letters/no-ignore.yaml" >"$T/out" 2>&1
check "without ignore-words: the word is flagged at 15:17" grep -q "no-ignore.yaml:15:17: warning: unknown word 'Tjoelastee'" "$T/out"

letter "$T/letters/vars.yaml" '{{ plaats }} is open op dinsdag.' 'variables: { plaats: Tjoelastee }'
"$B" lint "$T/letters/vars.yaml" >"$T/out" 2>&1
check "the value of a variable is not checked for spelling" sh -c "! grep -q spelling '$T/out'"

# Data fields (an appointment's time, a contact block's phone number) follow
# the letter's notation too.
letter "$T/letters/fields.yaml" 'Het gesprek is om 10.00 uur. Bel bij vragen 0800 123 45 67.' \
  "$(printf '  - action:\n      items:\n        - what: Kom naar het gesprek.\n          when: dinsdag 9 december om 9:30\n  - contact:\n      phone: 0800-1234567\n')"
"$B" lint "$T/letters/fields.yaml" >"$T/out" 2>&1
check "action.when: 9:30 at 19:39 after 10.00 uur" grep -q "fields.yaml:19:39: warning: '9:30': this letter writes times as '10.00 uur'" "$T/out"
check "contact.phone: at 21:14 after 0800 123 45 67" grep -q "fields.yaml:21:14: warning: '0800-1234567': this letter writes phone numbers as '0800 123 45 67'" "$T/out"

# ---- a set of letters: notations compared across files ----------------------------
letter "$T/letters/a.yaml" 'Het gesprek is om 10.00 uur.'
letter "$T/letters/b.yaml" 'Het gesprek is om 9:45.'
"$B" lint "$T/letters/b.yaml" >"$T/out" 2>&1
check "one letter alone: no consistency finding" sh -c "! grep -q consistency '$T/out'"
"$B" lint "$T/letters/a.yaml" "$T/letters/b.yaml" >"$T/out" 2>&1
check "two letters: b.yaml:15:35 names a.yaml line 15" \
  grep -q "b.yaml:15:35: warning: '9:45': the other letters write times as '10.00 uur' (first used in $T/letters/a.yaml at line 15) \[consistency.time\]" "$T/out"
check "two letters: the note names a.yaml:15:35" grep -q "^$T/letters/a.yaml:15:35: note: '10.00 uur' first used here" "$T/out"
check "two letters: exactly one consistency finding" test "$(grep -c '\[consistency' "$T/out")" -eq 1

letter "$T/letters/c.yaml" 'Uw adviseur belt u.'
letter "$T/letters/d.yaml" 'Uw klantmanager belt u.'
"$B" lint "$T/letters/c.yaml" "$T/letters/d.yaml" >"$T/out" 2>&1
check "two letters, two words for one concept: d.yaml:15:20 names c.yaml" \
  grep -q "d.yaml:15:20: warning: 'klantmanager': the other letters call it 'adviseur' (first used in $T/letters/c.yaml at line 15); use one word for one thing \[consistency.synonym\]" "$T/out"

# ---- TBX --------------------------------------------------------------------------
"$B" import-tbx "$D/termen.tbx" >"$T/tbx.yaml" 2>"$T/err"
check "import-tbx: exit 0" test $? -eq 0
check "import-tbx: the word list we worked out by hand" diff "$D/termen.expect.yaml" "$T/tbx.yaml"
"$B" import-tbx "$D/termen-2019.tbx" -o "$T/tbx2019.yaml" 2>"$T/err"
check "import-tbx -o: TBX 2019 (conceptEntry, termSec)" grep -q '      - word: "rendez-vous"' "$T/tbx2019.yaml"
mkdir -p "$T/tbx"
cp "$D/termen.tbx" "$T/tbx/"
printf 'vocabulary: termen.tbx\n' >"$T/tbx/.beeldbrief.yaml"
printf 'Uw werkloosheidsuitkering stopt. Uw klantmanager belt. Daarna belt uw adviseur.\n' >"$T/tbx/brief.txt"
"$B" check-text "$T/tbx/brief.txt" >"$T/out" 2>&1
check "TBX as the word list: deprecated term at 1:4" grep -q "brief.txt:1:4: warning: 'werkloosheidsuitkering': write 'WW-uitkering' instead" "$T/out"
check "TBX as the word list: admitted and preferred term in one text at 1:71" grep -q "brief.txt:1:71: warning: 'adviseur': this letter calls it 'klantmanager'" "$T/out"
printf '<martif><text><body>\n<termEntry>\n' >"$T/tbx/kapot.tbx"
"$B" import-tbx "$T/tbx/kapot.tbx" >"$T/out" 2>&1
check "broken TBX: exit 2" test $? -eq 2
check "broken TBX: file:line and rule" grep -q "kapot.tbx:[0-9]*:1: error: not well-formed TBX: .*\[wordlist.tbx\]" "$T/out"
printf '<root/>\n' >"$T/tbx/geen.tbx"
"$B" import-tbx "$T/tbx/geen.tbx" >"$T/out" 2>&1
check "not TBX: says so" grep -q "geen.tbx:1:1: error: not a TBX file: the root element is 'root'" "$T/out"

# ---- broken word lists ----------------------------------------------------------------
mkdir -p "$T/wl"
printf 'Een zin.\n' >"$T/wl/brief.txt"
printf 'vocabulary: lijst.yaml\n' >"$T/wl/.beeldbrief.yaml"
printf 'terms:\n  - term: klant\n    avoid:\n      - word: cliënt\n        reason: x\n  - term: Cliënt\n' >"$T/wl/lijst.yaml"
"$B" check-text "$T/wl/brief.txt" >"$T/out" 2>&1
check "duplicate word: exit 2" test $? -eq 2
check "duplicate word: at 6:11, naming line 4" grep -q "lijst.yaml:6:11: error: 'Cliënt' is listed twice (first at line 4); a word belongs to one entry \[wordlist.duplicate\]" "$T/out"
printf 'terms:\n  - term: klant\n    avoide: []\n' >"$T/wl/lijst.yaml"
"$B" check-text "$T/wl/brief.txt" >"$T/out" 2>&1
check "unknown key in a word list: 3:5 with a suggestion" grep -q "lijst.yaml:3:5: error: unknown key 'avoide'.*did you mean 'avoid'" "$T/out"
printf 'vocabulary: [lijst.yaml, weg.yaml]\n' >"$T/wl/.beeldbrief.yaml"
printf 'terms:\n  - term: klant\n' >"$T/wl/lijst.yaml"
"$B" check-text "$T/wl/brief.txt" >"$T/out" 2>&1
check "a missing word list: exit 2" test $? -eq 2
check "a missing word list: named" grep -q "weg.yaml: error: cannot read the word list: No such file or directory \[io.read\]" "$T/out"

# ---- docs/vocabulary.md: its examples work as shown ------------------------------------
mkdir -p "$T/doc"
awk '/^```yaml$/ { on = 1; n++; next } /^```$/ { on = 0 } on && n == 2' docs/vocabulary.md >"$T/doc/lijst.yaml"
printf 'vocabulary: lijst.yaml\n' >"$T/doc/.beeldbrief.yaml"
printf 'Uw werkloosheidsuitkering stopt.\n' >"$T/doc/brief.txt"
"$B" check-text "$T/doc/brief.txt" >"$T/out" 2>&1
check "docs: the example word list loads and works" grep -q "vocabulary.avoid" "$T/out"
printf 'Het gesprek is op maandag om 10.00 uur.\nKomt u niet? Dan maken we een nieuwe afspraak om 9:45.\n' >"$T/doc/tijden.txt"
(cd "$T/doc" && "$B" check-text tijden.txt) | grep -v '^[0-9]* sentences\|^Flesch' >"$T/got"
awk '/^\$ \.\/beeldbrief check-text tijden.txt$/ { on = 1; next } /^```$/ { on = 0 } on' docs/vocabulary.md >"$T/want"
check "docs: the check-text example is the real output" diff "$T/want" "$T/got"

# ---- spelling: the acceptance figures ---------------------------------------------------
echo "Wij hebben uw aanfraag ontvangen." >"$T/sp.txt"
"$B" check-text --format json "$T/sp.txt" >"$T/out" 2>&1
check "aanfraag: a finding at 1:15 suggesting aanvraag" \
  grep -q '"rule": "spelling.unknown-word", .*"line": 1, "col": 15, .*"suggestion": "aanvraag"' "$T/out"
# The standard blocks are checked inside a letter that uses each of them.
blocks=$(for f in templates/blocks/*.yaml; do printf '  - standard: %s\n' "$(basename "$f" .yaml)"; done)
mkdir -p "$T/std"
letter "$T/std/blocks.yaml" 'Hieronder staan de standaardteksten.' "$(printf '  - heading: Standaardteksten\n%s' "$blocks")"
"$B" lint "$T/std/blocks.yaml" examples/*.yaml >"$T/out" 2>&1
check "templates and examples: they lint" grep -q '^0 errors, [0-9]* warnings\? in 4 files$' "$T/out"
check "templates and examples: no spelling findings" sh -c "! grep -q '\[spelling' '$T/out'"
# Real Dutch prose (the UWV documents beside the repository): fewer than 1
# finding per 200 words. docs/vocabulary.md lists and judges each one.
if [ -d ../shared/context ]; then
  words=0 found=0
  for f in ../shared/context/*; do
    "$B" check-text --format json "$f" >"$T/ctx" 2>&1
    w=$(sed -n 's/^{"metrics": {"sentences": [0-9]*, "words": \([0-9]*\),.*/\1/p' "$T/ctx")
    words=$((words + w))
    found=$((found + $(grep -c '"rule": "spelling' "$T/ctx")))
  done
  echo "spelling on ../shared/context: $found findings in $words words"
  check "real prose: fewer than 1 spelling finding per 200 words ($found in $words)" \
    test $((found * 200)) -lt "$words" -a "$words" -gt 20000
else
  # A checkout without the reference documents beside it cannot measure this.
  echo "real prose: ../shared/context is missing; the spelling rate was not measured"
fi

summary
