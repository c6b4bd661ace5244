"""Binary classifier from scratch with two leaky-ReLU hidden layers (slope ALPHA = 0.2 for
negative inputs, the value of DCGAN's discriminator): 6 -> 16 -> 10 -> 1 sigmoid, mean binary
cross-entropy, gradient descent."""

import numpy as np

ALPHA = 0.2
LR = 0.5


def leaky_relu(z):
    return np.where(z > 0, z, ALPHA * z)


def leaky_relu_grad(z):
    return np.where(z > 0, 1.0, ALPHA).astype(z.dtype)


class DeepBinaryClassifier:
    def __init__(self, X, y):
        rng = np.random.default_rng(6)
        self.W1 = rng.normal(0.0, 0.4, (X.shape[1], 16))
        self.b1 = np.zeros(16)
        self.W2 = rng.normal(0.0, 0.3, (16, 10))
        self.b2 = np.zeros(10)
        self.W3 = rng.normal(0.0, 0.3, (10, 1))
        self.b3 = np.zeros(1)

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        a1 = leaky_relu(z1)
        z2 = a1 @ self.W2 + self.b2
        a2 = leaky_relu(z2)
        p = 1.0 / (1.0 + np.exp(-(a2 @ self.W3 + self.b3)))
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))

        d3 = (p - y) / len(X)
        d2 = (d3 @ self.W3.T) * leaky_relu_grad(z2)
        d1 = (d2 @ self.W2.T) * leaky_relu_grad(z1)
        self.W3 -= LR * (a2.T @ d3)
        self.b3 -= LR * d3.sum(axis=0)
        self.W2 -= LR * (a1.T @ d2)
        self.b2 -= LR * d2.sum(axis=0)
        self.W1 -= LR * (X.T @ d1)
        self.b1 -= LR * d1.sum(axis=0)
        return float(loss)
