"""A gated residual MLP regressor written from scratch in NumPy.

    x = X @ W_in.T + b_in                                   linear projection 5 -> 10
    for each of the three blocks:
        h = tanh(x @ Wh.T + bh)                             candidate
        g = sigmoid(x @ Wg.T + bg)                          transform gate, bg started at -1.5
        x = x + g * (h - x)                                 i.e. g * h + (1 - g) * x
    pred = x @ W_out.T + b_out                              head 10 -> 1
    loss = 0.5 * mean((pred - y) ** 2)

Weights kept (out, in) as nn.Linear keeps them: self.W_in, self.b_in, self.W_out, self.b_out
and self.blocks, a list of dicts {"Wh", "bh", "Wg", "bg"}.
SGD, lr 0.05, heavy-ball momentum 0.9 (v = mu v + g; p -= lr v), weight decay 1e-3 on the
weight matrices only, added to the gradient before the momentum (as torch.optim.SGD).
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GatedResidualRegressor:
    def __init__(self, n_in=5, width=10, n_blocks=3, gate_bias=-1.5,
                 lr=0.05, momentum=0.9, weight_decay=1e-3, seed=1):
        rng = np.random.default_rng(seed)

        def linear(fan_in, fan_out):
            bound = 1.0 / np.sqrt(fan_in)
            return (rng.uniform(-bound, bound, (fan_out, fan_in)),
                    rng.uniform(-bound, bound, fan_out))

        self.W_in, self.b_in = linear(n_in, width)
        self.blocks = []
        for _ in range(n_blocks):
            Wh, bh = linear(width, width)
            Wg, _ = linear(width, width)
            self.blocks.append({"Wh": Wh, "bh": bh, "Wg": Wg,
                                "bg": np.full(width, gate_bias)})
        self.W_out, self.b_out = linear(width, 1)

        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.vel_in = {"W": np.zeros_like(self.W_in), "b": np.zeros_like(self.b_in)}
        self.vel_blocks = [{k: np.zeros_like(v) for k, v in blk.items()} for blk in self.blocks]
        self.vel_out = {"W": np.zeros_like(self.W_out), "b": np.zeros_like(self.b_out)}

    def forward(self, X):
        x = X @ self.W_in.T + self.b_in
        acts = []
        for blk in self.blocks:
            h = np.tanh(x @ blk["Wh"].T + blk["bh"])
            g = sigmoid(x @ blk["Wg"].T + blk["bg"])
            x = x + g * (h - x)
            acts.append((x, h, g))
        pred = x @ self.W_out.T + self.b_out
        return pred, acts, x

    def predict(self, X):
        return self.forward(X)[0]

    def loss(self, X, y):
        pred = self.predict(X)
        return 0.5 * np.mean((pred - y) ** 2)

    def gradients(self, X, y):
        N = X.shape[0]
        pred, acts, x_last = self.forward(X)
        err = pred - y
        loss = 0.5 * np.mean(err ** 2)

        dpred = err / N
        grads = {"W_out": dpred.T @ x_last, "b_out": dpred.sum(axis=0)}
        dx = dpred @ self.W_out
        block_grads = [None] * len(self.blocks)
        for i in reversed(range(len(self.blocks))):
            blk = self.blocks[i]
            x, h, g = acts[i]
            dh = dx * g
            dg = dx * (h - x)
            dzh = dh * (1 - h ** 2)
            dzg = dg * g * (1 - g)
            block_grads[i] = {"Wh": dzh.T @ x, "bh": dzh.sum(axis=0),
                              "Wg": dzg.T @ x, "bg": dzg.sum(axis=0)}
            dx = dx * (1 - g) + dzh @ blk["Wh"] + dzg @ blk["Wg"]
        grads["W_in"] = dx.T @ X
        grads["b_in"] = dx.sum(axis=0)
        grads["blocks"] = block_grads
        return loss, grads

    def _sgd(self, param, grad, vel, decay):
        if decay:
            grad = grad + self.weight_decay * param
        vel *= self.momentum
        vel += grad
        param -= self.lr * vel

    def train_step(self, X, y):
        loss, grads = self.gradients(X, y)
        self._sgd(self.W_in, grads["W_in"], self.vel_in["W"], True)
        self._sgd(self.b_in, grads["b_in"], self.vel_in["b"], False)
        for blk, vel, gb in zip(self.blocks, self.vel_blocks, grads["blocks"]):
            for k in ("Wh", "bh", "Wg", "bg"):
                self._sgd(blk[k], gb[k], vel[k], k.startswith("W"))
        self._sgd(self.W_out, grads["W_out"], self.vel_out["W"], True)
        self._sgd(self.b_out, grads["b_out"], self.vel_out["b"], False)
        return loss
