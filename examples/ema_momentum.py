"""Momentum written as a moving average of the gradients, v = βv + (1-β)g, starting from zero.

That is not torch.optim.SGD(momentum=β): it matches SGD(momentum=β,
dampening=β) with a zero buffer, which the kit calls ema-momentum.

    parity check examples/ema_momentum.py:MomentumNetwork --step "net.train()" --optimizer ema-momentum --momentum 0.9 --lr 0.5
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MomentumNetwork:
    def __init__(self, X, y, lr=0.5, beta=0.9):
        self.X, self.y = X, y
        self.weights1 = np.random.uniform(-1, 1, (X.shape[1], 4))
        self.weights2 = np.random.uniform(-1, 1, (4, y.shape[1]))
        self.lr, self.beta = lr, beta
        self.velocity1 = self.velocity2 = None

    def train(self):
        hidden = sigmoid(self.X @ self.weights1)
        output = sigmoid(hidden @ self.weights2)
        delta2 = 2 * (output - self.y) * output * (1 - output)
        delta1 = (delta2 @ self.weights2.T) * hidden * (1 - hidden)
        grad1, grad2 = self.X.T @ delta1, hidden.T @ delta2
        if self.velocity1 is None:
            self.velocity1, self.velocity2 = np.zeros_like(grad1), np.zeros_like(grad2)
        self.velocity1 = self.beta * self.velocity1 + (1 - self.beta) * grad1
        self.velocity2 = self.beta * self.velocity2 + (1 - self.beta) * grad2
        self.weights1 -= self.lr * self.velocity1
        self.weights2 -= self.lr * self.velocity2
