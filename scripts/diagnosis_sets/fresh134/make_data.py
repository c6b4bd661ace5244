"""Data for the fresh134 set: FGSM adversarial training and gradient-penalty (double backprop) nets.

    fgsm.npz     X (64, 6) float32 in [0, 1] (pixel-like intensities), y (64,) int64 in {0, 1, 2}
    gp_reg.npz   X (48, 4) float32 standard normal, y (48, 1) float32 regression target
    gp_cls.npz   X (48, 5) float32 standard normal, y (48, 1) float32 in {0, 1}

Nothing random is drawn during training: the attack is deterministic (the
sign of the input gradient) and the penalty uses the whole batch.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(134)

    # three classes from a random linear teacher on intensities in [0, 1]
    X = rng.uniform(0.0, 1.0, size=(64, 6))
    T = rng.standard_normal((6, 3))
    logits = (X - 0.5) @ T + 0.3 * rng.standard_normal((64, 3))
    y = logits.argmax(axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "fgsm.npz"), X=X.astype(np.float32), y=y)

    # smooth regression target
    X = rng.standard_normal((48, 4))
    y = np.sin(X[:, :1]) + 0.5 * X[:, 1:2] * X[:, 2:3] - 0.3 * X[:, 3:4] + 0.1 * rng.standard_normal((48, 1))
    np.savez(os.path.join(HERE, "gp_reg.npz"), X=X.astype(np.float32), y=y.astype(np.float32))

    # binary labels from a noisy quadratic boundary
    X = rng.standard_normal((48, 5))
    score = X[:, 0] - 0.7 * X[:, 1] + 0.5 * X[:, 2] * X[:, 3] + 0.3 * rng.standard_normal(48)
    y = (score > 0).astype(np.float32)[:, None]
    np.savez(os.path.join(HERE, "gp_cls.npz"), X=X.astype(np.float32), y=y)


if __name__ == "__main__":
    main()
