"""Three-class softmax network, 4 inputs -> 10 tanh units -> 3, mean cross-entropy, trained with
Nesterov momentum in the cs231n form: v_prev = v; v = mu * v - lr * dw; w += -mu * v_prev +
(1 + mu) * v. Parameters and velocities are kept per layer in lists of [W, b] pairs."""

import numpy as np


class LookaheadSoftmax:
    def __init__(self, sizes=(4, 10, 3), lr=0.1, mu=0.9):
        rng = np.random.default_rng(17)
        self.layers = [[rng.normal(0.0, 0.5, (m, n)), np.zeros(n)] for m, n in zip(sizes[:-1], sizes[1:])]
        self.v = [[np.zeros_like(W), np.zeros_like(b)] for W, b in self.layers]
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        (W1, b1), (W2, b2) = self.layers
        h = np.tanh(X @ W1 + b1)
        z = h @ W2 + b2
        log_p = z - z.max(axis=1, keepdims=True)
        log_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))
        loss = -(y * log_p).sum() / len(X)

        dz = (np.exp(log_p) - y) / len(X)
        dh = dz @ W2.T * (1 - h) * (1 + h)
        grads = [[X.T @ dh, dh.sum(axis=0)], [h.T @ dz, dz.sum(axis=0)]]

        for layer, velocity, layer_grads in zip(self.layers, self.v, grads):
            for i, dw in enumerate(layer_grads):
                v_prev = velocity[i].copy()
                velocity[i] = self.mu * velocity[i] - self.lr * dw
                layer[i] += -self.mu * v_prev + (1 + self.mu) * velocity[i]
        return loss
