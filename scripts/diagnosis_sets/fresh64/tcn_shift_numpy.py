"""The causal TCN written with delays instead of padding: a causal dilated convolution is a sum of
delayed copies of the input, tap k delayed by (K - 1 - k) * d samples (zeros shifted in at the
start); its backward pass advances the gradient by the same delay. Weights and biases kept in two
lists (the two convolutions, then the 1x1 readout); the residual added out of place; plain SGD."""

import numpy as np

K, CH, LR = 3, 4, 0.2
DILATIONS = (1, 2)


def delay(x, s):
    """x delayed by s samples along time, zeros shifted in."""
    if s == 0:
        return x
    out = np.zeros_like(x)
    out[..., s:] = x[..., :-s]
    return out


def advance(g, s):
    """The adjoint of delay: g moved s samples earlier, zeros at the end."""
    if s == 0:
        return g
    out = np.zeros_like(g)
    out[..., :-s] = g[..., s:]
    return out


class ShiftTCN:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 0.5, (CH, 1, K)), rng.normal(0.0, 0.3, (CH, CH, K)),
                        rng.normal(0.0, 0.5, (1, CH, 1))]
        self.biases = [rng.normal(0.0, 0.1, CH), rng.normal(0.0, 0.1, CH), np.zeros(1)]

    def _conv(self, x, i):
        taps = [delay(x, (K - 1 - k) * DILATIONS[i]) for k in range(K)]
        z = sum(np.einsum("oc,nct->not", self.weights[i][:, :, k], taps[k]) for k in range(K))
        return z + self.biases[i][None, :, None], taps

    def train_step(self, X, y):
        (w1, w2, wo), bo = self.weights, self.biases[2]
        z1, taps1 = self._conv(X, 0)
        h1 = np.tanh(z1)
        z2, taps2 = self._conv(h1, 1)
        a2 = np.tanh(z2)
        h2 = h1 + a2
        out = np.einsum("oc,nct->not", wo[:, :, 0], h2) + bo[None, :, None]
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / out.size
        dwo = np.einsum("not,nct->oc", dout, h2)[:, :, None]
        dh2 = np.einsum("oc,not->nct", wo[:, :, 0], dout)
        dz2 = dh2 * (1.0 - a2 * a2)
        dw2 = np.stack([np.einsum("not,nct->oc", dz2, taps2[k]) for k in range(K)], axis=2)
        dh1 = dh2 + sum(advance(np.einsum("oc,not->nct", w2[:, :, k], dz2), (K - 1 - k) * DILATIONS[1])
                        for k in range(K))
        dz1 = dh1 * (1.0 - h1 * h1)
        dw1 = np.stack([np.einsum("not,nct->oc", dz1, taps1[k]) for k in range(K)], axis=2)
        dws = [dw1, dw2, dwo]
        dbs = [dz1.sum(axis=(0, 2)), dz2.sum(axis=(0, 2)), dout.sum(axis=(0, 2))]
        for i in range(3):
            self.weights[i] -= LR * dws[i]
            self.biases[i] -= LR * dbs[i]
        return float(loss)
