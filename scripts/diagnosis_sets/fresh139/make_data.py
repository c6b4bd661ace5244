"""Data and fixed mixing plans for the fresh139 set (mixup / cutmix).

Every random quantity the programs use while training (the permutation of
each step, its mixing coefficients lambda, the cutmix box) is drawn here once,
with a fixed seed, and stored, so that a NumPy program and its port mix the
same rows in the same proportions at every step.

    mixup_mlp.npz        X (64, 10) float32, y (64,) int64 in 0..3
    mixup_mlp_plan.npz   perm (20, 64) int64, lam (20,) float64 ~ Beta(0.4, 0.4)
    cutmix_cnn.npz       X (48, 1, 8, 8) float32, y (48,) int64 in 0..2
    cutmix_cnn_plan.npz  perm (20, 48) int64, box (20, 4) int64 rows r0:r1, cols c0:c1
    mixloss_mlp.npz      X (64, 8) float32, y (64,) int64 in 0..2
    mixloss_mlp_plan.npz perm (20, 64) int64, lam (20, 64) float64 ~ Beta(0.4, 0.4), one per row
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = 20


def clusters(rng, n, d, k, spread=0.8):
    centers = rng.standard_normal((k, d)) * 1.5
    y = np.arange(n) % k
    rng.shuffle(y)
    X = centers[y] + spread * rng.standard_normal((n, d))
    return X.astype(np.float32), y.astype(np.int64)


def images(rng, n, size=8):
    y = (np.arange(n) % 3).astype(np.int64)
    rng.shuffle(y)
    X = 0.3 * rng.standard_normal((n, 1, size, size))
    for i, c in enumerate(y):
        r = rng.integers(1, size - 1)
        if c == 0:      # a horizontal bar
            X[i, 0, r, :] += 1.5
        elif c == 1:    # a vertical bar
            X[i, 0, :, r] += 1.5
        else:           # a diagonal
            X[i, 0, np.arange(size), np.arange(size)] += 1.5
    return X.astype(np.float32), y


def cutmix_box(rng, size=8):
    """The box of CutMix (Yun et al. 2019): side ratio sqrt(1 - lam0), centre uniform, clipped."""
    while True:
        lam0 = rng.beta(1.0, 1.0)
        cut = np.sqrt(1.0 - lam0)
        h = int(size * cut)
        w = int(size * rng.uniform(0.5, 1.0) * cut) + 1
        cy, cx = rng.integers(size), rng.integers(size)
        r0, r1 = np.clip(cy - h // 2, 0, size), np.clip(cy + h // 2 + 1, 0, size)
        c0, c1 = np.clip(cx - w // 2, 0, size), np.clip(cx + w // 2, 0, size)
        # keep boxes that are not empty and not square, so rows and columns differ
        if r1 > r0 and c1 > c0 and (r1 - r0) != (c1 - c0):
            return [int(r0), int(r1), int(c0), int(c1)]


def main():
    rng = np.random.default_rng(139)

    X, y = clusters(rng, 64, 10, 4)
    np.savez(os.path.join(HERE, "mixup_mlp.npz"), X=X, y=y)
    np.savez(os.path.join(HERE, "mixup_mlp_plan.npz"),
             perm=np.stack([rng.permutation(64) for _ in range(STEPS)]).astype(np.int64),
             lam=rng.beta(0.4, 0.4, STEPS).clip(0.05, 0.95))

    X, y = images(rng, 48)
    np.savez(os.path.join(HERE, "cutmix_cnn.npz"), X=X, y=y)
    np.savez(os.path.join(HERE, "cutmix_cnn_plan.npz"),
             perm=np.stack([rng.permutation(48) for _ in range(STEPS)]).astype(np.int64),
             box=np.array([cutmix_box(rng) for _ in range(STEPS)], dtype=np.int64))

    X, y = clusters(rng, 64, 8, 3)
    np.savez(os.path.join(HERE, "mixloss_mlp.npz"), X=X, y=y)
    np.savez(os.path.join(HERE, "mixloss_mlp_plan.npz"),
             perm=np.stack([rng.permutation(64) for _ in range(STEPS)]).astype(np.int64),
             lam=rng.beta(0.4, 0.4, (STEPS, 64)))


if __name__ == "__main__":
    main()
