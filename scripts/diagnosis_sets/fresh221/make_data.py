"""Write the small seeded data sets of the fresh221 programs, next to this file.

    bt.npz   X float32 (32, 2, 10): two augmented views of 32 samples, X[:, 0] and X[:, 1]
             (random per-feature gain, additive noise, random feature dropout of a shared
             low-rank signal); y float32 (32,) zeros (unused)          -- Barlow Twins
    vic.npz  X float32 (48, 16): the two views side by side, X[:, :8] and X[:, 8:]
             (jitter, scaling and a shift of a shared clustered signal); y float32 (48,)
             zeros (unused)                                           -- VICReg

    python3 scripts/diagnosis_sets/fresh221/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def augment(rng, x, noise, drop):
    gain = 1.0 + 0.2 * rng.standard_normal(x.shape[1])
    keep = rng.random(x.shape) > drop
    return (x * gain + noise * rng.standard_normal(x.shape)) * keep


def bt_data(rng, n=32, d=10, rank=4):
    latent = rng.standard_normal((n, rank))
    mix = rng.standard_normal((rank, d)) / np.sqrt(rank)
    base = latent @ mix + 0.3
    va = augment(rng, base, 0.3, 0.1)
    vb = augment(rng, base, 0.3, 0.1)
    X = np.stack([va, vb], axis=1).astype(np.float32)
    return X, np.zeros(n, dtype=np.float32)


def vic_data(rng, n=48, d=8, clusters=4):
    centres = 1.5 * rng.standard_normal((clusters, d))
    base = centres[rng.integers(0, clusters, n)] + 0.5 * rng.standard_normal((n, d))
    va = base * (1.0 + 0.1 * rng.standard_normal((n, 1))) + 0.2 * rng.standard_normal((n, d))
    vb = base + 0.3 * rng.standard_normal((n, d)) + 0.1 * rng.standard_normal((1, d))
    X = np.concatenate([va, vb], axis=1).astype(np.float32)
    return X, np.zeros(n, dtype=np.float32)


def main():
    rng = np.random.default_rng(221)
    for name, make in (("bt", bt_data), ("vic", vic_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
