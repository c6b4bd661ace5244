"""Data for the fresh229 set: two .npz files with X, y and the per-step masks.

a.npz: a 3-class classifier's data (32 rows, 6 features), with
    dc_mask   (20, 6, 8)  uint8  DropConnect mask on W1 for each of 20 steps (keep prob 0.75)
    drop_mask (20, 32, 8) uint8  inverted-dropout mask on the hidden layer (keep prob 0.8)
b.npz: a regressor's data (40 rows, 4 features, one target), with
    drop_mask (20, 40, 6) uint8  inverted-dropout mask on the stem activation (keep prob 0.75)
    survive   (20, 2)     uint8  stochastic-depth survival draw of each residual block
                                 (survival probs 0.8, 0.6)
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = 20


def main():
    rng = np.random.default_rng(229)
    # --- a: classifier
    N, D, H, C = 32, 6, 8, 3
    X = rng.normal(size=(N, D))
    Wt = rng.normal(size=(D, C))
    y = np.argmax(X @ Wt + 0.3 * rng.normal(size=(N, C)), axis=1).astype(np.int64)
    dc = (rng.random((STEPS, D, H)) < 0.75).astype(np.uint8)
    dr = (rng.random((STEPS, N, H)) < 0.8).astype(np.uint8)
    np.savez(os.path.join(HERE, "a.npz"), X=X, y=y, dc_mask=dc, drop_mask=dr)
    # --- b: regressor
    N, D, H = 40, 4, 6
    X = rng.normal(size=(N, D))
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] - 0.3 * X[:, 3] + 0.1 * rng.normal(size=N)
    dr = (rng.random((STEPS, N, H)) < 0.75).astype(np.uint8)
    sv = np.stack([rng.random(STEPS) < 0.8, rng.random(STEPS) < 0.6], axis=1).astype(np.uint8)
    # every block both kept and dropped within the first steps
    sv[0] = [1, 1]
    sv[1] = [0, 1]
    sv[2] = [1, 0]
    np.savez(os.path.join(HERE, "b.npz"), X=X, y=y, drop_mask=dr, survive=sv)


if __name__ == "__main__":
    main()
