#!/bin/sh
# The letter rules (docs/rules/letter.*.md) on whole letters:
#   cases/RULE/*.yaml   each spec lists, in "# expect: LINE:COL RULE" comment
#                       lines, exactly the letter.* findings it must get
#                       ("# expect: none" for none); worked out by hand. Every
#                       rule has at least 3 specs that fail it and 3 that pass.
#   the examples        pass every letter rule; removing a required element
#                       (the salutation, the bezwaar text, a deadline, the
#                       place of an appointment) gives exactly the expected
#                       finding at the expected line.
#   rules, explain      every rule of every pass is listed and explained;
#                       severities from .beeldbrief.yaml apply.
. "$(dirname "$0")/../lib.sh"
D=tests/letter

# letter.* findings of a lint run as "LINE:COL RULE", sorted.
letter_findings() {
  sed -n 's/^[^ ]*:\([0-9]*\):\([0-9]*\): [a-z]*: .*\[\(letter\.[a-z-]*\)\]$/\1:\2 \3/p' | sort
}

# ---- cases ------------------------------------------------------------------------------
for dir in "$D"/cases/*/; do
  rule=$(basename "$dir")
  nfail=0 npass=0
  for f in "$dir"*.yaml; do
    [ -f "$f" ] || continue
    sed -n 's/^# expect: //p' "$f" | grep -v '^none$' | sort >"$T/want"
    if grep -q "^# expect: .*$rule" "$f"; then nfail=$((nfail + 1)); else npass=$((npass + 1)); fi
    "$B" lint "$f" 2>&1 | letter_findings >"$T/got"
    if diff "$T/want" "$T/got" >"$T/diff"; then ok "$f"; else bad "$f" "$(tr '\n' ' ' <"$T/diff")"; fi
  done
  check "$rule: at least 3 specs fail it ($nfail) and 3 pass it ($npass)" test "$nfail" -ge 3 -a "$npass" -ge 3
done
# ---- the examples, and what removing a required element does ---------------------------
for f in examples/*.yaml; do
  "$B" lint "$f" 2>&1 | letter_findings >"$T/got"
  check "$f: no letter findings" test ! -s "$T/got"
done
mkdir -p "$T/ex"
# removed  FILE  SED-SCRIPT  EXPECTED-FINDING ("LINE:COL RULE")
removed() {
  name=$1 file=$2 script=$3 want=$4
  sed "$script" "examples/$file" >"$T/ex/$file"
  "$B" lint "$T/ex/$file" 2>&1 | letter_findings >"$T/got"
  printf '%s\n' "$want" >"$T/want"
  if diff "$T/want" "$T/got" >"$T/diff"; then ok "$name"; else bad "$name" "$(tr '\n' ' ' <"$T/diff")"; fi
}
removed "without its salutation, the uitnodiging gets letter.salutation at the recipient's name (21:10)" \
  uitnodiging-gesprek.yaml '/^  salutation:/d' "21:10 letter.salutation"
removed "without its bezwaar block, the beschikking gets letter.decision at kind (4:7)" \
  beschikking-ww.yaml '/^  - standard: bezwaar$/d' "4:7 letter.decision"
removed "without its deadline, the herinnering gets letter.request at kind (4:7)" \
  herinnering-formulier.yaml '/^          when: vóór {{ uiterste_datum }}$/d; /date: "{{ uiterste_datum }}"/d; s/ vóór {{ uiterste_datum }}//; s/ op {{ uiterste_datum }}//' \
  "4:7 letter.request"
removed "without its place, the uitnodiging gets letter.appointment at kind (2:7)" \
  uitnodiging-gesprek.yaml 's/^    Op ons kantoor in {{ kantoor_plaats }}, {{ kantoor_adres }}\.$/    Wij verwachten u./' \
  "2:7 letter.appointment"

# ---- rules and explain ------------------------------------------------------------------
"$B" rules --format json >"$T/rules.json"
n=$(grep -c '^  {"id": ' "$T/rules.json")
check "rules --format json: every rule ($n), at least 25" test "$n" -ge 25
for family in readability vocabulary consistency spelling letter; do
  check "rules: the $family pass is listed" grep -q "\"id\": \"$family\." "$T/rules.json"
done
check "rules: json has id, severity and summary" \
  grep -q '^  {"id": "letter.salutation", "severity": "warning", "summary": "' "$T/rules.json"
for id in $(sed -n 's/^  {"id": "\([^"]*\)".*/\1/p' "$T/rules.json"); do
  "$B" explain "$id" >"$T/ex.md" 2>&1
  if [ $? -eq 0 ] && grep -q "^# $id$" "$T/ex.md" && grep -q '^English: ' "$T/ex.md" &&
     grep -q '^## Wat controleert deze regel?$' "$T/ex.md" && grep -q '^## Waarom?$' "$T/ex.md" &&
     grep -q '^## Fout$' "$T/ex.md" && grep -q '^## Goed$' "$T/ex.md" &&
     [ "$(wc -l <"$T/ex.md")" -ge 15 ] && grep -qF "| \`$id\` |" docs/rules/README.md; then
    ok "explain $id"
  else bad "explain $id" "a missing part, or not in docs/rules/README.md"; fi
