"""Write the small data sets of this folder (fixed seed).

decoder1d.npz  X (32, 4, 4) latent codes, y (32, 1, 16) signals to reconstruct
               (a fixed random stride-2 transposed-convolution teacher, plus fixed noise)
unet2d.npz     X (16, 1, 8, 8) noisy images, y (16, 1, 8, 8) clean binary images in {0, 1}
               (the noise is drawn here, once, so both programs see the same noisy input)
superres.npz   X (32, 1, 8) low-resolution signals, y (32, 1, 16) the same signals sampled
               twice as finely, with fixed noise
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def decoder1d(rng):
    N = 32
    X = rng.standard_normal((N, 4, 4))
    t = np.linspace(0.0, 1.0, 16)
    # targets: a mix of four smooth patterns weighted by the code's channel means
    basis = np.stack([np.sin(2 * np.pi * t), np.cos(2 * np.pi * t),
                      np.sin(4 * np.pi * t), t - 0.5])            # (4, 16)
    w = X.mean(axis=2)                                            # (N, 4)
    y = (w @ basis)[:, None, :] + 0.05 * rng.standard_normal((N, 1, 16))
    return X.astype(np.float32), y.astype(np.float32)


def unet2d(rng):
    N = 16
    y = np.zeros((N, 1, 8, 8))
    for n in range(N):
        r0, c0 = rng.integers(0, 5, size=2)
        h, w = rng.integers(2, 5, size=2)
        y[n, 0, r0:r0 + h, c0:c0 + w] = 1.0
        if n % 2:
            y[n, 0, :, rng.integers(0, 8)] = 1.0
    X = y + 0.3 * rng.standard_normal(y.shape)
    return X.astype(np.float32), y.astype(np.float32)


def superres(rng):
    N = 32
    fine = np.linspace(0.0, 1.0, 16)
    freq = rng.uniform(0.5, 2.0, size=(N, 1))
    phase = rng.uniform(0, 2 * np.pi, size=(N, 1))
    amp = rng.uniform(0.5, 1.5, size=(N, 1))
    hi = amp * np.sin(2 * np.pi * freq * fine + phase)            # (N, 16)
    lo = 0.5 * (hi[:, 0::2] + hi[:, 1::2])                        # (N, 8) box-filtered
    X = lo[:, None, :]
    y = hi[:, None, :] + 0.02 * rng.standard_normal((N, 1, 16))
    return X.astype(np.float32), y.astype(np.float32)


if __name__ == "__main__":
    rng = np.random.default_rng(144)
    for name, fn in [("decoder1d", decoder1d), ("unet2d", unet2d), ("superres", superres)]:
        X, y = fn(rng)
        np.savez(os.path.join(HERE, name + ".npz"), X=X, y=y)
        print(name, X.shape, y.shape)
