"""Data for the fresh132 set: 2-D points and fixed latent noise for small GANs.

gan.npz   X (64, 2)  real points on a ring of 8 Gaussians (radius 2, sd 0.05)
          y (64, 4)  the generator's latent noise z, drawn once and kept fixed
wgan.npz  X (128, 2) real points from 4 Gaussians on the corners of a square
          y (128, 3) latent noise z, one row per real row (mini-batches cut both alike)

All float32, seed 132.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def ring(rng, n, modes=8, radius=2.0, sd=0.05):
    k = rng.integers(0, modes, size=n)
    angle = 2 * np.pi * k / modes
    centers = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    return centers + sd * rng.standard_normal((n, 2))


def square(rng, n, sd=0.1):
    corners = np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0], [-1.0, -1.0]])
    k = rng.integers(0, 4, size=n)
    return corners[k] + sd * rng.standard_normal((n, 2))


def main():
    rng = np.random.default_rng(132)
    X = ring(rng, 64).astype(np.float32)
    z = rng.standard_normal((64, 4)).astype(np.float32)
    np.savez(os.path.join(HERE, "gan.npz"), X=X, y=z)

    X = square(rng, 128).astype(np.float32)
    z = rng.standard_normal((128, 3)).astype(np.float32)
    np.savez(os.path.join(HERE, "wgan.npz"), X=X, y=z)


if __name__ == "__main__":
    main()
