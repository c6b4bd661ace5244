"""Tone classifier over two-channel clips in NumPy: one strided 1-D convolution over time (valid
padding, stride 2) written as im2col, ReLU, global average pooling over time, a dense layer to 3
classes, softmax and mean cross-entropy; the backward pass by hand, plain SGD.

    X: float (n, 2, 32) clips (channels, time); y: float (n, 3) one-hot
    W: (filters, channels, taps), the layout of torch's Conv1d weight
"""

import numpy as np

C_IN, N_F, K, STRIDE, N_CLS, LR = 2, 4, 5, 2, 3, 0.5


class ConvClassifier:
    def __init__(self, seed=64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.normal(0.0, 1.0 / np.sqrt(C_IN * K), (N_F, C_IN, K)),
            "b": rng.normal(0.0, 0.1, N_F),
            "V": rng.normal(0.0, 1.0 / np.sqrt(N_F), (N_F, N_CLS)),
            "c": np.zeros(N_CLS),
        }

    def train_step(self, X, y):
        p = self.params
        n, C, T = X.shape
        T_out = (T - K) // STRIDE + 1
        idx = STRIDE * np.arange(T_out)[:, None] + np.arange(K)[None, :]   # (T_out, K)
        cols = X[:, :, idx].transpose(0, 2, 1, 3).reshape(n, T_out, C * K)
        Wm = p["W"].reshape(N_F, C * K)
        Z = cols @ Wm.T + p["b"]                                           # (n, T_out, F)
        H = np.maximum(Z, 0.0)
        g = H.mean(axis=1)                                                 # global average pooling
        logits = g @ p["V"] + p["c"]
        logits = logits - logits.max(axis=1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(P), axis=1))

        dlogits = (P - y) / n
        dV = g.T @ dlogits
        dc = dlogits.sum(axis=0)
        dg = dlogits @ p["V"].T
        dH = np.repeat(dg[:, None, :], T_out, axis=1) / T_out
        dZ = dH * (Z > 0)
        dW = (dZ.reshape(-1, N_F).T @ cols.reshape(-1, C * K)).reshape(N_F, C, K)
        db = dZ.sum(axis=(0, 1))
        self.grads = {"W": dW, "b": db, "V": dV, "c": dc}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
