"""A GRU sequence classifier (3 classes, head on the last hidden state), from scratch in NumPy.

Each row of X is a sequence of T = 4 steps of D = 4 features stored flat,
x_t = X[:, t*D:(t+1)*D]; y holds class ids 0..2. The cell is the one of
torch's nn.GRUCell, gates in the order reset, update, new, the reset gate
applied to the hidden matrix product (bias included):

    [i_r, i_z, i_n] = x_t @ W_i + b_i               W_i (D, 3H), b_i (3H,)
    [h_r, h_z, h_n] = h_{t-1} @ W_h + b_h           W_h (H, 3H), b_h (3H,)
    r = σ(i_r + h_r),  z = σ(i_z + h_z)
    n = tanh(i_n + r * h_n)
    h_t = (1 - z) * n + z * h_{t-1}                 h_0 = 0
    logits = h_T @ W_o + b_o,  loss = mean over rows of -log softmax(logits)[y]

Each gradient entry is clipped to [-0.05, 0.05] (torch.nn.utils.clip_grad_value_),
then plain SGD, lr 0.5.

Parameters (self.params): W_i, W_h, b_i, b_h, W_o (H, 3), b_o (3,).
"""

import os

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GRUClassifier:
    def __init__(self, n_in=4, steps=4, hidden=5, n_classes=3, lr=0.5, clip=0.05, seed=2):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / np.sqrt(H)
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.params = {
            "W_i": rng.uniform(-k, k, (n_in, 3 * H)),
            "W_h": rng.uniform(-k, k, (H, 3 * H)),
            "b_i": rng.uniform(-k, k, 3 * H),
            "b_h": rng.uniform(-k, k, 3 * H),
            "W_o": rng.uniform(-k, k, (H, n_classes)),
            "b_o": np.zeros(n_classes),
        }
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr = lr
        self.clip = clip

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        H = self.hidden
        N = X.shape[0]
        X = X.reshape(N, self.steps, self.n_in)
        h = np.zeros((N, H), dtype=p["W_h"].dtype)
        cache = []
        for t in range(self.steps):
            x_t = X[:, t]
            gi = x_t @ p["W_i"] + p["b_i"]
            gh = h @ p["W_h"] + p["b_h"]
            r = sigmoid(gi[:, :H] + gh[:, :H])
            z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
            n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
            h_new = (1.0 - z) * n + z * h
            cache.append((x_t, h, r, z, n, gh[:, 2 * H:]))
            h = h_new
        logits = h @ p["W_o"] + p["b_o"]
        return logits, h, cache

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def softmax(logits):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)  # fix: return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        probs = self.softmax(self.forward(X))
        return -np.mean(np.log(probs[np.arange(len(y)), y]))

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        H = self.hidden
        logits, h_last, cache = self._forward(X)
        N = logits.shape[0]
        probs = self.softmax(logits)
        loss = -np.mean(np.log(probs[np.arange(N), y]))
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N

        g = {name: np.zeros_like(w) for name, w in p.items()}
        g["W_o"] = h_last.T @ dlogits
        g["b_o"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W_o"].T
        for t in reversed(range(self.steps)):
            x_t, h_prev, r, z, n, h_n = cache[t]
            dn = dh * (1.0 - z)
            dz = dh * (h_prev - n)
            dh_prev = dh * z
            da_n = dn * (1.0 - n ** 2)
            dr = da_n * h_n
            da_r = dr * r * (1.0 - r)
            da_z = dz * z * (1.0 - z)
            dgi = np.concatenate([da_r, da_z, da_n], axis=1)
            dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)
            g["W_i"] += x_t.T @ dgi
            g["b_i"] += dgi.sum(axis=0)
            g["W_h"] += h_prev.T @ dgh
            g["b_h"] += dgh.sum(axis=0)
            dh = dh_prev + dgh @ p["W_h"].T
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip_gradients(self):
        for name in self.grads:
            self.grads[name] = np.clip(self.grads[name], -self.clip, self.clip)

    def sgd_step(self):
        for name, p in self.params.items():
            p -= self.lr * self.grads[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_gradients()
        self.sgd_step()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "grucls.npz"))
    X, y = data["X"].astype(np.float32), data["y"]
    net = GRUClassifier()
    for k in net.params:
        net.params[k] = net.params[k].astype(np.float32)
    for step in range(30):
        net.backward(X, y)
        big = {k: int((np.abs(g) > net.clip).sum()) for k, g in net.grads.items()}
        loss = net.loss(X, y)
        net.clip_gradients()
        net.sgd_step()
        print(step, float(loss), big)
