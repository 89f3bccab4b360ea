#!/usr/bin/env python3
"""Cell-by-cell comparison of two single-band rasters on the same grid (or of a window of one).

Usage: compare_rasters.py REFERENCE.tif CANDIDATE.tif [--dem DEM.tif] [--json]

Both rasters are converted to raw Byte with gdal_translate (so the comparison does not depend on
Skydas's own GeoTIFF reader), aligned by their geotransforms (gdal_viewshed crops its output to
the max-distance window, and so does Skydas since issue 16; a candidate on the whole DEM grid must be 0
outside), and compared.
With --dem the cells where the DEM is void (nodata or NaN) are reported separately: GDAL does not
treat them specially, Skydas never marks them visible.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def info(path):
    out = subprocess.run(["gdalinfo", "-json", path], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def raw(path, ot, tmp):
    dst = os.path.join(tmp, os.path.basename(path) + "." + ot + ".bin")
    subprocess.run(["gdal_translate", "-q", "-of", "ENVI", "-ot", ot, path, dst], check=True)
    i = info(path)
    w, h = i["size"]
    dtype = {"Byte": np.uint8, "Float64": np.float64}[ot]
    a = np.fromfile(dst, dtype=dtype).reshape(h, w)
    band = i["bands"][0]
    return a, i["geoTransform"], band.get("noDataValue")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    as_json = "--json" in argv
    dem = None
    if "--dem" in argv:
        dem = argv[argv.index("--dem") + 1]
        args.remove(dem)
    ref_path, cand_path = args[0], args[1]
    with tempfile.TemporaryDirectory() as tmp:
        ref, ref_gt, _ = raw(ref_path, "Byte", tmp)
        cand, cand_gt, _ = raw(cand_path, "Byte", tmp)
        # offset of the reference window in the candidate grid
        c0 = int(round((ref_gt[0] - cand_gt[0]) / cand_gt[1]))
        r0 = int(round((ref_gt[3] - cand_gt[3]) / cand_gt[5]))
        h, w = ref.shape
        window = cand[r0:r0 + h, c0:c0 + w]
        outside = np.concatenate([cand[:r0].ravel(), cand[r0 + h:].ravel(),
                                  cand[r0:r0 + h, :c0].ravel(), cand[r0:r0 + h, c0 + w:].ravel()])
        valid = np.ones(ref.shape, dtype=bool)
        if dem is not None:
            d, dem_gt, nd = raw(dem, "Float64", tmp)
            dc0 = int(round((ref_gt[0] - dem_gt[0]) / dem_gt[1]))
            dr0 = int(round((ref_gt[3] - dem_gt[3]) / dem_gt[5]))
            d = d[dr0:dr0 + h, dc0:dc0 + w]
            valid = ~np.isnan(d)
            if nd is not None and not (isinstance(nd, float) and np.isnan(nd)):
                valid &= d != nd
        ref_vis = ref == 255
        cand_vis = window == 255
        equal = ref_vis == cand_vis
        result = {
            "reference": ref_path, "candidate": cand_path,
            "cells": int(ref.size), "equal": int(equal.sum()),
            "equal_pct": 100.0 * equal.sum() / ref.size,
            "valid_cells": int(valid.sum()), "valid_equal": int(equal[valid].sum()),
            "valid_equal_pct": 100.0 * equal[valid].sum() / max(1, valid.sum()),
            "only_reference_visible": int((ref_vis & ~cand_vis & valid).sum()),
            "only_candidate_visible": int((~ref_vis & cand_vis & valid).sum()),
            "reference_visible": int(ref_vis.sum()), "candidate_visible": int(cand_vis.sum()),
            "void_cells": int((~valid).sum()),
            "void_cells_reference_visible": int((ref_vis & ~valid).sum()),
            "candidate_visible_outside_reference_window": int((outside == 255).sum()),
        }
        if as_json:
            print(json.dumps(result))
        else:
            print("%(reference)s vs %(candidate)s: %(equal)d / %(cells)d equal (%(equal_pct).4f %%); "
                  "valid DEM cells %(valid_equal)d / %(valid_cells)d (%(valid_equal_pct).4f %%); "
                  "only reference visible %(only_reference_visible)d, only candidate visible "
                  "%(only_candidate_visible)d, void cells %(void_cells)d "
                  "(%(void_cells_reference_visible)d visible in reference)" % result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
