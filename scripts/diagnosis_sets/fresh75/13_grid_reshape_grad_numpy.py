"""A one-object-per-image grid detector head (YOLO-style) in NumPy, on a 3 x 3 feature map.

The map's cells share one tanh layer and one linear layer (a 1x1 convolution written as a matrix
product over the cells) giving five numbers per cell: an objectness logit and the box (tx, ty,
tw, th). The cell holding the object's centre is responsible for it: its box is decoded as the
offset within the cell sigmoid(tx), sigmoid(ty) and the log size relative to a prior (tw, th
against log(w / PRIOR)); the four are regressed with the Huber loss (delta 0.5), summed and
averaged over the images. Objectness is sigmoid cross-entropy over all nine cells, the
responsible cell a positive, every other cell a negative weighted NOOBJ, summed over the cells and
averaged over the images. loss = BOX_W * box + objectness. Hand-written backward; Adam with
torch's defaults.

    X: float (n, 36) the 3x3x4 map, cell-major; y: float (n, 4) the box (cx, cy, w, h) in [0, 1]
"""

import numpy as np

S, C, HIDDEN = 3, 4, 8
PRIOR = np.array([0.3, 0.3])
DELTA, BOX_W, NOOBJ = 0.5, 5.0, 0.5
LR, BETA1, BETA2, EPS = 0.02, 0.9, 0.999, 1e-8


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class GridHead:
    def __init__(self, seed=75):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(C), (C, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 5)),
            "b2": np.zeros(5),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        rows = np.arange(n)
        f = X.reshape(n, S * S, C)
        a = f @ p["W1"] + p["b1"]
        h = np.tanh(a)
        out = h @ p["W2"] + p["b2"]

        col = np.clip((y[:, 0] * S).astype(int), 0, S - 1)
        row = np.clip((y[:, 1] * S).astype(int), 0, S - 1)
        cell = row * S + col
        txy = np.stack([y[:, 0] * S - col, y[:, 1] * S - row], axis=1)
        twh = np.log(y[:, 2:] / PRIOR).astype(X.dtype)

        box = out[rows, cell, 1:]
        pxy = sigmoid(box[:, :2])
        diff = np.concatenate([pxy - txy, box[:, 2:] - twh], axis=1)
        ad = np.abs(diff)
        box_loss = np.sum(np.where(ad <= DELTA, 0.5 * diff ** 2, DELTA * (ad - 0.5 * DELTA))) / n

        obj = out[:, :, 0]
        target = np.zeros_like(obj)
        target[rows, cell] = 1.0
        weight = np.where(target == 1.0, 1.0, NOOBJ).astype(X.dtype)
        obj_loss = np.sum(weight * (np.logaddexp(0.0, obj) - target * obj)) / n
        loss = BOX_W * box_loss + obj_loss

        dbox = BOX_W * np.clip(diff, -DELTA, DELTA) / n
        dbox[:, :2] *= pxy * (1.0 - pxy)
        dout = np.zeros_like(out)
        dout[:, :, 0] = weight * (sigmoid(obj) - target) / n
        dout[rows, cell, 1:] = dbox

        g = {}
        g["W2"] = h.reshape(-1, HIDDEN).T @ dout.reshape(-1, 5)
        g["b2"] = dout.sum(axis=(0, 1))
        da = (dout @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = f.reshape(C, -1) @ da.reshape(-1, HIDDEN)  # fix: g["W1"] = f.reshape(-1, C).T @ da.reshape(-1, HIDDEN)
        g["b1"] = da.sum(axis=(0, 1))
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
