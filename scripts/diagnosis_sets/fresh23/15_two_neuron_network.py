"""The network of Victor Zhou's "Machine Learning for Beginners: An Introduction to Neural
Networks", written out neuron by neuron: inputs x0, x1; hidden neurons h1 (w1, w2, b1) and
h2 (w3, w4, b2); output o1 (w5, w6, b3); sigmoid everywhere; squared error (y_true - y_pred)^2
of each sample, stochastic gradient descent one sample at a time.

ZhouNetwork wraps it for the parity kit (get_params / set_params / step)."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def deriv_sigmoid(x):
    fx = sigmoid(x)
    return fx * (1 - fx)


class OurNeuralNetwork:
    def __init__(self):
        rng = np.random.default_rng(4)
        self.w1, self.w2, self.w3, self.w4, self.w5, self.w6 = rng.normal(size=6)
        self.b1, self.b2, self.b3 = rng.normal(size=3)

    def train_sample(self, x, y_true, learn_rate):
        sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
        h1 = sigmoid(sum_h1)
        sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
        h2 = sigmoid(sum_h2)
        sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
        o1 = sigmoid(sum_o1)
        y_pred = o1

        d_L_d_ypred = -2 * (y_true - y_pred)

        # Neuron o1
        d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
        d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
        d_ypred_d_b3 = deriv_sigmoid(sum_o1)
        d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)
        d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)

        # Neuron h1
        d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
        d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
        d_h1_d_b1 = deriv_sigmoid(sum_h1)

        # Neuron h2
        d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
        d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
        d_h2_d_b2 = deriv_sigmoid(sum_h2)

        # Update weights and biases
        # Neuron h1
        self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
        self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
        self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1

        # Neuron h2
        self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h2_d_w3   # BUG: self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
        self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
        self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2

        # Neuron o1
        self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
        self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
        self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3


class ZhouNetwork:
    def __init__(self, X, y, learn_rate=0.1):
        self.net = OurNeuralNetwork()
        self.learn_rate = learn_rate

    def get_params(self):
        n = self.net
        return {"W1": np.array([[n.w1, n.w3], [n.w2, n.w4]]), "b1": np.array([n.b1, n.b2]),
                "W2": np.array([[n.w5], [n.w6]]), "b2": np.array([n.b3])}

    def set_params(self, params):
        n = self.net
        W1, b1, W2, b2 = (np.asarray(params[k]) for k in ("W1", "b1", "W2", "b2"))
        (n.w1, n.w3), (n.w2, n.w4) = W1
        n.b1, n.b2 = b1
        n.w5, n.w6 = W2[:, 0]
        (n.b3,) = b2

    def step(self, X, y):
        for x, y_true in zip(X, y[:, 0]):
            self.net.train_sample(x, y_true, self.learn_rate)
