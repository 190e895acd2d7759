#!/bin/sh
# Makes docs/gallery.md: page 1 of every template in templates/ as an
# image (docs/gallery/NAME.png), built from the template's sample values.
#   sh docs/gallery.sh        (after make)
set -eu
cd "$(dirname "$0")/.."
B=${BEELDBRIEF:-./beeldbrief}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p docs/gallery
{
  echo "# Gallery: the letter kinds as templates"
  echo
  echo "Page 1 of every template in \`templates/\`, built from its sample values"
  echo "(\`beeldbrief build templates/NAME.yaml\`). Each template is a real letter for"
  echo "the sample organisation, lints without findings, and works as a mailing with"
  echo "\`beeldbrief batch\` (its header comment names the data it needs)."
  echo "Made with \`sh docs/gallery.sh\`."
  echo
  for f in templates/*.yaml; do
    n=$(basename "$f" .yaml)
    "$B" build "$f" -o "$T/$n.pdf" 2>/dev/null
    pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$T/$n.pdf" "docs/gallery/$n"
    subject=$(sed -n 's/^subject: *//p' "$f" | sed 's/^"\(.*\)"$/\1/')
    kind=$(sed -n 's/^kind: *//p' "$f")
    pages=$(pdfinfo "$T/$n.pdf" | sed -n 's/^Pages: *//p')
    echo "## \`templates/$n.yaml\`"
    echo
    echo "Kind \`$kind\`, $pages page(s). Subject: *$subject*"
    echo
    echo "![Page 1 of $n](gallery/$n.png)"
    echo
  done
} >docs/gallery.md
echo "docs/gallery.md: $(ls templates/*.yaml | wc -l) templates"
