"""The depthwise-separable 1-D classifier of ds_numpy.py, written another way.

Depthwise conv as an einsum over sliding windows (numpy.lib.stride_tricks); group-norm
backward through dvar and dmean; the dense weight kept (out, in) like nn.Linear; a one-hot
softmax gradient; Adam with in-place moment updates (m *= b1; m += (1 - b1) g).

Parameters (self.params): dw (4, 5), db (4,), pw (8, 4), pb (8,), gamma, beta (8,),
W (3, 8) (torch: fc.weight as it is), b (3,).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class DSConvNetAlt:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        C, K, H, O = 4, 5, 8, 3
        self.K, self.groups, self.eps = K, 2, 1e-5
        self.params = {
            "dw": rng.standard_normal((C, K)) * np.sqrt(1.0 / K),
            "db": rng.standard_normal(C) * 0.1,
            "pw": rng.standard_normal((H, C)) * np.sqrt(2.0 / C),
            "pb": rng.standard_normal(H) * 0.1,
            "gamma": np.ones(H),
            "beta": np.zeros(H),
        }
        self.params["W"] = (rng.standard_normal((H, O)) / np.sqrt(H)).T.copy()
        self.params["b"] = np.zeros(O)
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.step_count = 0

    def _forward(self, X):
        p = self.params
        N, C, T = X.shape
        pad = self.K // 2
        win = sliding_window_view(np.pad(X, ((0, 0), (0, 0), (pad, pad))), self.K, axis=2)  # (N, C, T, K)
        h = np.einsum("nctk,ck->nct", win, p["dw"]) + p["db"][:, None]
        z = np.einsum("nct,oc->not", h, p["pw"]) + p["pb"][:, None]
        N, H, T = z.shape
        zg = z.reshape(N, self.groups, H // self.groups, T)
        mean = zg.mean(axis=(2, 3), keepdims=True)
        xc = zg - mean
        var = (xc * xc).mean(axis=(2, 3), keepdims=True)
        std = np.sqrt(var + self.eps)
        xhat = (xc / std).reshape(N, H, T)
        out = xhat * p["gamma"][:, None] + p["beta"][:, None]
        relu = np.where(out > 0, out, 0)
        feat = relu.mean(axis=-1)
        logits = feat @ p["W"].T + p["b"]
        return logits, dict(win=win, h=h, xc=xc, std=std, xhat=xhat, out=out, feat=feat)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        logp = logits - logits.max(1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def train_step(self, X, y):
        p = self.params
        logits, c = self._forward(X)
        N, H, T = c["out"].shape
        logp = logits - logits.max(1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(1, keepdims=True))
        onehot = np.eye(logits.shape[1], dtype=logits.dtype)[y]
        loss = -(onehot * logp).sum() / N

        dlog = (np.exp(logp) - onehot) / N
        grads = {"W": dlog.T @ c["feat"], "b": dlog.sum(0)}
        dfeat = dlog @ p["W"]
        dout = np.broadcast_to(dfeat[:, :, None], (N, H, T)) / T * (c["out"] > 0)
        grads["gamma"] = np.einsum("nht,nht->h", dout, c["xhat"])
        grads["beta"] = dout.sum(axis=(0, 2))

        dxhat = (dout * p["gamma"][:, None]).reshape(c["xc"].shape)
        M = dxhat.shape[2] * dxhat.shape[3]
        xc, std = c["xc"], c["std"]
        dvar = (dxhat * xc).sum(axis=(2, 3), keepdims=True) * -0.5 / std ** 3
        dmean = -dxhat.sum(axis=(2, 3), keepdims=True) / std - 2.0 * dvar * xc.mean(axis=(2, 3), keepdims=True)
        dz = (dxhat / std + dvar * 2.0 * xc / M + dmean / M).reshape(N, H, T)

        grads["pw"] = np.einsum("not,nct->oc", dz, c["h"])
        grads["pb"] = dz.sum(axis=(0, 2))
        dh = np.einsum("not,oc->nct", dz, p["pw"])
        grads["dw"] = np.einsum("nct,nctk->ck", dh, c["win"])
        grads["db"] = dh.sum(axis=(0, 2))
        self.grads = grads

        self.step_count += 1
        lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
        c1 = 1 - b1 ** self.step_count
        c2 = 1 - b2 ** self.step_count
        for k, w in p.items():
            g = grads[k]
            self.m[k] *= b1
            self.m[k] += (1 - b1) * g
            self.v[k] *= b2
            self.v[k] += (1 - b2) * g * g
            w -= lr * (self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + eps)
        return float(loss)
