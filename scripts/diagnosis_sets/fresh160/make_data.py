"""Write the data files of fresh160 (fixed seed)."""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(160)

    # focal.npz: 3-class problem, 6 features, 32 rows
    X = rng.standard_normal((32, 6))
    W = rng.standard_normal((6, 3))
    y = np.argmax(X @ W + 0.5 * rng.standard_normal((32, 3)), axis=1)
    np.savez(os.path.join(HERE, "focal.npz"), X=X, y=y.astype(np.int64))

    # smooth.npz: 4-class problem, 8 features, 16 rows
    X = rng.standard_normal((16, 8))
    W = rng.standard_normal((8, 4))
    y = np.argmax(np.tanh(X @ W) + 0.3 * rng.standard_normal((16, 4)), axis=1)
    np.savez(os.path.join(HERE, "smooth.npz"), X=X, y=y.astype(np.int64))

    # huber.npz: regression, 5 features -> 2 targets with a few outliers, 24 rows
    X = rng.standard_normal((24, 5))
    A = rng.standard_normal((5, 2))
    y = np.sin(X @ A) + 0.1 * rng.standard_normal((24, 2))
    y[::7] += 3.0 * rng.standard_normal((4, 2))
    np.savez(os.path.join(HERE, "huber.npz"), X=X, y=y)

    # kl.npz: soft targets over 4 classes (rows sum to one, all positive), 10 features, 24 rows
    X = rng.standard_normal((24, 10))
    B = rng.standard_normal((10, 4))
    logits = X @ B / 2.0
    t = np.exp(logits - logits.max(axis=1, keepdims=True))
    t /= t.sum(axis=1, keepdims=True)
    np.savez(os.path.join(HERE, "kl.npz"), X=X, y=t)


if __name__ == "__main__":
    main()
