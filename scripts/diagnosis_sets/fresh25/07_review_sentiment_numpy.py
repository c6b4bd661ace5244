"""Sentiment of short reviews after chapter 11 of Grokking Deep Learning: each review is the set of
its word ids; the hidden layer is the sigmoid of the sum of those words' rows of weights_0_1
(an embedding bag), the output a sigmoid of layer_1 . weights_1_2, no biases. Trained one review
at a time with delta = prediction - target; only the rows of the words in the review move."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class SentimentNet:
    def __init__(self, vocab_size=20, hidden_size=8, alpha=0.1):
        np.random.seed(1)
        self.weights_0_1 = 0.2 * np.random.random((vocab_size, hidden_size)) - 0.1
        self.weights_1_2 = 0.2 * np.random.random((hidden_size, 1)) - 0.1
        self.alpha = alpha

    def train_review(self, words, target):
        x, y = words[0], target[0]     # one review per step
        layer_1 = sigmoid(np.sum(self.weights_0_1[x], axis=0))
        layer_2 = sigmoid(np.dot(layer_1, self.weights_1_2))
        error = -(y * np.log(layer_2) + (1 - y) * np.log(1 - layer_2)).sum()

        layer_2_delta = layer_2 - y
        layer_1_delta = layer_2_delta.dot(self.weights_1_2.T) * layer_1 * (1 - layer_1)

        self.weights_0_1[x] -= layer_1_delta * self.alpha
        self.weights_1_2 -= np.outer(layer_1, layer_2_delta) * self.alpha
        return error
