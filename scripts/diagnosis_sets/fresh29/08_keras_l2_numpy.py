"""My NumPy re-implementation of a small Keras model, written to see what fit() does:

    model = keras.Sequential([layers.Dense(8, activation="relu", kernel_regularizer=regularizers.l2(0.05)),
                              layers.Dense(1, activation="sigmoid", kernel_regularizer=regularizers.l2(0.05))])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="binary_crossentropy")

Keras's l2(l) adds l * sum(W^2) to the loss (no 1/2), on the kernels only; so the kernels'
gradients get 2 * l * W and the biases nothing. Full-batch steps."""

import numpy as np

L2, LR = 0.05, 0.5


class KerasL2Net:
    def __init__(self, n_in=2, n_hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        lim1, lim2 = np.sqrt(6 / (n_in + n_hidden)), np.sqrt(6 / (n_hidden + 1))
        self.kernel1 = rng.uniform(-lim1, lim1, (n_in, n_hidden))
        self.bias1 = np.zeros(n_hidden)
        self.kernel2 = rng.uniform(-lim2, lim2, (n_hidden, 1))
        self.bias2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.kernel1 + self.bias1
        a1 = np.maximum(z1, 0)
        z2 = a1 @ self.kernel2 + self.bias2
        p = 1 / (1 + np.exp(-z2))
        bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        loss = bce + L2 * (np.sum(self.kernel1 ** 2) + np.sum(self.kernel2 ** 2))

        dz2 = (p - y) / n
        dk2 = a1.T @ dz2 + 2 * L2 * self.kernel2
        db2 = dz2.sum(axis=0)
        dz1 = (dz2 @ self.kernel2.T) * (z1 > 0)
        dk1 = X.T @ dz1 + 2 * L2 * self.kernel1
        db1 = dz1.sum(axis=0)

        self.kernel1 -= LR * dk1
        self.bias1 -= LR * db1
        self.kernel2 -= LR * dk2
        self.bias2 -= LR * db2
        return float(loss)
