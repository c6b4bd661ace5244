"""Multiclass linear SVM as in the cs231n assignment (linear_classifier.py / layers.py svm_loss):
scores = X W + b, the Weston-Watkins hinge loss, the sum over the wrong classes of
max(0, s_j - s_y + 1), averaged over the examples, plus reg * ||W||^2; the vectorised gradient
(every positive margin adds x to its class and subtracts x from the true class); minibatch SGD."""

import numpy as np


def svm_loss(x, y):
    N = x.shape[0]
    correct_class_scores = x[np.arange(N), y]
    margins = np.maximum(0, x - correct_class_scores[:, np.newaxis] + 1.0)
    margins[np.arange(N), y] = 0
    loss = np.sum(margins) / N
    num_pos = np.sum(margins > 0, axis=1)
    dx = np.zeros_like(x)
    dx[margins > 0] = 1
    dx[np.arange(N), y] -= num_pos
    dx /= N
    return loss, dx


class LinearSVM(object):
    def __init__(self, dim=5, num_classes=3, learning_rate=0.05, reg=1e-3):
        rng = np.random.RandomState(231)
        self.W = 0.001 * rng.randn(dim, num_classes)
        self.b = np.zeros(num_classes)
        self.learning_rate = learning_rate
        self.reg = reg

    def train_step(self, X_batch, y_batch):
        y = np.argmax(y_batch, axis=1)
        scores = X_batch.dot(self.W) + self.b
        loss, dscores = svm_loss(scores, y)
        loss += self.reg * np.sum(self.W * self.W)
        dW = X_batch.T.dot(dscores) + 2 * self.reg * self.W
        db = np.sum(dscores, axis=0)
        self.W -= self.learning_rate * dW
        self.b -= self.learning_rate * db
        return loss
