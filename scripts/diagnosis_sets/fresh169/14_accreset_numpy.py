"""A one-directional Elman RNN tagger in NumPy, BPTT by hand, Adagrad.

    h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh),  h_{-1} = 0
    logits_t = W_out h_t + b_out
    loss = (sum over real tokens of the softmax cross-entropy) / batch size

Weights are kept in the PyTorch layout (out, in) as attributes. Tag 0 is <pad>: padded
positions are run through the recurrence but left out of the loss.
Adagrad as torch.optim.Adagrad: G += g^2; p -= lr g / (sqrt(G) + eps), eps = 1e-10.

    X: float (N, T, D), y: int (N, T), 0 = padding.
"""

import numpy as np

PARAMS = ("W_ih", "W_hh", "b_ih", "b_hh", "W_out", "b_out")


class ElmanTagger:
    def __init__(self, n_in=5, hidden=16, n_tags=6, lr=0.05, eps=1e-10, seed=1):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(hidden)
        self.W_ih = rng.uniform(-k, k, (hidden, n_in))
        self.W_hh = rng.uniform(-k, k, (hidden, hidden))
        self.b_ih = rng.uniform(-k, k, hidden)
        self.b_hh = rng.uniform(-k, k, hidden)
        self.W_out = rng.uniform(-k, k, (n_tags, hidden))
        self.b_out = rng.uniform(-k, k, n_tags)
        self.lr = lr
        self.eps = eps
        self.G = {name: np.zeros_like(getattr(self, name)) for name in PARAMS}
        self.grads = {}

    def forward(self, X):
        X = np.asarray(X, dtype=self.W_ih.dtype)
        N, T, _ = X.shape
        h = np.zeros((N, self.W_hh.shape[0]), dtype=X.dtype)
        hs, logits = [], []
        for t in range(T):
            a = X[:, t] @ self.W_ih.T + self.b_ih + h @ self.W_hh.T + self.b_hh
            h = np.tanh(a)
            hs.append(h)
            logits.append(h @ self.W_out.T + self.b_out)
        return np.stack(logits, axis=1), hs, X

    @staticmethod
    def log_softmax(z):
        z = z - z.max(axis=-1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))

    def loss(self, X, y):
        logits, _, _ = self.forward(X)
        y = np.asarray(y)
        logp = self.log_softmax(logits)
        nll = -np.take_along_axis(logp, y[..., None], axis=-1)[..., 0]
        return (nll * (y != 0)).sum() / y.shape[0]

    def backward(self, X, y):
        logits, hs, X = self.forward(X)
        y = np.asarray(y)
        N, T, _ = X.shape
        keep = (y != 0).astype(X.dtype)
        logp = self.log_softmax(logits)
        nll = -np.take_along_axis(logp, y[..., None], axis=-1)[..., 0]
        loss = (nll * keep).sum() / N

        onehot = np.zeros_like(logits)
        np.put_along_axis(onehot, y[..., None], 1.0, axis=-1)
        dlogits = (np.exp(logp) - onehot) * keep[..., None] / N

        g = {name: np.zeros_like(getattr(self, name)) for name in PARAMS}
        dh_next = np.zeros_like(hs[0])
        for t in reversed(range(T)):
            dz = dlogits[:, t]
            g["W_out"] += dz.T @ hs[t]
            g["b_out"] += dz.sum(axis=0)
            dh = dz @ self.W_out + dh_next
            da = dh * (1.0 - hs[t] ** 2)
            h_prev = hs[t - 1] if t > 0 else np.zeros_like(hs[0])
            g["W_ih"] += da.T @ X[:, t]
            g["W_hh"] += da.T @ h_prev
            g["b_ih"] += da.sum(axis=0)
            g["b_hh"] += da.sum(axis=0)
            dh_next = da @ self.W_hh
        self.grads = g
        return loss

    def adagrad(self):
        for name in PARAMS:
            p, g = getattr(self, name), self.grads[name]
            self.G[name] += g * g
            p -= self.lr * g / (np.sqrt(self.G[name]) + self.eps)

    def train_step(self, X, y):
        self.G = {name: np.zeros_like(getattr(self, name)) for name in PARAMS}
        loss = self.backward(X, y)
        self.adagrad()
        return float(loss)
