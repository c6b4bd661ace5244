"""Write the data files of this set (fixed seed).

    wn.npz         X (64, 6) float32, y (64,) int64 in {0, 1, 2}     weight-normalised classifier
    lora.npz       X (64, 8) float32, y (64, 4) float32              LoRA regression
    lora_init.npz  W0 (16, 8), b0 (16,), A (4, 8) float32            the frozen "pretrained" layer and A's start
    ws.npz         X (48, 5) float32, y (48, 1) float32 in {0, 1}    standardised / positive-weight classifier
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(149)

    # weight-norm classifier: three blobs in 6-d
    centers = rng.standard_normal((3, 6)) * 1.5
    y = rng.integers(0, 3, size=64)
    X = centers[y] + rng.standard_normal((64, 6))
    np.savez(os.path.join(HERE, "wn.npz"), X=X.astype(np.float32), y=y.astype(np.int64))

    # LoRA regression: a pretrained layer W0, b0 and a target from a shifted layer
    W0 = rng.standard_normal((16, 8)) / np.sqrt(8)
    b0 = 0.1 * rng.standard_normal(16)
    A = rng.standard_normal((4, 8)) / np.sqrt(8)
    X = rng.standard_normal((64, 8))
    shift = 0.3 * rng.standard_normal((16, 8))
    Wt = rng.standard_normal((4, 16)) / 4
    y = np.tanh(X @ (W0 + shift).T + b0) @ Wt.T + 0.05 * rng.standard_normal((64, 4))
    np.savez(os.path.join(HERE, "lora.npz"), X=X.astype(np.float32), y=y.astype(np.float32))
    np.savez(os.path.join(HERE, "lora_init.npz"), W0=W0.astype(np.float32),
             b0=b0.astype(np.float32), A=A.astype(np.float32))

    # binary classifier for the standardised layer and the positive output weights
    X = rng.standard_normal((48, 5))
    w = rng.standard_normal(5)
    y = ((X @ w + 0.5 * rng.standard_normal(48)) > 0).astype(np.float64)[:, None]
    np.savez(os.path.join(HERE, "ws.npz"), X=X.astype(np.float32), y=y.astype(np.float32))


if __name__ == "__main__":
    main()
