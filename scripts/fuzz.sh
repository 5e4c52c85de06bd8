#!/usr/bin/env bash
# The long run of the randomized differential fuzzer (docs/correctness.md).
#
#   scripts/fuzz.sh [CASES] [--from SEED] [--workers K] [--minutes M] [--log FILE]
#   e.g. nice -n 19 scripts/fuzz.sh 20000 --from 8000000
#
# Runs CASES random cases (default 20000) from seed SEED on (default: from the clock) against the
# PostgreSQL that test-support finds or starts (docs/testing.md), with no time limit unless M minutes are
# given (then it stops after the world running at M minutes and still writes the summary). K workers (default 1)
# each run their own worlds on their own database, for machines with cores to spare. Progress, every
# failure with its shrunk self-contained reproducer, and the summary (per operator kind, differential vs
# FULL) are appended to FILE (default corpus/target/fuzz-long.log). Exit status 0 means no failure.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=20000
SEED="$(( $(date +%s) * 100000 ))"
WORKERS=1
MINUTES=100000
LOG=corpus/target/fuzz-long.log
while [[ $# -gt 0 ]]; do
  case "$1" in
    --from) SEED="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --log) LOG="$2"; shift 2 ;;
    --minutes) MINUTES="$2"; shift 2 ;;
    [0-9]*) CASES="$1"; shift ;;
    *) echo "usage: scripts/fuzz.sh [CASES] [--from SEED] [--workers K] [--minutes M] [--log FILE]" >&2; exit 2 ;;
  esac
done
LOG="$(realpath -m "$LOG")"
mkdir -p "$(dirname "$LOG")"
echo "fuzz: $CASES cases from seed $SEED, $WORKERS worker(s), log $LOG"
exec ./mvnw -B -ntp -q -pl corpus -am test \
  -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpgtrickle.fuzz.cases="$CASES" -Dpgtrickle.fuzz.minutes="$MINUTES" -Dpgtrickle.seed="$SEED" \
  -Dpgtrickle.fuzz.workers="$WORKERS" -Dpgtrickle.fuzz.log="$LOG" \
  -DtrimStackTrace=true -Dsurefire.timeout=0
