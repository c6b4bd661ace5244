"""Write the small data sets of the fresh122 coordinate-MLP programs (fixed seed).

nerf3d.npz  X (64, 3) float32 points in [-1, 1]^3, y (64, 3) float32 colour in (0, 1)
            (a smooth colour field of the point).
siren2d.npz X (64, 2) float32 pixel coordinates in [-1, 1]^2, y (64, 5) float32:
            columns 0-2 the pixel colour in (0, 1), column 3 a density target (>= 0),
            column 4 a fixed 0/1 mask saying which samples carry density supervision
            (drawn once here, so both programs see the same mask at every step).
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(122)

    # 3-D points and a smooth colour field for the NeRF-style ReLU MLP
    X3 = rng.uniform(-1.0, 1.0, size=(64, 3))
    r = 0.5 + 0.4 * np.sin(2.0 * X3[:, 0] + X3[:, 1])
    g = 0.5 + 0.4 * np.cos(3.0 * X3[:, 1] - X3[:, 2])
    b = 0.5 + 0.4 * np.sin(X3[:, 0] * X3[:, 2] * 4.0)
    y3 = np.stack([r, g, b], axis=1)
    np.savez(os.path.join(HERE, "nerf3d.npz"), X=X3.astype(np.float32), y=y3.astype(np.float32))

    # 2-D pixel coordinates of a small image for the SIREN field
    X2 = rng.uniform(-1.0, 1.0, size=(64, 2))
    rad = np.sqrt((X2 ** 2).sum(axis=1))
    r = 0.5 + 0.45 * np.cos(4.0 * rad)
    g = 0.5 + 0.45 * np.sin(3.0 * X2[:, 0]) * np.cos(2.0 * X2[:, 1])
    b = 0.5 + 0.45 * np.tanh(2.0 * (X2[:, 1] - X2[:, 0]))
    density = np.log1p(np.exp(3.0 * (0.7 - rad)))           # a soft disc
    mask = (rng.uniform(size=64) < 0.5).astype(np.float64)   # samples with density supervision
    y2 = np.stack([r, g, b, density, mask], axis=1)
    np.savez(os.path.join(HERE, "siren2d.npz"), X=X2.astype(np.float32), y=y2.astype(np.float32))


if __name__ == "__main__":
    main()
