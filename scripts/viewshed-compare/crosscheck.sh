#!/usr/bin/env bash
# Cell-by-cell cross-check of Skydas's viewshed against gdal_viewshed (GDAL 3.6, Debian gdal-bin).
#   crosscheck.sh [RESOLUTION_M] [OBSERVERS_PER_DEM] [SEED]      (defaults 90 20 1)
# DEMs: the three SRTM tiles of ../shared/data/geo/dem/crosscheck warped to their UTM zone with
# gdalwarp (bilinear) at RESOLUTION_M, and the Suwalki DEM as it is. For each DEM, OBSERVERS_PER_DEM
# seeded random observers on valid cells with random observer height (1.5-60 m), target height
# (0-120 m), max distance (unlimited or 5-40 km) and curvature (0, 0.85714 or 1).
# Prints one line per run (compare_rasters.py) and a summary; exit 1 if any run is below 99.5 %.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SKYDAS_SHARED_DATA:-$root/../shared}"
res=${1:-90}
per=${2:-20}
seed=${3:-1}
work=$(mktemp -d /tmp/viewshed-crosscheck.XXXXXX)
trap 'rm -rf "$work"' EXIT

dems=()
for spec in N52E008:32632 N55W003:32630 N50E011:32632; do
  tile=${spec%%:*} epsg=${spec##*:}
  gdalwarp -q -t_srs "EPSG:$epsg" -tr "$res" "$res" -r bilinear "$shared/data/geo/dem/crosscheck/$tile.hgt" "$work/$tile.tif"
  dems+=("$work/$tile.tif")
done
dems+=("$shared/data/geo/dem/region/suwalki_park_srtm90m_epsg2180.tif")

python3 - "$seed" "$per" "${dems[@]}" > "$work/runs.txt" <<'PY'
import json, random, subprocess, sys, os, tempfile
import numpy as np
seed, per, dems = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
rnd = random.Random(seed)
for dem in dems:
    info = json.loads(subprocess.run(["gdalinfo", "-json", dem], check=True, capture_output=True, text=True).stdout)
    w, h = info["size"]; gt = info["geoTransform"]; nd = info["bands"][0].get("noDataValue")
    with tempfile.TemporaryDirectory() as t:
        subprocess.run(["gdal_translate", "-q", "-of", "ENVI", "-ot", "Float64", dem, t + "/d.bin"], check=True)
        d = np.fromfile(t + "/d.bin", dtype=np.float64).reshape(h, w)
    n = 0
    while n < per:
        c, r = rnd.randrange(w), rnd.randrange(h)
        v = d[r, c]
        if np.isnan(v) or (nd is not None and v == nd):
            continue
        x = gt[0] + (c + rnd.random()) * gt[1]; y = gt[3] + (r + rnd.random()) * gt[5]
        oz = round(rnd.uniform(1.5, 60), 2); tz = rnd.choice([0, 1.8, 2.5, 50, 120])
        md = rnd.choice([0, 0, round(rnd.uniform(5000, 40000))]); cc = rnd.choice([0.85714, 0.85714, 0, 1])
        print(dem, repr(x), repr(y), oz, tz, md, cc)
        n += 1
PY

worst=100
count=0
while read -r dem x y oz tz md cc; do
  # </dev/null: the loop reads the runs on stdin, which a build started by ./skydas would otherwise consume
  gdal_viewshed -q -ox "$x" -oy "$y" -oz "$oz" -tz "$tz" -md "$md" -cc "$cc" "$dem" "$work/gdal.tif" </dev/null
  "$here/skydas-viewshed.sh" "$dem" "$x" "$y" "$oz" "$tz" "$md" "$cc" "$work/skydas.tif" </dev/null
  line=$(python3 "$here/compare_rasters.py" "$work/gdal.tif" "$work/skydas.tif" --dem "$dem" --json)
  pct=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["valid_equal_pct"])')
  all=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["equal_pct"])')
  echo "$(basename "$dem") x=$x y=$y oz=$oz tz=$tz md=$md cc=$cc: valid cells equal $pct %, all cells $all %"
  worst=$(python3 -c "print(min($worst, $pct))")
  count=$((count + 1))
done < "$work/runs.txt"
echo "runs: $count, worst agreement on valid DEM cells: $worst %"
python3 -c "import sys; sys.exit(0 if $worst >= 99.5 else 1)"
