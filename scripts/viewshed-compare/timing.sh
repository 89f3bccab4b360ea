#!/usr/bin/env bash
# Whole-process wall time of Skydas's viewshed vs gdal_viewshed, interleaved, median of N runs.
#   timing.sh [RUNS] [RESOLUTION_M] [MAX_DIST_M] [TILE]     (defaults 7 10 0 N52E008)
# DEM: a shared SRTM cross-check tile (N52E008, N55W003, N50E011) warped to its UTM zone at RESOLUTION_M
# (N52E008 at 10 m: 6 872 x 11 180 cells, Int16 as gdalwarp writes it). Observer at the DEM's centre, 10 m,
# target 2 m, curvature 0.85714, no range limit unless MAX_DIST_M > 0 (then both write only the window).
# Skydas runs through skydas-viewshed.sh (./skydas viewshed if present, else the bench main class
# on $SKYDAS_CP), after one untimed warm-up run of each. Reports the machine load too: on a shared machine the
# numbers move a lot.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SKYDAS_SHARED_DATA:-$root/../shared}"
runs=${1:-7}
res=${2:-10}
md=${3:-0}
tile=${4:-N52E008}
case "$tile" in
  N52E008|N50E011) epsg=32632 ;;
  N55W003) epsg=32630 ;;
  *) echo "unknown tile $tile (N52E008, N55W003, N50E011)" >&2; exit 2 ;;
esac
work=$(mktemp -d /tmp/viewshed-timing.XXXXXX)
trap 'rm -rf "$work"' EXIT
gdalwarp -q -t_srs EPSG:$epsg -tr "$res" "$res" -r bilinear "$shared/data/geo/dem/crosscheck/$tile.hgt" "$work/dem.tif"
gdalinfo "$work/dem.tif" | grep -E '^Size is' | sed "s/^/DEM $tile: /"
read -r x y < <(gdalinfo -json "$work/dem.tif" | python3 -c 'import json,sys; c=json.load(sys.stdin)["cornerCoordinates"]["center"]; print(round(c[0]), round(c[1]))')
echo "observer $x,$y; max distance $md m"
gmd=(); [ "$md" != 0 ] && gmd=(-md "$md")
# one untimed run of each first: the DEM into the page cache for both, and for Skydas a build if the sources
# changed and the class cache that the first run after a build records (./skydas, see there)
gdal_viewshed -q -ox $x -oy $y -oz 10 -tz 2 "${gmd[@]}" -cc 0.85714 "$work/dem.tif" "$work/g.tif"
"$here/skydas-viewshed.sh" "$work/dem.tif" $x $y 10 2 "$md" 0.85714 "$work/s.tif" 2>/dev/null
echo "load before the runs: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
g=() s=()
for i in $(seq 1 "$runs"); do
  t=$( { /usr/bin/time -f %e gdal_viewshed -q -ox $x -oy $y -oz 10 -tz 2 "${gmd[@]}" -cc 0.85714 "$work/dem.tif" "$work/g.tif" ; } 2>&1 | tail -1)
  g+=("$t")
  t=$( { /usr/bin/time -f %e "$here/skydas-viewshed.sh" "$work/dem.tif" $x $y 10 2 "$md" 0.85714 "$work/s.tif" ; } 2>&1 | tail -1)
  s+=("$t")
  echo "run $i: gdal_viewshed ${g[-1]} s, skydas ${s[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median gdal_viewshed $(median "${g[@]}") s, skydas $(median "${s[@]}") s over $runs interleaved runs"
python3 "$here/compare_rasters.py" "$work/g.tif" "$work/s.tif" --dem "$work/dem.tif"
