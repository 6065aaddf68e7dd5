#!/usr/bin/env bash
# Runs one of the benchmarks of docs/benchmarks.md in a JVM of its own (the Maven profile perf).
#
#   bench/run.sh generate [--seed 42] [--partners 10000] [--lines 5000000] [--biggest 1000000] [--out DIR]
#   bench/run.sh ttm      [the same data options] [--warmup 50] [--runs 200] [--database NAME] [--keep-database] [--skip-all]
#   bench/run.sh import   [the same data options]   (with BENCH_JVM="-Xmx512m" for the heap bound)
#
# BENCH_JVM sets the JVM options (default -Xms2g -Xmx2g -XX:+UseG1GC).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  generate) main=org.directbill.bench.LedgerGenerator ;;
  ttm) main=org.directbill.bench.TtmBenchmark ;;
  import) main=org.directbill.bench.ImportBenchmark ;;
  *)
    sed -n '2,8p' "$0" >&2
    exit 2
    ;;
esac
shift

jvm=()
if [ -n "${BENCH_JVM:-}" ]; then
  jvm=("-Dbench.jvm=$BENCH_JVM")
fi
exec ./mvnw -B -q -Pperf test-compile exec:exec "-Dbench.main=$main" "-Dbench.args=$*" "${jvm[@]}"
