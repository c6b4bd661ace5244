"""A character-level GRU language model in NumPy with backpropagation through time by hand.

The GRU cell follows torch.nn.GRU's equations and gate order (reset, update, new), with an
input bias and a hidden bias per gate:

    r = sigmoid(x W_ir + b_ir + h W_hr + b_hr)
    z = sigmoid(x W_iz + b_iz + h W_hz + b_hz)
    n = tanh(x W_in + b_in + r * (h W_hn + b_hn))
    h' = (1 - z) * n + z * h

W_ih (D, 3H) and W_hh (H, 3H) hold the three gates side by side. Logits at every position,
cross-entropy averaged over all rows and positions. The gradients are clipped by their global
L2 norm (max 0.1), then RMSprop (alpha 0.9, eps outside the square root) with a learning rate
decayed by 0.9 every step.

    X: int (n, T) character ids, y: int (n, T) the next character at every position
"""

import numpy as np

V, D, H = 13, 6, 8
LR, GAMMA, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 0.9, 1e-8, 0.1


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class GRULM:
    def __init__(self, seed=74):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(H)
        self.params = {
            "E": rng.normal(0.0, 0.5, (V, D)),
            "W_ih": rng.uniform(-s, s, (D, 3 * H)),
            "W_hh": rng.uniform(-s, s, (H, 3 * H)),
            "b_ih": rng.uniform(-s, s, 3 * H),
            "b_hh": rng.uniform(-s, s, 3 * H),
            "W_out": rng.uniform(-s, s, (H, V)),
            "b_out": rng.uniform(-s, s, V),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n, T = X.shape
        h = np.zeros((n, H), dtype=p["W_hh"].dtype)
        cache = []
        for t in range(T):
            x = p["E"][X[:, t]]
            gi = x @ p["W_ih"] + p["b_ih"]
            gh = h @ p["W_hh"] + p["b_hh"]
            r = sigmoid(gi[:, :H] + gh[:, :H])
            z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
            nn_ = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
            h_new = (1.0 - z) * nn_ + z * h
            logits = h_new @ p["W_out"] + p["b_out"]
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            cache.append((x, h, r, z, nn_, gh[:, 2 * H:], h_new, e / e.sum(axis=1, keepdims=True)))
            h = h_new
        return cache

    def train_step(self, X, y):
        p = self.params
        n, T = X.shape
        rows = np.arange(n)
        cache = self.forward(X)
        count = n * T
        loss = -sum(np.log(c[-1][rows, y[:, t]]).sum() for t, c in enumerate(cache)) / count

        g = {k: np.zeros_like(a) for k, a in p.items()}
        dh_next = np.zeros((n, H), dtype=p["W_hh"].dtype)
        for t in reversed(range(T)):
            x, h_prev, r, z, nn_, ghn, h, prob = cache[t]
            dlogits = prob.copy()
            dlogits[rows, y[:, t]] -= 1.0
            dlogits /= count
            g["W_out"] += h.T @ dlogits
            g["b_out"] += dlogits.sum(axis=0)
            dh = dlogits @ p["W_out"].T + dh_next
            dn = dh * (1.0 - z)
            dz = dh * (h_prev - nn_)
            dn_pre = dn * (1.0 - nn_ ** 2)
            dr_pre = dn_pre * ghn * r * (1.0 - r)
            dz_pre = dz * z * (1.0 - z)
            dgi = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)
            dgh = np.concatenate([dr_pre, dz_pre, dn_pre * r], axis=1)
            g["W_ih"] += x.T @ dgi
            g["b_ih"] += dgi.sum(axis=0)
            g["W_hh"] += h_prev.T @ dgh
            g["b_hh"] += dgh.sum(axis=0)
            np.add.at(g["E"], X[:, t], dgi @ p["W_ih"].T)
            dh_next = dh * z + dgh @ p["W_hh"].T

        total = np.sqrt(sum(np.sum(a * a) for a in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        lr = LR * GAMMA ** self.t
        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] * g[k]
            p[k] -= lr * g[k] / (np.sqrt(self.sq[k]) + EPS)
        self.t += 1
        return float(loss)
