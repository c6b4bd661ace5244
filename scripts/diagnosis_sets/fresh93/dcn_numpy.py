"""A deep & cross network (DCN) for click prediction, from scratch in NumPy.

x0 is the three numeric columns followed by the embedding rows of the three categorical ids
(tables E0, E1, E2 of 4, 5 and 6 ids, three dimensions each): twelve inputs. Two cross layers,
x_{l+1} = x0 * (x_l . w_l) + b_l + x_l, run beside a ReLU layer of 8 units on x0; the last
cross output and the hidden layer are concatenated and a linear unit gives the logit. Clicks
are rare, so the log loss weights the positive rows by POS_WEIGHT (BCEWithLogitsLoss's
pos_weight): mean(POS_WEIGHT * y * softplus(-z) + (1 - y) * softplus(z)). The gradients are
clipped to a global L2 norm of MAX_NORM (as clip_grad_norm_), then SGD with heavy-ball momentum
and coupled weight decay as torch.optim.SGD: g += WD * p, buf = MOMENTUM * buf + g,
p -= LR * buf.

    X: float (n, 6) three numeric features, then three categorical ids; y: float (n,) the click
"""

import math

import numpy as np

N_NUM, CARDS, K, HIDDEN, N_CROSS = 3, (4, 5, 6), 3, 8, 2
D = N_NUM + K * len(CARDS)
LR, MOMENTUM, WD, MAX_NORM, POS_WEIGHT = 0.05, 0.9, 1e-3, 0.5, 2.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0.0, z)


class DeepCross:
    def __init__(self, seed=93):
        rng = np.random.default_rng(seed)
        self.params = {f"E{f}": rng.normal(0.0, 0.3, (card, K)) for f, card in enumerate(CARDS)}
        for l in range(N_CROSS):
            self.params[f"cw{l}"] = rng.normal(0.0, 0.3, D)
            self.params[f"cb{l}"] = np.zeros(D)
        self.params.update({
            "W1": rng.normal(0.0, 1.0 / math.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "w_out": rng.normal(0.0, 1.0 / math.sqrt(D + HIDDEN), D + HIDDEN),
            "b_out": np.zeros(1),
        })
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        ids = [X[:, N_NUM + f].astype(np.int64) for f in range(len(CARDS))]
        x0 = np.concatenate([X[:, :N_NUM]] + [p[f"E{f}"][i] for f, i in enumerate(ids)], axis=1)
        xs, ss = [x0], []
        for l in range(N_CROSS):
            s = xs[-1] @ p[f"cw{l}"]
            ss.append(s)
            xs.append(x0 * s[:, None] + p[f"cb{l}"] + xs[-1])
        pre = x0 @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        cat = np.concatenate([xs[-1], h], axis=1)
        z = cat @ p["w_out"] + p["b_out"]
        return z, (ids, x0, xs, ss, pre, h, cat)

    def loss(self, X, y):
        z, _ = self.forward(X)
        return np.mean(POS_WEIGHT * y * softplus(-z) + (1.0 - y) * softplus(z))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z, (ids, x0, xs, ss, pre, h, cat) = self.forward(X)
        loss = np.mean(POS_WEIGHT * y * softplus(-z) + (1.0 - y) * softplus(z))

        prob = sigmoid(z)
        dz = ((1.0 - y) * prob - POS_WEIGHT * y * (1.0 - prob)) / n
        g = {}
        g["w_out"] = cat.T @ dz
        g["b_out"] = np.sum(dz, keepdims=True)
        dcat = np.outer(dz, p["w_out"])
        dx = dcat[:, :D]
        dpre = dcat[:, D:] * (pre > 0)
        g["W1"] = x0.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        dx0 = dpre @ p["W1"].T
        for l in reversed(range(N_CROSS)):
            ds = np.sum(dx * x0, axis=1)
            g[f"cb{l}"] = dx.sum(axis=0)
            g[f"cw{l}"] = xs[l].T @ ds
            dx0 += dx * ss[l][:, None]
            dx = dx + np.outer(ds, p[f"cw{l}"])
        dx0 += dx
        for f, i in enumerate(ids):
            dE = np.zeros_like(p[f"E{f}"])
            np.add.at(dE, i, dx0[:, N_NUM + K * f:N_NUM + K * (f + 1)])
            g[f"E{f}"] = dE

        total = math.sqrt(sum(float(np.sum(gk ** 2)) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        for k in p:
            d_p = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d_p
            p[k] -= LR * self.velocity[k]
        return float(loss)
