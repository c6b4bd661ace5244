"""A top-2 routed mixture of experts for classification, written by hand in NumPy.

A softmax gate p = softmax(X Wg + bg) over four small ReLU experts; each row is routed to the two
experts with the largest gate probabilities, and their weights are renormalised to sum to one,
w[n, e] = p[n, e] / (p[n, a] + p[n, b]) for the chosen a, b (zero for the others). The mixed
class logits are z = sum_e w[:, e] * (relu(X W1[e] + b1[e]) W2[e] + b2[e]). The loss is the mean
softmax cross-entropy plus BETA_AUX times a Switch-style load-balancing loss
E * sum_e f_e * P_e, f_e the fraction of rows whose first choice is expert e (a count, no
gradient) and P_e the mean gate probability of expert e. The backward goes through the
renormalisation (a quotient: the chosen probabilities share the denominator) and the gate's
softmax. SGD with heavy-ball momentum and weight decay added to the gradient (as
torch.optim.SGD(momentum, weight_decay)), and a step schedule: the learning rate halves every
STEP_SIZE updates (as StepLR stepped after each update).

    X: float (n, 5), y: int (n,) class labels 0..2

Parameters (self.params): Wg (5, 4), bg (4,), W1 (4, 5, 6), b1 (4, 6), W2 (4, 6, 3), b2 (4, 3).
Optimizer state: self.velocity, self.t.
"""

import numpy as np

D, K, E, H, TOP = 5, 3, 4, 6, 2
LR, MOMENTUM, WD, BETA_AUX = 0.1, 0.9, 5e-3, 0.1
STEP_SIZE, GAMMA = 8, 0.5


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=1, keepdims=True)


class Top2MoE:
    def __init__(self, seed=99):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wg": rng.normal(0.0, 0.5, (D, E)),
            "bg": np.zeros(E),
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (E, D, H)),
            "b1": np.full((E, H), 0.05),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (E, H, K)),
            "b2": np.zeros((E, K)),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def route(self, gate):
        rows = np.arange(len(gate))[:, None]
        top = np.argsort(-gate, axis=1)[:, :TOP]
        mask = np.zeros_like(gate)
        mask[rows, top] = 1.0
        S = (gate * mask).sum(axis=1, keepdims=True)
        return mask, S, gate * mask / S

    def forward(self, X):
        p = self.params
        gate = softmax(X @ p["Wg"] + p["bg"])
        mask, S, w = self.route(gate)
        h = np.maximum(np.einsum("nd,edh->enh", X, p["W1"]) + p["b1"][:, None, :], 0.0)
        out = np.einsum("enh,ehk->enk", h, p["W2"]) + p["b2"][:, None, :]
        z = (w.T[:, :, None] * out).sum(axis=0)
        return gate, mask, S, w, h, out, z

    def aux_terms(self, gate):
        first = np.argmax(gate, axis=1)
        f = np.bincount(first, minlength=E).astype(gate.dtype) / len(gate)
        return f, gate.mean(axis=0)

    def loss(self, X, y):
        gate, _, _, _, _, _, z = self.forward(X)
        logp = z - z.max(axis=1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(axis=1, keepdims=True))
        f, P = self.aux_terms(gate)
        return -np.mean(logp[np.arange(len(y)), y]) + BETA_AUX * E * np.sum(f * P)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        gate, mask, S, w, h, out, z = self.forward(X)
        probs = softmax(z)
        ce = -np.mean(np.log(probs[np.arange(n), y]))
        f, P = self.aux_terms(gate)
        loss = ce + BETA_AUX * E * np.sum(f * P)

        g = {}
        onehot = np.eye(K, dtype=z.dtype)[y]
        dz = (probs - onehot) / n
        dout = w.T[:, :, None] * dz[None, :, :]
        dw = np.einsum("nk,enk->ne", dz, out)
        # through the renormalisation w = p * mask / S
        dgate = mask * (dw - (w * dw).sum(axis=1, keepdims=True)) / S
        dgate = dgate + BETA_AUX * E * f[None, :] / n
        dlog = gate * (dgate - (gate * dgate).sum(axis=1, keepdims=True))
        g["Wg"] = X.T @ dlog
        g["bg"] = dlog.sum(axis=0)
        g["W2"] = np.einsum("enh,enk->ehk", h, dout)
        g["b2"] = dout.sum(axis=1)
        dpre = np.einsum("enk,ehk->enh", dout, p["W2"]) * (h > 0)
        g["W1"] = np.einsum("nd,enh->edh", X, dpre)
        g["b1"] = dpre.sum(axis=1)
        self.grads = g

        lr = LR * GAMMA ** (self.t // STEP_SIZE)
        self.t += 1
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
