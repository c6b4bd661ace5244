"""The streetlight network of Grokking Deep Learning, chapter 6: three lights in, a hidden layer of
four ReLU units, one linear output (walk / stop), no biases. One call to train_iteration is one of
the book's iterations: it prints nothing, computes the layer_2 error of the whole data set for
the log, then walks the rows one at a time, updating both weight matrices after each row
(alpha = 0.2, delta = prediction - goal)."""

import numpy as np

np.random.seed(1)


def relu(x):
    return (x > 0) * x


def relu2deriv(output):
    return output > 0


class StreetlightNet:
    def __init__(self, hidden_size=4, alpha=0.2):
        self.weights_0_1 = 2 * np.random.random((3, hidden_size)) - 1
        self.weights_1_2 = 2 * np.random.random((hidden_size, 1)) - 1
        self.alpha = alpha

    def train_iteration(self, streetlights, walk_vs_stop):
        layer_1_all = relu(np.dot(streetlights, self.weights_0_1))
        self.error_before = np.sum((np.dot(layer_1_all, self.weights_1_2) - walk_vs_stop) ** 2)

        layer_2_error = 0
        for i in range(len(streetlights)):
            layer_0 = streetlights[i:i + 1]
            layer_1 = layer_1_all[i:i + 1]   # BUG: layer_1 = relu(np.dot(layer_0, self.weights_0_1))
            layer_2 = np.dot(layer_1, self.weights_1_2)

            layer_2_error += np.sum((layer_2 - walk_vs_stop[i:i + 1]) ** 2)

            layer_2_delta = layer_2 - walk_vs_stop[i:i + 1]
            layer_1_delta = layer_2_delta.dot(self.weights_1_2.T) * relu2deriv(layer_1)

            self.weights_1_2 -= self.alpha * layer_1.T.dot(layer_2_delta)
            self.weights_0_1 -= self.alpha * layer_0.T.dot(layer_1_delta)
        return layer_2_error
