#!/usr/bin/env bash
# Outside JMH: (1) the runtime jar footprint of each client library beyond Spring, Jackson and SLF4J;
# (2) the start-up time a Spring Boot 4 application gains from adding kube-spring-boot-starter, and
# whether the starter touches the network while starting.
# Usage: benchmarks/footprint.sh [footprint|startup|all] [start-up runs, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
what="${1:-all}"
runs="${2:-15}"
work="$root/benchmarks/target/footprint"
mkdir -p "$work"
mvn_q() { "$root/mvnw" -B -ntp -q "$@"; }

fabric8_version=8.0.0
official_version=25.0.0
boot_version=$(sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' pom.xml | head -1)

# A throwaway pom whose runtime classpath is exactly the given dependencies, resolved as a user's
# build would (no parent, no BOM of ours).
throwaway_pom() { # dir, dependency xml
  mkdir -p "$1"
  cat > "$1/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>footprint</groupId><artifactId>$(basename "$1")</artifactId><version>0</version>
  <properties><maven.compiler.release>17</maven.compiler.release></properties>
  <dependencies>$2</dependencies>
</project>
EOF
}

dep() { echo "<dependency><groupId>$1</groupId><artifactId>$2</artifactId><version>$3</version>${4:-}</dependency>"; }
no_vertx="<exclusions><exclusion><groupId>io.fabric8</groupId><artifactId>kubernetes-httpclient-vertx-5</artifactId></exclusion></exclusions>"

classpath_of() { # dir -> file with one jar per line
  (cd "$1" && mvn_q dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=cp.txt)
  tr ':' '\n' < "$1/cp.txt" | grep -v '^$' > "$1/jars.txt"
}

# Sums the jars that are not Spring, Jackson or SLF4J; prints "KiB jars" and writes the list.
sum_beyond() { # jars file, label
  local kib=0 n=0 size
  : > "$1.beyond"
  while read -r jar; do
    case "$(basename "$jar")" in
      jackson-*|spring-*|slf4j-*|micrometer-*|logback-*|log4j-*|jakarta.annotation-api-*|snakeyaml-2*) continue ;;
    esac
    size=$(stat -c %s "$jar")
    kib=$((kib + size / 1024)); n=$((n + 1))
    printf '%8d KiB  %s\n' $((size / 1024)) "$(basename "$jar")" >> "$1.beyond"
  done < "$1"
  printf '| %-34s | %9.1f MB | %4d |\n' "$2" "$(echo "$kib / 1024" | bc -l)" "$n"
}

footprint() {
  echo "Runtime jars beyond Spring, Jackson, SLF4J (and SnakeYAML 2, which Spring Boot brings anyway):"
  echo "| library                            |      size | jars |"
  echo "|------------------------------------|-----------|------|"
  # Ours: this tree's kube-client-core jar plus its runtime dependencies, resolved in the reactor.
  mvn_q -pl kube-client-core -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package \
      dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/ours-cp.txt"
  { ls kube-client-core/target/kube-client-core-*.jar | grep -v -e sources -e javadoc; tr ':' '\n' < "$work/ours-cp.txt"; } \
      | grep -v '^$' > "$work/ours.jars"
  sum_beyond "$work/ours.jars" "kube-client (core + fabric8 models)"

  throwaway_pom "$work/fabric8-jdk" "$(dep io.fabric8 kubernetes-client $fabric8_version "$no_vertx")$(dep io.fabric8 kubernetes-httpclient-jdk $fabric8_version)"
  classpath_of "$work/fabric8-jdk"
  sum_beyond "$work/fabric8-jdk/jars.txt" "fabric8 $fabric8_version, JDK backend"

  throwaway_pom "$work/fabric8-vertx" "$(dep io.fabric8 kubernetes-client $fabric8_version)"
  classpath_of "$work/fabric8-vertx"
  sum_beyond "$work/fabric8-vertx/jars.txt" "fabric8 $fabric8_version, Vert.x 5 (default)"

  throwaway_pom "$work/official" "$(dep io.kubernetes client-java $official_version)"
  classpath_of "$work/official"
  sum_beyond "$work/official/jars.txt" "official client-java $official_version"
  echo "(per-jar lists: $work/*.beyond)"
}

