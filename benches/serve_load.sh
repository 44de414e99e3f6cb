#!/usr/bin/env bash
# serve_load.sh: load figures of `vanban serve` on this machine, 127.0.0.1 only,
# every run bounded in requests and time. Prints a Markdown table for the README.
#
#   bash benches/serve_load.sh            # the figures quoted in the README
#   REQUESTS=500 bash benches/serve_load.sh   # a quicker run
#
# It builds the release binary, starts the server on a free port, and sends the
# seed plan's JSON to POST /v1/render?format=pdf with `hey` (Debian's package,
# installed when missing) at concurrency 1, 8 and 64; then 10,000 requests to see
# whether memory stays flat; then the same good load while other clients send
# malformed and oversized bodies.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-2000}
if ! command -v hey >/dev/null; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null
fi
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./target/release/vanban serve --addr "127.0.0.1:$port" --queue 128 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
url="http://127.0.0.1:$port/v1/render?format=pdf"
seed=fixtures/ke-hoach-dong-dang-2024.json
printf 'not json at all' >"$work/bad.json"
head -c $((9 << 20)) /dev/zero | tr '\0' ' ' >"$work/big.json"

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
peak() { awk '/^VmHWM/ {print $2}' "/proc/$pid/status"; }

# hey's summary → "rps p50_ms p99_ms errors"
figures() {
  awk '
    /Requests\/sec:/ {rps=$2}
    /50% in/ {p50=$3*1000}
    /99% in/ {p99=$3*1000}
    /Status code distribution/ {sect="status"; next}
    /Error distribution/ {sect="error"; next}
    sect=="status" && /^ *\[[0-9]+\]/ {code=$1; gsub(/[\[\]]/,"",code); if (code != "200") err+=$2}
    sect=="error" && /^ *\[[0-9]+\]/ {n=$1; gsub(/[\[\]]/,"",n); err+=n}
    END {printf "%.0f %.1f %.1f %d\n", rps, p50, p99, err}'
}

load() { # concurrency requests [extra hey args]
  local c=$1 n=$2; shift 2
  hey -n "$n" -c "$c" -t 30 -m POST -T application/json -D "$seed" "$@" "$url" | figures
}

# Warm up (the first render loads the fonts' shaping tables).
load 2 50 >/dev/null
echo "| load | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|"
for c in 1 8 64; do
  read -r rps p50 p99 err < <(load "$c" "$REQUESTS")
  echo "| seed plan PDF, concurrency $c, $REQUESTS requests | $rps | $p50 | $p99 | $err |"
done
before=$(rss)
read -r rps p50 p99 err < <(load 8 10000)
after=$(rss)
echo "| 10,000 more at concurrency 8 | $rps | $p50 | $p99 | $err |"
# Good requests while 8 clients send malformed JSON and 4 send 9 MB bodies.
hey -n $((REQUESTS * 4)) -c 8 -t 30 -m POST -T application/json -D "$work/bad.json" "$url" >"$work/bad.txt" &
bad=$!
hey -n 200 -c 4 -t 30 -m POST -T application/json -D "$work/big.json" "$url" >"$work/big.txt" &
big=$!
read -r rps p50 p99 err < <(load 8 "$REQUESTS")
wait $bad $big
echo "| seed plan PDF, concurrency 8, beside malformed and 9 MB bodies | $rps | $p50 | $p99 | $err |"
read -r brps bp50 bp99 _ < <(figures <"$work/bad.txt")
read -r grps gp50 gp99 _ < <(figures <"$work/big.txt")
echo "| malformed JSON (422), concurrency 8 | $brps | $bp50 | $bp99 | - |"
echo "| 9 MB body (413), concurrency 4 | $grps | $gp50 | $gp99 | - |"
echo
echo "Memory (RSS): $before KiB before the 10,000 requests, $after KiB after; peak $(peak) KiB."
