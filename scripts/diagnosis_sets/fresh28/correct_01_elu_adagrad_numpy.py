"""Binary classifier in NumPy: 5 -> 8 ELU -> 8 ELU -> 1 logit (ELU with ALPHA = 0.7: z for z > 0,
ALPHA (e^z - 1) below, its derivative written from the activation as a + ALPHA), the mean binary
cross-entropy from the logit through np.logaddexp, an L1 penalty on the weight matrices only,
and AdaGrad (G += g^2; theta -= lr g / (sqrt(G) + eps), eps 1e-10 as torch's Adagrad).

    X: (n, 5), y: (n, 1) of 0/1
"""

import numpy as np

LR, ALPHA, L1, EPS = 0.05, 0.7, 0.005, 1e-10


def elu(z):
    return np.where(z > 0, z, ALPHA * np.expm1(np.minimum(z, 0.0)))


class EluAdagradNet:
    def __init__(self, sizes=(5, 8, 8, 1), seed=21):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, 1.0 / np.sqrt(a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.L = len(sizes) - 1
        self.sum_sq = {k: np.zeros_like(v) for k, v in self.params.items()}

    def loss(self, X, y):
        p = self.params
        a = X
        for i in range(1, self.L + 1):
            z = a @ p[f"W{i}"] + p[f"b{i}"]
            a = elu(z) if i < self.L else z
        bce = np.mean(np.logaddexp(0.0, a) - y * a)
        return float(bce + L1 * sum(np.abs(p[f"W{i}"]).sum() for i in range(1, self.L + 1)))

    def train_step(self, X, y):
        p = self.params
        loss = self.loss(X, y)
        acts, zs = [X], []
        for i in range(1, self.L + 1):
            z = acts[-1] @ p[f"W{i}"] + p[f"b{i}"]
            zs.append(z)
            acts.append(elu(z) if i < self.L else z)
        logit = acts[-1]
        prob = np.exp(-np.logaddexp(0.0, -logit))

        grads = {}
        delta = (prob - y) / len(X)
        for i in range(self.L, 0, -1):
            grads[f"W{i}"] = acts[i - 1].T @ delta + L1 * np.sign(p[f"W{i}"])
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                a_prev = acts[i - 1]
                delta = (delta @ p[f"W{i}"].T) * np.where(zs[i - 2] > 0, 1.0, a_prev + ALPHA)
        self.grads = grads

        for k in p:
            self.sum_sq[k] += grads[k] ** 2
            p[k] -= LR * grads[k] / (np.sqrt(self.sum_sq[k]) + EPS)
        return loss
