"""Write the seeded toy "identity" data sets of the margin-head programs, next to this file.

Each class is an identity: a random unit direction in feature space; a sample is its
identity's direction times a random norm (0.5 .. 2, norms matter nothing to a normalised
head but do to the embedding network) plus isotropic noise.

    arc.npz     X float64 (48, 12), y int64 (48,) in 0..4   (ArcFace)
    cos.npz     X float64 (32, 10), y int64 (32,) in 0..3   (CosFace)
    sphere.npz  X float64 (40, 8),  y int64 (40,) in 0..5   (SphereFace)

    python3 scripts/diagnosis_sets/fresh216/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def identities(rng, n, d, k, noise=0.35):
    centres = rng.standard_normal((k, d))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    y = np.concatenate([np.arange(k), rng.integers(0, k, n - k)]).astype(np.int64)
    rng.shuffle(y)
    norms = rng.uniform(0.5, 2.0, size=(n, 1))
    X = centres[y] * norms + noise * rng.standard_normal((n, d))
    return X.astype(np.float64), y


def main():
    rng = np.random.default_rng(216)
    for name, (n, d, k) in {"arc": (48, 12, 5), "cos": (32, 10, 4), "sphere": (40, 8, 6)}.items():
        X, y = identities(rng, n, d, k)
        np.savez(os.path.join(HERE, name + ".npz"), X=X, y=y)
        print(f"{name}.npz  X {X.shape}  y {y.shape}  classes {np.bincount(y)}")


if __name__ == "__main__":
    main()
