"""Raw-waveform classifier, from scratch in NumPy.

A strided 1-D convolution cuts the 64-sample signal into frames and filters them (one input
channel, 6 filters of 8 taps, stride 4, no padding: 15 frames); each frame is layer-normalised
over its 6 channels (gamma, beta, eps 1e-5); GELU (tanh approximation); global max pooling over
the frames; a dense layer 6 -> 3 classes. Softmax cross-entropy averaged over the batch.

The convolution is written frame by frame: the windows X[:, l*S : l*S + K] are stacked into an
(N, L, K) array, and the activations are kept frames-major, (N, L, C).

SGD with Nesterov momentum MOMENTUM and L2 weight decay WD added to the gradient (as
torch.optim.SGD(nesterov=True, weight_decay=WD) does), after clipping the gradients to a global
L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_ does: scale by
MAX_NORM / (norm + 1e-6) when that is below 1). The learning rate follows a one-cycle schedule
(torch's OneCycleLR, cosine annealing, cycle_momentum=False): from MAX_LR / DIV up to MAX_LR over
the first PCT * TOTAL updates, then down to MAX_LR / DIV / FINAL_DIV at update TOTAL.

    X: float (n, 64) signals, y: int64 (n,) class ids 0..2

Parameters (self.params): Wc (6, 1, 8) as (out, in, tap), bc (6,), gamma (6,), beta (6,),
Wo (6, 3) as (in, out), bo (3,). Optimizer state: self.velocity keyed like self.params.
"""

import math

import numpy as np

LENGTH, CH, KSIZE, STRIDE, CLASSES = 64, 6, 8, 4, 3
LN_EPS = 1e-5
MAX_LR, DIV, FINAL_DIV, PCT, TOTAL = 0.1, 25.0, 1e4, 0.25, 40
MOMENTUM, WD, MAX_NORM = 0.9, 5e-4, 0.5
GELU_C = math.sqrt(2.0 / math.pi)


def one_cycle_lr(step):
    """The learning rate of OneCycleLR after `step` scheduler steps (0 for the first update)."""
    initial = MAX_LR / DIV
    end1 = PCT * TOTAL - 1
    if step <= end1:
        start, end, pct = initial, MAX_LR, step / end1
    else:
        start, end, pct = MAX_LR, initial / FINAL_DIV, (step - end1) / (TOTAL - 1 - end1)
    return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)


def cross_entropy(logits, y):
    """The mean cross-entropy (a stable log-sum-exp) and the softmax probabilities."""
    m = logits.max(axis=1)
    lse = np.log(np.exp(logits - m[:, None]).sum(axis=1))  # fix: lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
    loss = np.mean(lse - logits[np.arange(len(y)), y])
    e = np.exp(logits - m[:, None])
    return loss, e / e.sum(axis=1, keepdims=True)


class RawNet:
    def __init__(self, seed=114):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(KSIZE), (CH, 1, KSIZE)),
            "bc": rng.normal(0.0, 0.1, CH),
            "gamma": 1.0 + rng.normal(0.0, 0.1, CH),
            "beta": rng.normal(0.0, 0.1, CH),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(CH), (CH, CLASSES)),
            "bo": np.zeros(CLASSES),
        }
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def _forward(self, X):
        p = self.params
        N = len(X)
        L = (X.shape[1] - KSIZE) // STRIDE + 1
        windows = np.stack([X[:, l * STRIDE:l * STRIDE + KSIZE] for l in range(L)], axis=1)  # (N, L, K)
        z = windows @ p["Wc"][:, 0, :].T + p["bc"]                                          # (N, L, C)
        mu = z.mean(axis=2, keepdims=True)
        var = ((z - mu) ** 2).mean(axis=2, keepdims=True)
        rstd = 1.0 / np.sqrt(var + LN_EPS)
        xhat = (z - mu) * rstd
        a = p["gamma"] * xhat + p["beta"]
        th = np.tanh(GELU_C * (a + 0.044715 * a ** 3))
        h = 0.5 * a * (1.0 + th)
        idx = h.argmax(axis=1)                                                               # (N, C)
        pooled = np.take_along_axis(h, idx[:, None, :], axis=1)[:, 0, :]
        logits = pooled @ p["Wo"] + p["bo"]
        return logits, (windows, xhat, rstd, a, th, h, idx, pooled)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return cross_entropy(self.forward(X), y)[0]

    def train_step(self, X, y):
        p = self.params
        N = len(X)
        logits, (windows, xhat, rstd, a, th, h, idx, pooled) = self._forward(X)
        loss, probs = cross_entropy(logits, y)

        g = {}
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g["Wo"] = pooled.T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        dpooled = dlogits @ p["Wo"].T
        dh = np.zeros_like(h)
        np.put_along_axis(dh, idx[:, None, :], dpooled[:, None, :], axis=1)
        dgelu = 0.5 * (1.0 + th) + 0.5 * a * (1.0 - th ** 2) * GELU_C * (1.0 + 3 * 0.044715 * a ** 2)
        da = dh * dgelu
        g["gamma"] = (da * xhat).sum(axis=(0, 1))
        g["beta"] = da.sum(axis=(0, 1))
        dxhat = da * p["gamma"]
        dz = rstd * (dxhat - dxhat.mean(axis=2, keepdims=True) - xhat * (dxhat * xhat).mean(axis=2, keepdims=True))
        L, K = windows.shape[1], windows.shape[2]
        g["Wc"] = (dz.reshape(N * L, CH).T @ windows.reshape(N * L, K)).reshape(CH, 1, K)
        g["bc"] = dz.sum(axis=(0, 1))

        # clip to a global norm
        norm = math.sqrt(sum(float(np.sum(gk ** 2)) for gk in g.values()))
        coef = MAX_NORM / (norm + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        # SGD, Nesterov momentum, L2 weight decay, one-cycle learning rate
        lr = one_cycle_lr(self.t)
        self.t += 1
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * (d + MOMENTUM * self.velocity[k])
        return float(loss)
