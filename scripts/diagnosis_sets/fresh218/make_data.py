"""Write the small seeded data sets of the fresh218 programs, next to this file.

Each batch is two batches stacked on the first axis: the first half is the labelled
(source / content) batch, the second half the batch whose feature statistics the penalty
matches (target domain / style reference). The labels of the second half are stored but
never used by a correct program.

    mmd.npz     X float32 (48, 6): 24 source rows, then 24 target rows (shifted, rescaled and
                rotated domain); y int64 (48,) in {0, 1, 2}          -- MMD (RBF kernel) net
    gram.npz    X float32 (32, 8, 3): 32 short sequences of 8 steps x 3 channels; the first 16
                a content batch, the last 16 a style batch with another texture;
                y float32 (32, 2) regression targets                   -- Gram-matrix style net
    moment.npz  X float32 (40, 5): 20 source rows, then 20 target rows; y float32 (40, 1)
                in {0, 1}                                              -- mean/variance matching net

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh218/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def mmd_data(rng, n=24, d=6, k=3):
    centers = 1.5 * rng.standard_normal((k, d))
    ys = np.arange(n) % k
    rng.shuffle(ys)
    Xs = centers[ys] + 0.6 * rng.standard_normal((n, d))
    yt = np.arange(n) % k
    rng.shuffle(yt)
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    R = 0.8 * np.eye(d) + 0.2 * Q
    Xt = (centers[yt] + 0.6 * rng.standard_normal((n, d))) @ R * 1.3 + 0.7
    X = np.concatenate([Xs, Xt]).astype(np.float32)
    y = np.concatenate([ys, yt]).astype(np.int64)
    return X, y


def gram_data(rng, n=16, T=8, C=3):
    t = np.arange(T)
    # content: smooth sinusoids with random phase per channel; style: alternating, rougher
    phase = rng.uniform(0, 2 * np.pi, size=(n, 1, C))
    freq = rng.uniform(0.3, 0.8, size=(n, 1, C))
    Xc = np.sin(freq * t[None, :, None] + phase) + 0.2 * rng.standard_normal((n, T, C))
    mix = rng.standard_normal((C, C)) * 0.5 + np.eye(C)
    Xs = (np.where(t % 2 == 0, 1.0, -1.0)[None, :, None] * rng.uniform(0.5, 1.5, (n, 1, C))
          + 0.4 * rng.standard_normal((n, T, C))) @ mix
    X = np.concatenate([Xc, Xs]).astype(np.float32)
    w = rng.standard_normal((C, 2))
    y = np.concatenate([Xc.mean(axis=1) @ w + 0.1 * rng.standard_normal((n, 2)),
                        Xs.mean(axis=1) @ w]).astype(np.float32)
    return X, y


def moment_data(rng, n=20, d=5):
    w = rng.standard_normal(d)
    Xs = rng.standard_normal((n, d))
    ys = (Xs @ w + 0.3 * rng.standard_normal(n) > 0).astype(np.float64)
    Xt = 1.6 * rng.standard_normal((n, d)) + np.linspace(-0.5, 1.0, d)
    yt = (Xt @ w > 0).astype(np.float64)
    X = np.concatenate([Xs, Xt]).astype(np.float32)
    y = np.concatenate([ys, yt])[:, None].astype(np.float32)
    return X, y


def main():
    rng = np.random.default_rng(218)
    X, y = mmd_data(rng)
    np.savez(os.path.join(HERE, "mmd.npz"), X=X, y=y)
    X, y = gram_data(rng)
    np.savez(os.path.join(HERE, "gram.npz"), X=X, y=y)
    X, y = moment_data(rng)
    np.savez(os.path.join(HERE, "moment.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
