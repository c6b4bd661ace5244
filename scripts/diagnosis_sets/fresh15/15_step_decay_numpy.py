"""NumPy sigmoid network (4 -> 6 -> 1, sigmoid output, sum of squared errors) trained by SGD with
a step-decay schedule: the learning rate starts at 0.5 and is halved every 5 steps. The port,
15_step_decay_torch.py, uses torch's StepLR."""

import numpy as np

LR0 = 0.5
GAMMA = 0.5
STEP_SIZE = 5


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class StepDecayNet:
    def __init__(self, X, y, hidden=6):
        rng = np.random.default_rng(15)
        self.weights = [rng.uniform(-1, 1, (X.shape[1], hidden)), rng.uniform(-1, 1, (hidden, 1))]
        self.biases = [np.zeros(hidden), np.zeros(1)]
        self.step_count = 0

    def learning_rate(self):
        return LR0 * GAMMA ** (self.step_count / STEP_SIZE)   # BUG: whole periods only (floor division): LR0 * GAMMA ** (self.step_count // STEP_SIZE)

    def train_step(self, X, y):
        lr = self.learning_rate()
        h = sigmoid(X @ self.weights[0] + self.biases[0])
        out = sigmoid(h @ self.weights[1] + self.biases[1])
        delta2 = 2 * (out - y) * out * (1 - out)
        delta1 = (delta2 @ self.weights[1].T) * h * (1 - h)
        self.weights[1] -= lr * (h.T @ delta2)
        self.biases[1] -= lr * delta2.sum(axis=0)
        self.weights[0] -= lr * (X.T @ delta1)
        self.biases[0] -= lr * delta1.sum(axis=0)
        self.step_count += 1
        return float(np.sum((out - y) ** 2))
