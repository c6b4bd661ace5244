"""Weight-normalised classifier in NumPy: the hidden layer's weight is reparametrised as
w = g * v / ||v|| (Salimans and Kingma), one norm per hidden unit (per column of the (in, out)
matrix V1), with the gain g1 kept as a (1, 8) row; 4 inputs -> 8 tanh -> 1 sigmoid unit, mean
binary cross-entropy, plain SGD on v, g, the biases and the output layer. The backward pass
through the normalisation is written by hand.

    X: float (n, 4); y: 0/1 (n, 1)
"""

import numpy as np

N_IN, WIDTH, LR = 4, 8, 0.5


class WNNet:
    def __init__(self, seed=65):
        rng = np.random.default_rng(seed)
        V1 = rng.normal(0.0, 1.0, (N_IN, WIDTH))
        self.params = {
            "V1": V1,
            "g1": np.sqrt((V1 ** 2).sum(axis=0, keepdims=True)) * rng.uniform(0.5, 1.0, (1, WIDTH)),
            "b1": np.zeros(WIDTH),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(WIDTH), (WIDTH, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)

        norm = np.sqrt((p["V1"] ** 2).sum(axis=0, keepdims=True))
        V_hat = p["V1"] / norm
        W1 = p["g1"] * V_hat
        h = np.tanh(X @ W1 + p["b1"])
        prob = 1.0 / (1.0 + np.exp(-(h @ p["W2"] + p["b2"])))
        loss = -np.mean(y * np.log(prob) + (1.0 - y) * np.log(1.0 - prob))

        g = {}
        d_z = (prob - y) / n
        g["W2"] = h.T @ d_z
        g["b2"] = d_z.sum(axis=0)
        d_pre = (d_z @ p["W2"].T) * (1.0 - h * h)
        g["b1"] = d_pre.sum(axis=0)
        dW1 = X.T @ d_pre
        g["g1"] = (dW1 * V_hat).sum(axis=0, keepdims=True)
        g["V1"] = (p["g1"] / norm) * (dW1 - V_hat * g["g1"])

        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
