"""The micrograd demo (two moons) without the autograd engine: the same MLP(2, [16, 16, 1]), ReLU
neurons in the hidden layers and a linear output neuron, the SVM "max-margin" loss
mean(relu(1 - y * score)) on labels y = -1/+1 plus alpha * (sum of squared parameters) with
alpha = 1e-4, full-batch SGD with the learning rate 1.0 - 0.9 * k / 100 at step k. The backward
pass is written out by hand with numpy arrays."""

import numpy as np

ALPHA = 1e-4


class MoonsMLP:
    def __init__(self, nin=2, nouts=(16, 16, 1), seed=1337):
        rng = np.random.default_rng(seed)
        sz = [nin] + list(nouts)
        self.W = [rng.uniform(-1, 1, (sz[i], sz[i + 1])) for i in range(len(nouts))]
        self.b = [np.zeros(sz[i + 1]) for i in range(len(nouts))]
        self.k = 0

    def parameters(self):
        return self.W + self.b

    def __call__(self, X):
        self.acts = [X]
        a = X
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W + b
            a = np.maximum(z, 0) if i != len(self.W) - 1 else z
            self.acts.append(a)
        return a

    def train_step(self, X, y):
        yb = 2 * y - 1                      # labels -1 / +1
        scores = self(X)
        n = len(X)
        margins = 1 - yb * scores
        data_loss = np.maximum(margins, 0).sum() / n
        reg_loss = ALPHA * sum((p * p).sum() for p in self.parameters())
        total_loss = data_loss + reg_loss

        # backward: d total_loss / d scores, then through the layers
        d = -yb * (margins > 0) / n
        grad_W, grad_b = [None] * len(self.W), [None] * len(self.b)
        for i in reversed(range(len(self.W))):
            grad_W[i] = self.acts[i].T @ d + 2 * ALPHA * self.W[i]
            grad_b[i] = d.sum(axis=0) + 2 * ALPHA * self.b[i]
            if i > 0:
                d = (d @ self.W[i].T) * (self.acts[i] > 0)

        # update (sgd)
        learning_rate = 1.0 - 0.9 * self.k / 100
        for i in range(len(self.W)):
            self.W[i] -= learning_rate * grad_W[i]
            self.b[i] -= learning_rate * grad_b[i]
        self.k += 1
        return total_loss
