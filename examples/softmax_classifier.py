"""A softmax classifier: relu hidden layer, softmax output, cross-entropy averaged over the rows, one-hot targets.

    parity check examples/softmax_classifier.py:SoftmaxClassifier --data random:60,4,3 --hidden-activation relu \\
        --output-activation softmax --loss ce --lr 0.5 --step "net.step(X, y)" --output probs
"""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class SoftmaxClassifier:
    def __init__(self, X, y, hidden=8, lr=0.5):
        rng = np.random.default_rng(42)
        self.W1 = 0.1 * rng.standard_normal((X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = 0.1 * rng.standard_normal((hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def step(self, X, y):
        hidden = np.maximum(0, X @ self.W1 + self.b1)
        self.probs = softmax(hidden @ self.W2 + self.b2)
        loss = -np.mean(np.sum(y * np.log(self.probs + 1e-12), axis=1))
        dlogits = (self.probs - y) / len(X)
        dW2 = hidden.T @ dlogits
        db2 = dlogits.sum(axis=0)
        dhidden = dlogits @ self.W2.T
        dhidden[hidden <= 0] = 0
        dW1 = X.T @ dhidden
        db1 = dhidden.sum(axis=0)
        for param, grad in ((self.W1, dW1), (self.b1, db1), (self.W2, dW2), (self.b2, db2)):
            param -= self.lr * grad
        return loss
