"""A tiny CNN with a hand-written InstanceNorm (affine), from scratch in NumPy.

    z    = conv3x3(X, K) + bK        padding 1, stride 1, by im2col                      (N, 6, 5, 5)
    zn   = gamma * (z - mu) / sqrt(var + eps) + beta
           mu, var per sample and per channel, over height and width (biased variance)
    a    = relu(zn)
    h    = a.mean over height and width                                                 (N, 6)
    out  = h @ W + b                                                                    (N, 3)
    loss = softmax cross-entropy, mean over the batch

SGD with momentum 0.9 and weight decay 5e-3 as torch.optim.SGD applies them:
g = grad + wd * p; v = mu * v + g; p -= lr * v (lr 0.05).

    X: float (N, 3, 5, 5), y: int64 (N,) in {0, 1, 2}.

Parameters (self.params): K (6, 3, 3, 3) as (cout, cin, kh, kw), bK (6,),
gamma (6,), beta (6,), W (6, 3) as (in, out), b (3,). Velocity in self.velocity.
"""

import numpy as np


def im2col(Xp, kh, kw, oh, ow):
    """Padded (N, C, H, W) -> (N*oh*ow, C*kh*kw), columns ordered (c, di, dj) like K.reshape(cout, -1)."""
    N, C = Xp.shape[:2]
    cols = np.empty((N, oh, ow, C, kh, kw), dtype=Xp.dtype)
    for di in range(kh):
        for dj in range(kw):
            cols[:, :, :, :, di, dj] = Xp[:, :, di:di + oh, dj:dj + ow].transpose(0, 2, 3, 1)
    return cols.reshape(N * oh * ow, C * kh * kw)


class INConvNet:
    def __init__(self, cin=3, cout=6, k=3, classes=3, lr=0.05, momentum=0.9,
                 weight_decay=5e-3, eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        self.k = k
        self.params = {
            "K": rng.standard_normal((cout, cin, k, k)) * np.sqrt(2.0 / (k * k * cin)),
            "bK": 0.1 * rng.standard_normal(cout),
            "gamma": 1.0 + 0.1 * rng.standard_normal(cout),
            "beta": 0.1 * rng.standard_normal(cout),
            "W": rng.standard_normal((cout, classes)) / np.sqrt(cout),
            "b": np.zeros(classes),
        }
        for name in self.params:
            self.params[name] = self.params[name].astype(np.float32)
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.eps = eps

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        N, C, H, Wd = X.shape
        k = self.k
        pad = k // 2
        Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        oh, ow = H + 2 * pad - k + 1, Wd + 2 * pad - k + 1
        cout = p["K"].shape[0]
        cols = im2col(Xp, k, k, oh, ow)
        z = cols @ p["K"].reshape(cout, -1).T + p["bK"]
        z = z.reshape(N, oh, ow, cout).transpose(0, 3, 1, 2)
        mu = z.mean(axis=(0, 2, 3), keepdims=True)  # fix: mu = z.mean(axis=(2, 3), keepdims=True)
        var = z.var(axis=(2, 3), keepdims=True)
        inv_std = 1.0 / np.sqrt(var + self.eps)
        xhat = (z - mu) * inv_std
        zn = p["gamma"][None, :, None, None] * xhat + p["beta"][None, :, None, None]
        a = np.maximum(zn, 0)
        h = a.mean(axis=(2, 3))
        logits = h @ p["W"] + p["b"]
        return logits, (cols, xhat, inv_std, zn, h)

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
        logits, (cols, xhat, inv_std, zn, h) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N, cout, oh, ow = zn.shape

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W"] = h.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W"].T
        da = np.broadcast_to(dh[:, :, None, None] / (oh * ow), zn.shape)
        dzn = da * (zn > 0)

        self.grads["gamma"] = (dzn * xhat).sum(axis=(0, 2, 3))
        self.grads["beta"] = dzn.sum(axis=(0, 2, 3))
        dxhat = dzn * p["gamma"][None, :, None, None]
        M = oh * ow
        dz = (inv_std / M) * (M * dxhat
                              - dxhat.sum(axis=(2, 3), keepdims=True)
                              - xhat * (dxhat * xhat).sum(axis=(2, 3), keepdims=True))

        dz_cols = dz.transpose(0, 2, 3, 1).reshape(-1, cout)
        self.grads["K"] = (dz_cols.T @ cols).reshape(p["K"].shape)
        self.grads["bK"] = dz_cols.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for name, p in self.params.items():
            g = self.grads[name] + self.weight_decay * p
            self.velocity[name] = self.momentum * self.velocity[name] + g
            p -= self.lr * self.velocity[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "in.npz"))
    net = INConvNet()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0 or step == 99:
            print(f"step {step:3d}  loss {loss:.4f}")
