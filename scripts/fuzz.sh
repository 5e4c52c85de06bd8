#!/usr/bin/env bash
# The long run of the randomized differential fuzzer (docs/correctness.md).
#
#   scripts/fuzz.sh [CASES] [FIRST_SEED] [LOG]     e.g. nice -n 19 scripts/fuzz.sh 20000
#
# Runs CASES random cases (default 20000) starting at FIRST_SEED (default: from the clock) against the
# PostgreSQL that test-support finds or starts (docs/testing.md), with no time limit. Progress, every
# failure with its shrunk self-contained reproducer, and the summary (last line) are appended to LOG
# (default corpus/target/fuzz-long.log). Exit status 0 means no mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-20000}"
SEED="${2:-$(( $(date +%s) * 100000 ))}"
LOG="$(realpath -m "${3:-corpus/target/fuzz-long.log}")"
mkdir -p "$(dirname "$LOG")"
echo "fuzz: $CASES cases from seed $SEED, log $LOG"
exec ./mvnw -B -ntp -q -pl corpus -am test \
  -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpgtrickle.fuzz.cases="$CASES" -Dpgtrickle.fuzz.minutes=100000 -Dpgtrickle.seed="$SEED" \
  -Dpgtrickle.fuzz.log="$LOG" \
  -DtrimStackTrace=true -Dsurefire.timeout=0
