#!/usr/bin/env bash
# Runs one of the benchmarks of docs/benchmarks.md in a JVM of its own (the Maven profile perf).
#
#   bench/run.sh generate [--seed 42] [--partners 10000] [--lines 5000000] [--biggest 1000000] [--out DIR]
#   bench/run.sh ttm      [the same data options] [--warmup 50] [--runs 200] [--database NAME] [--keep-database] [--skip-all]
#   bench/run.sh import   [the same data options]   (with BENCH_JVM="-Xmx512m" for the heap bound)
#   bench/run.sh authorization [--warmup 15] [--seconds 30] [--rounds 2] [--refused-seconds 15] [--paced-rate 1000] [--paced-seconds 15] [--connections 64] [--partners 200] [--keep-database]
#                              (BENCH_SERVICE_JVM sets the service's JVM options, default -Xms1g -Xmx1g -XX:+UseG1GC)
#
# BENCH_JVM sets the JVM options (default -Xms2g -Xmx2g -XX:+UseG1GC).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  generate) main=org.directbill.bench.LedgerGenerator ;;
  ttm) main=org.directbill.bench.TtmBenchmark ;;
  import) main=org.directbill.bench.ImportBenchmark ;;
  authorization) main=org.directbill.bench.AuthorizationBenchmark ;;
  *)
    sed -n '2,10p' "$0" >&2
    exit 2
    ;;
esac
shift

jvm=()
if [ -n "${BENCH_JVM:-}" ]; then
  jvm=("-Dbench.jvm=$BENCH_JVM")
fi
exec ./mvnw -B -q -Pperf test-compile exec:exec "-Dbench.main=$main" "-Dbench.args=$*" "${jvm[@]}"
