"""The masked tabular autoencoder of masked_ae_numpy.py written in another style: the weights kept
under other names, the forward pass caching into self.cache, the ReLU and its derivative through
np.where, the per-row masked mean written with np.divide over the observed counts (np.clip keeps a
row with nothing observed at 1), matrix products through np.einsum, a separate backward() and
update(), and the warmup as a function of the update count.

    X: float (n, 8) the complete table, y: float (n, 8) the observation mask M
"""

import numpy as np

N_COLS, N_HID = 8, 6
BASE_LR, L2, WARMUP_STEPS = 0.1, 0.01, 5


def warmup_lr(step):
    """Learning rate of the step-th update, step = 1, 2, ..."""
    return BASE_LR * (step / WARMUP_STEPS if step < WARMUP_STEPS else 1.0)


class MaskedAEAlt:
    def __init__(self, seed=76):
        rng = np.random.default_rng(seed)
        self.params = {}
        self.params["enc_w"] = rng.normal(0.0, 1.0 / np.sqrt(2 * N_COLS), (2 * N_COLS, N_HID))
        self.params["enc_b"] = rng.normal(0.0, 0.1, N_HID)
        self.params["dec_w"] = rng.normal(0.0, 1.0 / np.sqrt(N_HID), (N_HID, N_COLS))
        self.params["dec_b"] = rng.normal(0.0, 0.1, N_COLS)
        self.updates = 0
        self.cache = {}

    def forward(self, X, M):
        p = self.params
        inp = np.hstack([np.where(M > 0, X, 0.0), M])
        act = np.einsum("ni,ih->nh", inp, p["enc_w"]) + p["enc_b"]
        hid = np.where(act > 0, act, 0.0)
        out = np.einsum("nh,hd->nd", hid, p["dec_w"]) + p["dec_b"]
        self.cache = {"inp": inp, "act": act, "hid": hid}
        return out

    def backward(self, X, M, out):
        p, c = self.params, self.cache
        rows = X.shape[0]
        observed = np.clip(M.sum(axis=1), 1.0, None)[:, None]
        resid = out - X
        per_row = np.divide((resid * resid * M).sum(axis=1, keepdims=True), observed)
        penalty = 0.5 * L2 * ((p["enc_w"] ** 2).sum() + (p["dec_w"] ** 2).sum())
        loss = per_row.mean() + penalty

        d_out = np.divide(2.0 * resid * M, observed) / rows
        grads = {
            "dec_w": np.einsum("nh,nd->hd", c["hid"], d_out) + L2 * p["dec_w"],
            "dec_b": np.einsum("nd->d", d_out),
        }
        d_act = np.where(c["act"] > 0, d_out @ p["dec_w"].T, 0.0)
        grads["enc_w"] = np.einsum("ni,nh->ih", c["inp"], d_act) + L2 * p["enc_w"]
        grads["enc_b"] = d_act.sum(axis=0)
        self.grads = grads
        return loss

    def update(self):
        self.updates += 1
        step = warmup_lr(self.updates)
        for name, value in self.params.items():
            value -= step * self.grads[name]

    def train_step(self, X, y):
        out = self.forward(X, y)
        loss = self.backward(X, y, out)
        self.update()
        return float(loss)
