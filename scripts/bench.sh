#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md).
#   scripts/bench.sh jmh [JMH options…]      JMH micro-benchmarks → benchmarks/target/jmh-result.json and
#                                             jmh-results.md (the table, µs per operator, the emission target)
#   scripts/bench.sh jmh-quick [regex]        the same, 1 fork, 1 short warmup and measurement (a smoke run)
#   scripts/bench.sh e2e [--quick|--medium|--full] [harness options…]
#                                             end-to-end harness → benchmarks/target/e2e-results.{md,csv,json}
# The jar is built once per invocation (-Pbench-jar, tests skipped). PostgreSQL: PGTRICKLE_TEST_URL, else a
# throwaway local cluster from the machine's binaries (see docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-}"
[ $# -gt 0 ] && shift
target="${PGT_TARGET:-target}"
jar="benchmarks/${target}/benchmarks.jar"

build() {
  ./mvnw -B -q -ntp -Dpgt.target="${target}" -Pbench-jar -DskipTests -pl benchmarks -am package
}

case "$what" in
  jmh)
    build
    exec java -cp "$jar" io.pgtrickle.benchmarks.jmh.JmhMain --report "benchmarks/${target}/jmh-results.md" \
      -rf json -rff "benchmarks/${target}/jmh-result.json" "$@"
    ;;
  jmh-quick)
    build
    exec java -cp "$jar" io.pgtrickle.benchmarks.jmh.JmhMain --report "benchmarks/${target}/jmh-results.md" \
      -f 1 -wi 1 -w 1s -i 1 -r 1s -rf json -rff "benchmarks/${target}/jmh-result.json" "$@"
    ;;
  e2e)
    build
    exec java -Dpgtrickle.build.dir="benchmarks/${target}" -cp "$jar" \
      io.pgtrickle.benchmarks.e2e.EndToEndBenchmark --out "benchmarks/${target}" "$@"
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
