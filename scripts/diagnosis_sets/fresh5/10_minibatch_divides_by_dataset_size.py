"""Course-style NumPy softmax classifier (ReLU hidden layer, mean cross-entropy) trained on
mini-batches. The constructor stores m = X.shape[0], "the number of training examples", and
the backward pass divides by self.m: on a mini-batch of 16 rows out of 64, every gradient
is 4 times too small (the batch's mean needs the batch's row count)."""

import numpy as np


class SoftmaxNet:
    def __init__(self, X, y, n_h=8, alpha=0.5):
        rng = np.random.default_rng(10)
        self.m = X.shape[0]
        self.W1 = rng.normal(0, 0.3, (X.shape[1], n_h))
        self.b1 = np.zeros(n_h)
        self.W2 = rng.normal(0, 0.3, (n_h, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.alpha = alpha

    def minibatch_step(self, X_batch, Y_batch):
        Z1 = X_batch @ self.W1 + self.b1
        A1 = np.maximum(0, Z1)
        Z2 = A1 @ self.W2 + self.b2
        expZ = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
        A2 = expZ / expZ.sum(axis=1, keepdims=True)

        dZ2 = A2 - Y_batch
        dW2 = A1.T @ dZ2 / self.m   # BUG: / X_batch.shape[0]
        db2 = dZ2.sum(axis=0) / self.m   # BUG: / X_batch.shape[0]
        dZ1 = (dZ2 @ self.W2.T) * (Z1 > 0)
        dW1 = X_batch.T @ dZ1 / self.m   # BUG: / X_batch.shape[0]
        db1 = dZ1.sum(axis=0) / self.m   # BUG: / X_batch.shape[0]

        self.W1 -= self.alpha * dW1
        self.b1 -= self.alpha * db1
        self.W2 -= self.alpha * dW2
        self.b2 -= self.alpha * db2
        return float(-np.sum(Y_batch * np.log(A2 + 1e-12)) / X_batch.shape[0])
