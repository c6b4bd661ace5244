"""Cross-entropy summed over the batch (no division by n), a sigmoid hidden layer, biases of shape (1, h).

    parity check examples/softmax_sum.py:Classifier --data random:40,3,4 --output-activation softmax --loss ce-sum \\
        --lr 0.05 --step "net.backprop(X, y)" --output y_hat
"""

import numpy as np


class Classifier:
    def __init__(self, X, y, hidden_units=6, eta=0.05):
        self.weights_input_hidden = np.random.uniform(-0.5, 0.5, (X.shape[1], hidden_units))
        self.bias_hidden = np.zeros((1, hidden_units))
        self.weights_hidden_output = np.random.uniform(-0.5, 0.5, (hidden_units, y.shape[1]))
        self.bias_output = np.zeros((1, y.shape[1]))
        self.eta = eta

    def backprop(self, X, y):
        hidden = 1 / (1 + np.exp(-(X @ self.weights_input_hidden + self.bias_hidden)))
        scores = hidden @ self.weights_hidden_output + self.bias_output
        scores -= scores.max(axis=1, keepdims=True)
        self.y_hat = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        delta_out = self.y_hat - y                     # d(-Σ y log ŷ)/dz, summed over the batch
        delta_hidden = delta_out @ self.weights_hidden_output.T * hidden * (1 - hidden)
        self.weights_hidden_output -= self.eta * hidden.T @ delta_out
        self.bias_output -= self.eta * delta_out.sum(axis=0, keepdims=True)
        self.weights_input_hidden -= self.eta * X.T @ delta_hidden
        self.bias_hidden -= self.eta * delta_hidden.sum(axis=0, keepdims=True)
