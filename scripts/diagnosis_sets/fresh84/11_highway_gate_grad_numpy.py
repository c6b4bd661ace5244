"""Highway network regressor in NumPy.

A tanh projection of the six inputs to a width of eight, x0 = tanh(X Wp + bp), then two highway
layers, each with a ReLU transform H = relu(x Wh + bh), a sigmoid transform gate
T = sigmoid(x Wt + bt) (its bias started at -1, so the layers begin by carrying) and the carry gate
1 - T: x_next = H * T + x * (1 - T). A linear unit reads the last layer. Mean squared error.
SGD with heavy-ball momentum as torch.optim.SGD(momentum=MU, weight_decay=WD): the L2 term WD * p
is added to every gradient (biases included) before it enters the velocity, v = MU v + g,
p -= lr v; the learning rate is halved every STEP_SIZE updates (StepLR): the t-th update
(t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE).

    X: float (n, 6), y: float (n, 1)
"""

import numpy as np

D, H = 6, 8
LR, MU, WD, STEP_SIZE, GAMMA = 0.05, 0.9, 1e-3, 8, 0.5
LAYERS = 2


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class HighwayRegressor:
    def __init__(self, seed=84):
        rng = np.random.default_rng(seed)
        p = {"Wp": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)), "bp": np.zeros(H)}
        for l in range(1, LAYERS + 1):
            p[f"Wh{l}"] = rng.normal(0.0, 1.0 / np.sqrt(H), (H, H))
            p[f"bh{l}"] = rng.normal(0.0, 0.1, H)
            p[f"Wt{l}"] = rng.normal(0.0, 1.0 / np.sqrt(H), (H, H))
            p[f"bt{l}"] = np.full(H, -1.0)
        p["Wo"] = rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1))
        p["bo"] = np.zeros(1)
        self.params = p
        self.velocity = {k: np.zeros_like(a) for k, a in p.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        x0 = np.tanh(X @ p["Wp"] + p["bp"])
        x = x0
        cache = []
        for l in range(1, LAYERS + 1):
            h = np.maximum(x @ p[f"Wh{l}"] + p[f"bh{l}"], 0.0)
            t = sigmoid(x @ p[f"Wt{l}"] + p[f"bt{l}"])
            cache.append((x, h, t))
            x = h * t + x * (1.0 - t)
        pred = x @ p["Wo"] + p["bo"]
        return pred, x0, x, cache

    def loss(self, X, y):
        pred = self.forward(X)[0]
        return float(np.mean((pred - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred, x0, xl, cache = self.forward(X)
        loss = np.mean((pred - y) ** 2)

        g = {}
        dpred = 2.0 * (pred - y) / pred.size
        g["Wo"] = xl.T @ dpred
        g["bo"] = dpred.sum(axis=0)
        dx = dpred @ p["Wo"].T
        for l in range(LAYERS, 0, -1):
            x, h, t = cache[l - 1]
            dh = dx * t
            dt = dx * h  # fix: dt = dx * (h - x)
            dx = dx * (1.0 - t)
            dzh = dh * (h > 0)
            dzt = dt * t * (1.0 - t)
            g[f"Wh{l}"] = x.T @ dzh
            g[f"bh{l}"] = dzh.sum(axis=0)
            g[f"Wt{l}"] = x.T @ dzt
            g[f"bt{l}"] = dzt.sum(axis=0)
            dx = dx + dzh @ p[f"Wh{l}"].T + dzt @ p[f"Wt{l}"].T
        dzp = dx * (1.0 - x0 ** 2)
        g["Wp"] = X.T @ dzp
        g["bp"] = dzp.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MU * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
