#!/usr/bin/env bash
# Batch throughput: the seed plan once per row, to DOCX and PDF, against one
# LibreOffice conversion of the seed plan's DOCX, in the same run:
#
#   bash benches/batch_throughput.sh [ROWS]      (default 1000)
#
# Prints LibreOffice's time for one document (a cold start, then a warm one),
# vanban's time for ROWS documents in both formats, documents per second, peak
# memory (for ROWS and for a quarter of them: it must not grow with the rows),
# and the ZIP's size. Needs soffice (libreoffice-writer-nogui) and GNU time.
set -euo pipefail

rows=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-batch"
rm -rf "$work" && mkdir -p "$work"
cd "$root"
cargo build --release --quiet
bin="$root/target/release/vanban"
seed="$root/fixtures/ke-hoach-dong-dang-2024.json"

# Rows that set only the number: every document is the seed plan, numbered 1..ROWS.
table() {
    echo "/header/number"
    seq 1 "$1"
}
table "$rows" >"$work/rows.csv"
table $((rows / 4)) >"$work/quarter.csv"

"$bin" render "$seed" -o "$work/seed.docx"
lo() {
    local start end
    start=$(date +%s.%N)
    soffice --headless --norestore -env:UserInstallation="file://$work/lo-profile" \
        --convert-to pdf --outdir "$work/lo" "$work/seed.docx" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
lo_cold=$(lo)
lo_warm=$(lo)

measure() { # ROWS_FILE ZIP -> "seconds max_rss_kb"
    /usr/bin/time -f "%e %M" -o "$work/time" \
        "$bin" batch "$seed" "$1" -o "$2" --format pdf,docx 2>"$work/batch.log" >/dev/null
    cat "$work/time"
}
read -r quarter_s quarter_kb < <(measure "$work/quarter.csv" "$work/quarter.zip")
read -r all_s all_kb < <(measure "$work/rows.csv" "$work/all.zip")
zip_bytes=$(stat -c %s "$work/all.zip")

echo "LibreOffice, one DOCX to PDF:   cold ${lo_cold} s, warm ${lo_warm} s"
echo "vanban batch, ${rows} plans x (PDF + DOCX): ${all_s} s"
echo "  documents per second:          $(echo "scale=0; $rows / $all_s" | bc) plans ($(echo "scale=0; 2 * $rows / $all_s" | bc) files)"
echo "  against one LibreOffice (warm): $(echo "scale=2; $all_s / $lo_warm" | bc) x its time"
echo "  peak memory:                   $((all_kb / 1024)) MiB for ${rows} rows, $((quarter_kb / 1024)) MiB for $((rows / 4)) rows"
echo "  ZIP:                           $((zip_bytes / 1024 / 1024)) MiB ($((zip_bytes / rows / 1024)) KiB a plan, both files)"
tail -1 "$work/batch.log"
