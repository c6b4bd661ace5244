"""The siamese contrastive network of siamese_numpy.py written another way, in NumPy.

The weights are kept as torch keeps them, (out, in), under other names (fc1_w, fc1_b, fc2_w,
fc2_b), so the tower is x @ W.T; both points of every pair go through the tower in one stacked
batch (np.vstack) and are split again; the squared distance is an np.einsum, the hinge np.clip,
and the loss 0.5 * mean(y d^2 + (1 - y) hinge^2) has its gradient written with respect to the
distance first (dL/dd), then chained through d = sqrt(s + EPS). The momentum buffers live in a
dict named velocity; the weight decay is a per-parameter table; the step schedule is bookkept as
a current learning rate halved after every STEP-th update (as StepLR does).

    X: float (n, 16) the pairs [x1 | x2], y: float (n,) 1 similar / 0 dissimilar
"""

import numpy as np

D, HIDDEN, EMB = 8, 16, 4
LR, MOMENTUM, WD = 0.05, 0.9, 5e-4
STEP, GAMMA = 8, 0.5
MARGIN, EPS = 2.0, 1e-6


class SiameseAlt:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "fc1_w": rng.uniform(-0.35, 0.35, (HIDDEN, D)),
            "fc1_b": rng.uniform(-0.1, 0.1, HIDDEN),
            "fc2_w": rng.uniform(-0.25, 0.25, (EMB, HIDDEN)),
            "fc2_b": rng.uniform(-0.1, 0.1, EMB),
        }
        self.decay = {"fc1_w": WD, "fc1_b": 0.0, "fc2_w": WD, "fc2_b": 0.0}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = LR
        self.updates = 0

    def _tower(self, x):
        P = self.params
        h = np.tanh(np.einsum("nd,hd->nh", x, P["fc1_w"]) + P["fc1_b"])
        return h, np.einsum("nh,eh->ne", h, P["fc2_w"]) + P["fc2_b"]

    def _forward(self, X):
        n = X.shape[0]
        xs = np.vstack([X[:, :D], X[:, D:]])
        h, e = self._tower(xs)
        diff = e[:n] - e[n:]
        d = np.sqrt(np.einsum("ne,ne->n", diff, diff) + EPS)
        return xs, h, diff, d

    def loss(self, X, y):
        d = self._forward(X)[3]
        hinge = np.clip(MARGIN - d, 0.0, None)
        return float(np.mean(0.5 * y * d ** 2 + 0.5 * (1.0 - y) * hinge ** 2))

    def train_step(self, X, y):
        n = X.shape[0]
        P = self.params
        xs, h, diff, d = self._forward(X)
        hinge = np.clip(MARGIN - d, 0.0, None)
        loss = np.mean(0.5 * y * d ** 2 + 0.5 * (1.0 - y) * hinge ** 2)

        dL_dd = (y * d - (1.0 - y) * hinge) / n
        ddiff = (dL_dd / d)[:, None] * diff
        de = np.concatenate([ddiff, -ddiff], axis=0)
        grads = {"fc2_w": np.einsum("ne,nh->eh", de, h), "fc2_b": de.sum(axis=0)}
        dpre = np.einsum("ne,eh->nh", de, P["fc2_w"]) * (1.0 - h * h)
        grads["fc1_w"] = np.einsum("nh,nd->hd", dpre, xs)
        grads["fc1_b"] = dpre.sum(axis=0)
        self.grads = grads

        for k, w in P.items():
            buf = self.velocity[k]
            buf *= MOMENTUM
            buf += grads[k] + self.decay[k] * w
            w -= self.lr * buf
        self.updates += 1
        if self.updates % STEP == 0:
            self.lr *= GAMMA
        return float(loss)
