"""MLP 10 -> 16 (SELU) -> 16 (SELU) -> 4, log-softmax output trained to soft targets with the
KL divergence KL(target || model), summed over classes and averaged over the batch
(F.kl_div(..., reduction='batchmean')), with Adamax (lr 0.02, betas (0.9, 0.999), eps 1e-8).

Weights in self.weights (each (in, out)), biases in self.biases; Adamax state self.exp_avg,
self.exp_inf (lists like the parameters), step counter self.step_count.
"""

import numpy as np

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


class KLNet:
    def __init__(self, sizes=(10, 16, 16, 4), lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=3):
        rng = np.random.default_rng(seed)
        self.weights = [rng.standard_normal((a, b)) * np.sqrt(1.0 / a)
                        for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.exp_avg = [np.zeros_like(p) for p in self.weights + self.biases]
        self.exp_inf = [np.zeros_like(p) for p in self.weights + self.biases]
        self.step_count = 0

    @staticmethod
    def selu(z):
        return SELU_SCALE * np.where(z > 0, z, SELU_ALPHA * np.expm1(np.minimum(z, 0)))

    @staticmethod
    def selu_grad(z):
        return SELU_SCALE * np.where(z > 0, 1.0, SELU_ALPHA * np.exp(np.minimum(z, 0)))

    def forward(self, X):
        self.zs, self.hs = [], [X]
        h = X
        n = len(self.weights)
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = h @ W + b
            self.zs.append(z)
            h = self.selu(z) if i < n - 1 else z
            self.hs.append(h)
        sh = h - h.max(axis=1, keepdims=True)
        self.logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        return self.logp

    def loss(self, X, target):
        logp = self.forward(X)
        return np.sum(target * (np.log(target) - logp)) / X.shape[0]

    def backward(self, X, target):
        loss = self.loss(X, target)
        N = X.shape[0]
        dz = (np.exp(self.logp) - target) / N
        gW, gb = [None] * len(self.weights), [None] * len(self.biases)
        for i in reversed(range(len(self.weights))):
            gW[i] = self.hs[i].T @ dz
            gb[i] = dz.sum(axis=0)
            if i > 0:
                dz = (dz @ self.weights[i].T) * self.selu_grad(self.zs[i - 1])
        self.grads = {"weights": gW, "biases": gb}
        return loss

    def adamax(self):
        self.step_count += 1
        clr = self.lr / (1 - self.beta1 ** self.step_count)
        params = self.weights + self.biases
        grads = self.grads["weights"] + self.grads["biases"]
        for i, (p, g) in enumerate(zip(params, grads)):
            self.exp_avg[i] = self.beta1 * self.exp_avg[i] + (1 - self.beta1) * g
            self.exp_inf[i] = np.maximum(self.beta2 * self.exp_inf[i], np.abs(g) + self.eps)
            p -= clr * self.exp_avg[i] / self.exp_inf[i]

    def train_step(self, X, target):
        loss = self.backward(X, target)
        self.adamax()
        return float(loss)
