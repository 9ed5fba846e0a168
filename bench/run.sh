#!/usr/bin/env bash
# Runs a Refinery benchmark from the built project: bench/run.sh serde [--quick]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -f "$HERE/bench/target/refinery-bench.jar" ] || (cd "$HERE" && ./mvnw -B -q -DskipTests install)
exec "$JAVA" -Drefinery.home="$HERE" -cp "$HERE/bench/target/refinery-bench.jar:$HERE/bench/target/lib/*" \
  dev.refinery.bench.BenchMain "$@"