done
"$B" explain letter.salutaton >"$T/out" 2>&1
check "explain: an unknown id exits 2" test $? -eq 2
check "explain: an unknown id gets a suggestion" grep -q "did you mean 'letter.salutation'" "$T/out"

# ---- severities from .beeldbrief.yaml ------------------------------------------------------
mkdir -p "$T/sev"
sed '/^  salutation:/d' examples/uitnodiging-gesprek.yaml >"$T/sev/brief.yaml"
printf 'rules:\n  letter.salutation: error\n  readability.passive: off\n' >"$T/sev/.beeldbrief.yaml"
"$B" lint "$T/sev/brief.yaml" >"$T/out" 2>&1
check "rules: letter.salutation made an error: exit 1" test $? -eq 1
check "rules: the finding is an error" grep -q "brief.yaml:21:10: error: the letter has no salutation" "$T/out"
check "rules: readability.passive off" sh -c "! grep -q 'readability.passive' '$T/out'"
printf 'rules:\n  letter.salutaton: error\n' >"$T/sev/.beeldbrief.yaml"
"$B" lint "$T/sev/brief.yaml" >"$T/out" 2>&1
check "rules: an unknown rule id exits 2" test $? -eq 2
check "rules: an unknown rule id at 2:3 with a suggestion" \
  grep -q "\.beeldbrief.yaml:2:3: error: unknown rule 'letter.salutaton'; did you mean 'letter.salutation'? \[spec.unknown-rule\]" "$T/out"
printf 'rules:\n  letter.salutation: fatal\n' >"$T/sev/.beeldbrief.yaml"
"$B" lint "$T/sev/brief.yaml" >"$T/out" 2>&1
check "rules: a wrong severity at 2:22" grep -q "\.beeldbrief.yaml:2:22: error: the severity of 'letter.salutation' is error, warning, info or off" "$T/out"

# ---- letter.pages (build) -------------------------------------------------------------------
# The examples have 2 (uitnodiging, herinnering) and 3 (beschikking) pages.
mkdir -p "$T/pages"
# pages EXAMPLE KIND LIMIT: builds the example under a limit for its kind
pages() {
  rm -rf "$T/pages"/*
  cp "examples/$1" "$T/pages/brief.yaml"
  printf 'letter:\n  pages:\n    %s: %s\n' "$2" "$3" >"$T/pages/.beeldbrief.yaml"
  "$B" build "$T/pages/brief.yaml" -o "$T/pages/brief.pdf" >"$T/out" 2>&1
}
# FILE KIND LIMIT PAGES KIND-LINE
for c in "uitnodiging-gesprek.yaml uitnodiging 1 2 2" "herinnering-formulier.yaml herinnering 1 2 4" \
         "beschikking-ww.yaml beschikking 2 3 4"; do
  set -- $c
  kind_line=$5
  pages "$1" "$2" "$3"
  check "letter.pages: $1 over a limit of $3: exit 1" test $? -eq 1
  check "letter.pages: $1 at $kind_line:7 with its page count" \
    grep -q "brief.yaml:$kind_line:7: error: this $2 has $4 pages; keep it to $3 (letter: pages: in .beeldbrief.yaml) \[letter.pages\]" "$T/out"
  check "letter.pages: $1 over its limit: no PDF" test ! -e "$T/pages/brief.pdf"
  pages "$1" "$2" "$4"
  check "letter.pages: $1 at its limit of $4: exit 0, a PDF, no finding" \
    sh -c "test -s '$T/pages/brief.pdf' && ! grep -q letter.pages '$T/out'"
done
pages uitnodiging-gesprek.yaml uitnodiging 1
printf 'rules:\n  letter.pages: warning\n' >>"$T/pages/.beeldbrief.yaml"
"$B" build "$T/pages/brief.yaml" -o "$T/pages/brief.pdf" >"$T/out" 2>&1
check "letter.pages as a warning: exit 0 and a PDF" test $? -eq 0 -a -s "$T/pages/brief.pdf"

summary
