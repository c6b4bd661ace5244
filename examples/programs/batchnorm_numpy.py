"""A dense network with batch normalization and a sigmoid output, from scratch in NumPy.

    z1 = X @ W1 + b1                                   (N, 16)
    zn = gamma * (z1 - mean) / sqrt(var + eps) + beta  batch mean, biased batch variance
    a  = relu(zn)
    p  = sigmoid(a @ W2 + b2)                          (N, 1)
    loss = -mean(y log p + (1 - y) log(1 - p))

Running statistics are kept as torch.nn.BatchNorm1d keeps them (momentum 0.1;
running_var is updated with the unbiased variance, var * N / (N - 1)); they
are updated by every forward pass in training mode and used only in eval
mode (self.training = False). Plain SGD.

    X: float (N, 4), y: float (N, 1) in {0, 1}.

Parameters (self.params): W1 (4, 16), b1 (16,), gamma (16,), beta (16,), W2 (16, 1), b2 (1,).
Buffers: self.running_mean (16,), self.running_var (16,).
Optimizer state: step count self.t (plain SGD keeps nothing else).
"""

import os

import numpy as np


class BatchNormNet:
    def __init__(self, n_in=4, hidden=16, n_out=1, lr=0.1, eps=1e-5, bn_momentum=0.1,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * np.sqrt(2.0 / n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "gamma": 1.0 + 0.1 * rng.standard_normal(hidden),
            "beta": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, n_out)) / np.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

        self.eps = eps
        self.bn_momentum = bn_momentum
        self.running_mean = np.zeros(hidden, dtype=dtype)
        self.running_var = np.ones(hidden, dtype=dtype)
        self.training = True

        self.lr = lr
        self.t = 0

    def train(self):
        self.training = True

    def eval(self):
        self.training = False

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=self.dtype)
        z1 = X @ p["W1"] + p["b1"]
        if self.training:
            N = z1.shape[0]
            mean = z1.mean(axis=0)
            var = z1.var(axis=0)                     # biased, divides by N
            m = self.bn_momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * N / (N - 1)
        else:
            mean, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)
        xhat = (z1 - mean) * inv_std
        zn = p["gamma"] * xhat + p["beta"]
        a = np.maximum(zn, 0)
        z2 = a @ p["W2"] + p["b2"]
        probs = 1.0 / (1.0 + np.exp(-z2))
        return probs, (X, xhat, inv_std, zn, a)

    def forward(self, X):
        """Probabilities, shape (N, 1)."""
        return self._forward(X)[0]

    @staticmethod
    def _bce(probs, y):
        return -np.mean(y * np.log(probs) + (1 - y) * np.log(1 - probs))

    def loss(self, X, y):
        return self._bce(self.forward(X), np.asarray(y, dtype=self.dtype))

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        """Fill self.grads by the chain rule (training mode, batch statistics); return the loss."""
        p = self.params
        y = np.asarray(y, dtype=self.dtype)
        probs, (X, xhat, inv_std, zn, a) = self._forward(X)
        loss = self._bce(probs, y)
        N = X.shape[0]

        # sigmoid + binary cross-entropy: d loss / d z2 = (p - y) / (number of outputs)
        dz2 = (probs - y) / y.size
        self.grads["W2"] = a.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        da = dz2 @ p["W2"].T
        dzn = da * (zn > 0)

        # batch norm: zn = gamma * xhat + beta, xhat = (z1 - mean) * inv_std
        self.grads["gamma"] = (dzn * xhat).sum(axis=0)
        self.grads["beta"] = dzn.sum(axis=0)
        dxhat = dzn * p["gamma"]
        # mean and var depend on every row of z1; collecting the three paths:
        dz1 = (inv_std / N) * (N * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))

        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        for k, p in self.params.items():
            p -= self.lr * self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "batchnorm.npz"))
    X, y = data["X"], data["y"]
    model = BatchNormNet(seed=0)
    for step in range(200):
        loss = model.train_step(X, y)
        if step % 20 == 0 or step == 199:
            print(f"step {step:4d}  loss {loss:.4f}")
    model.eval()
    print("eval accuracy", ((model.forward(X) > 0.5) == (y > 0.5)).mean())
