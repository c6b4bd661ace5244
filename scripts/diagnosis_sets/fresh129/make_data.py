"""Write the small seeded data sets of this folder's programs, next to this file.

    ordinal.npz     X float64 (96, 6), y int64 (96,) an ordered grade 0..4 cut from a noisy
                    latent score at its quintiles (proportional-odds ordinal regression)
    multilabel.npz  X float64 (96, 8), y float64 (96, 5) five 0/1 labels per row, some rare
                    (multi-label classification, per-label binary cross-entropy)
    hier.npz        X float64 (96, 6), y int64 (96,) one of 12 leaf classes, 3 groups of 4
                    (two-level hierarchical softmax: group = y // 4, leaf in group = y % 4)

Nothing in the programs is random during training; only the data here is.

    python3 scripts/diagnosis_sets/fresh129/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 96


def ordinal_data(rng, features=6, classes=5):
    X = rng.standard_normal((ROWS, features))
    beta = np.array([1.2, -0.8, 0.5, 0.0, 0.9, -0.4])
    latent = X @ beta + 0.3 * np.sin(2.0 * X[:, 0]) + 0.4 * rng.standard_normal(ROWS)
    cuts = np.quantile(latent, np.linspace(0, 1, classes + 1)[1:-1])
    y = np.digitize(latent, cuts).astype(np.int64)
    return X, y


def multilabel_data(rng, features=8, labels=5):
    X = rng.standard_normal((ROWS, features))
    B = rng.standard_normal((features, labels))
    bias = np.array([-1.5, 0.0, 0.8, -0.5, -2.0])     # some labels rare, one common
    p = 1 / (1 + np.exp(-(X @ B * 0.8 + bias)))
    y = (rng.random((ROWS, labels)) < p).astype(np.float64)
    return X, y


def hier_data(rng, features=6, groups=3, per_group=4):
    X = rng.standard_normal((ROWS, features))
    Bg = rng.standard_normal((features, groups)) * 1.5
    Bc = rng.standard_normal((groups, features, per_group))
    g = np.argmax(X @ Bg + 0.5 * rng.standard_normal((ROWS, groups)), axis=1)
    zc = np.einsum("nf,nfc->nc", X, Bc[g]) + 0.5 * rng.standard_normal((ROWS, per_group))
    c = np.argmax(zc, axis=1)
    y = (g * per_group + c).astype(np.int64)
    return X, y


def main():
    rng = np.random.default_rng(129)
    for name, make in (("ordinal", ordinal_data), ("multilabel", multilabel_data), ("hier", hier_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
