"""Two-output regressor on standardised targets: the targets are put on a unit scale with the
training set's statistics (Y_MEAN, Y_STD, written down once from the data) before the loss;
4 -> 16 tanh -> 2 linear, mean squared error on the standardised targets, Nesterov momentum in
torch's form (v = mu v + g; theta -= lr (g + mu v)).

    X: (n, 4), y: (n, 2) on its raw scale
"""

import numpy as np

LR, MU = 0.05, 0.9
Y_MEAN = np.array([3.0, -1.5])
Y_STD = np.array([1.4, 0.35])


class StandardisedRegressor:
    def __init__(self, seed=4):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 0.5, (4, 16)), rng.normal(0.0, 0.25, (16, 2))]
        self.biases = [np.zeros(16), np.zeros(2)]
        self.vel_w = [np.zeros_like(w) for w in self.weights]
        self.vel_b = [np.zeros_like(b) for b in self.biases]

    def train_step(self, X, y):
        (W1, W2), (b1, b2) = self.weights, self.biases
        target = (y - Y_MEAN) / Y_STD
        h = np.tanh(X @ W1 + b1)
        out = h @ W2 + b2
        loss = np.mean((out - target) ** 2)

        d_out = 2.0 * (out - target) / out.size
        d_h = d_out @ W2.T * (1.0 - h ** 2)
        gw = [X.T @ d_h, h.T @ d_out]
        gb = [d_h.sum(axis=0), d_out.sum(axis=0)]
        for i in range(2):
            self.vel_w[i] = MU * self.vel_w[i] + gw[i]
            self.vel_b[i] = MU * self.vel_b[i] + gb[i]
            self.weights[i] -= LR * (gw[i] + MU * self.vel_w[i])
            self.biases[i] -= LR * (gb[i] + MU * self.vel_b[i])
        return float(loss)
