"""Data for the fresh187 set: binary patterns for two RBMs, and the uniform noise every Gibbs
sample draws, fixed in advance so that both programs sample the same units.

    rbm.npz  X (32, 16) binary, 3 prototypes with 10% of the bits flipped
             y (32, 26) uniform in [0, 1): columns 0..9 the hidden sample of the positive phase
             (n_hidden = 10), columns 10..25 the visible sample of the reconstruction (n_visible = 16)
    cdk.npz  X (48, 20) binary, 4 prototypes with 8% of the bits flipped
             y (48, 64) uniform in [0, 1): for Gibbs step t = 0, 1 (k = 2), columns
             t*32 .. t*32+11 the hidden sample (n_hidden = 12), t*32+12 .. t*32+31 the visible sample
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def patterns(rng, n, n_visible, n_protos, flip):
    protos = (rng.random((n_protos, n_visible)) < 0.5).astype(np.float64)
    which = rng.integers(0, n_protos, size=n)
    X = protos[which]
    mask = rng.random(X.shape) < flip
    return np.where(mask, 1.0 - X, X)


def main():
    rng = np.random.default_rng(187)
    X = patterns(rng, 32, 16, 3, 0.10)
    y = rng.random((32, 10 + 16))
    np.savez(os.path.join(HERE, "rbm.npz"), X=X, y=y)

    X = patterns(rng, 48, 20, 4, 0.08)
    y = rng.random((48, 2 * (12 + 20)))
    np.savez(os.path.join(HERE, "cdk.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
