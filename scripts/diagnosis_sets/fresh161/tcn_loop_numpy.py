"""The 1-D conv time-series classifier of tcn_numpy.py written another way (a correct variant).

Same network and training (conv 3->8 k5 s2 p2, ReLU, max-pool 2, conv 8->12 k3 p2 d2,
leaky ReLU 0.1, mean over time, dense 12->3, softmax cross-entropy; SGD momentum 0.9,
lr 0.05 halved every 5 steps), but:
  * the convolutions are a loop over the kernel taps on channels-first arrays, with the
    kernels kept (k, cin, cout) and contracted by np.einsum;
  * the dense weight is kept (out, in);
  * the max-pool backward builds a mask of the winning step of each window;
  * momentum and the parameter update are done in place;
  * the learning rate is looked up in a precomputed table of per-step rates.
Parameters are attributes: self.k1, self.bias1, self.k2, self.bias2, self.fc_w, self.fc_b.
"""

import numpy as np


def conv1d(x, k, b, stride, pad, dil):
    """x (N, C, L), k (taps, cin, cout) -> (N, cout, Lout)."""
    taps = k.shape[0]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    lout = (xp.shape[2] - dil * (taps - 1) - 1) // stride + 1
    y = np.einsum("o,nl->nol", b, np.ones((x.shape[0], lout), dtype=x.dtype))
    for j in range(taps):
        seg = xp[:, :, j * dil: j * dil + stride * (lout - 1) + 1: stride]   # (N, C, Lout)
        y += np.einsum("ncl,co->nol", seg, k[j])
    return y, xp


def conv1d_grad(dy, k, xp, stride, pad, dil, want_dx=True):
    taps = k.shape[0]
    lout = dy.shape[2]
    dk = np.empty_like(k)
    dxp = np.zeros_like(xp)
    for j in range(taps):
        sl = slice(j * dil, j * dil + stride * (lout - 1) + 1, stride)
        dk[j] = np.einsum("ncl,nol->co", xp[:, :, sl], dy)
        if want_dx:
            dxp[:, :, sl] += np.einsum("nol,co->ncl", dy, k[j])
    db = dy.sum(axis=(0, 2))
    return dk, db, (dxp[:, :, pad:dxp.shape[2] - pad] if want_dx else None)


class TSConvLoop:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        # the same draws as tcn_numpy.py, stored in this program's layouts
        self.k1 = (rng.standard_normal((8, 3, 5)) * np.sqrt(2.0 / 15)).transpose(2, 1, 0).copy()
        self.bias1 = rng.uniform(-0.2, 0.2, 8)
        self.k2 = (rng.standard_normal((12, 8, 3)) * np.sqrt(2.0 / 24)).transpose(2, 1, 0).copy()
        self.bias2 = rng.uniform(-0.2, 0.2, 12)
        self.fc_w = (rng.standard_normal((12, 3)) / np.sqrt(12)).T.copy()
        self.fc_b = np.zeros(3)
        self.names = ("k1", "bias1", "k2", "bias2", "fc_w", "fc_b")
        self.mom = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.rates = [0.05 * 0.5 ** (i // 5) for i in range(1000)]
        self.i = 0

    def _forward(self, X):
        z1, xp1 = conv1d(X, self.k1, self.bias1, 2, 2, 1)
        r1 = z1 * (z1 > 0)
        N, C, L = r1.shape
        pairs = r1.reshape(N, C, L // 2, 2)
        first_wins = pairs[..., 0] >= pairs[..., 1]             # argmax takes the first on ties
        h = np.where(first_wins, pairs[..., 0], pairs[..., 1])
        z2, xp2 = conv1d(h, self.k2, self.bias2, 1, 2, 2)
        r2 = np.maximum(z2, 0.1 * z2)
        feat = r2.sum(axis=2) / r2.shape[2]
        logits = np.einsum("nc,kc->nk", feat, self.fc_w) + self.fc_b
        return logits, (z1, xp1, first_wins, z2, xp2, feat)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        logits = logits - logits.max(axis=1, keepdims=True)
        return np.mean(np.log(np.exp(logits).sum(axis=1)) - logits[np.arange(len(y)), y])

    def train_step(self, X, y):
        logits, (z1, xp1, first_wins, z2, xp2, feat) = self._forward(X)
        n = X.shape[0]
        shifted = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        loss = np.mean(lse - shifted[np.arange(n), y])
        grad_logits = np.exp(shifted - lse[:, None])
        grad_logits[np.arange(n), y] -= 1.0
        grad_logits *= 1.0 / n

        g = {}
        g["fc_w"] = grad_logits.T @ feat
        g["fc_b"] = grad_logits.sum(axis=0)
        dfeat = grad_logits @ self.fc_w
        dr2 = np.repeat(dfeat[:, :, None], z2.shape[2], axis=2) * (1.0 / z2.shape[2])
        dz2 = dr2 * np.where(z2 > 0, 1.0, 0.1).astype(dr2.dtype)
        g["k2"], g["bias2"], dh = conv1d_grad(dz2, self.k2, xp2, 1, 2, 2)
        dpairs = np.stack([dh * first_wins, dh * ~first_wins], axis=-1)
        dr1 = dpairs.reshape(z1.shape)
        dz1 = dr1 * (z1 > 0)
        g["k1"], g["bias1"], _ = conv1d_grad(dz1, self.k1, xp1, 2, 2, 1, want_dx=False)
        self.grads = g

        lr = self.rates[self.i]
        for name in self.names:
            v = self.mom[name]
            v *= 0.9
            v += g[name]
            getattr(self, name)[...] -= lr * v
        self.i += 1
        return float(loss)
