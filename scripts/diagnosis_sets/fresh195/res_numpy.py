"""A WaveNet-style per-time-step regressor, NumPy, written channels-last.

The sequence is kept as (N, T, C) inside (X arrives as (N, C, T) and is transposed once), and
every convolution is a matrix product on the channel axis:

    x = X^T @ Win + b_in                                      3 -> 8 channels
    for block i with dilation d in (1, 2, 4):                 kernel size 3, causal:
        xp = x left-padded by 2d zeros along time             output t sees t, t-d, t-2d
        f = sum_j xp[:, j*d : j*d+T] @ Wf[j] + bf,   g likewise with Wg, bg
        z = tanh(f) * sigmoid(g)
        skip += z @ Ws + bs
        x = x + z @ Wr + br                                   (blocks 0 and 1 only)
    h = relu(relu(skip) @ W1 + b1);   out = h @ Wo + bo       two 1x1 output layers

MSE averaged over batch and time. SGD with Nesterov momentum, as torch.optim.SGD
(momentum 0.9, nesterov=True, lr 0.05):  v = mu v + g;  p -= lr (g + mu v).

Parameters self.params (keys 'in.W', 'block0.Wf', ...), kernels kept (tap, in, out), 1x1
weights (in, out). Gradients self.grads, velocities self.velocity, same keys.
"""

import math

import numpy as np


