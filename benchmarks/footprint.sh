#!/usr/bin/env bash
# Outside JMH: (1) the runtime jar footprint of each client library beyond Spring, Jackson and SLF4J;
# (2) the start-up time a Spring Boot 4 application gains from adding kube-spring-boot-starter, and
# whether the starter touches the network while starting.
# Usage: benchmarks/footprint.sh [footprint|startup|startup-cds|all] [start-up runs, default 15]
# (startup-cds: the same start-up runs, each variant mapping a dynamic CDS archive of its own)
# With FOOTPRINT_BASE=<commit> the start-up runs also start the starter of that commit (built in a
# temporary git worktree, the same dependency jars) in the variants FOOTPRINT_BASE_VARIANTS names
# (default: injected kubeconfig k3s kind incluster), in the same rounds, and print the per-round
# differences between this tree and that commit.
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
  rm -rf "$app/classes"
  mkdir -p "$app/src/bench" "$app/src/benchinjected" "$app/classes"
  cat > "$app/src/bench/StartupApp.java" <<'EOF'
package bench;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts, prints the JVM uptime at "ready" and whether anything connected to the API server port,
 * then the main thread's CPU time to "ready" (less disturbed by other load on the machine).
 */
@SpringBootApplication
public class StartupApp {
    public static void main(String[] args) throws Exception {
        run(StartupApp.class, args);
    }

    public static void run(Class<?> app, String[] args) throws Exception {
        try (ServerSocket apiServer = new ServerSocket(0)) {
            // https for the kubeconfig runs, so that the client reads the kubeconfig's CA as it would
            // for a real cluster (an http URL leaves it unused); nothing connects either way.
            if (Boolean.getBoolean("bench.inCluster")) {
                // As in a pod: the service variables (read through Spring's environment, so system
                // properties stand in for them) and the service-account files, which the script
                // mounts in a private mount namespace.
                System.setProperty("KUBERNETES_SERVICE_HOST", "127.0.0.1");
                System.setProperty("KUBERNETES_SERVICE_PORT", Integer.toString(apiServer.getLocalPort()));
            } else {
                String scheme = System.getProperty("bench.scheme", "http");
                System.setProperty("kube.client.master-url", scheme + "://127.0.0.1:" + apiServer.getLocalPort());
            }
            ConfigurableApplicationContext ctx = SpringApplication.run(app, args);
            long ready = ManagementFactory.getRuntimeMXBean().getUptime();
            long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            int beans = ctx.getBeanDefinitionCount();
            ctx.close();
            apiServer.setSoTimeout(1);
            boolean contacted;
            try (var s = apiServer.accept()) {
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            System.out.println("STARTUP ready_ms=" + ready + " beans=" + beans + " api_server_contacted=" + contacted
                    + " main_cpu_ms=" + mainCpu + " process_cpu_ms=" + processCpu);
        }
    }
}
EOF
  # The realistic application: a component that injects the starter's clients, as an application
  # using them would (so beans created on first injection count).
  cat > "$app/src/benchinjected/InjectedApp.java" <<'EOF'
package benchinjected;

import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.kubernetes.CoreV1Client;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.restmapper.RESTMapper;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** StartupApp plus a component holding the Clientset, RESTClient, discovery client and RESTMapper. */
@SpringBootApplication
public class InjectedApp {
    public static void main(String[] args) throws Exception {
        bench.StartupApp.run(InjectedApp.class, args);
    }

    @Component
    static class KubeUser {
        final CoreV1Client core;
        final RESTClient restClient;
        final CachedDiscoveryInterface discovery;
        final RESTMapper mapper;

