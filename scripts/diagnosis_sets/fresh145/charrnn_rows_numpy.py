"""charrnn_numpy.py written another way: samples as rows, weights (in, out), the readout
and the softmax vectorised over the chunk.

    H_t = tanh(x_t Wxh + H_{t-1} Whh + bh),   logits = H Why + by,   loss = -sum log softmax[target]

Elementwise clipping to [-5, 5] and Adagrad (mem += g**2; p += -lr g / (sqrt(mem) + 1e-8)).
The chunk is chosen from the step counter; the state carried over is zeroed on wrap-round.

Parameters (self.params): Wxh (vocab, hidden), Whh (hidden, hidden), Why (hidden, vocab),
bh (hidden,), by (vocab,). Adagrad memory: self.mem.
"""

import numpy as np


class CharRNN:
    def __init__(self, vocab_size=6, hidden_size=12, lr=0.1, clip=5.0, seed=1):
        rng = np.random.default_rng(seed)
        self.V, self.H = vocab_size, hidden_size
        self.lr, self.clip = lr, clip
        self.params = dict(
            Wxh=0.1 * rng.standard_normal((vocab_size, hidden_size)),
            Whh=0.1 * rng.standard_normal((hidden_size, hidden_size)),
            Why=0.1 * rng.standard_normal((hidden_size, vocab_size)),
            bh=np.zeros(hidden_size),
            by=np.zeros(vocab_size),
        )
        self.mem = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.h = np.zeros((1, hidden_size))
        self.t = 0

    def _run(self, inputs, h0):
        p = self.params
        Xo = np.eye(self.V, dtype=p["Wxh"].dtype)[inputs]               # (T, V)
        Hs = np.empty((len(inputs), self.H), dtype=p["Wxh"].dtype)
        h = h0[0]
        for t in range(len(inputs)):
            h = np.tanh(Xo[t] @ p["Wxh"] + h @ p["Whh"] + p["bh"])
            Hs[t] = h
        logits = Hs @ p["Why"] + p["by"]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return Xo, Hs, logp

    def _state(self, n_chunks):
        return np.zeros_like(self.h) if self.t % n_chunks == 0 else self.h

    def loss(self, X, y):
        i = self.t % X.shape[0]
        _, _, logp = self._run(X[i], self._state(X.shape[0]))
        return -logp[np.arange(len(y[i])), y[i]].sum()

    def train_step(self, X, y):
        i = self.t % X.shape[0]
        inputs, targets = X[i], y[i]
        h0 = self._state(X.shape[0])
        p = self.params
        Xo, Hs, logp = self._run(inputs, h0)
        T = len(inputs)
        loss = -logp[np.arange(T), targets].sum()
        dlogits = np.exp(logp)
        dlogits[np.arange(T), targets] -= 1
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Why"] = Hs.T @ dlogits
        g["by"] = dlogits.sum(axis=0)
        dHs = dlogits @ p["Why"].T
        Hprev = np.vstack([h0, Hs[:-1]])
        dnext = np.zeros(self.H, dtype=Hs.dtype)
        for t in range(T - 1, -1, -1):
            da = (dHs[t] + dnext) * (1 - Hs[t] ** 2)
            g["Wxh"] += np.outer(Xo[t], da)
            g["Whh"] += np.outer(Hprev[t], da)
            g["bh"] += da
            dnext = p["Whh"] @ da
        g = {k: np.clip(v, -self.clip, self.clip) for k, v in g.items()}
        self.grads = g
        for k in p:
            self.mem[k] += g[k] ** 2
            p[k] += -self.lr * g[k] / (np.sqrt(self.mem[k]) + 1e-8)
        self.h = Hs[-1:].copy()
        self.t += 1
        return float(loss)
