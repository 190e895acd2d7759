#!/bin/sh
# The letter kinds as templates (templates/*.yaml): together they lint
# without a single finding and without suppressions, every template builds
# a preview from its sample values, and every template batches: a data file
# made of its own `variables:` gives a letter.
. "$(dirname "$0")/../lib.sh"

set -- templates/*.yaml
check "templates: at least 9 letter kinds and 2 English variants ($#)" test "$#" -ge 11
check "templates: no suppression comments" sh -c "! grep -l '# beeldbrief:' templates/*.yaml templates/blocks/*.yaml"
"$B" lint templates/ >"$T/lint" 2>&1
rc=$?
check "templates: beeldbrief lint templates/ exits 0" test "$rc" -eq 0
check "templates: zero findings ($(tail -1 "$T/lint"))" \
  sh -c "tail -1 '$T/lint' | grep -q '^0 errors, 0 warnings in $# files$'"
grep -v '^ \|^[^ ]*: [0-9]* sentences' "$T/lint" | sed '$d' | head -20

# CSV of one record: id plus the template's sample values (`variables:`,
# the last top-level key). Values are quoted as RFC 4180 asks.
sample_csv() {
  awk '
    /^variables:/ { on = 1; next }
    on && /^[^ #]/ { on = 0 }
    on && /^  [a-z_][a-z0-9_]*:/ {
      name = $1; sub(/:$/, "", name)
      v = $0; sub(/^  [a-z_][a-z0-9_]*: */, "", v); sub(/ +#.*$/, "", v)
      if (v ~ /^".*"$/ || v ~ /^\x27.*\x27$/) v = substr(v, 2, length(v) - 2)
      gsub(/"/, "\"\"", v)
      names = names "," name; vals = vals ",\"" v "\""
    }
    END { print "id" names; print "\"sample\"" vals }' "$1"
}

for f in templates/*.yaml; do
  n=$(basename "$f" .yaml)
  "$B" build "$f" -o "$T/$n.pdf" >"$T/$n.log" 2>&1
  check "$n: builds a preview from its sample values" test $? -eq 0
  pages=$(pdfinfo "$T/$n.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  check "$n: $pages page(s), at most 4" test "${pages:-9}" -le 4
  sample_csv "$f" >"$T/$n.csv"
  "$B" batch "$f" --data "$T/$n.csv" -o "$T/$n-out" -q >"$T/$n.blog" 2>&1
  check "$n: batches (its sample values as a data file make an ok letter)" \
    sh -c "test $? -eq 0 && sed -n 2p '$T/$n-out/manifest.csv' | grep -q '^sample,ok,sample.pdf,'"
  first=$(awk '/^key-message:/ { on = 1; next } on && /^  title:/ { sub(/^  title: */, ""); print; exit }' "$f")
  check "$n: the key message has a title, first in the letter" test -n "$first"
done

# The English variants: the words beeldbrief prints itself are English.
for f in templates/*-en.yaml; do
  n=$(basename "$f" .yaml)
  pdftotext "$T/$n.pdf" - >"$T/$n.txt" 2>/dev/null
  check "$n: labels in English (Date, Our reference, Page 1 of), none in Dutch" \
    sh -c "grep -q '^Date$' '$T/$n.txt' && grep -q '^Our reference$' '$T/$n.txt' && grep -q '^Page 1 of [0-9]' '$T/$n.txt' &&
           ! grep -q 'Pagina\|Ons kenmerk\|Wat moet u doen\|kenmerk ' '$T/$n.txt'"
done

summary
