"""The SE-gated SwiGLU classifier of swiglu_numpy.py written another way: one small Dense object per
layer (its own W (in, out), b and the gradients dW, db of the last backward), a separate Adam-state
object per parameter, np.einsum products, the sigmoid as 0.5 * (1 + tanh(z / 2)), the ReLU and its
derivative with np.where, the cross-entropy through a log-sum-exp against a one-hot matrix, the
clip through np.linalg.norm of all the gradients concatenated, and AdamW's step in torch's own
bookkeeping (step size lr / (1 - beta1^t), denominator sqrt(v) / sqrt(1 - beta2^t) + eps, the
decay subtracted as lr * WD * p). The same model, loss, clip, optimizer and warmup.

    X: float (n, 10), y: int64 (n,) class in 0..2
"""

import math

import numpy as np

D, R, H, K = 10, 4, 12, 3
LR, WD, WARMUP, MAX_NORM = 0.02, 0.05, 5, 0.35
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def warmup(t):
    return LR * min(1.0, t / WARMUP)


class Dense:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def __call__(self, x):
        self.x = x
        return np.einsum("ni,io->no", x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.einsum("ni,no->io", self.x, dout)
        self.db = dout.sum(axis=0)
        return np.einsum("no,io->ni", dout, self.W)


class AdamWState:
    def __init__(self, like):
        self.exp_avg = np.zeros_like(like)
        self.exp_avg_sq = np.zeros_like(like)

    def step(self, param, grad, lr, t):
        param -= lr * WD * param
        self.exp_avg += (1.0 - BETA1) * (grad - self.exp_avg)
        self.exp_avg_sq *= BETA2
        self.exp_avg_sq += (1.0 - BETA2) * grad * grad
        step_size = lr / (1.0 - BETA1 ** t)
        denom = np.sqrt(self.exp_avg_sq) / math.sqrt(1.0 - BETA2 ** t) + EPS
        param -= step_size * self.exp_avg / denom


class SESwiGLULayers:
    def __init__(self, seed=84):
        rng = np.random.default_rng(seed)
        self.se1 = Dense(rng.normal(0.0, 1.0 / np.sqrt(D), (D, R)), np.zeros(R))
        self.se2 = Dense(rng.normal(0.0, 1.0 / np.sqrt(R), (R, D)), np.full(D, 1.0))
        self.value = Dense(rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)), np.zeros(H))
        self.gate = Dense(rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)), np.zeros(H))
        self.head = Dense(rng.normal(0.0, 1.0 / np.sqrt(H), (H, K)), np.zeros(K))
        self.layers = [self.se1, self.se2, self.value, self.gate, self.head]
        self.states = [(AdamWState(l.W), AdamWState(l.b)) for l in self.layers]
        self.steps_done = 0

    def forward(self, X):
        z1 = self.se1(X)
        self.r = np.where(z1 > 0, z1, 0.0)
        self.s = sigmoid(self.se2(self.r))
        self.xs = X * self.s
        self.a = self.value(self.xs)
        self.zg = self.gate(self.xs)
        self.sg = sigmoid(self.zg)
        self.u = self.a * (self.zg * self.sg)
        return self.head(self.u)

    def train_step(self, X, y):
        n = X.shape[0]
        logits = self.forward(X)
        onehot = np.eye(K, dtype=X.dtype)[y]
        top = logits.max(axis=1, keepdims=True)
        lse = top + np.log(np.exp(logits - top).sum(axis=1, keepdims=True))
        loss = np.mean(lse[:, 0] - np.einsum("nk,nk->n", logits, onehot))

        dlogits = (np.exp(logits - lse) - onehot) / n
        du = self.head.backward(dlogits)
        da = du * self.zg * self.sg
        dzg = du * self.a * (self.sg + self.zg * self.sg * (1.0 - self.sg))
        dxs = self.value.backward(da) + self.gate.backward(dzg)
        dpre2 = dxs * X * self.s * (1.0 - self.s)
        dr = self.se2.backward(dpre2)
        self.se1.backward(np.where(self.r > 0, dr, 0.0))

        grads = [(l.dW, l.db) for l in self.layers]
        total = np.linalg.norm(np.concatenate([g.ravel() for pair in grads for g in pair]))
        coef = min(1.0, MAX_NORM / (float(total) + 1e-6))

        self.steps_done += 1
        lr = warmup(self.steps_done)
        for layer, (sW, sb), (dW, db) in zip(self.layers, self.states, grads):
            sW.step(layer.W, dW * coef, lr, self.steps_done)
            sb.step(layer.b, db * coef, lr, self.steps_done)
        return float(loss)
