#!/usr/bin/env bash
# Runs the benchmarks. Usage: benchmarks/run.sh [quick|full|custom|paired|soak|costs|payload|profile] [args...]
#   quick:   every client and scenario, 1 fork, short iterations, -prof gc (about 8 minutes on 2 cores: 20 trials of 10 s plus set-up)
#   full:    the iterations declared on the benchmark classes, plus -prof gc
#   custom:  only the JMH arguments you pass (e.g. custom 'ClientBenchmarks.list' -p client=floor,ours -f 1 -i 2)
#   paired:  the interleaved harness, robust on a shared machine: paired [-Dbench.server=S] <list|get|get16|watch> [rounds] [clients]
#            (S: jdk, the default, plain HTTP/1.1 from the JDK's server; tls-h2 or tls-http1.1, the same bytes over TLS
#            from Vert.x; vertx, plain HTTP/1.1 from Vert.x; url:<URL> with -Dbench.caFile=<PEM> for https, a
#            server started apart that serves the same payloads)
#   soak:    a stall hunt, no timing: soak [-Dbench.server=S] [-Dbench.gapMillis=N] <minutes> <threads> [client];
#            GETs without a timeout until one takes over 15 s, then thread dumps and socket queues, exit 3
#   costs:   what a 1-thread GET costs, not its time: costs [-Dbench.server=S] [-Dbench.serverPid=P] [-Dbench.strace=DIR]
#            [gets per round] [rounds] [clients]; context switches and CPU per GET per thread (Linux /proc), and with
#            -Dbench.strace (strace installed) the system calls per GET of each thread
#   payload: writes a payload for a server started apart: payload get <file> (see go-apiserver/main.go)
#   profile: JMH with async-profiler (from Maven Central) writing collapsed stacks and flame graphs under
#            benchmarks/target/profile; args as for custom, e.g. profile 'ClientBenchmarks.get$' -p client=ours
# Extra JMH arguments after the mode are passed on (e.g. quick -p client=floor,ours).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-quick}"
shift || true

# Compiled in the reactor, so the benchmarks run this tree's kube-client-core (target/classes), never
# a snapshot jar that some other checkout installed into the local repository.
./mvnw -B -ntp -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
mkdir -p benchmarks/target

if [[ "$mode" == payload ]]; then
  exec java -cp "$cp" io.kubeclient.benchmarks.Payloads "$@"
fi

if [[ "$mode" == paired || "$mode" == soak || "$mode" == costs ]]; then
  # Leading -D options are the harness's own (-Dbench.server=tls-h2, -Dbench.getBytes=N) and go to the JVM.
  jvm=()
  while [[ $# -gt 0 && "$1" == -D* ]]; do jvm+=("$1"); shift; done
  case "$mode" in paired) main=Paired ;; soak) main=Soak ;; *) main=Costs ;; esac
  exec java -Xms3g -Xmx3g ${jvm[@]+"${jvm[@]}"} -cp "$cp" "io.kubeclient.benchmarks.$main" "$@"
fi

case "$mode" in
  quick) args=(-f 1 -wi 2 -w 2s -i 3 -r 2s -prof gc) ;;
  full)  args=(-prof gc) ;;
  custom) args=() ;;
  profile)
    ap_version=4.2
    ./mvnw -B -ntp -q dependency:copy -Dartifact="tools.profiler:async-profiler:${ap_version}" \
        -DoutputDirectory=benchmarks/target/async-profiler
    (cd benchmarks/target/async-profiler && unzip -o -q -j "async-profiler-${ap_version}.jar" 'linux-x64/libasyncProfiler.so')
    lib="$PWD/benchmarks/target/async-profiler/libasyncProfiler.so"
    out="$PWD/benchmarks/target/profile"
    args=(-f 1 -wi 2 -w 2s -i 3 -r 3s
          -prof "async:libPath=${lib};output=collapsed,flamegraph;dir=${out};event=cpu;interval=1000000")
    ;;
  *) echo "usage: $0 [quick|full|custom|paired|soak|costs|payload|profile] [args...]" >&2; exit 2 ;;
esac

exec java -cp "$cp" org.openjdk.jmh.Main ${args[@]+"${args[@]}"} -rf json -rff benchmarks/target/results.json "$@"
