#!/usr/bin/env python3
"""The finite-size simulation of bench/simulation-vs-numpy.yaml written plainly in numpy, end to end.

Same algorithm as `./dmftlab run bench/simulation-vs-numpy.yaml --engine simulation` (SPEC §1-3, square loss,
linear teacher, full-batch gradient descent with ridge): draw X (n x d, entries N(0, 1/d)) with numpy's default
generator, the teacher w* (random signs, |w*|^2 = d), labels y = X w* (+ noise), the initial point
w0 = m0 w* + w_perp; then per step r = X @ w, g = r - y, w <- w - eta (lambda w + X.T @ g), with m, q, the
training loss and the test error recorded at every iterate. Prints the seconds from the first random draw to the
last observable (the counterpart of the engine's "wall-seconds" in dmftlab's run.json) and the final observables.

    python3 bench/simulation_numpy.py --steps 100
    python3 bench/simulation_numpy.py --steps 1000 --dtype float32   # X stored in float32 (BLAS sums in float32)

OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) fixes the BLAS thread count; by default OpenBLAS uses every core.
See docs/performance.md, "Simulation end to end".
"""
import argparse
import time

import numpy as np


def simulate(steps, d, alpha, ridge, lr, noise, overlap, variance, seed, dtype):
    n = round(alpha * d)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d), dtype=dtype)
    x *= dtype(1 / np.sqrt(d))
    teacher = np.where(rng.random(d) < 0.5, -1.0, 1.0)
    y = x @ teacher.astype(dtype) + np.sqrt(noise) * rng.standard_normal(n)
    perp = rng.standard_normal(d)
    perp -= (perp @ teacher) / (teacher @ teacher) * teacher
    perp *= np.sqrt(variance * d / (perp @ perp))
    w = overlap * teacher + perp
    rho = teacher @ teacher / d
    rows = []
    for t in range(steps + 1):
        r = x @ w.astype(dtype)
        residual = r - y
        m = w @ teacher / d
        q = w @ w / d
        rows.append((t, m, q, 0.5 * residual @ residual / n, rho - 2 * m + q + noise))
        if t < steps:
            w = w - lr * (ridge * w + x.T @ residual.astype(dtype))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--dimension", type=int, default=2000)
    parser.add_argument("--alpha", type=float, default=2.0)
    parser.add_argument("--ridge", type=float, default=0.1)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--noise", type=float, default=0.0)
    parser.add_argument("--overlap", type=float, default=0.0)
    parser.add_argument("--variance", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = simulate(args.steps, args.dimension, args.alpha, args.ridge, args.learning_rate, args.noise,
                    args.overlap, args.variance, args.seed, np.dtype(args.dtype).type)
    seconds = time.perf_counter() - start
    t, m, q, train, test = rows[-1]
    print(f"numpy {np.__version__} {args.dtype}: d={args.dimension}, {args.steps} steps in {seconds:.3f} s;"
          f" m({t})={m:.5f} q={q:.5f} train_loss={train:.5f} test_error={test:.5f}")


if __name__ == "__main__":
    main()