class ResWaveNet:
    def __init__(self, in_ch=3, res_ch=8, skip_ch=8, hidden=8, kernel=3, dilations=(1, 2, 4),
                 lr=0.05, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.k = kernel
        self.dilations = tuple(dilations)
        self.lr, self.mu = lr, momentum
        n = len(self.dilations)
        P = {"in.W": rng.normal(0, 1 / math.sqrt(in_ch), (in_ch, res_ch)),
             "in.b": np.zeros(res_ch)}
        for i in range(n):
            std = 1 / math.sqrt(kernel * res_ch)
            P[f"block{i}.Wf"] = rng.normal(0, std, (kernel, res_ch, res_ch))
            P[f"block{i}.bf"] = np.zeros(res_ch)
            P[f"block{i}.Wg"] = rng.normal(0, std, (kernel, res_ch, res_ch))
            P[f"block{i}.bg"] = np.zeros(res_ch)
            if i < n - 1:
                P[f"block{i}.Wr"] = rng.normal(0, 1 / math.sqrt(res_ch), (res_ch, res_ch))
                P[f"block{i}.br"] = np.zeros(res_ch)
            P[f"block{i}.Ws"] = rng.normal(0, 1 / math.sqrt(res_ch), (res_ch, skip_ch))
            P[f"block{i}.bs"] = np.zeros(skip_ch)
        P["head.W1"] = rng.normal(0, 1 / math.sqrt(skip_ch), (skip_ch, hidden))
        P["head.b1"] = np.full(hidden, 0.1)
        P["head.Wo"] = rng.normal(0, 1 / math.sqrt(hidden), (hidden, 1))
        P["head.bo"] = np.zeros(1)
        self.params = P
        self.grads = {k: np.zeros_like(v) for k, v in P.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in P.items()}

    def _forward(self, X):
        P = self.params
        x = np.asarray(X, dtype=P["in.W"].dtype).transpose(0, 2, 1)     # (N, T, C)
        N, T, _ = x.shape
        inp = x
        x = inp @ P["in.W"] + P["in.b"]
        skip = 0.0
        blocks = []
        for i, d in enumerate(self.dilations):
            pad = d * (self.k - 1)
            xp = np.concatenate([np.zeros((N, pad, x.shape[2]), dtype=x.dtype), x], axis=1)
            f = P[f"block{i}.bf"] + sum(xp[:, j * d:j * d + T] @ P[f"block{i}.Wf"][j]
                                        for j in range(self.k))
            g = P[f"block{i}.bg"] + sum(xp[:, j * d:j * d + T] @ P[f"block{i}.Wg"][j]
                                        for j in range(self.k))
            a = np.tanh(f)
            s = 1.0 / (1.0 + np.exp(-g))
            z = a * s
            skip = skip + z @ P[f"block{i}.Ws"] + P[f"block{i}.bs"]
            if f"block{i}.Wr" in P:
                x = x + z @ P[f"block{i}.Wr"] + P[f"block{i}.br"]
            blocks.append(dict(xp=xp, a=a, s=s, z=z))
        r = np.maximum(skip, 0.0)
        h = np.maximum(r @ P["head.W1"] + P["head.b1"], 0.0)
        out = h @ P["head.Wo"] + P["head.bo"]                             # (N, T, 1)
        return out, dict(inp=inp, blocks=blocks, skip=skip, r=r, h=h)

    def predict(self, X):
        return self._forward(X)[0].transpose(0, 2, 1)                     # (N, 1, T)

    def loss(self, X, y):
        return float(np.mean((self.predict(X) - y) ** 2))

    def _backward(self, X, y):
        P, G = self.params, self.grads
        out, c = self._forward(X)
        target = np.asarray(y, dtype=out.dtype).transpose(0, 2, 1)
        err = out - target
        loss = np.mean(err ** 2)
        N, T, _ = out.shape
        dout = (2.0 / err.size) * err
        G["head.Wo"] = c["h"].reshape(-1, c["h"].shape[2]).T @ dout.reshape(-1, 1)
        G["head.bo"] = dout.sum(axis=(0, 1))
        dh = (dout @ P["head.Wo"].T) * (c["h"] > 0)
        G["head.W1"] = c["r"].reshape(N * T, -1).T @ dh.reshape(N * T, -1)
        G["head.b1"] = dh.sum(axis=(0, 1))
        dskip = (dh @ P["head.W1"].T) * (c["skip"] > 0)
        dskip_flat = dskip.reshape(N * T, -1)
        dx = np.zeros_like(c["blocks"][0]["z"])
        for i in reversed(range(len(self.dilations))):
            d = self.dilations[i]
            b = c["blocks"][i]
            zf = b["z"].reshape(N * T, -1)
            G[f"block{i}.Ws"] = zf.T @ dskip_flat
            G[f"block{i}.bs"] = dskip_flat.sum(axis=0)
            dz = dskip @ P[f"block{i}.Ws"].T
            if f"block{i}.Wr" in P:
                dxf = dx.reshape(N * T, -1)
                G[f"block{i}.Wr"] = zf.T @ dxf
                G[f"block{i}.br"] = dxf.sum(axis=0)
                dz = dz + dx @ P[f"block{i}.Wr"].T
            df = dz * b["s"] * (1.0 - b["a"] ** 2)
            dg = dz * b["a"] * b["s"] * (1.0 - b["s"])
            xp = b["xp"]
            dxp = np.zeros_like(xp)
            dWf = np.zeros_like(P[f"block{i}.Wf"])
            dWg = np.zeros_like(P[f"block{i}.Wg"])
            for j in range(self.k):
                window = xp[:, j * d:j * d + T].reshape(N * T, -1)
                dWf[j] = window.T @ df.reshape(N * T, -1)
                dWg[j] = window.T @ dg.reshape(N * T, -1)
                dxp[:, j * d:j * d + T] += df @ P[f"block{i}.Wf"][j].T + dg @ P[f"block{i}.Wg"][j].T
            G[f"block{i}.Wf"], G[f"block{i}.Wg"] = dWf, dWg
            G[f"block{i}.bf"] = df.sum(axis=(0, 1))
            G[f"block{i}.bg"] = dg.sum(axis=(0, 1))
            pad = d * (self.k - 1)
            dx = dx + dxp[:, pad:]
        G["in.W"] = c["inp"].reshape(N * T, -1).T @ dx.reshape(N * T, -1)
        G["in.b"] = dx.sum(axis=(0, 1))
        return loss

    def _nesterov(self):
        for k, p in self.params.items():
            g = self.grads[k]
            v = self.velocity[k] = self.mu * self.velocity[k] + g
            p -= self.lr * (g + self.mu * v)

    def train_step(self, X, y):
        loss = self._backward(X, y)
        self._nesterov()
        return float(loss)
