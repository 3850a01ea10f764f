#!/usr/bin/env bash
# Throughput of the whole pipeline (release build): NTREX split into its 123 articles
# (DOCUMENT_IDS.tsv) in English and in every translation of a supported language (LANGS), each
# article of each language its own file: distinct documents, checked in one run. Prints MB/s
# and peak RSS.
#
# Distinct documents, not one language copied N times: a batch of identical copies is the
# worst case of the cross-document quote index (every quote has N-1 twins to verify), not a
# newsroom's batch.
#
#   bench/throughput.sh                 # NTREX from ../shared/corpora/ntrex or $NTREX
#   LANGS=eng,deu bench/throughput.sh   # fewer languages
#   COPIES=3 bench/throughput.sh        # each language's articles also copied 3 times (the
#                                       # duplicate-heavy case; default 1)
#   bench/throughput.sh --single        # each language's corpus as one document instead
#   FAITHFUL=/tmp/old/faithful bench/throughput.sh   # time another build, nothing rebuilt
#
# Not a test: numbers depend on the machine. Skips cleanly when NTREX is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${COPIES:-1}
langs=${LANGS:-eng,rus,ukr,bel,deu,fra,spa,ita,por,pol}
mode=articles
[ "${1:-}" = "--single" ] && mode=single

ntrex=${NTREX:-}
for candidate in "$ntrex" ../shared/corpora/ntrex ../../shared/corpora/ntrex /work/shared/corpora/ntrex; do
    if [ -n "$candidate" ] && [ -f "$candidate/newstest2019-src.eng.txt" ]; then
        ntrex=$candidate
        break
    fi
done
if [ -z "$ntrex" ] || [ ! -f "$ntrex/newstest2019-src.eng.txt" ]; then
    echo "NTREX not found (set NTREX=/path/to/ntrex); benchmark skipped"
    exit 0
fi
if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time (GNU time) is needed for the peak RSS"
    exit 1
fi

if [ -n "${FAITHFUL:-}" ]; then
    bin=$FAITHFUL
else
    cargo build --release --quiet
    bin=target/release/faithful
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in ${langs//,/ }; do
    if [ "$lang" = eng ]; then src="$ntrex/newstest2019-src.eng.txt"; else src="$ntrex/newstest2019-ref.$lang.txt"; fi
    [ -f "$src" ] || { echo "no NTREX file for $lang, left out"; continue; }
    if [ "$mode" = single ]; then
        mkdir -p "$work/$lang-1"
        cp "$src" "$work/$lang-1/ntrex-$lang.txt"
    else
        # One file per article: its id as title line, then its sentences as paragraphs.
        paste "$ntrex/DOCUMENT_IDS.tsv" "$src" | awk -F'\t' -v dir="$work/$lang-1" '
            BEGIN { system("mkdir -p " dir) }
            $1 != last { if (out) close(out); n++; out = sprintf("%s/%03d.txt", dir, n); print $1 "\n" > out; last = $1 }
            { print $2 "\n" > out }'
    fi
    for i in $(seq 2 "$copies"); do
        cp -r "$work/$lang-1" "$work/$lang-$i"
    done
done

bytes=$(find "$work" -type f -exec cat {} + | wc -c)
files=$(find "$work" -type f | wc -l)
stats=$(mktemp)
status=0
/usr/bin/time -v -o "$stats" "$bin" check --format json --fail-on never "$work" > "$work.out" || status=$?
if [ "$status" -ne 0 ]; then
    echo "faithful exited with $status"
    cat "$stats"
    exit 1
fi
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$stats")
user=$(awk -F': ' '/User time/ { print $2 }' "$stats")
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$stats")
findings=$(grep -c '"rule": ' "$work.out" || true)
rm -f "$stats" "$work.out"

awk -v b="$bytes" -v e="$elapsed" -v u="$user" -v r="$rss_kb" -v f="$files" -v m="$mode" -v n="$findings" -v l="$langs" -v c="$copies" 'BEGIN {
    mb = b / 1e6
    printf "mode %s: %d files (%s, copies %d), %.2f MB, %d findings\n", m, f, l, c, mb, n
    printf "wall %.2f s, user %.2f s\n", e, u
    printf "throughput %.2f MB/s (wall), %.2f MB/s (per CPU second)\n", mb / (e > 0 ? e : 0.001), mb / (u > 0 ? u : 0.001)
    printf "peak RSS %.1f MB\n", r / 1024
}'
