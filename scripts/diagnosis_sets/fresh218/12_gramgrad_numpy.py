"""A tiny sequence regressor with a Gram-matrix (style) penalty, from scratch in NumPy.

The batch (B, T, 3) is two batches stacked: the first half is the content batch, which carries
the regression targets; the second half is a style batch whose texture statistics the content
features should take on. A width-2 convolution over time (valid, 3 -> 8 channels) and a ReLU
give the feature map F (B, T-1, 8). Each sequence's Gram matrix over channels is
G_b = F_b^T F_b / (T-1); the target Gram matrix is the mean Gram matrix of the style batch,
held constant (no gradient flows into it, as a style target in style transfer):

    Z    = X[:, :-1] @ K[0] + X[:, 1:] @ K[1] + bK      K (2, 3, 8): (tap, in, out)
    F    = relu(Z)
    pred = mean over time of F[content] @ W + b          W (8, 2)
    mse  = mean((pred - y[content])^2)                   over rows and outputs
    style = mean over content sequences and the 8x8 entries of (G_b - G_style)^2
    loss = mse + lam * style                             lam = 2

SGD with momentum as torch.optim.SGD (v = 0.9 v + g; p -= 0.02 v).

Parameters (self.params): K (2, 3, 8), bK (8,), W (8, 2), b (2,).
Optimizer state: self.velocity (a dict keyed like params).
"""

import numpy as np


class StyleNet:
    def __init__(self, c_in=3, channels=8, n_out=2, lam=2.0, lr=0.02, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.standard_normal((2, c_in, channels)) / np.sqrt(2 * c_in),
            "bK": 0.1 * rng.standard_normal(channels),
            "W": rng.standard_normal((channels, n_out)) / np.sqrt(channels),
            "b": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lam, self.lr, self.momentum = lam, lr, momentum

    @staticmethod
    def gram(Fm):
        return Fm.transpose(0, 2, 1) @ Fm / Fm.shape[1]

    def forward(self, X, y):
        p = self.params
        ns = X.shape[0] // 2
        Z = X[:, :-1] @ p["K"][0] + X[:, 1:] @ p["K"][1] + p["bK"]
        Fm = np.maximum(Z, 0)
        pooled = Fm[:ns].mean(axis=1)
        pred = pooled @ p["W"] + p["b"]
        mse = ((pred - y[:ns]) ** 2).mean()
        G = self.gram(Fm[:ns])
        G_style = self.gram(Fm[ns:]).mean(axis=0)
        style = ((G - G_style) ** 2).mean()
        return mse + self.lam * style, (Z, Fm, pooled, pred, G, G_style, ns)

    def loss(self, X, y):
        return self.forward(X, y)[0]

    def backward(self, X, y):
        p = self.params
        loss, (Z, Fm, pooled, pred, G, G_style, ns) = self.forward(X, y)
        T1, C = Fm.shape[1], Fm.shape[2]
        dpred = 2 * (pred - y[:ns]) / pred.size
        self.grads["W"] = pooled.T @ dpred
        self.grads["b"] = dpred.sum(axis=0)
        dF = np.zeros_like(Fm)
        dF[:ns] += (dpred @ p["W"].T)[:, None, :] / T1
        # style: G_b = F_b^T F_b / T1 (symmetric), the style target held constant
        dG = self.lam * 2 * (G - G_style) / G.size
        dF[:ns] += Fm[:ns] @ dG / T1
        dZ = dF * (Z > 0)
        self.grads["K"] = np.stack([
            np.einsum("btc,bto->co", X[:, :-1], dZ),
            np.einsum("btc,bto->co", X[:, 1:], dZ),
        ])
        self.grads["bK"] = dZ.sum(axis=(0, 1))
        return loss

    def sgd_momentum(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_momentum()
        return float(loss)
