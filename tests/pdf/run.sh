#!/bin/sh
# The PDF as delivered, for every example: A4, embedded fonts, tagged
# structure (H1, H2, P, lists, Figure with alt text), title and author,
# the postcode inside the envelope window, colour on page 1, links, the
# same bytes when rebuilt with SOURCE_DATE_EPOCH, and PNG previews.
# Needs poppler-utils.
. "$(dirname "$0")/../lib.sh"

# has_colour FILE.pdf: page 1 has pixels that are clearly not grey.
has_colour() {
  pdftoppm -r 12 -f 1 -l 1 "$1" "$T/c" >/dev/null 2>&1 || return 1
  f=$(ls "$T"/c*.ppm | head -n 1)
  # Skip the 3-line P6 header, then look at each RGB triple.
  tail -n +4 "$f" | od -An -v -tu1 | awk '
    { for (i = 1; i <= NF; i++) { v[n % 3] = $i; n++
        if (n % 3 == 0) { mx = v[0]; mn = v[0]
          for (k = 1; k < 3; k++) { if (v[k] > mx) mx = v[k]; if (v[k] < mn) mn = v[k] }
          if (mx - mn > 60) coloured++ } } }
    END { exit !(coloured > 20) }'
  rc=$?
  rm -f "$T"/c*.ppm
  return $rc
}

# postcode_in_window FILE.pdf POSTCODE-DIGITS: the word with the postcode's
# digits lies inside the window field (x 20-105 mm left or 105-190 mm
# right, y 45-90 mm; 1 mm = 2.8346 pt).
postcode_in_window() {
  pdftotext -bbox -f 1 -l 1 "$1" - 2>/dev/null | awk -F'"' -v pc="$2" '
    $0 ~ ">" pc "<" { x0 = $2; y0 = $4; x1 = $6; y1 = $8
      left = x0 >= 56.7 && x1 <= 297.6; right = x0 >= 297.6 && x1 <= 538.6
      if ((left || right) && y0 >= 127.6 && y1 <= 255.1) found = 1 }
    END { exit !found }'
}

# xref_ok FILE.pdf: every xref entry points at its "N 0 obj" (the alt-text
# pass rewrites the table; a reader would otherwise repair or reject it).
xref_ok() {
  grep -abo '^[0-9][0-9]* 0 obj' "$1" | sed 's/:/ /; s/ 0 obj//' >"$T/objs"
  sed -n '/^xref$/,/^trailer$/p' "$1" | awk 'NR > 2 && / n *$/ { print NR - 3, $1 + 0 }' >"$T/xref"
  [ -s "$T/xref" ] && awk 'NR == FNR { at[$2] = $1; next } at[$1] != $2 { bad = 1 } END { exit bad }' \
    "$T/objs" "$T/xref"
}

for spec in examples/*.yaml; do
  n=$(basename "$spec" .yaml)
  pdf="$T/$n.pdf"
  SOURCE_DATE_EPOCH=1795132800 "$B" build "$spec" -o "$pdf" >"$T/err" 2>&1
  if [ $? -ne 0 ] || [ ! -s "$pdf" ]; then bad "build-$n"; sed 's/^/    /' "$T/err"; continue; fi
  ok "build-$n"
  pdfinfo "$pdf" >"$T/info"
  check "tagged-$n" grep -q "^Tagged: *yes" "$T/info"
  check "title-$n" grep -q "^Title: *[^ ]" "$T/info"
  check "author-$n" grep -q "^Author: *[^ ]" "$T/info"
  pdfinfo -struct "$pdf" >"$T/struct" 2>/dev/null
  check "struct-h1-$n" grep -q "^ *H1" "$T/struct"
  check "struct-p-$n" grep -q "^ *P " "$T/struct"
  check "struct-h2-$n" grep -q "^ *H2" "$T/struct"
  check "struct-list-$n" grep -q "^ *LI" "$T/struct"
  # cairo cannot write alt text; pdf_post.c adds it (UTF-16BE hex strings).
  check "figure-alt-$n" grep -aq "/Alt <FEFF" "$pdf"
  check "lang-$n" grep -aq "/Lang <FEFF006E006C>" "$pdf"
  check "xref-$n" xref_ok "$pdf"
  postcode=$(sed -n 's/^ *postcode: *"*\([0-9][0-9][0-9][0-9]\).*/\1/p' "$spec" | head -n 1)
  check "postcode-in-window-$n" postcode_in_window "$pdf" "$postcode"
  check "colour-on-page-1-$n" has_colour "$pdf"
  SOURCE_DATE_EPOCH=1795132800 "$B" build "$spec" -o "$T/$n-again.pdf" >/dev/null 2>&1
  check "reproducible-$n" cmp -s "$pdf" "$T/$n-again.pdf"
done

# Links: web addresses and phone numbers in the contact block are link
# annotations.
check "link-website" grep -aq "/URI (https://www.win-voorbeeld.nl/gesprek)" "$T/uitnodiging-gesprek.pdf"
check "link-phone" grep -aq "/URI (tel:08001234567)" "$T/uitnodiging-gesprek.pdf"
# The language of the text and the structure root.
check "struct-document" grep -q "^Document" "$T/struct"

# A style whose text colour fails WCAG AA is refused with the colour's
# position in the style file.
sed 's/^  muted: .*/  muted: "#B0B0B0"/' templates/house-styles/default.yaml >"$T/grey.yaml"
cp templates/house-styles/win-logo.svg "$T/"
"$B" build examples/uitnodiging-gesprek.yaml --house-style "$T/grey.yaml" -o "$T/grey.pdf" >"$T/out" 2>&1
rc=$?
check "contrast-exit" test "$rc" -eq 1
# #B0B0B0: relative luminance 0.434, (1.05 / 0.484) = 2.17:1. Column 11 is
# the '#' after the opening quote of `  muted: "#B0B0B0"`.
check "contrast-message" grep -q "grey.yaml:[0-9]*:11: error: 'muted' on 'white paper' has a contrast of 2.2:1; WCAG AA needs 4.5:1 for text \[render.contrast\]" "$T/out"
check "contrast-no-pdf" test ! -e "$T/grey.pdf"

# PNG previews: one file per page, PNG, A4 proportions.
"$B" build examples/uitnodiging-gesprek.yaml --format png --dpi 50 -o "$T/prev.png" >/dev/null 2>&1
pages=$(pdfinfo "$T/uitnodiging-gesprek.pdf" | awk '/^Pages:/ { print $2 }')
check "png-count" test "$(ls "$T"/prev-*.png | wc -l)" -eq "$pages"
check "png-magic" sh -c "head -c 8 '$T/prev-1.png' | od -An -c | grep -q 'P   N   G'"
# 210 x 297 mm at 50 dpi = 413 x 585 pixels (IHDR width and height).
check "png-size" sh -c "od -An -tu1 -j16 -N8 '$T/prev-1.png' | awk '{ w = \$3 * 256 + \$4; h = \$7 * 256 + \$8; exit !(w == 413 && h == 585) }'"

# A missing logo is a finding at the logo key.
sed 's/^logo: .*/logo: geen-logo.svg/' templates/house-styles/default.yaml >"$T/nologo.yaml"
"$B" build examples/uitnodiging-gesprek.yaml --house-style "$T/nologo.yaml" -o "$T/nologo.pdf" >"$T/out" 2>&1
check "logo-missing-exit" test $? -eq 1
check "logo-missing-message" grep -q "nologo.yaml:[0-9]*:7: error: cannot use the logo 'geen-logo.svg': no such file \[render.logo\]" "$T/out"

summary
