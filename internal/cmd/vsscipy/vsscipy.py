"""Time scipy on one instance written by vsscipy (only the solve call is timed).

Usage: python3 vsscipy.py DIR NAME RUNS
Prints one JSON line: {"total": ..., "wall": best seconds, "cpu": best CPU seconds}.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def main():
    d, name, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(f"{d}/{name}.json") as f:
        meta = json.load(f)
    rows, cols = meta["rows"], meta["cols"]
    best_wall = best_cpu = float("inf")
    total = None
    if meta["kind"] == "dense":
        c = np.fromfile(f"{d}/{name}.f64", dtype="<f8").reshape(rows, cols)
        c = np.ascontiguousarray(c)
        for _ in range(runs):
            w0, c0 = time.perf_counter(), time.process_time()
            r, k = linear_sum_assignment(c)
            w1, c1 = time.perf_counter(), time.process_time()
            best_wall, best_cpu = min(best_wall, w1 - w0), min(best_cpu, c1 - c0)
        total = float(c[r, k].sum())
    else:
        row = np.fromfile(f"{d}/{name}.row", dtype="<i4")
        col = np.fromfile(f"{d}/{name}.col", dtype="<i4")
        data = np.fromfile(f"{d}/{name}.f64", dtype="<f8")
        m = csr_matrix((data, (row, col)), shape=(rows, cols))
        for _ in range(runs):
            w0, c0 = time.perf_counter(), time.process_time()
            r, k = min_weight_full_bipartite_matching(m)
            w1, c1 = time.perf_counter(), time.process_time()
            best_wall, best_cpu = min(best_wall, w1 - w0), min(best_cpu, c1 - c0)
        total = float(np.asarray(m[r, k]).sum())
    print(json.dumps({"total": total, "wall": best_wall, "cpu": best_cpu}))


main()
