#!/usr/bin/env bash
# Runs Skydas's viewshed with gdal_viewshed-like arguments:
#   skydas-viewshed.sh DEM X Y OBSERVER_H TARGET_H MAX_DIST CURVATURE OUT.tif
# Uses `./skydas viewshed` when the launcher exists, else the bench main class
# (org.skydas.bench.terrain.ViewshedMain) on $SKYDAS_CP, default bench/target/skydas-bench.jar:bench/target/lib/*
# (build it with ./build -q -pl bench -am package -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dem=$1 x=$2 y=$3 oz=$4 tz=$5 md=$6 cc=$7 out=$8
if [ -z "${SKYDAS_CP:-}" ] && [ -x "$root/skydas" ]; then
  exec "$root/skydas" viewshed --dem "$dem" --observer "$x,$y" --observer-height "$oz" --target-height "$tz" \
    --max-distance "$md" --curvature "$cc" --out "$out"
fi
. "$root/scripts/find-jdk.sh"
skydas_find_jdk
cp="${SKYDAS_CP:-$root/bench/target/skydas-bench.jar:$root/bench/target/lib/*}"
exec "$SKYDAS_JAVA_HOME/bin/java" ${SKYDAS_JAVA_OPTS:-} -cp "$cp" org.skydas.bench.terrain.ViewshedMain \
  "$dem" "$x" "$y" "$oz" "$tz" "$md" "$cc" "$out"
