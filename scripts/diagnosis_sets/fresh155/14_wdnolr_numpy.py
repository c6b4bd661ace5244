"""LSTM tagger written in NumPy to mirror torch.nn.LSTM exactly (layouts, two biases).

    gates_t = x_t @ weight_ih.T + bias_ih + h_{t-1} @ weight_hh.T + bias_hh   (N, 4H), order i, f, g, o
    c_t = f * c_{t-1} + i * g,   h_t = o * tanh(c_t)
    logits_t = h_t @ W_out.T + b_out
    loss = mean over the real steps (mask from the zero padding) of softmax cross-entropy
           = sum(mask * ce) / sum(mask)

The forget-gate bias starts at 1 (bias_ih[H:2H] = 1, bias_hh = 0, so their sum is 1).
Gradients are clipped by their global L2 norm (max_norm 0.14, as clip_grad_norm_), then AdamW:
decoupled weight decay p -= lr * wd * p, then the bias-corrected Adam step (lr 0.01, betas
0.9, 0.999, eps 1e-8, wd 0.01), as torch.optim.AdamW.

    self.p: weight_ih (4H, D), weight_hh (4H, H), bias_ih (4H,), bias_hh (4H,), W_out (K, H),
            b_out (K,); Adam moments self.m, self.v; step count self.step_count.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SeqTagger:
    def __init__(self, n_in=3, hidden=6, n_tags=4, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.01, max_norm=0.14, seed=2):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / np.sqrt(H)
        self.H = H
        self.p = {
            "weight_ih": rng.uniform(-k, k, (4 * H, n_in)),
            "weight_hh": rng.uniform(-k, k, (4 * H, H)),
            "bias_ih": np.zeros(4 * H),
            "bias_hh": np.zeros(4 * H),
            "W_out": rng.uniform(-k, k, (n_tags, H)),
            "b_out": np.zeros(n_tags),
        }
        self.p["bias_ih"][H:2 * H] = 1.0             # forget-gate bias
        self.m = {n: np.zeros_like(a) for n, a in self.p.items()}
        self.v = {n: np.zeros_like(a) for n, a in self.p.items()}
        self.grads = {n: np.zeros_like(a) for n, a in self.p.items()}
        self.step_count = 0
        self.lr, self.betas, self.eps, self.wd, self.max_norm = lr, betas, eps, weight_decay, max_norm

    def forward(self, X):
        p, H = self.p, self.H
        N, T, _ = X.shape
        h = np.zeros((N, H), dtype=X.dtype)
        c = np.zeros((N, H), dtype=X.dtype)
        steps = []
        hs = []
        for t in range(T):
            x = X[:, t]
            gates = x @ p["weight_ih"].T + p["bias_ih"] + h @ p["weight_hh"].T + p["bias_hh"]
            i = sigmoid(gates[:, 0:H])
            f = sigmoid(gates[:, H:2 * H])
            g = np.tanh(gates[:, 2 * H:3 * H])
            o = sigmoid(gates[:, 3 * H:4 * H])
            c_next = f * c + i * g
            tanh_c = np.tanh(c_next)
            h_next = o * tanh_c
            steps.append({"x": x, "h_prev": h, "c_prev": c, "i": i, "f": f, "g": g, "o": o,
                          "tanh_c": tanh_c})
            h, c = h_next, c_next
            hs.append(h)
        hs = np.stack(hs, axis=1)                         # (N, T, H)
        logits = hs @ p["W_out"].T + p["b_out"]           # (N, T, K)
        return logits, hs, steps

    @staticmethod
    def _log_softmax(logits):
        z = logits - logits.max(axis=-1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))

    def loss(self, X, y):
        logits = self.forward(X)[0]
        mask = np.any(X != 0, axis=2).astype(X.dtype)
        logp = np.take_along_axis(self._log_softmax(logits), y[..., None], axis=-1)[..., 0]
        return -(logp * mask).sum() / mask.sum()

    def backward(self, X, y):
        p, H = self.p, self.H
        N, T, _ = X.shape
        logits, hs, steps = self.forward(X)
        mask = np.any(X != 0, axis=2).astype(X.dtype)
        count = mask.sum()
        logp = self._log_softmax(logits)
        loss = -(np.take_along_axis(logp, y[..., None], axis=-1)[..., 0] * mask).sum() / count

        dlogits = np.exp(logp)
        np.put_along_axis(dlogits, y[..., None], np.take_along_axis(dlogits, y[..., None], -1) - 1, -1)
        dlogits = dlogits * (mask / count)[..., None]
        g = {n: np.zeros_like(a) for n, a in p.items()}
        g["W_out"] = np.einsum("ntk,nth->kh", dlogits, hs)
        g["b_out"] = dlogits.sum(axis=(0, 1))
        dhs = dlogits @ p["W_out"]                        # (N, T, H)

        dh_next = np.zeros((N, H), dtype=X.dtype)
        dc_next = np.zeros((N, H), dtype=X.dtype)
        for t in reversed(range(T)):
            s = steps[t]
            dh = dhs[:, t] + dh_next
            do = dh * s["tanh_c"]
            dc = dc_next + dh * s["o"] * (1 - s["tanh_c"] ** 2)
            di = dc * s["g"]
            df = dc * s["c_prev"]
            dgg = dc * s["i"]
            dgates = np.concatenate([di * s["i"] * (1 - s["i"]),
                                     df * s["f"] * (1 - s["f"]),
                                     dgg * (1 - s["g"] ** 2),
                                     do * s["o"] * (1 - s["o"])], axis=1)
            g["weight_ih"] += dgates.T @ s["x"]
            g["weight_hh"] += dgates.T @ s["h_prev"]
            g["bias_ih"] += dgates.sum(axis=0)
            g["bias_hh"] += dgates.sum(axis=0)
            dh_next = dgates @ p["weight_hh"]
            dc_next = dc * s["f"]
        self.grads = g
        return loss

    def clip_grad_norm(self):
        total = np.sqrt(sum(np.sum(gr ** 2) for gr in self.grads.values()))
        coef = min(1.0, self.max_norm / (total + 1e-6))
        for n in self.grads:
            self.grads[n] = self.grads[n] * coef
        return total

    def adamw(self):
        self.step_count += 1
        b1, b2 = self.betas
        bc1 = 1 - b1 ** self.step_count
        bc2 = 1 - b2 ** self.step_count
        for n, w in self.p.items():
            gr = self.grads[n]
            w -= self.wd * w
            self.m[n] = b1 * self.m[n] + (1 - b1) * gr
            self.v[n] = b2 * self.v[n] + (1 - b2) * gr ** 2
            w -= self.lr * (self.m[n] / bc1) / (np.sqrt(self.v[n] / bc2) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.grad_norm = self.clip_grad_norm()
        self.adamw()
        return float(loss)