        KubeUser(Clientset clientset, RESTClient restClient, CachedDiscoveryInterface discovery, RESTMapper mapper) {
            this.core = clientset.coreV1();
            this.restClient = restClient;
            this.discovery = discovery;
            this.mapper = mapper;
        }
    }
}
EOF
  # Without: Spring Boot's own starter at the version our build uses.
  throwaway_pom "$app/without" "$(dep org.springframework.boot spring-boot-starter "$boot_version")"
  classpath_of "$app/without"
  # With: the same application with this tree's starter declared after spring-boot-starter, as its
  # jars (packaged in the reactor, no installed snapshot), in the order Maven gives such a pom:
  # spring-boot-starter's jars, then the starter and the jars it adds (a version already there wins).
  if [[ ! -f kube-spring-boot-starter/pom.xml ]]; then
    echo "kube-spring-boot-starter is not in this tree yet: start-up number pending."; return 0
  fi
  mvn_q -pl kube-spring-boot-starter -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
      package dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$app/starter-cp.txt"
  { cat "$app/without/jars.txt"; ls "$root"/kube-spring-boot-starter/target/kube-spring-boot-starter-*.jar \
      | grep -v -e sources -e javadoc; tr ':' '\n' < "$app/starter-cp.txt"; } \
      | grep -v '^$' | awk '{ key = $0; if (key ~ /\/repository\//) sub(/\/[^\/]*\/[^\/]*$/, "", key) }
                             !seen[key]++' > "$app/with-jars.txt"  # one version per artifact, the first
  if grep -q '/target/classes$' "$app/with-jars.txt"; then
    echo "the starter's classpath has module directories instead of jars: $app/with-jars.txt" >&2; return 1
  fi
  local with_cp="$(paste -sd: "$app/with-jars.txt")"
  local base_cp="" base_rev="" base_src="$work/base-src"
  if [[ -n "${FOOTPRINT_BASE:-}" ]]; then
    base_rev=$(git rev-parse --short "$FOOTPRINT_BASE^{commit}")
    git worktree remove --force "$base_src" 2>/dev/null || rm -rf "$base_src"
    git worktree add -q --detach "$base_src" "$base_rev"
    trap "git -C '$root' worktree remove --force '$base_src' 2>/dev/null || true" EXIT
    "$root/mvnw" -B -ntp -q -f "$base_src/pom.xml" -pl kube-spring-boot-starter -am -DskipTests \
        -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package
    # The same jars, the modules of this tree swapped for that commit's.
    sed "s|^$root/|$base_src/|" "$app/with-jars.txt" > "$app/base-jars.txt"
    local jar
    while read -r jar; do
      [[ -f "$jar" ]] || { echo "no $jar in $base_rev's build" >&2; return 1; }
    done < "$app/base-jars.txt"
    base_cp="$(paste -sd: "$app/base-jars.txt")"
  fi
  local without_cp="$(paste -sd: "$app/without/jars.txt")"
  javac -d "$app/classes" -cp "$without_cp" "$app/src/bench/StartupApp.java"
  # Same directory (one classpath entry for every run); StartupApp's component scan does not reach it.
  javac -d "$app/classes" -cp "$app/classes:$with_cp" "$app/src/benchinjected/InjectedApp.java"

