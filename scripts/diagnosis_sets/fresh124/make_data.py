"""Writes the small data sets of the fresh124 programs (fixed seed).

    bin.npz    X (64, 6) float, y (64, 3) one-hot        binarised MLP
    lif.npz    X (64, 5, 8) 0/1 input spikes, y (64, 3)   LIF spiking network, 5 time steps
    qstep.npz  X (64, 5) float, y (64, 1) float           quantised / step-activation regression

Nothing random is drawn during training: every random quantity is here.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def one_hot(labels, k):
    out = np.zeros((labels.size, k))
    out[np.arange(labels.size), labels] = 1.0
    return out


def main():
    rng = np.random.default_rng(124)

    # binarised MLP: a linear teacher over 3 classes
    X = rng.normal(0.0, 1.0, (64, 6))
    T = rng.normal(0.0, 1.0, (6, 3))
    y = one_hot(np.argmax(X @ T, axis=1), 3)
    np.savez(os.path.join(HERE, "bin.npz"), X=X, y=y)

    # LIF network: Bernoulli input spike trains, class from the input rates
    X = (rng.random((64, 5, 8)) < 0.35).astype(np.float64)
    T = rng.normal(0.0, 1.0, (8, 3))
    y = one_hot(np.argmax(X.mean(axis=1) @ T, axis=1), 3)
    np.savez(os.path.join(HERE, "lif.npz"), X=X, y=y)

    # quantised / step regression
    X = rng.uniform(-1.0, 1.0, (64, 5))
    y = (np.sin(2.0 * X[:, :1]) + 0.5 * X[:, 1:2] * X[:, 2:3] - 0.3 * X[:, 3:4]).reshape(64, 1)
    np.savez(os.path.join(HERE, "qstep.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
