"""Write the small seeded data sets of the fresh173 programs, next to this file.

    vae.npz   X float64 (32, 12) binary patterns (four prototypes with bits flipped),
              y float64 (32, 3) the reparameterisation noise eps ~ N(0, 1), drawn once
    gvae.npz  X float64 (40, 8) continuous points near a 2-d manifold, plus noise,
              y float64 (40, 2) the reparameterisation noise eps ~ N(0, 1), drawn once
    ae.npz    X float64 (48, 10) noisy inputs of a denoising autoencoder,
              y float64 (48, 10) the clean signals (a 3-d manifold through tanh)

    python3 scripts/diagnosis_sets/fresh173/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def vae_data(rng, rows=32, features=12, latent=3):
    protos = (rng.random((4, features)) < 0.4).astype(np.float64)
    which = rng.integers(0, 4, rows)
    X = protos[which]
    flips = rng.random((rows, features)) < 0.1
    X = np.where(flips, 1.0 - X, X)
    eps = rng.standard_normal((rows, latent))
    return X, eps


def gvae_data(rng, rows=40, features=8, latent=2):
    t = rng.standard_normal((rows, 2))
    A = rng.standard_normal((2, features))
    X = np.tanh(t @ A) + 0.1 * rng.standard_normal((rows, features))
    eps = rng.standard_normal((rows, latent))
    return X, eps


def ae_data(rng, rows=48, features=10):
    t = rng.standard_normal((rows, 3))
    A = rng.standard_normal((3, features)) * 0.8
    clean = np.tanh(t @ A)
    noisy = clean + 0.2 * rng.standard_normal((rows, features))
    return noisy, clean


def main():
    rng = np.random.default_rng(173)
    for name, make in (("vae", vae_data), ("gvae", gvae_data), ("ae", ae_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
