"""LSTM many-to-one classifier, from scratch in NumPy, trained by full BPTT.

    gates_t = x_t @ Wx + h_{t-1} @ Wh + b          (N, 4H), gate order i, f, g, o
    i, f, o = sigmoid(...), g = tanh(...)
    c~ = f * c_{t-1} + i * g,   h~ = o * tanh(c~)
    past a sequence's length the state is carried unchanged:
        c_t = m_t c~ + (1 - m_t) c_{t-1},   h_t = m_t h~ + (1 - m_t) h_{t-1}
    logits = h_T @ Wy + by   (h_T is the state at each sequence's own last step)
    loss = mean over the batch of softmax cross-entropy

The mask m_t comes from the zero padding: a step is real when any feature is non-zero.
Gradients are clipped by their global L2 norm 0.15 (max_norm / (norm + 1e-6), as
torch.nn.utils.clip_grad_norm_), then Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8) with
bias correction.

    X (N, T, n_in) float, y (N,) int class ids.

Parameters (self.params): Wx (n_in, 4H), Wh (H, 4H), b (4H,) with the forget slice b[H:2H]
set to 1, Wy (H, K), by (K,). Adam state self.m, self.v (keyed like params), step count self.t.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSTMClassifier:
    def __init__(self, n_in=3, hidden=5, n_classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.15, seed=0):
        rng = np.random.default_rng(seed)
        H = hidden
        s = 1.0 / np.sqrt(H)
        self.H = H
        self.params = {
            "Wx": rng.uniform(-s, s, (n_in, 4 * H)),
            "Wh": rng.uniform(-s, s, (H, 4 * H)),
            "b": np.zeros(4 * H),
            "Wy": rng.uniform(-s, s, (H, n_classes)),
            "by": np.zeros(n_classes),
        }
        self.params["b"][H:2 * H] = 1.0           # forget-gate bias
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.max_norm = max_norm

    def forward(self, X):
        p, H = self.params, self.H
        N, T, _ = X.shape
        mask = np.any(X != 0, axis=2).astype(X.dtype)
        h = np.zeros((N, H), dtype=X.dtype)
        c = np.zeros((N, H), dtype=X.dtype)
        cache = []
        for t in range(T):
            x = X[:, t]
            m = mask[:, t:t + 1]
            z = x @ p["Wx"] + h @ p["Wh"] + p["b"]
            i = sigmoid(z[:, :H])
            f = sigmoid(z[:, H:2 * H])
            g = np.tanh(z[:, 2 * H:3 * H])
            o = sigmoid(z[:, 3 * H:])
            c_new = f * c + i * g
            tc = np.tanh(c_new)
            h_new = o * tc
            cache.append((x, m, h, c, i, f, g, o, tc))
            c = m * c_new + (1 - m) * c
            h = m * h_new + (1 - m) * h
        logits = h @ p["Wy"] + p["by"]
        return logits, h, cache

    def loss(self, X, y):
        logits = self.forward(X)[0]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        p, H = self.params, self.H
        N = X.shape[0]
        logits, h_last, cache = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        grads = {k: np.zeros_like(v) for k, v in p.items()}
        grads["Wy"] = h_last.T @ dlogits
        grads["by"] = dlogits.sum(axis=0)

        dh = dlogits @ p["Wy"].T
        dc = np.zeros_like(dh)
        for x, m, h_prev, c_prev, i, f, g, o, tc in reversed(cache):
            dh_new, dc_new = m * dh, m * dc            # the step's own state
            dh_keep, dc_keep = (1 - m) * dh, (1 - m) * dc   # carried through padding
            do = dh_new * tc
            dc_new = dc_new + dh_new * o * (1 - tc ** 2)
            di = dc_new * g
            df = dc_new * c_prev
            dg = dc_new * i
            dz = np.concatenate([di * i * (1 - i), df * f * (1 - f),
                                 dg * (1 - g ** 2), do * o * (1 - o)], axis=1)
            grads["Wx"] += x.T @ dz
            grads["Wh"] += h_prev.T @ dz
            grads["b"] += dz.sum(axis=0)
            dh = dz @ p["Wh"].T + dh_keep
            dc = dc_keep
        self.grads = grads
        return loss

    def clip_grads(self):
        total = np.sqrt(sum(np.sum(g ** 2) for g in self.grads.values()))
        coef = self.max_norm / (total + 1e-6)
        if coef < 1:
            for k in self.grads:
                self.grads[k] = self.grads[k] * coef
        return total

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.grad_norm = self.clip_grads()
        self.adam()
        return float(loss)
