#!/usr/bin/env bash
# Runs the JMH benchmarks. Usage: benchmarks/run.sh [quick|full|custom] [extra JMH args...]
#   quick: 1 fork, short iterations (a few minutes on 2 cores)
#   full:  the iterations declared on the benchmark classes, plus -prof gc
#   custom: only the JMH arguments you pass (e.g. custom 'listFloor' -f 1 -i 2)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-quick}"
shift || true

./mvnw -B -ntp -q -pl benchmarks -am install -DskipTests
./mvnw -B -ntp -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

case "$mode" in
  quick) args=(-f 1 -wi 2 -w 2s -i 3 -r 2s -prof gc) ;;
  full)  args=(-prof gc) ;;
  custom) args=() ;;
  *) echo "usage: $0 [quick|full|custom] [jmh args...]" >&2; exit 2 ;;
esac

mkdir -p benchmarks/target
exec java -cp "$cp" org.openjdk.jmh.Main ${args[@]+"${args[@]}"} -rf json -rff benchmarks/target/results.json "$@"
