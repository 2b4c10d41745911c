#!/bin/bash
# Delinquency API benchmark (docs/benchmarks.md, "Delinquency of one loan through the API"): starts the packaged jar in
# demo mode in a fresh directory, writes 500 loan ids, warms up with wrk, then measures with wrk (16 connections) and
# prints wrk's latency distribution and the CPU seconds that Amity (java), PostgreSQL and wrk used in the measured run.
#
# usage: bench/delinquency.sh [jar] [port] [warm-up seconds] [measured seconds]
# needs: ./mvnw package -DskipTests, the test class path in target/cp.txt
#        (./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test),
#        and wrk (Debian package wrk).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$(realpath "${1:-$repo/target/amity-0.1.0-SNAPSHOT.jar}")
port=${2:-8092}
warm=${3:-180}
measured=${4:-60}
dir=$(mktemp -d /tmp/amity-delinquency-XXXX)
cd "$dir"
java -Xmx512m -jar "$jar" --server.port="$port" > app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
up=false
for _ in $(seq 1 120); do
  if curl -sf "localhost:$port/actuator/health" > /dev/null; then up=true; break; fi
  kill -0 $app 2> /dev/null || break
  sleep 2
done
if [ "$up" != true ]; then echo "Amity did not start; its log is $dir/app.log" >&2; tail -5 app.log >&2; exit 1; fi
java -cp "$repo/target/test-classes:$repo/target/classes:$(cat "$repo/target/cp.txt")" \
     org.amity.bench.DelinquencyLoadDriver ids "http://localhost:$port" loans.txt 500 > /dev/null
cp "$repo/bench/delinquency.lua" .
wrk -t1 -c16 -d"${warm}s" -s delinquency.lua "http://localhost:$port" > /dev/null

# CPU seconds (user + system, in clock ticks of 1/100 s) per process name, summed over all its processes
cpu() {
  for stat in /proc/[0-9]*/stat; do
    sed -E 's/^[0-9]+ \((.*)\) .*$/\1/' "$stat" 2> /dev/null | tr -d '\n' || continue
    echo " $(cut -d')' -f2 "$stat" 2> /dev/null | awk '{print $12 + $13}')"
  done | awk 'NF == 2 {sum[$1] += $2} END {for (n in sum) print n, sum[n]}' | sort
}
echo "measured from $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1 /proc/loadavg)"
wrk -t1 -c16 -d"${measured}s" --latency -s delinquency.lua "http://localhost:$port" > wrk.txt &
load=$!
sleep 5
cpu > cpu-before.txt
sleep $((measured - 10))
cpu > cpu-after.txt
wait $load
cat wrk.txt
echo "CPU seconds from 5 s to $((measured - 5)) s of the measured run:"
join cpu-before.txt cpu-after.txt | awk '$1 == "java" || $1 == "postgres" || $1 == "wrk" {printf "  %s %.2f s\n", $1, ($3 - $2) / 100}'
