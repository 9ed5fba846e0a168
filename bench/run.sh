#!/usr/bin/env bash
# Runs a Refinery benchmark from the built project: bench/run.sh serde [--quick]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -f "$HERE/bench/target/refinery-bench.jar" ] || (cd "$HERE" && ./mvnw -B -q -DskipTests install)
export ORT_DISABLE_TELEMETRY=1 # ONNX Runtime 1.29.0 start-up crash otherwise (microsoft/onnxruntime#32173)
exec "$JAVA" -Drefinery.home="$HERE" -Dlogback.configurationFile="$HERE/bench/src/main/resources/logback.xml" -cp "$HERE/bench/target/refinery-bench.jar:$HERE/bench/target/lib/*" \
  dev.refinery.bench.BenchMain "$@"
