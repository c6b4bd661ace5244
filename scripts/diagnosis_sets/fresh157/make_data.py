"""Write the seeded data sets of fresh157 next to this file.

    vae.npz      X float64 (48, 12) binary pixels of a tiny 3-factor image model,
                 y float64 (48, 3) the FIXED reparameterisation noise eps ~ N(0, 1)
    vae_mse.npz  X float64 (32, 10) intensities in [0, 1] (a smooth 2-factor curve plus noise),
                 y float64 (32, 2) the FIXED reparameterisation noise eps ~ N(0, 1)
    dae.npz      X float64 (40, 10) corrupted inputs (masking noise: about a quarter of the
                 entries set to 0, plus a little Gaussian jitter), y float64 (40, 10) the clean rows

    python3 scripts/diagnosis_sets/fresh157/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def vae_data(rng, n=48, d=12, latent=3):
    factors = rng.standard_normal((n, latent))
    basis = rng.standard_normal((latent, d)) * 1.5
    probs = sigmoid(factors @ basis + 0.3 * rng.standard_normal((n, d)))
    X = (rng.random((n, d)) < probs).astype(np.float64)
    eps = rng.standard_normal((n, latent))
    return X, eps


def vae_mse_data(rng, n=32, d=10, latent=2):
    t = np.linspace(0.0, 1.0, d)
    a = rng.uniform(0.5, 2.0, n)[:, None]
    phase = rng.uniform(0.0, np.pi, n)[:, None]
    X = 0.5 + 0.4 * np.sin(a * 3.0 * t[None, :] + phase) + 0.05 * rng.standard_normal((n, d))
    X = np.clip(X, 0.0, 1.0)
    eps = rng.standard_normal((n, latent))
    return X, eps


def dae_data(rng, n=40, d=10):
    centers = rng.random((4, d))
    labels = rng.integers(0, 4, n)
    clean = np.clip(centers[labels] + 0.1 * rng.standard_normal((n, d)), 0.0, 1.0)
    keep = rng.random((n, d)) >= 0.25
    noisy = clean * keep + 0.02 * rng.standard_normal((n, d))
    return noisy, clean


def main():
    rng = np.random.default_rng(157)
    for name, make in (("vae", vae_data), ("vae_mse", vae_mse_data), ("dae", dae_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
