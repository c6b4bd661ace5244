"""FixMatch-style semi-supervised training of a one-hidden-layer tanh MLP, by hand in NumPy.

Each row of X holds two views of a point: X[:, :D] the weak view, X[:, D:] the strong view.
y is the class for labelled rows and -1 for unlabelled rows.

    supervised    loss_s = mean over labelled rows of CE(f(weak), y)
    pseudo-label  p_w = softmax(f(weak)) on unlabelled rows (no gradient), yhat = argmax p_w,
                  mask = max p_w >= tau
    unsupervised  loss_u = mean over ALL unlabelled rows of mask * CE(f(strong), yhat)
    ramp-up       lam_t = lambda_u * min(1, t / ramp_steps), t = 1, 2, ... the step being taken
    total         loss = loss_s + lam_t * loss_u

Optimizer: SGD, momentum 0.9, Nesterov, weight decay 5e-4 added to the gradient (as
torch.optim.SGD(nesterov=True, weight_decay=...)).

Parameters: self.W1 (in, hidden), self.b1, self.W2 (hidden, classes), self.b2.
"""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class FixMatchMLP:
    def __init__(self, n_in=8, hidden=32, n_classes=4, lr=0.05, momentum=0.9, weight_decay=5e-4,
                 tau=0.8, lambda_u=1.0, ramp_steps=10, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.n_classes = n_classes
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.tau, self.lambda_u, self.ramp_steps = tau, lambda_u, ramp_steps
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.grads = {}
        self.step_count = 0

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return h @ self.W2 + self.b2, h

    def unsup_weight(self, t):
        return self.lambda_u * min(1.0, t / self.ramp_steps)

    def _split(self, X, y):
        d = X.shape[1] // 2
        lab = y >= 0
        return X[lab, :d], y[lab], X[~lab, :d], X[~lab, d:]

    def _pseudo_labels(self, Xw):
        p_w = softmax(self.forward(Xw)[0])
        return p_w.argmax(axis=1), (p_w.max(axis=1) >= self.tau).astype(Xw.dtype)

    def loss(self, X, y):
        """The objective the next train_step minimises (pseudo-labels held fixed)."""
        Xl, yl, Xw, Xs = self._split(X, y)
        lam = self.unsup_weight(self.step_count + 1)
        yhat, mask = self._pseudo_labels(Xw)
        pl = softmax(self.forward(Xl)[0])
        ps = softmax(self.forward(Xs)[0])
        loss_s = -np.log(pl[np.arange(len(yl)), yl]).mean()
        loss_u = (mask * -np.log(ps[np.arange(len(yhat)), yhat])).mean()
        return loss_s + lam * loss_u

    def train_step(self, X, y):
        Xl, yl, Xw, Xs = self._split(X, y)
        nl, nu = len(yl), len(Xw)
        lam = self.unsup_weight(self.step_count + 1)
        yhat, mask = self._pseudo_labels(Xw)

        zl, hl = self.forward(Xl)
        zs, hs = self.forward(Xs)
        pl, ps = softmax(zl), softmax(zs)
        loss_s = -np.log(pl[np.arange(nl), yl]).mean()
        loss_u = (mask * -np.log(ps[np.arange(nu), yhat])).mean()
        loss = loss_s + lam * loss_u

        # backward: softmax cross-entropy gradients for both terms
        dzl = pl.copy()
        dzl[np.arange(nl), yl] -= 1.0
        dzl /= nl
        dzs = ps.copy()
        dzs[np.arange(nu), yhat] -= 1.0
        dzs *= (lam / nl) * mask[:, None]

        dhl = dzl @ self.W2.T * (1.0 - hl ** 2)
        dhs = dzs @ self.W2.T * (1.0 - hs ** 2)
        self.grads = {
            "W2": hl.T @ dzl + hs.T @ dzs,
            "b2": dzl.sum(axis=0) + dzs.sum(axis=0),
            "W1": Xl.T @ dhl + Xs.T @ dhs,
            "b1": dhl.sum(axis=0) + dhs.sum(axis=0),
        }

        # SGD, Nesterov momentum, coupled weight decay
        for k, g in self.grads.items():
            p = getattr(self, k)
            g = g + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr * (g + self.momentum * self.velocity[k])
        self.step_count += 1
        return float(loss)
