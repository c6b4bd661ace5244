"""Three-task customer model in NumPy: a shared tanh trunk and three linear heads.

trunk: h = tanh(X W1 + b1) (10 -> 16); heads on h: spend regression (16 -> 1), churn logit
(16 -> 1), plan-tier logits (16 -> 3). y holds the three targets side by side: y[:, 0] spend,
y[:, 1] churn 0/1, y[:, 2] the tier as an integer class code stored as a float. The total loss
is a fixed weighted sum W_REG * MSE + W_BIN * BCE(logit) + W_CLS * softmax cross-entropy, each
averaged over the batch. The backward of every head is written by hand and the three heads'
gradients with respect to h are summed into the trunk. The gradients of all parameters are
clipped together to a global L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_), then Adam
(torch's defaults) with one learning rate for the trunk and another for the heads.

    X: float (n, 10), y: float (n, 3)
"""

import numpy as np

D, HIDDEN, K = 10, 16, 3
W_REG, W_BIN, W_CLS = 1.0, 0.5, 0.8
LR_TRUNK, LR_HEAD, MAX_NORM = 0.01, 0.03, 1.0
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
TRUNK = ("W1", "b1")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ThreeHeadMTL:
    def __init__(self, seed=109):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "br": np.zeros(1),
            "Wb": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "bb": np.zeros(1),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "bc": np.zeros(K),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        reg = (h @ p["Wr"] + p["br"])[:, 0]
        zb = (h @ p["Wb"] + p["bb"])[:, 0]
        logits = h @ p["Wc"] + p["bc"]
        return h, reg, zb, logits

    def losses(self, X, y):
        h, reg, zb, logits = self.forward(X)
        n = len(X)
        codes = y[:, 2].astype(int)
        l_reg = np.mean((reg - y[:, 0]) ** 2)
        l_bin = np.mean(np.maximum(zb, 0.0) - zb * y[:, 1] + np.log1p(np.exp(-np.abs(zb))))
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        l_cls = -np.mean(np.log(probs[np.arange(n), codes]))
        return (h, reg, zb, probs, codes), W_REG * l_reg + W_BIN * l_bin + W_CLS * l_cls

    def loss(self, X, y):
        return float(self.losses(X, y)[1])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        (h, reg, zb, probs, codes), loss = self.losses(X, y)

        g = {}
        dreg = W_REG * 2.0 * (reg - y[:, 0])[:, None] / n
        dzb = W_BIN * (sigmoid(zb) - y[:, 1])[:, None] / n
        onehot = np.zeros_like(probs)
        onehot[np.arange(n), codes] = 1.0
        dlogits = W_CLS * (probs - onehot) / n
        g["Wr"] = h.T @ dreg
        g["br"] = dreg.sum(axis=0)
        g["Wb"] = h.T @ dzb
        g["bb"] = dzb.sum(axis=0)
        g["Wc"] = h.T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        dh = dreg @ p["Wr"].T + dzb @ p["Wb"].T + dlogits @ p["Wc"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            lr = LR_TRUNK if k in TRUNK else LR_HEAD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