  # A kubeconfig as a developer's machine has one: YAML, a cluster CA, a token (the server URL is
  # still overridden by kube.client.master-url, with https so that the CA is read, and the check
  # for connections holds).
  rm -rf "$app/kubeconfig" && mkdir -p "$app/kubeconfig"
  keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname CN=startup-ca -validity 30 \
      -keystore "$app/kubeconfig/ca.p12" -storetype PKCS12 -storepass changeit -ext bc:c >/dev/null 2>&1
  local ca_data
  ca_data=$(keytool -exportcert -rfc -alias ca -keystore "$app/kubeconfig/ca.p12" -storepass changeit 2>/dev/null \
      | base64 -w0)
  cat > "$app/kubeconfig/config" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: bench
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: $ca_data
users:
- name: bench
  user:
    token: not-a-real-token
contexts:
- name: bench
  context:
    cluster: bench
    user: bench
    namespace: default
current-context: bench
EOF
  # The same cluster as the managed clouds' CLIs write it, with a credential plugin for the user
  # (aws eks update-kubeconfig here); the plugin would run on the first request, so never here.
  sed 's/^    token: not-a-real-token$/    exec:\
      apiVersion: client.authentication.k8s.io\/v1beta1\
      args:\
      - eks\
      - get-token\
      - --cluster-name\
      - bench\
      command: aws\
      env: null\
      interactiveMode: IfAvailable\
      provideClusterInfo: false/' "$app/kubeconfig/config" > "$app/kubeconfig/exec-config"
  grep -q 'command: aws' "$app/kubeconfig/exec-config"
  # A k3s cluster as its kubeconfig has it (k3d and Rancher Desktop too): the user's EC client
  # certificate and key, the key as SEC1 carrying its public point, as k3s writes it.
  keytool -genkeypair -alias client -keyalg EC -groupname secp256r1 -dname "CN=system:admin,O=system:masters" \
      -validity 30 -keystore "$app/kubeconfig/client.p12" -storetype PKCS12 -storepass changeit >/dev/null 2>&1
  cat > "$app/src/ClientKey.java" <<'EOF'
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Prints the client key of a PKCS12 store as a cluster tool writes it: "sec1", a P-256 key as k3s
 * writes it (SEC1 with the curve and the public point); "pkcs1", an RSA key as kubeadm writes it
 * (PKCS#1, the PKCS#8 wrapper taken off).
 */
public class ClientKey {
    public static void main(String[] args) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            ks.load(in, "changeit".toCharArray());
        }
        byte[] pkcs8 = ((PrivateKey) ks.getKey("client", "changeit".toCharArray())).getEncoded();
        String type;
        byte[] der;
        if (args[1].equals("sec1")) {
            byte[] spki = ks.getCertificate("client").getPublicKey().getEncoded();
            if (pkcs8.length != 67 || spki.length != 91) {
                throw new IllegalStateException("not the P-256 key layout this expects");
            }
            ByteArrayOutputStream sec1 = new ByteArrayOutputStream();
            sec1.writeBytes(new byte[] {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20});
            sec1.writeBytes(Arrays.copyOfRange(pkcs8, 35, 67));
            sec1.writeBytes(new byte[] {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03,
                    0x01, 0x07, (byte) 0xa1, 0x44, 0x03, 0x42, 0x00});
            sec1.writeBytes(Arrays.copyOfRange(spki, 26, 91));
            type = "EC PRIVATE KEY";
            der = sec1.toByteArray();
        } else {
            // SEQUENCE { INTEGER 0, AlgorithmIdentifier (15 bytes for rsaEncryption), OCTET STRING { PKCS#1 } }
            int at = 4 + 3 + 15;
            if ((pkcs8[0] & 0xff) != 0x30 || (pkcs8[1] & 0xff) != 0x82 || pkcs8[at] != 0x04
                    || (pkcs8[at + 1] & 0xff) != 0x82) {
                throw new IllegalStateException("not the RSA PKCS#8 layout this expects");
            }
            int length = ((pkcs8[at + 2] & 0xff) << 8) | (pkcs8[at + 3] & 0xff);
            type = "RSA PRIVATE KEY";
            der = Arrays.copyOfRange(pkcs8, at + 4, at + 4 + length);
        }
        Base64.Encoder b64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        System.out.println("-----BEGIN " + type + "-----\n" + b64.encodeToString(der) + "\n-----END " + type + "-----");
    }
}
EOF
  local client_crt client_key
  client_crt=$(keytool -exportcert -rfc -alias client -keystore "$app/kubeconfig/client.p12" -storepass changeit 2>/dev/null \
      | base64 -w0)
  client_key=$(java "$app/src/ClientKey.java" "$app/kubeconfig/client.p12" sec1 | base64 -w0)
  rm "$app/kubeconfig/client.p12"
  sed "s|^    token: not-a-real-token\$|    client-certificate-data: $client_crt\n    client-key-data: $client_key|" \
      "$app/kubeconfig/config" > "$app/kubeconfig/k3s-config"
  grep -q 'client-key-data: ..' "$app/kubeconfig/k3s-config"
  # A kind (kubeadm, minikube) cluster: an RSA CA and the user's RSA client certificate with its PKCS#1
  # key, as kubeadm writes them.
  keytool -genkeypair -alias ca -keyalg RSA -keysize 2048 -dname CN=kubernetes -validity 30 \
      -keystore "$app/kubeconfig/kind.p12" -storetype PKCS12 -storepass changeit -ext bc:c >/dev/null 2>&1
  keytool -genkeypair -alias client -keyalg RSA -keysize 2048 -dname "CN=kubernetes-admin,O=kubeadm:cluster-admins" \
      -validity 30 -keystore "$app/kubeconfig/kind.p12" -storetype PKCS12 -storepass changeit >/dev/null 2>&1
  local kind_ca kind_crt kind_key
  kind_ca=$(keytool -exportcert -rfc -alias ca -keystore "$app/kubeconfig/kind.p12" -storepass changeit 2>/dev/null | base64 -w0)
  kind_crt=$(keytool -exportcert -rfc -alias client -keystore "$app/kubeconfig/kind.p12" -storepass changeit 2>/dev/null \
      | base64 -w0)
  kind_key=$(java "$app/src/ClientKey.java" "$app/kubeconfig/kind.p12" pkcs1 | base64 -w0)
  rm "$app/kubeconfig/kind.p12"
  sed -e "s|^    certificate-authority-data: .*\$|    certificate-authority-data: $kind_ca|" \
      -e "s|^    token: not-a-real-token\$|    client-certificate-data: $kind_crt\n    client-key-data: $kind_key|" \
      "$app/kubeconfig/config" > "$app/kubeconfig/kind-config"
  grep -q 'client-key-data: ..' "$app/kubeconfig/kind-config"

  # A pod's service account: a token and the cluster's CA, RSA as kubeadm and the managed clusters make
  # it. The in-cluster runs see it at /var/run/secrets/kubernetes.io/serviceaccount in a private mount
  # namespace (unshare -rm: no root needed where user namespaces are allowed), else they are skipped.
  local sa="$app/serviceaccount"
  rm -rf "$sa" && mkdir -p "$sa"
  keytool -genkeypair -alias ca -keyalg RSA -keysize 2048 -dname CN=startup-cluster-ca -validity 30 \
      -keystore "$sa/ca.p12" -storetype PKCS12 -storepass changeit -ext bc:c >/dev/null 2>&1
  keytool -exportcert -rfc -alias ca -keystore "$sa/ca.p12" -storepass changeit > "$sa/ca.crt" 2>/dev/null
  rm "$sa/ca.p12"
  printf 'not-a-real-token' > "$sa/token"
  printf 'default' > "$sa/namespace"
  in_pod() { # command... -> runs it where the service account is mounted
    unshare -rm sh -c 'run=$(readlink -f /var/run) && mount -t tmpfs tmpfs "$run" \
        && mkdir -p /var/run/secrets/kubernetes.io/serviceaccount \
        && cp "$0"/token "$0"/namespace "$0"/ca.crt /var/run/secrets/kubernetes.io/serviceaccount/ && exec "$@"' "$sa" "$@"
  }
  local variants=(without with injected kubeconfig exec k3s kind)
  if in_pod true 2>/dev/null; then
    # The namespace itself costs a JVM about 10 ms here: the in-cluster runs are compared with the
    # application without the starter started the same way.
    variants+=(without_pod incluster)
  else
    echo "in-cluster runs skipped: unshare -rm (a private mount namespace) is not allowed here"
  fi
  local based=()
  if [[ -n "$base_cp" ]]; then
    for v in ${FOOTPRINT_BASE_VARIANTS:-injected kubeconfig k3s kind incluster}; do
      if [[ " ${variants[*]} " == *" $v "* && "$v" != without* ]]; then based+=("$v"); variants+=("base_$v"); fi
    done
  fi

  local opts=(-XX:TieredStopAtLevel=1 -Xshare:auto -Dspring.main.banner-mode=off -Dlogging.level.root=warn)
  local v app_cp="$app/classes" cds_mode=""
  if [[ -n "$cds" ]]; then
    # Class data sharing as Spring Boot documents it: a training run per variant writes a dynamic
    # archive of the classes it loaded, and the measured runs map it. Archives take jars only.
    app_cp="$app/app.jar"
    rm -f "$app_cp" && jar cf "$app_cp" -C "$app/classes" .
    rm -rf "$app/cds" && mkdir -p "$app/cds"
  fi
  run_variant() { # variant (base_<variant>: with the starter of FOOTPRINT_BASE) -> appends its STARTUP line to its log
    local x=("${opts[@]}") with_cp="$with_cp"
    case "$cds_mode" in
      train) x+=("-XX:ArchiveClassesAtExit=$app/cds/$1.jsa") ;;
      use) x+=("-XX:SharedArchiveFile=$app/cds/$1.jsa") ;;
    esac
    [[ "$1" == base_* ]] && with_cp="$base_cp"
    case "${1#base_}" in
      without) java "${x[@]}" -cp "$app_cp:$without_cp" bench.StartupApp ;;
      with) java "${x[@]}" -cp "$app_cp:$with_cp" bench.StartupApp ;;
      injected) java "${x[@]}" -cp "$app_cp:$with_cp" benchinjected.InjectedApp ;;
      kubeconfig) java "${x[@]}" -Dbench.scheme=https -Dkube.client.kubeconfig="$app/kubeconfig/config" \
          -cp "$app_cp:$with_cp" benchinjected.InjectedApp ;;
      exec) java "${x[@]}" -Dbench.scheme=https -Dkube.client.kubeconfig="$app/kubeconfig/exec-config" \
          -cp "$app_cp:$with_cp" benchinjected.InjectedApp ;;
      k3s) java "${x[@]}" -Dbench.scheme=https -Dkube.client.kubeconfig="$app/kubeconfig/k3s-config" \
          -cp "$app_cp:$with_cp" benchinjected.InjectedApp ;;
      kind) java "${x[@]}" -Dbench.scheme=https -Dkube.client.kubeconfig="$app/kubeconfig/kind-config" \
          -cp "$app_cp:$with_cp" benchinjected.InjectedApp ;;
      without_pod) in_pod java "${x[@]}" -cp "$app_cp:$without_cp" bench.StartupApp ;;
      incluster) in_pod java "${x[@]}" -Dbench.inCluster=true -cp "$app_cp:$with_cp" benchinjected.InjectedApp ;;
    esac | grep STARTUP >> "$app/$1.log"
  }
  if [[ -n "$cds" ]]; then
    cds_mode=train
    for v in "${variants[@]}"; do run_variant "$v"; done
    cds_mode=use
  fi
  for v in "${variants[@]}"; do : > "$app/$v.log"; done
  local k n=${#variants[@]}
  for i in $(seq 1 "$runs"); do
    # Alternate, so load from elsewhere on the machine hits all alike, and start each round with the
    # next variant, so none always runs in the same place of a round (right after the same one).
    for k in $(seq 0 $((n - 1))); do
      run_variant "${variants[$(( (i + k) % n ))]}"
    done
  done
  median() { # log, field
    sed -n "s/.*$2=\([0-9]*\).*/\1/p" "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  }
  local m_without m_with m_injected c_without c_with c_injected
  m_without=$(median "$app/without.log" ready_ms); c_without=$(median "$app/without.log" main_cpu_ms)
  m_with=$(median "$app/with.log" ready_ms); c_with=$(median "$app/with.log" main_cpu_ms)
  m_injected=$(median "$app/injected.log" ready_ms); c_injected=$(median "$app/injected.log" main_cpu_ms)
  local m_kubeconfig c_kubeconfig
  m_kubeconfig=$(median "$app/kubeconfig.log" ready_ms); c_kubeconfig=$(median "$app/kubeconfig.log" main_cpu_ms)
  beans() { tail -1 "$1" | sed 's/.*beans=\([0-9]*\).*/\1/'; }
  echo "Spring Boot $boot_version start-up to ready, median of $runs alternating runs (-XX:TieredStopAtLevel=1${cds:+, each variant with its own CDS archive}):"
  echo "  without kube-spring-boot-starter: ${m_without} ms ($(beans "$app/without.log") beans)"
  echo "  with kube-spring-boot-starter:    ${m_with} ms ($(beans "$app/with.log") beans)"
  echo "  added: $((m_with - m_without)) ms; API server contacted during start-up: $(grep -c 'contacted=true' "$app/with.log" || true) of $runs runs"
  echo "  with the starter and a component injecting Clientset, RESTClient, discovery and RESTMapper: ${m_injected} ms ($(beans "$app/injected.log") beans)"
  echo "  added: $((m_injected - m_without)) ms; API server contacted during start-up: $(grep -c 'contacted=true' "$app/injected.log" || true) of $runs runs"
  echo "  as the previous, configured from a kubeconfig file (YAML, CA data, token): ${m_kubeconfig} ms (+$((m_kubeconfig - m_without)));" \
       "API server contacted: $(grep -c 'contacted=true' "$app/kubeconfig.log" || true) of $runs runs"
  echo "  main thread CPU to ready (medians): without ${c_without} ms, with ${c_with} ms (+$((c_with - c_without))), injected ${c_injected} ms (+$((c_injected - c_without))), kubeconfig ${c_kubeconfig} ms (+$((c_kubeconfig - c_without)))"
  paired() { # log [field] [base log] -> median of (variant - base) over the same alternation round, steadier under drifting load
    local f="${2:-ready_ms}" base="${3:-$app/without.log}"
    paste <(sed "s/.*$f=\([0-9]*\).*/\1/" "$base") <(sed "s/.*$f=\([0-9]*\).*/\1/" "$1") \
        | awk '{print $2 - $1}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  }
  echo "  added, median of the per-round differences: with $(paired "$app/with.log") ms," \
       "injected $(paired "$app/injected.log") ms, kubeconfig $(paired "$app/kubeconfig.log") ms"
  echo "  the same for main-thread CPU: with $(paired "$app/with.log" main_cpu_ms) ms," \
       "injected $(paired "$app/injected.log" main_cpu_ms) ms, kubeconfig $(paired "$app/kubeconfig.log" main_cpu_ms) ms;" \
       "process CPU (all threads, JIT and GC included): with $(paired "$app/with.log" process_cpu_ms) ms," \
       "injected $(paired "$app/injected.log" process_cpu_ms) ms, kubeconfig $(paired "$app/kubeconfig.log" process_cpu_ms) ms"
  kubeconfig_variant() { # variant, description -> its line, against the application without the starter
    local m c
    m=$(median "$app/$1.log" ready_ms); c=$(median "$app/$1.log" main_cpu_ms)
    echo "  $2: ${m} ms (+$((m - m_without))); API server contacted: $(grep -c 'contacted=true' "$app/$1.log" || true)" \
         "of $runs runs; main-thread CPU ${c} ms (+$((c - c_without))); per-round: ready +$(paired "$app/$1.log") ms," \
         "main-thread CPU +$(paired "$app/$1.log" main_cpu_ms) ms, process CPU +$(paired "$app/$1.log" process_cpu_ms) ms"
  }
  kubeconfig_variant exec "as the previous, the user's credentials from a plugin (aws eks get-token, not run)"
  kubeconfig_variant k3s "as the kubeconfig one, the user's credentials an EC client certificate and key as k3s writes them"
  kubeconfig_variant kind "as the kubeconfig one, an RSA CA and the user's RSA client certificate and PKCS#1 key as kind (kubeadm) writes them"
  if [[ " ${variants[*]} " == *" incluster "* ]]; then
    local m_incluster c_incluster m_pod c_pod pod="$app/without_pod.log"
    m_incluster=$(median "$app/incluster.log" ready_ms); c_incluster=$(median "$app/incluster.log" main_cpu_ms)
    m_pod=$(median "$pod" ready_ms); c_pod=$(median "$pod" main_cpu_ms)
    echo "  in a pod (the injected application; service-account token and RSA CA, no kubeconfig), against the" \
         "application without the starter started the same way (${m_pod} ms): ${m_incluster} ms (+$((m_incluster - m_pod)));" \
         "API server contacted: $(grep -c 'contacted=true' "$app/incluster.log" || true) of $runs runs;" \
         "main-thread CPU ${c_incluster} ms (+$((c_incluster - c_pod)));" \
         "per-round: ready +$(paired "$app/incluster.log" ready_ms "$pod") ms," \
         "main-thread CPU +$(paired "$app/incluster.log" main_cpu_ms "$pod") ms," \
         "process CPU +$(paired "$app/incluster.log" process_cpu_ms "$pod") ms"
  fi
  if [[ ${#based[@]} -gt 0 ]]; then
    echo "  this tree against the starter of $base_rev, medians of the per-round differences (this tree minus $base_rev):"
    for v in "${based[@]}"; do
      echo "    $v: ready $(paired "$app/$v.log" ready_ms "$app/base_$v.log") ms," \
           "main-thread CPU $(paired "$app/$v.log" main_cpu_ms "$app/base_$v.log") ms," \
           "process CPU $(paired "$app/$v.log" process_cpu_ms "$app/base_$v.log") ms"
    done
  fi
  echo "  (logs: $app/{$(IFS=,; echo "${variants[*]}")}.log; load now: $(cut -d' ' -f1-3 /proc/loadavg))"
}

cds=""
case "$what" in
  footprint) footprint ;;
  startup) startup ;;
  startup-cds) cds=1; startup ;;
  all) footprint; echo; startup ;;
  *) echo "usage: $0 [footprint|startup|startup-cds|all] [runs]" >&2; exit 2 ;;
esac
