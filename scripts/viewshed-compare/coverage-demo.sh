#!/usr/bin/env bash
# Whole-process wall time of `skydas coverage` on the demo scenario (bare ellipsoid unless DEMs are given).
#   coverage-demo.sh [RESOLUTION_M] [extra coverage options...]     (default 50)
# Builds the demo scenario once (./skydas scenario init --demo). Runs `./skydas coverage` when the
# command is registered in Main, else the CoverageCommand class directly (java source launcher).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
res=${1:-50}
shift || true
work=${SKYDAS_COVERAGE_WORK:-/tmp/skydas-coverage-demo}
mkdir -p "$work"
[ -f "$work/demo.gpkg" ] || "$root/skydas" scenario init --demo --out "$work/demo.gpkg" >&2
"$root/skydas" --help >/dev/null  # builds when stale, outside the timing
. "$root/scripts/find-jdk.sh"
skydas_find_jdk
out="$work/out-$res"
rm -rf "$out"
if "$root/skydas" --help 2>/dev/null | grep -qE "^ +coverage\b"; then
  cmd=("$root/skydas" coverage)
else
  cat > "$work/RunCoverage.java" <<'JAVA'
public class RunCoverage {
    public static void main(String[] a) {
        System.exit(new picocli.CommandLine(new org.skydas.cli.CoverageCommand()).execute(a));
    }
}
JAVA
  cmd=("$SKYDAS_JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/cli/target/skydas-cli.jar:$root/cli/target/lib/*" "$work/RunCoverage.java")
fi
echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" "${cmd[@]}" --scenario "$work/demo.gpkg" \
  --resolution "$res" --out "$out" "$@" 2>&1 | tr '\r' '\n' | grep -v '^coverage \['