# --- start-up -------------------------------------------------------------------------------

startup() {
  local app="$work/startup"
  mkdir -p "$app/src/bench" "$app/classes"
  cat > "$app/src/bench/StartupApp.java" <<'EOF'
package bench;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts, prints the JVM uptime at "ready" and whether anything connected to the API server port. */
@SpringBootApplication
public class StartupApp {
    public static void main(String[] args) throws Exception {
        try (ServerSocket apiServer = new ServerSocket(0)) {
            System.setProperty("kube.client.master-url", "http://127.0.0.1:" + apiServer.getLocalPort());
            ConfigurableApplicationContext ctx = SpringApplication.run(StartupApp.class, args);
            long ready = ManagementFactory.getRuntimeMXBean().getUptime();
            int beans = ctx.getBeanDefinitionCount();
            ctx.close();
            apiServer.setSoTimeout(1);
            boolean contacted;
            try (var s = apiServer.accept()) {
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            System.out.println("STARTUP ready_ms=" + ready + " beans=" + beans + " api_server_contacted=" + contacted);
        }
    }
}
EOF
  # Without: Spring Boot's own starter at the version our build uses.
  throwaway_pom "$app/without" "$(dep org.springframework.boot spring-boot-starter "$boot_version")"
  classpath_of "$app/without"
  # With: this tree's starter, resolved in the reactor (module target/classes, no installed snapshot).
  if [[ ! -f kube-spring-boot-starter/pom.xml ]]; then
    echo "kube-spring-boot-starter is not in this tree yet: start-up number pending."; return 0
  fi
  mvn_q -pl kube-spring-boot-starter -am -DskipTests compile dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$app/with-cp.txt"
  local with_cp="$(cat "$app/with-cp.txt")"
  local without_cp="$(paste -sd: "$app/without/jars.txt")"
  javac -q -d "$app/classes" -cp "$without_cp" "$app/src/bench/StartupApp.java" 2>/dev/null \
    || javac -d "$app/classes" -cp "$without_cp" "$app/src/bench/StartupApp.java"

  local opts=(-XX:TieredStopAtLevel=1 -Xshare:auto -Dspring.main.banner-mode=off -Dlogging.level.root=warn)
  : > "$app/without.ms"; : > "$app/with.ms"
  for i in $(seq 1 "$runs"); do
    # Alternate, so load from elsewhere on the machine hits both alike.
    java "${opts[@]}" -cp "$app/classes:$without_cp" bench.StartupApp | grep STARTUP | tee -a "$app/without.log" \
        | sed 's/.*ready_ms=\([0-9]*\).*/\1/' >> "$app/without.ms"
    java "${opts[@]}" -cp "$app/classes:$with_cp" bench.StartupApp | grep STARTUP | tee -a "$app/with.log" \
        | sed 's/.*ready_ms=\([0-9]*\).*/\1/' >> "$app/with.ms"
  done
  local m_without m_with
  m_without=$(sort -n "$app/without.ms" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m_with=$(sort -n "$app/with.ms" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "Spring Boot $boot_version start-up to ready, median of $runs alternating runs (-XX:TieredStopAtLevel=1):"
  echo "  without kube-spring-boot-starter: ${m_without} ms ($(tail -1 "$app/without.log" | sed 's/.*beans=\([0-9]*\).*/\1/') beans)"
  echo "  with kube-spring-boot-starter:    ${m_with} ms ($(tail -1 "$app/with.log" | sed 's/.*beans=\([0-9]*\).*/\1/') beans)"
  echo "  added: $((m_with - m_without)) ms; API server contacted during start-up: $(grep -c 'contacted=true' "$app/with.log" || true) of $runs runs"
}

case "$what" in
  footprint) footprint ;;
  startup) startup ;;
  all) footprint; echo; startup ;;
  *) echo "usage: $0 [footprint|startup|all] [runs]" >&2; exit 2 ;;
esac
