#!/usr/bin/env bash
# Benchmark of `plr snapshot` (with the follow-through window and the Case of Concern register's
# measures) and of `plr concerns` (the register itself) over 5,000 and 50,000 generated exports
# (a large council's year, a region's), and of `plr snapshot` over the same files zipped
# ("snap-zip", in a folder inside the zip; goal: within 10% of the folder's time; "inflate" is
# its floor, the zip opened as plr opens it and every entry unpacked and nothing more: the example
# crates/plr-report/examples/inflate.rs) and over the same reviews written as schema version 1
# ("snap-v1", `plr generate --schema-version 1`; goal: <= 0.15 s for 5,000): wall time, MB/s
# and peak memory (max RSS). Prints numbers; never fails on time.
#
#   bench/snapshot.sh            # both sizes, 3 runs each (files cached in $PLR_BENCH_DIR)
#   bench/snapshot.sh 5000       # one size
#
# Goals on the 2-core development machine: 5,000 in <= 0.3 s, 50,000 in <= 1.5 s, peak memory
# <= 100 MB and not growing with the number of files. "cpu s" (user + system) shows the work
# done whatever else the machine is running. Figures: bench/RESULTS.md.
# PLR_BENCH_DIR=/somewhere keeps the generated files elsewhere (they are made again when their
# count or schema version differs from what this build generates).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 50000)
runs=${RUNS:-3}
data=${PLR_BENCH_DIR:-/tmp/plr-bench}

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt) to measure peak memory" >&2
  apt-get install -y --no-install-recommends time >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends time >/dev/null; }
fi

cargo build --profile native -p plr-cli --locked --offline --quiet
cargo build --profile native -p plr-report --example inflate --locked --offline --quiet
plr=target/native/plr
inflate=target/native/examples/inflate

sample_dir=$(mktemp -d)
trap 'rm -rf "$sample_dir"' EXIT
sample=$sample_dir/sample
"$plr" generate --count 1 --seed 1 --out "$sample" 2>/dev/null
sample=$(find "$sample" -name '*.json' -print -quit)

echo "plr snapshot benchmark ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-8s %-9s %-4s %8s %8s %8s %11s %9s\n' files command run "wall s" "cpu s" "MB/s" "max RSS MB" "input MB"
for n in "${sizes[@]}"; do
  dir="$data/$n"
  # Files of an older schema version go through migration (about 2.5 times slower): the
  # generated files are made again when their count or their schema version is not current.
  version_of() { grep -m1 -o '"schema_version": [0-9]*' "$1" 2>/dev/null || true; }
  first=$(find "$dir" -name '*.json' -print -quit 2>/dev/null || true)
  if [ "$(find "$dir" -name '*.json' 2>/dev/null | wc -l)" != "$n" ] ||
     [ "$(version_of "$first")" != "$(version_of "$sample")" ]; then
    rm -rf "$dir"
    "$plr" generate --count "$n" --seed 2026 --out "$dir" 2>/dev/null
  fi
  # The same reviews as version 1 wrote them, made again with the files.
  v1="$data/$n-v1"
  if [ "$(find "$v1" -name '*.json' 2>/dev/null | wc -l)" != "$n" ] || [ "$v1" -ot "$dir" ]; then
    rm -rf "$v1"
    "$plr" generate --count "$n" --seed 2026 --schema-version 1 --out "$v1" 2>/dev/null
  fi
  bytes=$(du -sb --apparent-size "$dir" | cut -f1)
  v1_bytes=$(du -sb --apparent-size "$v1" | cut -f1)
  # The same files zipped (deflated, in a folder inside the zip), made again with the files.
  zipped="$(cd "$data" && pwd)/$n.zip"
  if [ ! -f "$zipped" ] || [ "$zipped" -ot "$dir" ]; then
    rm -f "$zipped"
    if command -v zip >/dev/null; then
      (cd "$data" && zip -qr "$zipped" "$n")
    else
      python3 -c 'import os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, files in os.walk(root):
        for f in sorted(files):
            path = os.path.join(folder, f)
            z.write(path, os.path.relpath(path, os.path.dirname(root)))' "$dir" "$zipped"
    fi
  fi
  # Warm the page cache once, as a QA officer re-running the report would have it.
  "$plr" snapshot --period 2022/23 --as-of 2023-04-30 "$dir" >/dev/null
  "$plr" snapshot --period 2022/23 --as-of 2023-04-30 "$v1" >/dev/null
  for command in snapshot snap-zip inflate snap-v1 concerns; do
    for run in $(seq 1 "$runs"); do
      input=$dir subcommand=$command input_bytes=$bytes
      [ "$command" != snap-zip ] || input=$zipped subcommand=snapshot
      [ "$command" != snap-v1 ] || input=$v1 subcommand=snapshot input_bytes=$v1_bytes
      if [ "$command" = inflate ]; then
        stats=$( { /usr/bin/time -f '%e %U %S %M' "$inflate" "$zipped" >/dev/null; } 2>&1 | tail -1)
      else
        stats=$( { /usr/bin/time -f '%e %U %S %M' "$plr" "$subcommand" --period 2022/23 \
          --as-of 2023-04-30 --format json "$input" >/dev/null; } 2>&1 | tail -1)
      fi
      read -r wall user sys rss_kb <<<"$stats"
      awk -v n="$n" -v c="$command" -v r="$run" -v w="$wall" -v u="$user" -v s="$sys" \
        -v k="$rss_kb" -v b="$input_bytes" 'BEGIN {
        printf "%-8d %-9s %-4d %8.2f %8.2f %8.0f %11.1f %9.1f\n", n, c, r, w, u + s,
          (w > 0 ? b / 1e6 / w : 0), k / 1024, b / 1e6 }'
    done
  done
done
