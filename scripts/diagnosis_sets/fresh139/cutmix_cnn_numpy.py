"""CutMix on 8x8 grids with a small CNN, from scratch in NumPy.

Each step pastes a box of the permuted batch into the batch (cutmix_cnn_plan.npz,
row t of perm and box = r0, r1, c0, c1, half-open):

    M       = 1 inside rows r0:r1, columns c0:c1, 0 elsewhere
    x'_i    = (1 - M) x_i + M x_perm(i)
    lam     = 1 - (r1 - r0)(c1 - c0) / (H W)          corrected to the box's area
    loss    = lam CE(z, y) + (1 - lam) CE(z, y_perm)  each CE the mean over the batch

conv 3x3 (4 filters, bias, valid) by im2col -> ReLU -> 2x2 average pool ->
flatten (channel, row, column) -> dense 36 -> 3. Adam (lr 0.01, betas 0.9,
0.999, eps 1e-8) with bias correction.

    X: float (N, 1, 8, 8), y: int64 (N,) in 0..2.
Parameters self.params: K (3, 3, 1, 4) as (kh, kw, cin, cout), bK (4,), W (36, 3), b (3,).
Adam state: self.m, self.v keyed like self.params, step count self.step_count.
"""

import os

import numpy as np

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cutmix_cnn_plan.npz")


def im2col(X, kh, kw):
    """(N, C, H, W) -> (N*oh*ow, kh*kw*C), columns ordered (di, dj, c)."""
    N, C, H, W = X.shape
    oh, ow = H - kh + 1, W - kw + 1
    cols = np.empty((N, oh, ow, kh, kw, C), dtype=X.dtype)
    for di in range(kh):
        for dj in range(kw):
            cols[:, :, :, di, dj, :] = X[:, :, di:di + oh, dj:dj + ow].transpose(0, 2, 3, 1)
    return cols.reshape(N * oh * ow, kh * kw * C)


class CutMixCNN:
    filters, k, classes = 4, 3, 3
    lr, beta1, beta2, eps = 0.01, 0.9, 0.999, 1e-8

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        fan_fc = self.filters * 3 * 3
        self.params = {
            "K": rng.standard_normal((self.k, self.k, 1, self.filters)) * np.sqrt(2.0 / (self.k * self.k)),
            "bK": rng.standard_normal(self.filters) * 0.1,
            "W": rng.standard_normal((fan_fc, self.classes)) / np.sqrt(fan_fc),
            "b": np.zeros(self.classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.step_count = 0
        plan = np.load(PLAN)
        self.perm, self.box = plan["perm"], plan["box"]
        self.t = 0

    def cutmix(self, X, y):
        i = self.t % len(self.perm)
        perm = self.perm[i]
        r0, r1, c0, c1 = (int(v) for v in self.box[i])
        H, W = X.shape[2], X.shape[3]
        mask = np.zeros((H, W), dtype=X.dtype)
        mask[r0:r1, c0:c1] = 1
        Xc = (1 - mask) * X + mask * X[perm]
        lam = 1.0 - (r1 - r0) * (c1 - c0) / (H * W)
        return Xc, y[perm], lam

    def forward(self, Xc):
        p = self.params
        N, C, H, W = Xc.shape
        oh, ow = H - self.k + 1, W - self.k + 1
        cols = im2col(Xc, self.k, self.k)
        conv = cols @ p["K"].reshape(-1, self.filters) + p["bK"]
        conv = conv.reshape(N, oh, ow, self.filters).transpose(0, 3, 1, 2)
        relu = np.maximum(conv, 0)
        pooled = relu.reshape(N, self.filters, oh // 2, 2, ow // 2, 2).mean(axis=(3, 5))
        flat = pooled.reshape(N, -1)
        logits = flat @ p["W"] + p["b"]
        return logits, (cols, conv, flat)

    @staticmethod
    def softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        Xc, yp, lam = self.cutmix(X, y)
        logits = self.forward(Xc)[0]
        return lam * self.softmax_ce(logits, y)[0] + (1 - lam) * self.softmax_ce(logits, yp)[0]

    def backward(self, X, y):
        p = self.params
        Xc, yp, lam = self.cutmix(X, y)
        logits, (cols, conv, flat) = self.forward(Xc)
        ce_a, probs = self.softmax_ce(logits, y)
        ce_b, _ = self.softmax_ce(logits, yp)
        loss = lam * ce_a + (1 - lam) * ce_b
        N, F, oh, ow = conv.shape

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= lam
        dlogits[np.arange(N), yp] -= 1 - lam
        dlogits /= N
        self.grads["W"] = flat.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dpooled = (dlogits @ p["W"].T).reshape(N, F, oh // 2, ow // 2)
        # average pool: each of the 4 inputs of a window gets a quarter
        drelu = np.repeat(np.repeat(dpooled, 2, axis=2), 2, axis=3) / 4
        dconv = drelu * (conv > 0)
        dcols = dconv.transpose(0, 2, 3, 1).reshape(-1, F)
        self.grads["K"] = (cols.T @ dcols).reshape(p["K"].shape)
        self.grads["bK"] = dcols.sum(axis=0)
        return loss

    def update(self):
        self.step_count += 1
        t = self.step_count
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** t)
            v_hat = self.v[k] / (1 - self.beta2 ** t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cutmix_cnn.npz"))
    net = CutMixCNN()
    for step in range(20):
        print(step, net.train_step(data["X"], data["y"]))
