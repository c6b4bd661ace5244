"""A character-level GRU language model, from scratch in NumPy, laid out like torch's nn.GRU.

    e_t = C[x_t]
    r_t = sigmoid(W_ir e_t + b_ir + W_hr h_{t-1} + b_hr)
    z_t = sigmoid(W_iz e_t + b_iz + W_hz h_{t-1} + b_hz)
    n_t = tanh(W_in e_t + b_in + r_t * (W_hn h_{t-1} + b_hn))
    h_t = (1 - z_t) * n_t + z_t * h_{t-1}                 h_0 = 0 for every window
    logits_t = W_out h_t + b_out
    loss = mean over all N*T positions of the softmax cross-entropy

Full backpropagation through time over the window, gradient clipping by the global L2 norm
(max_norm / (norm + 1e-6), as clip_grad_norm_), Adam (torch.optim.Adam's formula).

    X: int64 (N, T) character ids, y: int64 (N, T) next character ids.

Parameters (self.params), torch's layout, gates stacked r, z, n:
    C (V, E), W_ih (3H, E), W_hh (3H, H), b_ih (3H,), b_hh (3H,), W_out (V, H), b_out (V,)
"""

import math

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class CharGRU:
    def __init__(self, vocab=16, n_embd=8, hidden=12, lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.22, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.V, self.E, self.H = vocab, n_embd, hidden
        k = 1.0 / math.sqrt(hidden)
        self.params = {
            "C": rng.standard_normal((vocab, n_embd)),
            "W_ih": rng.uniform(-k, k, (3 * hidden, n_embd)),
            "W_hh": rng.uniform(-k, k, (3 * hidden, hidden)),
            "b_ih": rng.uniform(-k, k, 3 * hidden),
            "b_hh": rng.uniform(-k, k, 3 * hidden),
            "W_out": rng.uniform(-k, k, (vocab, hidden)),
            "b_out": rng.uniform(-k, k, vocab),
        }
        for name in self.params:
            self.params[name] = self.params[name].astype(dtype)
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.max_norm = max_norm
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p, H = self.params, self.H
        N, T = X.shape
        emb = p["C"][X]                                   # (N, T, E)
        h = np.zeros((N, H), dtype=p["C"].dtype)
        hs, cache = [h], []
        for t in range(T):
            gi = emb[:, t] @ p["W_ih"].T + p["b_ih"]
            gh = h @ p["W_hh"].T + p["b_hh"]
            r = sigmoid(gi[:, :H] + gh[:, :H])
            z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
            n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
            h = (1 - z) * n + z * h
            hs.append(h)
            cache.append((r, z, n, gh[:, 2 * H:]))
        Hs = np.stack(hs[1:], axis=1)                     # (N, T, H)
        logits = Hs @ p["W_out"].T + p["b_out"]           # (N, T, V)
        return logits, (emb, hs, Hs, cache)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=-1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        picked = np.take_along_axis(log_probs, y[..., None], axis=-1)
        return -picked.mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, H = self.params, self.H
        N, T = X.shape
        logits, (emb, hs, Hs, cache) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        dlogits = probs
        np.put_along_axis(dlogits, y[..., None],
                          np.take_along_axis(dlogits, y[..., None], axis=-1) - 1, axis=-1)
        dlogits /= N * T

        g = {name: np.zeros_like(a) for name, a in p.items()}
        g["W_out"] = dlogits.reshape(-1, self.V).T @ Hs.reshape(-1, H)
        g["b_out"] = dlogits.sum(axis=(0, 1))
        dHs = dlogits @ p["W_out"]                        # (N, T, H)
        demb = np.zeros_like(emb)

        dh_next = np.zeros((N, H), dtype=Hs.dtype)
        for t in reversed(range(T)):
            r, z, n, ghn = cache[t]
            h_prev = hs[t]
            dh = dHs[:, t] + dh_next
            dz = dh * (h_prev - n)
            dn = dh * (1 - z)
            dn_pre = dn * (1 - n ** 2)
            dz_pre = dz * z * (1 - z)
            dr = dn_pre * ghn
            dr_pre = dr * r * (1 - r)
            dgi = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)
            dgh = np.concatenate([dr_pre, dz_pre, dn_pre * r], axis=1)
            g["W_ih"] += dgi.T @ emb[:, t]
            g["b_ih"] += dgi.sum(axis=0)
            g["W_hh"] += dgh.T @ h_prev
            g["b_hh"] += dgh.sum(axis=0)
            demb[:, t] = dgi @ p["W_ih"]
            dh_next = dh * z + dgh @ p["W_hh"]
        np.add.at(g["C"], X, demb)
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip_gradients(self):
        total = math.sqrt(sum(float(np.sum(gr * gr)) for gr in self.grads.values()))
        coef = self.max_norm / (total + 1e-6)
        if coef < 1.0:
            for name in self.grads:
                self.grads[name] = self.grads[name] * coef
        return total

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for name, w in self.params.items():
            gr = self.grads[name]
            self.m[name] = self.beta1 * self.m[name] + (1 - self.beta1) * gr
            self.v[name] = self.beta2 * self.v[name] + (1 - self.beta2) * gr * gr
            denom = np.sqrt(self.v[name]) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * self.m[name] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_gradients()
        self.adam()
        return float(loss)
