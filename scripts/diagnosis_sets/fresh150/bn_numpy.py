"""A tiny CNN with a hand-written BatchNorm2d, from scratch in NumPy.

    z    = conv3x3(X, K)                 valid, stride 1, no bias, by im2col    (N, 4, 4, 4)
    zn   = gamma * (z - mean) / sqrt(var + eps) + beta
           mean, var per channel over the batch, height and width (biased variance)
    a    = relu(zn)
    h    = a.mean over height and width  (global average pooling)             (N, 4)
    out  = h @ W + b                                                          (N, 3)
    loss = softmax cross-entropy, mean over the batch

Running statistics as torch.nn.BatchNorm2d keeps them: momentum 0.1, running_var
from the unbiased variance (var * M / (M - 1), M = N * H * W), updated once per
training step. After each step the network is evaluated in eval mode (running
statistics) on the batch; those logits are kept in self.eval_logits.
SGD with momentum 0.9, lr 0.1 (v = mu * v + g; p -= lr * v).

    X: float (N, 2, 6, 6), y: int64 (N,) in {0, 1, 2}.

Parameters (self.params): K (3, 3, 2, 4) as (kh, kw, cin, cout), gamma (4,),
beta (4,), W (4, 3), b (3,). Velocity in self.velocity, keyed alike.
"""

import numpy as np


def im2col(X, kh, kw):
    """(N, C, H, W) -> (N*oh*ow, kh*kw*C), columns ordered (di, dj, c)."""
    N, C, H, W = X.shape
    oh, ow = H - kh + 1, W - kw + 1
    cols = np.empty((N, oh, ow, kh, kw, C), dtype=X.dtype)
    for di in range(kh):
        for dj in range(kw):
            cols[:, :, :, di, dj, :] = X[:, :, di:di + oh, dj:dj + ow].transpose(0, 2, 3, 1)
    return cols.reshape(N * oh * ow, kh * kw * C)


class BNConvNet:
    def __init__(self, cin=2, cout=4, k=3, classes=3, lr=0.1, momentum=0.9,
                 eps=1e-5, bn_momentum=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.k = k
        self.params = {
            "K": rng.standard_normal((k, k, cin, cout)) * np.sqrt(2.0 / (k * k * cin)),
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
        self.eps = eps
        self.bn_momentum = bn_momentum
        self.running_mean = np.zeros(cout, dtype=np.float32)
        self.running_var = np.ones(cout, dtype=np.float32)
        self.eval_logits = None
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X, training=True, track=True):
        p = self.params
        N, C, H, Wd = X.shape
        k = self.k
        oh, ow = H - k + 1, Wd - k + 1
        cout = p["K"].shape[3]
        cols = im2col(X, k, k)
        z = (cols @ p["K"].reshape(-1, cout)).reshape(N, oh, ow, cout).transpose(0, 3, 1, 2)
        if training:
            mean = z.mean(axis=(0, 2, 3))
            var = z.var(axis=(0, 2, 3))
            if track:
                M = N * oh * ow
                m = self.bn_momentum
                self.running_mean = (1 - m) * self.running_mean + m * mean
                self.running_var = (1 - m) * self.running_var + m * var * (M / (M - 1))
        else:
            mean, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)
        xhat = (z - mean[None, :, None, None]) * inv_std[None, :, None, None]
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
        return self._cross_entropy(self._forward(X, training=True, track=False)[0], y)[0]

    def predict(self, X):
        return self._forward(X, training=False)[0]

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
        M = N * oh * ow
        dz = (inv_std[None, :, None, None] / M) * (
            M * dxhat
            - dxhat.sum(axis=(0, 2, 3), keepdims=True)
            - xhat * (dxhat * xhat).sum(axis=(0, 2, 3), keepdims=True))

        dz_cols = dz.transpose(0, 2, 3, 1).reshape(-1, cout)
        self.grads["K"] = (cols.T @ dz_cols).reshape(p["K"].shape)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        for name, p in self.params.items():
            self.velocity[name] = self.momentum * self.velocity[name] + self.grads[name]
            p -= self.lr * self.velocity[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.eval_logits = self.predict(X)
        return float(loss)


if __name__ == "__main__":
    import os
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bn.npz"))
    net = BNConvNet()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0 or step == 99:
            acc = (net.eval_logits.argmax(axis=1) == data["y"]).mean()
            print(f"step {step:3d}  loss {loss:.4f}  eval accuracy {acc:.2f}")
