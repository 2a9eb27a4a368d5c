#!/bin/sh
# Weighs what a browser fetches for the registry list (/virksomheder, signed out): the HTML, the
# stylesheet as sent (gzip) and unpacked, the fonts and icons it refers to, and writes the
# section "## Page weight (tools/design/weigh.sh)" of docs/performance.md (replaced when there,
# appended when not; `make bench` rewrites the file and drops it: run this again after).
#   sh tools/design/weigh.sh [BIN]      BIN defaults to ./indgang
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-./indgang}
report=docs/performance.md
me=weigh.sh
. bench/lib.sh
[ -x "$bin" ] || die "no $bin (make first)"

"$bin" --db "$tmp/w.db" demo >/dev/null 2>&1
serve "$tmp/w.db" "$tmp/out" || die "the server did not start: $(cat "$tmp/out")"
base=http://127.0.0.1:$server_port

size() { curl -sS -o "$tmp/body" -w '%{size_download}' "$@"; }
html=$(size "$base/virksomheder")
href=$(sed -n 's|.*<link rel="stylesheet" href="\([^"]*\)".*|\1|p' "$tmp/body" | head -n 1)
css=$(size "$base$href")
cp "$tmp/body" "$tmp/app.css"
css_gz=$(size -H 'Accept-Encoding: gzip' "$base$href")
files=0
files_bytes=0
fonts=""
for name in $(grep -o 'url("[^"]*")' "$tmp/app.css" | sed 's/url("\(.*\)")/\1/' | sort -u); do
	n=$(size -H 'Accept-Encoding: gzip' "$base/static/$name")
	files=$((files + 1))
	files_bytes=$((files_bytes + n))
	case "$name" in *.woff2) fonts="$fonts $name" ;; esac
done
n() { echo "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
first=$((html + css_gz + files_bytes))
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

{
	cat <<MD
## Page weight (tools/design/weigh.sh)

What a browser fetches for the registry list \`/virksomheder\` (signed out, the demo data) with
the look of Det Fælles Designsystem (docs/design.md), measured by \`sh tools/design/weigh.sh\`
on $(date -u '+%Y-%m-%d') at $commit. "Before" is the last commit with Indgang's own stylesheet
(5ac2e14), measured the same way (its CSS was sent uncompressed, fonts were the system's).

| | before | now |
|---|---:|---:|
| HTML of /virksomheder | 16,622 B | $(n $html) B |
| CSS as sent | 10,657 B (no gzip) | $(n $css_gz) B (gzip) |
| CSS unpacked | 10,657 B | $(n $css) B |
| fonts and icons ($files files) | 0 B | $(n $files_bytes) B |
| first visit (HTML + CSS as sent + fonts and icons) | $(kb $((16622 + 10657))) | $(kb $first) |
| next visit (HTML; now the CSS at its hashed address is kept for a year) | 16,622 B (the CSS kept for a day) | $(n $html) B |

The fonts (woff2, each only the Latin-1 part with æøå; a browser fetches a weight only when a
page uses it):$fonts. The HTML grew by the header's portal line and the tables' class; the CSS
is DKFDS' modules (about 56 KB of the 70 KB unpacked; gzip sends it in 12 KB) and Indgang's own
part. Commands: \`curl -s $base/virksomheder | wc -c\`; the stylesheet with and
without \`-H 'Accept-Encoding: gzip'\`, \`curl -s -o /dev/null -w '%{size_download}'\`.
MD
} >"$tmp/section.md"
sed -i "s|$base|http://127.0.0.1:8080|g" "$tmp/section.md"

put_section '## Page weight (tools/design/weigh.sh)'
sed -n '/^| |/,/^| next/p' "$tmp/section.md"
echo "tools/design/weigh.sh: wrote the page weight section of $report"
