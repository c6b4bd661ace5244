"""Exercise 4 of the machine learning course (neural network learning) translated from Octave to
NumPy: Theta1 and Theta2 hold each layer's weights with the bias weights in their first column,
a1 = [ones(m, 1) X] and a2 = [ones(m, 1) sigmoid(z2)], sigmoid output units, the cost summed over
the K output units and averaged over the m examples, regularised by lambda / (2 m) times the
squared non-bias weights. nnCostFunction returns J and the gradients; batch gradient descent
with rate alpha instead of fmincg."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_gradient(z):
    g = sigmoid(z)
    return g * (1 - g)


class Ex4Network:
    def __init__(self, input_layer_size=5, hidden_layer_size=8, num_labels=3, lambda_=1.0, alpha=1.0):
        rng = np.random.default_rng(4)
        epsilon_init = 0.12
        self.Theta1 = rng.random((hidden_layer_size, input_layer_size + 1)) * 2 * epsilon_init - epsilon_init
        self.Theta2 = rng.random((num_labels, hidden_layer_size + 1)) * 2 * epsilon_init - epsilon_init
        self.lambda_ = lambda_
        self.alpha = alpha

    def nn_cost_function(self, X, Y):
        m = X.shape[0]
        Theta1, Theta2, lambda_ = self.Theta1, self.Theta2, self.lambda_

        # feedforward
        a1 = np.hstack([np.ones((m, 1), dtype=X.dtype), X])
        z2 = a1 @ Theta1.T
        a2 = np.hstack([np.ones((m, 1), dtype=X.dtype), sigmoid(z2)])
        z3 = a2 @ Theta2.T
        h = sigmoid(z3)
        J = np.sum(-Y * np.log(h) - (1 - Y) * np.log(1 - h)) / m
        J += lambda_ / (2 * m) * (np.sum(Theta1[:, 1:] ** 2) + np.sum(Theta2[:, 1:] ** 2))

        # backpropagation
        d3 = h - Y
        d2 = (d3 @ Theta2)[:, 1:] * sigmoid_gradient(z2)
        Theta1_grad = d2.T @ a1 / m
        Theta2_grad = d3.T @ a2 / m
        Theta1_grad[:, 1:] += lambda_ / m * Theta1[:, 1:]
        Theta2_grad[:, 1:] += lambda_ / m * Theta2[:, 1:]
        return J, Theta1_grad, Theta2_grad

    def train_step(self, X, Y):
        J, Theta1_grad, Theta2_grad = self.nn_cost_function(X, Y)
        self.Theta1 = self.Theta1 - self.alpha * Theta1_grad
        self.Theta2 = self.Theta2 - self.alpha * Theta2_grad
        return J
