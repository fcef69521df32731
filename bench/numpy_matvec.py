#!/usr/bin/env python3
"""Baseline for one simulation step: numpy's X @ w plus X.T @ g at n = 4000, d = 2000 (float64).

This is the minimal work of one full-batch gradient step on square loss (r = X w, then the data gradient
X^T g), done by numpy's BLAS. Prints the mean, median and best of several repeats, in milliseconds.
Set OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) to fix the BLAS thread count. See docs/performance.md.
"""
import timeit

import numpy as np

N, D = 4000, 2000
REPEATS, NUMBER = 30, 10

rng = np.random.default_rng(1)
X = rng.standard_normal((N, D)) / np.sqrt(D)
w = rng.standard_normal(D)
y = X @ w + 0.1 * rng.standard_normal(N)


def step():
    r = X @ w
    g = r - y  # square loss: l'(y, r) = r - y
    return X.T @ g


times = np.array(timeit.repeat(step, repeat=REPEATS, number=NUMBER)) / NUMBER * 1e3
config = np.show_config(mode="dicts") if np.lib.NumpyVersion(np.__version__) >= "1.25.0" else {}
blas = config.get("Build Dependencies", {}).get("blas", {}).get("name", "unknown") if config else "unknown"
print(f"numpy {np.__version__} (BLAS: {blas}), n={N}, d={D}: X@w + X.T@g "
      f"mean {times.mean():.3f} ms, median {np.median(times):.3f} ms, best {times.min():.3f} ms "
      f"(each the average of {NUMBER} calls, {REPEATS} repeats)")
