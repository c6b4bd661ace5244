"""Data for the fresh135 set: MADE (binary and Gaussian) and a causal masked 1-D conv.

Writes, with a fixed seed, into this folder:
    made_bin.npz        X (64, 8) binary vectors from a small autoregressive Bernoulli chain, y = X
    made_bin_masks.npz  M1 (8, 16), M2 (16, 8), MA (8, 8): degree masks of a one-hidden-layer MADE
                        with a permuted input ordering, and the ordering/degrees they came from
    made_gauss.npz      X (64, 6) real vectors from a nonlinear Gaussian autoregression, y = X
    made_gauss_masks.npz M1 (6, 12), M2 (12, 12), M3 (12, 6), MA (6, 6): masks of a two-hidden-layer MADE
    causal_seq.npz      X (48, 16) noisy sine windows, y (48, 16) the next value of each position
The masks are data: both the NumPy programs and their ports load them from here.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def made_masks(order, hidden_degrees, rng=None):
    """MADE masks in (in, out) layout from an input ordering and a list of hidden degree vectors."""
    masks = []
    prev = order
    for deg in hidden_degrees:
        masks.append((deg[None, :] >= prev[:, None]).astype(np.float64))
        prev = deg
    masks.append((order[None, :] > prev[:, None]).astype(np.float64))
    direct = (order[None, :] > order[:, None]).astype(np.float64)
    return masks, direct


def main():
    rng = np.random.default_rng(135)

    # ---- binary MADE
    D, H, N = 8, 16, 64
    X = np.zeros((N, D))
    for d in range(D):
        logit = -0.5 + (1.5 * X[:, d - 1] - 0.8 * X[:, d - 2] if d >= 2 else 0.3 * d)
        X[:, d] = (rng.random(N) < 1 / (1 + np.exp(-logit))).astype(np.float64)
    np.savez(os.path.join(HERE, "made_bin.npz"), X=X, y=X.copy())
    order = rng.permutation(D) + 1
    m1 = rng.integers(1, D, size=H)
    (M1, M2), MA = made_masks(order, [m1])
    np.savez(os.path.join(HERE, "made_bin_masks.npz"), M1=M1, M2=M2, MA=MA, order=order, m1=m1)

    # ---- Gaussian MADE
    D, H, N = 6, 12, 64
    X = np.zeros((N, D))
    X[:, 0] = rng.standard_normal(N)
    for d in range(1, D):
        X[:, d] = 0.8 * np.tanh(X[:, d - 1]) + 0.3 * X[:, 0] + (0.3 + 0.1 * d) * rng.standard_normal(N)
    np.savez(os.path.join(HERE, "made_gauss.npz"), X=X, y=X.copy())
    order = np.arange(1, D + 1)
    m1 = rng.integers(1, D, size=H)
    m2 = rng.integers(m1.min(), D, size=H)
    (M1, M2, M3), MA = made_masks(order, [m1, m2])
    np.savez(os.path.join(HERE, "made_gauss_masks.npz"), M1=M1, M2=M2, M3=M3, MA=MA,
             order=order, m1=m1, m2=m2)

    # ---- causal sequences
    N, T = 48, 16
    phase = rng.uniform(0, 2 * np.pi, size=(N, 1))
    freq = rng.uniform(0.3, 0.7, size=(N, 1))
    t = np.arange(T + 1)[None, :]
    seq = np.sin(freq * t + phase) + 0.05 * rng.standard_normal((N, T + 1))
    np.savez(os.path.join(HERE, "causal_seq.npz"), X=seq[:, :T], y=seq[:, 1:])


if __name__ == "__main__":
    main()
