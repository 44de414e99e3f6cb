#!/usr/bin/env bash
# Render times of this checkout against an earlier commit, in one run:
#
#   bash benches/compare.sh [BASE_REV] [ROUNDS]
#
# Builds the `render` benchmark of BASE_REV (default: the commit before the speed
# work, 5d745f7) in a worktree under target/, then runs the two benchmark
# binaries in turn, ROUNDS times each (default 3), so that both see the same
# machine. Prints each round's medians and, per benchmark, the ratio of the best
# medians (this checkout / base). The machines this runs on are noisy: read the
# ratios, not the absolute times.
set -euo pipefail

base_rev=${1:-5d745f7}
rounds=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-compare"
mkdir -p "$work"

build() { # DIR TARGET_DIR -> path of the bench binary
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo bench --bench render --no-run --message-format=json 2>/dev/null) |
        grep -o '"executable":"[^"]*render-[^"]*"' | tail -1 | cut -d'"' -f4
}

if [ ! -d "$work/base" ]; then
    git -C "$root" worktree add --detach "$work/base" "$base_rev" >/dev/null
else
    git -C "$work/base" checkout --quiet --detach "$base_rev"
fi
base_bin=$(build "$work/base" "$work/base-target")
head_bin=$(build "$root" "$root/target")
[ -n "$base_bin" ] && [ -n "$head_bin" ] || { echo "a benchmark did not build" >&2; exit 1; }

for r in $(seq "$rounds"); do
    for side in base head; do
        bin=base_bin
        [ "$side" = head ] && bin=head_bin
        "${!bin}" --bench --sample-count 200 2>/dev/null |
            awk -v side="$side" -v round="$r" '
                /[├╰]─/ { name = $2; med = $9 " " $10; print side, round, name, med }' \
            >>"$work/results.$$"
    done
done

printf "%-18s %12s %12s %8s\n" "benchmark" "base ms" "head ms" "ratio"
awk '
    function ms(v, unit) { return unit == "µs" ? v / 1000 : (unit == "ns" ? v / 1e6 : (unit == "s" ? v * 1000 : v)) }
    { t = ms($4, $5); key = $3; if (!(key SUBSEP $1 in best) || t < best[key, $1]) best[key, $1] = t; names[key] = 1 }
    END {
        for (k in names) printf "%-18s %12.3f %12.3f %8.2f\n", k, best[k, "base"], best[k, "head"], best[k, "head"] / best[k, "base"]
    }' "$work/results.$$" | sort
cat "$work/results.$$" >"$work/results.last"
rm -f "$work/results.$$"
