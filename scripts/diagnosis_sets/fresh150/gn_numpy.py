"""A tiny CNN with a hand-written GroupNorm (2 groups), from scratch in NumPy, trained by Adam.

    z    = conv3x3(X, Wc) + bc       padding 1, stride 1, a loop over the 9 kernel offsets   (N, 4, 6, 6)
    zn   = gamma * (z - mu_g) / sqrt(var_g + eps) + beta
           mu_g, var_g per sample and per group of 2 channels, over the group's channels,
           height and width (biased variance); gamma, beta per channel
    a    = relu(zn)
    h    = a.mean over height and width                                                    (N, 4)
    out  = h @ Wf.T + bf                                                                   (N, 3)
    loss = softmax cross-entropy, mean over the batch

Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8, bias-corrected), as torch.optim.Adam.

    X: float (N, 1, 6, 6), y: int64 (N,) in {0, 1, 2}.

Parameters (self.params), kept in torch's layouts: Wc (4, 1, 3, 3), bc (4,),
gamma (4,), beta (4,), Wf (3, 4), bf (3,). Adam moments in self.m, self.v; step count self.t.
"""

import numpy as np


class GNConvNet:
    def __init__(self, cin=1, cout=4, k=3, groups=2, classes=3, lr=0.01,
                 betas=(0.9, 0.999), eps=1e-8, gn_eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        self.k = k
        self.groups = groups
        self.params = {
            "Wc": rng.standard_normal((cout, cin, k, k)) * np.sqrt(2.0 / (k * k * cin)),
            "bc": 0.1 * rng.standard_normal(cout),
            "gamma": 1.0 + 0.1 * rng.standard_normal(cout),
            "beta": 0.1 * rng.standard_normal(cout),
            "Wf": rng.standard_normal((classes, cout)) / np.sqrt(cout),
            "bf": np.zeros(classes),
        }
        for name in self.params:
            self.params[name] = self.params[name].astype(np.float32)
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.gn_eps = gn_eps
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _conv(self, Xp, H, W):
        Wc = self.params["Wc"]
        N = Xp.shape[0]
        z = np.zeros((N, Wc.shape[0], H, W), dtype=Xp.dtype)
        for i in range(self.k):
            for j in range(self.k):
                z += np.einsum("nchw,oc->nohw", Xp[:, :, i:i + H, j:j + W], Wc[:, :, i, j])
        return z + self.params["bc"][None, :, None, None]

    def _forward(self, X):
        p = self.params
        N, C, H, W = X.shape
        pad = self.k // 2
        Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        z = self._conv(Xp, H, W)
        cout = z.shape[1]
        G = self.groups
        zg = z.reshape(N, G, -1)                        # (N, G, cout/G * H * W)
        mu = zg.mean(axis=2, keepdims=True)
        var = zg.var(axis=2, keepdims=True)
        inv_std = 1.0 / np.sqrt(var + self.gn_eps)
        xhat = ((zg - mu) * inv_std).reshape(N, cout, H, W)
        zn = p["gamma"][None, :, None, None] * xhat + p["beta"][None, :, None, None]
        a = np.maximum(zn, 0)
        h = a.mean(axis=(2, 3))
        logits = h @ p["Wf"].T + p["bf"]
        return logits, (Xp, xhat, inv_std, zn, h)

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self._forward(X)[0], y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        logits, (Xp, xhat, inv_std, zn, h) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N, cout, H, W = zn.shape
        G = self.groups

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["Wf"] = dlogits.T @ h
        self.grads["bf"] = dlogits.sum(axis=0)
        dh = dlogits @ p["Wf"]
        da = np.broadcast_to(dh[:, :, None, None] / (H * W), zn.shape)
        dzn = da * (zn > 0)

        self.grads["gamma"] = (dzn * xhat).sum(axis=(0, 2, 3))
        self.grads["beta"] = dzn.sum(axis=(0, 2, 3))
        dxhat = (dzn * p["gamma"][None, :, None, None]).reshape(N, G, -1)
        xg = xhat.reshape(N, G, -1)
        M = xg.shape[2]
        dz = (inv_std / M) * (M * dxhat
                              - dxhat.sum(axis=2, keepdims=True)
                              - xg * (dxhat * xg).sum(axis=2, keepdims=True))
        dz = dz.reshape(N, cout, H, W)

        self.grads["bc"] = dz.sum(axis=(0, 2, 3))
        dWc = np.zeros_like(p["Wc"])
        for i in range(self.k):
            for j in range(self.k):
                dWc[:, :, i, j] = np.einsum("nohw,nchw->oc", dz, Xp[:, :, i:i + H, j:j + W])
        self.grads["Wc"] = dWc
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for name, p in self.params.items():
            g = self.grads[name]
            self.m[name] = b1 * self.m[name] + (1 - b1) * g
            self.v[name] = b2 * self.v[name] + (1 - b2) * g * g
            m_hat = self.m[name] / (1 - b1 ** self.t)
            v_hat = self.v[name] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gn.npz"))
    net = GNConvNet()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0 or step == 99:
            print(f"step {step:3d}  loss {loss:.4f}")
