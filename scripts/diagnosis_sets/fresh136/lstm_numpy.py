"""An LSTM regressor trained by backpropagation through time, from scratch in NumPy.

Each row of X is a sequence of T = 5 steps of D = 3 features stored flat,
x_t = X[:, t*D:(t+1)*D]. The cell follows torch's nn.LSTMCell, gates in the
order input, forget, cell, output, weights kept (4H, in) with two biases:

    z_t = x_t @ W_ih.T + b_ih + h_{t-1} @ W_hh.T + b_hh
    i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o)
    c_t = f * c_{t-1} + i * g
    h_t = o * tanh(c_t)                      h_0 = c_0 = 0
    yhat = h_T @ W_y + b_y,   loss = mean((yhat - y) ** 2)

The forget-gate bias starts at 1. Gradients are clipped by their global
L2 norm (max_norm / (norm + 1e-6), as torch.nn.utils.clip_grad_norm_) and
applied with Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8).

Parameters (self.params): W_ih (4H, D), W_hh (4H, H), b_ih (4H,), b_hh (4H,),
W_y (H, K), b_y (K,). Adam state: self.m, self.v (keyed like the
parameters), step count self.t.
"""

import os

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSTMRegressor:
    def __init__(self, n_in=3, steps=5, hidden=6, n_out=2, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, max_norm=0.15, seed=0):
        rng = np.random.default_rng(seed)
        H = hidden
        k = 1.0 / np.sqrt(H)
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.params = {
            "W_ih": rng.uniform(-k, k, (4 * H, n_in)),
            "W_hh": rng.uniform(-k, k, (4 * H, H)),
            "b_ih": rng.uniform(-k, k, 4 * H),
            "b_hh": np.zeros(4 * H),
            "W_y": rng.uniform(-k, k, (H, n_out)),
            "b_y": np.zeros(n_out),
        }
        self.params["b_ih"][H:2 * H] = 1.0          # forget gate starts open
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.m = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.v = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.max_norm = max_norm
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        H = self.hidden
        N = X.shape[0]
        X = X.reshape(N, self.steps, self.n_in)
        h = np.zeros((N, H), dtype=p["W_hh"].dtype)
        c = np.zeros((N, H), dtype=p["W_hh"].dtype)
        cache = []
        for t in range(self.steps):
            x_t = X[:, t]
            z = x_t @ p["W_ih"].T + p["b_ih"] + h @ p["W_hh"].T + p["b_hh"]
            i = sigmoid(z[:, :H])
            f = sigmoid(z[:, H:2 * H])
            g = np.tanh(z[:, 2 * H:3 * H])
            o = sigmoid(z[:, 3 * H:])
            c_new = f * c + i * g
            tc = np.tanh(c_new)
            h_new = o * tc
            cache.append((x_t, h, c, i, f, g, o, tc))
            h, c = h_new, c_new
        out = h @ p["W_y"] + p["b_y"]
        return out, h, cache

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        out, h_last, cache = self._forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        dout = 2.0 * diff / diff.size
        self.grads["W_y"] = h_last.T @ dout
        self.grads["b_y"] = dout.sum(axis=0)

        dW_ih = np.zeros_like(p["W_ih"])
        dW_hh = np.zeros_like(p["W_hh"])
        db = np.zeros_like(p["b_ih"])
        dh = dout @ p["W_y"].T
        dc = np.zeros_like(dh)
        for t in reversed(range(self.steps)):
            x_t, h_prev, c_prev, i, f, g, o, tc = cache[t]
            do = dh * tc
            dc = dc + dh * o * (1.0 - tc ** 2)
            di = dc * g
            dg = dc * i
            df = dc * c_prev
            dz = np.concatenate([di * i * (1.0 - i), df * f * (1.0 - f),
                                 dg * (1.0 - g ** 2), do * o * (1.0 - o)], axis=1)
            dW_ih += dz.T @ x_t
            dW_hh += dz.T @ h_prev
            db += dz.sum(axis=0)
            dh = dz @ p["W_hh"]
            dc = dc * f
        self.grads["W_ih"] = dW_ih
        self.grads["W_hh"] = dW_hh
        self.grads["b_ih"] = db
        self.grads["b_hh"] = db.copy()
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip_gradients(self):
        total = np.sqrt(sum(np.sum(g ** 2) for g in self.grads.values()))
        coef = self.max_norm / (total + 1e-6)
        if coef < 1.0:
            for name in self.grads:
                self.grads[name] = self.grads[name] * coef
        return total

    def adam_step(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for name, p in self.params.items():
            g = self.grads[name]
            self.m[name] = b1 * self.m[name] + (1.0 - b1) * g
            self.v[name] = b2 * self.v[name] + (1.0 - b2) * g * g
            m_hat = self.m[name] / (1.0 - b1 ** self.t)
            v_hat = self.v[name] / (1.0 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_gradients()
        self.adam_step()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lstm.npz"))
    net = LSTMRegressor()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(step, loss, float(net.clip_gradients()))
