"""Binary classifier from scratch: 6 inputs -> 7 tanh -> 1 logit, binary cross-entropy summed
over the batch and computed from the logit with np.logaddexp (no sigmoid is ever formed in the
loss), Adam. Each parameter's two moments live in one stacked array, state[name] = [m, v],
and the per-sample weight gradients are summed with np.einsum."""

import numpy as np

BETAS = np.array([0.9, 0.999])
EPS = 1e-8


class StackedAdamNet:
    def __init__(self, n_in=6, hidden=7, lr=0.01, seed=2):
        rng = np.random.default_rng(seed)
        self.theta = {
            "w_in": rng.normal(0.0, 0.4, (n_in, hidden)),
            "b_in": np.zeros(hidden),
            "w_out": rng.normal(0.0, 0.4, (hidden, 1)),
            "b_out": np.zeros(1),
        }
        self.state = {k: np.zeros((2,) + p.shape) for k, p in self.theta.items()}
        self.lr = lr
        self.steps = 0

    def grads(self, X, y):
        th = self.theta
        h = np.tanh(np.einsum("ni,ih->nh", X, th["w_in"]) + th["b_in"])
        z = np.einsum("nh,ho->no", h, th["w_out"]) + th["b_out"]
        loss = np.sum(np.logaddexp(0.0, z) - y * z)
        dz = np.exp(-np.logaddexp(0.0, -z)) - y          # sigmoid(z) - y, summed loss
        dh = dz @ th["w_out"].T * (1.0 - h * h)
        g = {
            "w_out": np.einsum("nh,no->ho", h, dz),
            "b_out": dz.sum(axis=0),
            "w_in": np.einsum("ni,nh->ih", X, dh),
            "b_in": dh.sum(axis=0),
        }
        return loss, g

    def train_step(self, X, y):
        loss, g = self.grads(X, y)
        self.steps += 1
        correction = 1.0 - BETAS ** self.steps
        for k, grad in g.items():
            s = self.state[k]
            s[0] = BETAS[0] * s[0] + (1.0 - BETAS[0]) * grad
            s[1] = BETAS[1] * s[1] + (1.0 - BETAS[1]) * grad * grad
            self.theta[k] -= self.lr * (s[0] / correction[0]) / (np.sqrt(s[1] / correction[1]) + EPS)
        return float(loss)
