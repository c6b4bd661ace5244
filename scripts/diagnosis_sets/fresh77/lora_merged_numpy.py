"""The LoRA classifier of lora_numpy.py written another way: per-layer lists, the frozen base
(W0[i], b0[i], from lora_base.npz) beside the trainable factors A[i] and B[i], and the adapter
merged into the weight for the forward, x @ (W0 + s A @ B) + b0, s = ALPHA / R. The backward takes
the gradient of the merged weight, dW = x^T dout, and splits it, dA = s dW B^T, dB = s A^T dW.
AdamW with the bias corrections folded into the step size and epsilon (Kingma and Ba's form:
lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), eps_t = eps sqrt(1 - b2^t)), its moments kept as one
(m, v) pair per array, and the cosine schedule as a function of the update count.

    X: float (n, 12), y: int (n,) labels 0..2
"""

import math
from pathlib import Path

import numpy as np

R, ALPHA = 4, 8.0
LR, ETA_MIN, T_MAX, WD = 0.01, 0.001, 20, 0.01
BETAS, EPS = (0.9, 0.999), 1e-8


def cosine_lr(step):
    """Learning rate of the update after `step` earlier ones."""
    return ETA_MIN + 0.5 * (LR - ETA_MIN) * (1.0 + math.cos(math.pi * step / T_MAX))


class LoRAMerged:
    def __init__(self, seed=77):
        base = np.load(Path(__file__).with_name("lora_base.npz"))
        rng = np.random.default_rng(seed)
        self.W0 = [base["W1"], base["W2"]]
        self.b0 = [base["b1"], base["b2"]]
        self.A, self.B = [], []
        for W0 in self.W0:
            d_in, d_out = W0.shape
            self.A.append(rng.normal(0.0, 1.0 / np.sqrt(d_in), (d_in, R)))
            self.B.append(np.zeros((R, d_out)))
        self.moments = {name: [(np.zeros_like(a), np.zeros_like(a)) for a in getattr(self, name)]
                        for name in ("A", "B")}
        self.updates = 0

    def merged(self, i):
        return self.W0[i] + (ALPHA / R) * (self.A[i] @ self.B[i])

    def activations(self, X):
        acts = [X]
        for i in range(len(self.W0)):
            z = acts[-1] @ self.merged(i) + self.b0[i]
            acts.append(np.maximum(z, 0.0) if i < len(self.W0) - 1 else z)
        return acts

    def loss(self, X, y):
        z = self.activations(X)[-1]
        top = z.max(axis=1)
        lse = np.log(np.exp(z - top[:, None]).sum(axis=1)) + top
        return float(np.mean(lse - z[np.arange(len(y)), y]))

    def train_step(self, X, y):
        acts = self.activations(X)
        z = acts[-1]
        loss = self.loss(X, y)
        P = np.exp(z - z.max(axis=1, keepdims=True))
        P /= P.sum(axis=1, keepdims=True)
        P[np.arange(len(y)), y] -= 1.0
        delta = P / len(y)

        s = ALPHA / R
        dA, dB = [None, None], [None, None]
        for i in reversed(range(len(self.W0))):
            dW = acts[i].T @ delta
            dA[i] = s * dW @ self.B[i].T
            dB[i] = s * self.A[i].T @ dW
            if i > 0:
                delta = (delta @ self.merged(i).T) * (acts[i] > 0)

        lr = cosine_lr(self.updates)
        self.updates += 1
        t = self.updates
        b1, b2 = BETAS
        step = lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        eps_t = EPS * math.sqrt(1.0 - b2 ** t)
        for name, grads in (("A", dA), ("B", dB)):
            arrays = getattr(self, name)
            for i, g in enumerate(grads):
                m, v = self.moments[name][i]
                m = b1 * m + (1.0 - b1) * g
                v = b2 * v + (1.0 - b2) * g * g
                self.moments[name][i] = (m, v)
                arrays[i] *= 1.0 - lr * WD
                arrays[i] -= step * m / (np.sqrt(v) + eps_t)
        return loss
