#!/usr/bin/env python3
"""Straightforward vectorised numpy version of the dmftlab theory forward march (SPEC section 4.4), for the
theory benchmark of docs/performance.md ("DMFT solver") only (not part of the product).

Case: logistic loss, sign teacher, identity covariance (one species), SGD with batch fraction b.
Same algorithm as the Java engine: 8 independent groups of N/8 paths, one causal pass each, sequential
Cholesky extension with per-path normals, per-path responses G on the first responsePaths/8 paths of each
group; estimate = mean over groups, error = sd / sqrt(groups).

usage: python3 bench/dmft_numpy.py STEPS PATHS RESPONSE_PATHS [SEED]
"""
import sys
import time

import numpy as np

ALPHA, RIDGE, ETA, BATCH, M0, C0 = 2.0, 0.1, 0.2, 0.5, 0.2, 1.0
GROUPS = 8
TOL = 1e-12


def logistic(y, r):
    """loss, first and second derivative of log(1 + exp(-y r))."""
    z = -y * r
    value = np.logaddexp(0.0, z)
    p = 0.5 * (1.0 + np.tanh(0.5 * z))  # sigmoid(-y r)
    return value, -y * p, y * y * p * (1.0 - p)


def march(steps, n, nr, rng):
    T = steps
    rho = 1.0
    # parameter side, w-coordinates, one species sigma = tau = 1: series 0 = mean, 1 = P, 2 + s = kick at s
    X = np.zeros((T + 1, 2 + T))
    X[0, 0], X[0, 1] = M0, 1.0
    C = np.zeros((T + 1, T + 1))
    R = np.zeros((T + 1, T + 1))
    mhat = np.zeros(T + 1)
    Cl = np.zeros((T, T))
    Gam = np.zeros((T, T))
    gstar = np.zeros(T)
    # data side
    L = np.zeros((T + 2, T + 2))
    L[0, 0] = np.sqrt(rho)
    Z = np.zeros((n, T + 2))
    Z[:, 0] = rng.standard_normal(n)
    h0 = L[0, 0] * Z[:, 0]
    flip = np.ones(n)
    y = flip * np.where(h0 >= 0, 1.0, -1.0)
    g = np.zeros((n, T))
    d = np.zeros((nr, T))
    G = np.zeros((nr, T, T))
    out = np.zeros((4, T + 1))  # m, q, train_loss, test_error
    for t in range(T + 1):
        # aggregates of row t
        K = X[: t + 1, 2: 2 + t]  # kick responses chi(t', s), s < t
        e, P = X[: t + 1, 0], X[: t + 1, 1]
        S = C0 * P[t] * P + (K[t] @ Cl[:t, :t]) @ K.T if t > 0 else C0 * P[t] * P
        C[t, : t + 1] = e[t] * e + S
        C[: t + 1, t] = C[t, : t + 1]
        mhat[t] = e[t]
        R[t, :t] = X[t, 2: 2 + t]
        out[0, t] = e[t]
        out[1, t] = C[t, t]
        # Cholesky row
        i = t + 1
        row = np.concatenate(([mhat[t]], C[t, :t]))
        for j in range(i):
            row[j] = 0.0 if L[j, j] == 0 else (row[j] - row[:j] @ L[j, :j]) / L[j, j]
        piv2 = C[t, t] - row @ row
        L[i, :i] = row
        L[i, i] = np.sqrt(piv2) if piv2 > TOL * C[t, t] else 0.0
        Z[:, i] = rng.standard_normal(n)
        omega = Z[:, : i + 1] @ L[i, : i + 1]
        r = omega - g[:, :t] @ R[t, :t]
        value, first, second = logistic(y, r)
        out[2, t] = value.mean()
        out[3, t] = np.arccos(np.clip(mhat[t] / np.sqrt(rho * C[t, t]), -1, 1)) / np.pi
        if t == T:
            break
        sel = np.where(rng.random(n) < BATCH, 1.0 / BATCH, 0.0)
        g[:, t] = sel * first
        d[:, t] = (sel * second)[:nr]
        # responses G(t, u) = delta - sum_s R(t,s) d_s G(s,u)
        G[:, t, t] = 1.0
        if t > 0:
            w = -(d[:, :t] * R[t, :t])  # (nr, t)
            G[:, t, :t] = np.einsum("ps,psu->pu", w, G[:, :t, :t])
        Gam[t, : t + 1] = ALPHA * (d[:, t, None] * G[:, t, : t + 1]).mean(axis=0)
        Cl[t, : t + 1] = ALPHA * (g[:, t, None] * g[:, : t + 1]).mean(axis=0)
        Cl[: t + 1, t] = Cl[t, : t + 1]
        mu = ALPHA * (h0 * g[:, t]).mean()
        gstar[t] = (mu - mhat[: t + 1] @ Gam[t, : t + 1]) / rho
        # advance the parameter side: H(t) = ridge x(t) + sum_v Gamma(t,v) x(v) (+ Gamma*(t) for the mean)
        H = RIDGE * X[t] + Gam[t, : t + 1] @ X[: t + 1]
        H[0] += gstar[t]
        X[t + 1] = X[t] - ETA * H
        X[t + 1, 2 + t] += ETA
    return out


def main():
    steps, paths, response = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    start = time.perf_counter()
    root = np.random.SeedSequence(seed)
    results = [march(steps, paths // GROUPS, response // GROUPS, np.random.default_rng(s))
               for s in root.spawn(GROUPS)]
    seconds = time.perf_counter() - start
    stack = np.array(results)
    mean, err = stack.mean(axis=0), stack.std(axis=0, ddof=1) / np.sqrt(GROUPS)
    print(f"numpy T={steps} N={paths} responsePaths={response}: {seconds:.2f} s")
    for k, name in enumerate(["m", "q", "train_loss", "test_error"]):
        print(f"  {name}(T) = {mean[k, -1]:.5f} +- {err[k, -1]:.5f}")


if __name__ == "__main__":
    main()
