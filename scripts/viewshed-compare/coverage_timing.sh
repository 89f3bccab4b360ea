#!/usr/bin/env bash
# 100 sensors' combined coverage in one Skydas process (THREADS worker threads) vs 100 sequential
# gdal_viewshed runs on the same sensors (positions, masts, range), whole wall time of each side.
#   coverage_timing.sh [SENSORS] [RANGE_M] [THREADS] [RESOLUTION_M]   (defaults 100 10000 2 30)
# Skydas runs org.skydas.bench.terrain.CoverageMain on $SKYDAS_CP (default: the bench jar + lib).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SKYDAS_SHARED_DATA:-$root/../shared}"
n=${1:-100} range=${2:-10000} threads=${3:-2} res=${4:-30}
work=$(mktemp -d /tmp/coverage-timing.XXXXXX)
trap 'rm -rf "$work"' EXIT
gdalwarp -q -t_srs EPSG:32632 -tr "$res" "$res" -r bilinear "$shared/data/geo/dem/crosscheck/N52E008.hgt" "$work/dem.tif"
gdalinfo "$work/dem.tif" | grep -E '^Size is' | sed 's/^/DEM: /'
. "$root/scripts/find-jdk.sh"; skydas_find_jdk
cp="${SKYDAS_CP:-$root/bench/target/skydas-bench.jar:$root/bench/target/lib/*}"
start=$(date +%s.%N)
"$SKYDAS_JAVA_HOME/bin/java" -cp "$cp" org.skydas.bench.terrain.CoverageMain "$work/dem.tif" "$n" "$range" "$threads" 7 "$work/sensors.txt"
mid=$(date +%s.%N)
i=0
while read -r x y mast r; do
  gdal_viewshed -q -ox "$x" -oy "$y" -oz "$mast" -tz 1.8 -md "$r" -cc 0.85714 "$work/dem.tif" "$work/g$((i % 2)).tif"
  i=$((i + 1))
done < "$work/sensors.txt"
end=$(date +%s.%N)
python3 -c "s=$mid-$start; g=$end-$mid; print(f'skydas {s:.2f} s ($n sensors, $threads threads, whole process) vs {g:.2f} s for $n sequential gdal_viewshed runs: {g/s:.2f}x (load $(cut -d' ' -f1 /proc/loadavg))')"
