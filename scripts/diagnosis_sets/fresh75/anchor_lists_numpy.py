"""The anchor head again, written another way: the weights and biases kept in two lists
(trunk, objectness, regression) with momentum buffers beside them, small dense forward/backward
helpers, boxes handled as (x, y) column pairs (centres and sizes from corner slices), smooth-L1
written with np.minimum and its derivative with np.clip, the log-loss in the log1p(exp(-|s|))
form and the sigmoid through tanh; weight decay on the weight list only."""

import numpy as np

N_FEAT, HIDDEN = 8, 16
BETA, REG_W = 1.0 / 9.0, 2.0
LR, MU, WD = 0.02, 0.9, 1e-3


def dense(x, W, b):
    return x @ W + b


def dense_backward(x, W, dout):
    return x.T @ dout, dout.sum(axis=0), dout @ W.T


def box_targets(anchors, gt):
    a_size = anchors[:, 2:] - anchors[:, :2]
    a_ctr = anchors[:, :2] + 0.5 * a_size
    g_size = gt[:, 2:] - gt[:, :2]
    g_ctr = gt[:, :2] + 0.5 * g_size
    return np.concatenate([(g_ctr - a_ctr) / a_size, np.log(g_size / a_size)], axis=1)


class ListAnchorHead:
    def __init__(self, seed=75):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0.0, np.sqrt(2.0 / N_FEAT), (N_FEAT, HIDDEN))
        Wc = rng.normal(0.0, 0.1, (HIDDEN, 1))
        Wr = rng.normal(0.0, 0.05, (HIDDEN, 4))
        self.weights = [W1, Wc, Wr]
        self.biases = [np.full(HIDDEN, 0.1), np.full(1, -np.log(3.0)), np.zeros(4)]
        self.momentum_w = [np.zeros_like(w) for w in self.weights]
        self.momentum_b = [np.zeros_like(b) for b in self.biases]

    def train_step(self, X, y):
        (W1, Wc, Wr), (b1, bc, br) = self.weights, self.biases
        feat = X[:, :N_FEAT]
        label = y[:, 0]
        sampled = label >= 0
        positive = label == 1
        t = box_targets(X[:, N_FEAT:], y[:, 1:])

        a = dense(feat, W1, b1)
        h = np.where(a > 0, a, 0.0)
        s = dense(h, Wc, bc)[:, 0]
        d = dense(h, Wr, br)

        m = float(max(sampled.sum(), 1))
        z = np.where(sampled, s, 0.0)
        target = positive.astype(s.dtype)
        log_loss = np.log1p(np.exp(-np.abs(z))) + np.maximum(z, 0.0) - target * z
        cls_loss = log_loss[sampled].sum() / m

        k = float(max(positive.sum(), 1))
        x = np.where(positive[:, None], d - t, 0.0)
        small = np.minimum(np.abs(x), BETA)
        reg_loss = (0.5 * small ** 2 / BETA + (np.abs(x) - small)).sum() / k
        loss = cls_loss + REG_W * reg_loss

        prob = 0.5 * (1.0 + np.tanh(0.5 * s))
        ds = np.where(sampled, prob - target, 0.0)[:, None] / m
        dd = REG_W * np.clip(x / BETA, -1.0, 1.0) / k
        gWc, gbc, dh_c = dense_backward(h, Wc, ds)
        gWr, gbr, dh_r = dense_backward(h, Wr, dd)
        gW1, gb1, _ = dense_backward(feat, W1, (dh_c + dh_r) * (a > 0))

        for i, (gw, gb) in enumerate([(gW1, gb1), (gWc, gbc), (gWr, gbr)]):
            self.momentum_w[i] = MU * self.momentum_w[i] + gw + WD * self.weights[i]
            self.momentum_b[i] = MU * self.momentum_b[i] + gb
            self.weights[i] -= LR * self.momentum_w[i]
            self.biases[i] -= LR * self.momentum_b[i]
        return float(loss)
