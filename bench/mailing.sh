#!/bin/sh
# The reference mailing: the reference letter (examples/uitnodiging-gesprek.yaml)
# for the 1,000 recipients of ../shared/reference-letter/recipients.csv, one
# process and one PDF per letter, every check on. Prints letters per second,
# the figure compared with other engines on the same work.
set -eu
cd "$(dirname "$0")/.."
B=${BEELDBRIEF:-./beeldbrief}
CSV=${1:-../shared/reference-letter/recipients.csv}
[ -r "$CSV" ] || { echo "mailing: no $CSV; skipped"; exit 0; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
start=$(date +%s.%N)
# Columns: id,naam,aanhef,straat,postcode,plaats,afspraak_datum,afspraak_kort,
# afspraak_tijd,vragenlijst_voor,kantoor_plaats,kantoor_adres,kenmerk
tail -n +2 "$CSV" | while IFS=, read -r id naam aanhef straat postcode plaats datum kort tijd voor kplaats kadres kenmerk; do
  "$B" build examples/uitnodiging-gesprek.yaml -o "$OUT/$id.pdf" \
    --set naam="$naam" --set aanhef="$aanhef" --set straat="$straat" \
    --set postcode="$postcode" --set plaats="$plaats" --set afspraak_datum="$datum" \
    --set afspraak_kort="$kort" --set afspraak_tijd="$tijd" --set vragenlijst_voor="$voor" \
    --set kantoor_plaats="$kplaats" --set kantoor_adres="$kadres" --set kenmerk="$kenmerk" \
    2>/dev/null || echo "mailing: letter $id failed" >&2
done
end=$(date +%s.%N)
n=$(ls "$OUT" | wc -l)
awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN {
  printf "reference mailing: %d PDFs in %.2f s = %.0f letters/s (one process per letter)\n", n, e - s, n / (e - s) }'
