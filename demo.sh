#!/usr/bin/env bash
# Runs the pgtrickle demo on an embedded PostgreSQL (downloaded as a Maven artifact): no set-up needed.
# Step 1 builds the modules the demo needs into the local Maven repository; step 2 runs the demo.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -ntp -DskipTests "$@" -pl demo -am install
exec ./mvnw -q -B -ntp "$@" -pl demo exec:java
