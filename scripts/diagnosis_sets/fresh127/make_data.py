"""Small data sets for the Gumbel-softmax / concrete-relaxation programs of this folder.

Every random quantity the programs use while training is fixed here, as data:

    catvae.npz     X, y (64, 12): points around 6 cluster centres (y = X, an autoencoder);
                   gumbel (32, 64, 6): the Gumbel(0, 1) noise of step t is gumbel[t % 32]
    concrete.npz   X, y (64, 10): 10 features, 6 of them mixtures of 4 base ones (y = X);
                   gumbel (32, 4, 10): the noise of the 4 selection rows at step t
    sthard.npz     X (64, 8 + 12): 8 features, then the Gumbel noise of the 3 x 4 categorical
                   variables of each row (packed into X, so it is cut with the batch);
                   y (64,) int64 class labels in 0..2

    python3 scripts/diagnosis_sets/fresh127/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def gumbel(rng, shape):
    u = rng.uniform(1e-10, 1.0, size=shape)
    return -np.log(-np.log(u))


def main():
    rng = np.random.default_rng(127)

    # categorical latent autoencoder
    centres = rng.normal(0.0, 1.0, size=(6, 12))
    c = rng.integers(0, 6, size=64)
    X = centres[c] + 0.15 * rng.normal(size=(64, 12))
    np.savez(os.path.join(HERE, "catvae.npz"), X=X, y=X.copy(), gumbel=gumbel(rng, (32, 64, 6)))

    # concrete selection (concrete autoencoder)
    base = rng.normal(size=(64, 4))
    mix = rng.normal(size=(4, 6)) * 0.7
    X = np.concatenate([base, base @ mix + 0.05 * rng.normal(size=(64, 6))], axis=1)
    X = X[:, rng.permutation(10)]
    np.savez(os.path.join(HERE, "concrete.npz"), X=X, y=X.copy(), gumbel=gumbel(rng, (32, 4, 10)))

    # straight-through hard Gumbel-softmax bottleneck classifier
    centres = rng.normal(0.0, 1.2, size=(5, 8))
    c = rng.integers(0, 5, size=64)
    feats = centres[c] + 0.3 * rng.normal(size=(64, 8))
    labels = (c % 3).astype(np.int64)
    X = np.concatenate([feats, gumbel(rng, (64, 12))], axis=1)
    np.savez(os.path.join(HERE, "sthard.npz"), X=X, y=labels)


if __name__ == "__main__":
    main()
