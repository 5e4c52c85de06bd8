#!/usr/bin/env bash
# Runs the pgtrickle demo on an embedded PostgreSQL (downloaded as a Maven artifact): no set-up needed.
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw -q -B -DskipTests -pl demo -am compile exec:java "$@"
