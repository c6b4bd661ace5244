"""A dilated causal 1-D convolution stack (WaveNet / TCN style), from scratch in NumPy.

input:  causal conv 1 -> 4 channels, kernel 2, dilation 1, bias -> tanh            = H0
block1: H1 = H0 + tanh(causal conv 4 -> 4, kernel 2, dilation 2, bias (H0))        (residual)
block2: H2 = H1 + tanh(causal conv 4 -> 4, kernel 2, dilation 4, bias (H1))        (residual)
output: 1x1 conv 4 -> 1, bias, a prediction at every time step.
Loss: mean squared error over every element. SGD with Nesterov momentum 0.9, lr 0.05, as
torch.optim.SGD(nesterov=True): v = mu v + g; p -= lr (g + mu v).

A causal conv pads (k - 1) * dilation zeros on the left only, so output t sees inputs <= t.

    X: float (N, 1, 16), y: float (N, 1, 16).

Parameters (self.params), in PyTorch's Conv1d layout (cout, cin, k):
    W0 (4, 1, 2), b0 (4,), Wa (4, 4, 2), ba (4,), Wb (4, 4, 2), bb (4,), Wo (1, 4, 1), bo (1,)
Optimizer state: self.velocity, keyed like self.params.
"""

import numpy as np


def causal_conv(X, W, b, dilation):
    """X (N, Cin, L), W (Cout, Cin, k) -> (N, Cout, L); also X left-padded."""
    L = X.shape[2]
    k = W.shape[2]
    pad = (k - 1) * dilation
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, 0)))
    Z = np.zeros((X.shape[0], W.shape[0], L), dtype=W.dtype)
    for a in range(k):
        off = a * dilation
        Z += np.einsum("oc,ncl->nol", W[:, :, a], Xp[:, :, off:off + L])
    return Z + b[None, :, None], Xp


def causal_conv_backward(dZ, Xp, W, dilation):
    """dL/dX, dL/dW, dL/db of causal_conv from dL/dZ."""
    L = dZ.shape[2]
    k = W.shape[2]
    pad = (k - 1) * dilation
    dW = np.zeros_like(W)
    dXp = np.zeros_like(Xp)
    for a in range(k):
        off = a * dilation
        dW[:, :, a] = np.einsum("nol,ncl->oc", dZ, Xp[:, :, off:off + L])
        dXp[:, :, off:off + L] += np.einsum("oc,nol->ncl", W[:, :, a], dZ)
    return dXp[:, :, pad:], dW, dZ.sum(axis=(0, 2))


class TCN:
    def __init__(self, channels=4, kernel_size=2, lr=0.05, momentum=0.9, seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        c, k = channels, kernel_size
        self.dilations = (1, 2, 4)
        self.params = {
            "W0": rng.standard_normal((c, 1, k)) / np.sqrt(k),
            "b0": rng.standard_normal(c) * 0.1,
            "Wa": rng.standard_normal((c, c, k)) / np.sqrt(c * k),
            "ba": rng.standard_normal(c) * 0.1,
            "Wb": rng.standard_normal((c, c, k)) / np.sqrt(c * k),
            "bb": rng.standard_normal(c) * 0.1,
            "Wo": rng.standard_normal((1, c, 1)) / np.sqrt(c),
            "bo": np.zeros(1),
        }
        self.params = {name: v.astype(dtype) for name, v in self.params.items()}
        self.grads = {name: np.zeros_like(v) for name, v in self.params.items()}
        self.velocity = {name: np.zeros_like(v) for name, v in self.params.items()}
        self.lr, self.momentum = lr, momentum

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["W0"].dtype)
        d0, d1, d2 = self.dilations
        Z0, Xp = causal_conv(X, p["W0"], p["b0"], d0)
        H0 = np.tanh(Z0)
        Z1, H0p = causal_conv(H0, p["Wa"], p["ba"], d1)
        T1 = np.tanh(Z1)
        H1 = H0 + T1
        Z2, H1p = causal_conv(H1, p["Wb"], p["bb"], d2)
        T2 = np.tanh(Z2)
        H2 = H1 + T2
        out = np.einsum("oc,ncl->nol", p["Wo"][:, :, 0], H2) + p["bo"][None, :, None]
        return out, (Xp, H0, H0p, T1, H1p, T2, H2)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p = self.params
        d0, d1, d2 = self.dilations
        out, (Xp, H0, H0p, T1, H1p, T2, H2) = self._forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        dout = 2 * diff / diff.size

        self.grads["Wo"] = np.einsum("nol,ncl->oc", dout, H2)[:, :, None]
        self.grads["bo"] = dout.sum(axis=(0, 2))
        dH2 = np.einsum("oc,nol->ncl", p["Wo"][:, :, 0], dout)

        dZ2 = dH2 * (1 - T2 ** 2)
        dH1_conv, self.grads["Wb"], self.grads["bb"] = causal_conv_backward(dZ2, H1p, p["Wb"], d2)
        dH1 = dH2 + dH1_conv

        dZ1 = dH1 * (1 - T1 ** 2)
        dH0_conv, self.grads["Wa"], self.grads["ba"] = causal_conv_backward(dZ1, H0p, p["Wa"], d1)
        dH0 = dH0_conv  # fix: dH0 = dH1 + dH0_conv

        dZ0 = dH0 * (1 - H0 ** 2)
        _, self.grads["W0"], self.grads["b0"] = causal_conv_backward(dZ0, Xp, p["W0"], d0)
        return loss

    def update(self):
        mu = self.momentum
        for name, p in self.params.items():
            g = self.grads[name]
            self.velocity[name] = mu * self.velocity[name] + g
            p -= self.lr * (g + mu * self.velocity[name])

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
