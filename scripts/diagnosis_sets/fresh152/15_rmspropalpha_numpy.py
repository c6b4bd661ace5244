"""One-step advantage actor-critic with an entropy bonus on a fixed batch of transitions,
from scratch in NumPy.

    X (N, 10) = [s (4), r, done, s' (4)], y (N,) the actions taken (4 actions).

    h        = tanh(s @ Wt + bt)                  shared trunk, 4 -> 10
    logits   = h @ Wp + bp                        policy head, 10 -> 4
    V(s)     = h @ Wv + bv                        value head, 10 -> 1
    target   = r + gamma (1 - done) V(s')         bootstrapped, a constant (no gradient)
    A        = target - V(s)
    loss     = -mean(log pi(a|s) A) + 0.5 mean(A^2) - 0.05 mean(H(pi(.|s)))
               (A a constant in the policy term)

The gradient is clipped to a global L2 norm of 0.5 (as torch.nn.utils.clip_grad_norm_), then
RMSprop (torch.optim.RMSprop: alpha 0.99, eps 1e-5 added outside the square root), lr 5e-3.
self.grads holds the clipped gradients.

Parameters (self.layers, nested dicts, weights kept (in, out)): trunk W (4, 10), b (10,);
pi W (10, 4), b (4,); v W (10, 1), b (1,).
"""

import numpy as np


class A2C:
    def __init__(self, n_state=4, n_hidden=10, n_actions=4, lr=5e-3, alpha=0.99, eps=1e-5,
                 gamma=0.9, value_coef=0.5, entropy_coef=0.05, max_norm=0.5, seed=2):
        rng = np.random.default_rng(seed)
        self.n_state = n_state
        self.layers = {
            "trunk": {"W": rng.standard_normal((n_state, n_hidden)) / np.sqrt(n_state),
                      "b": 0.1 * rng.standard_normal(n_hidden)},
            "pi": {"W": rng.standard_normal((n_hidden, n_actions)) / np.sqrt(n_hidden),
                   "b": np.zeros(n_actions)},
            "v": {"W": rng.standard_normal((n_hidden, 1)) / np.sqrt(n_hidden),
                  "b": np.zeros(1)},
        }
        self.square_avg = {l: {k: np.zeros_like(p) for k, p in d.items()}
                           for l, d in self.layers.items()}
        self.grads = {l: {} for l in self.layers}
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.gamma, self.value_coef, self.entropy_coef = gamma, value_coef, entropy_coef
        self.max_norm = max_norm

    def forward(self, S):
        L = self.layers
        h = np.tanh(S @ L["trunk"]["W"] + L["trunk"]["b"])
        logits = h @ L["pi"]["W"] + L["pi"]["b"]
        V = (h @ L["v"]["W"] + L["v"]["b"])[:, 0]
        return h, logits, V

    def backward(self, X, y):
        d = self.n_state
        S, r, done, S2 = X[:, :d], X[:, d], X[:, d + 1], X[:, d + 2:]
        actions = np.asarray(y).astype(np.int64)
        N = S.shape[0]
        L = self.layers

        _, _, V2 = self.forward(S2)
        target = r + self.gamma * (1.0 - done) * V2
        h, logits, V = self.forward(S)
        adv = target - V

        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        probs = np.exp(logp)
        entropy = -(probs * logp).sum(axis=1)
        rows = np.arange(N)
        loss = (-np.mean(logp[rows, actions] * adv) + self.value_coef * np.mean(adv ** 2)
                - self.entropy_coef * np.mean(entropy))

        onehot = np.zeros_like(probs)
        onehot[rows, actions] = 1.0
        dlogits = -(onehot - probs) * adv[:, None] / N
        # dH/dlogits = -p (log p + H); the bonus enters the loss with a minus sign
        dlogits += self.entropy_coef * probs * (logp + entropy[:, None]) / N
        dV = -2.0 * self.value_coef * adv / N

        g = self.grads
        g["pi"]["W"] = h.T @ dlogits
        g["pi"]["b"] = dlogits.sum(axis=0)
        g["v"]["W"] = h.T @ dV[:, None]
        g["v"]["b"] = dV.sum(keepdims=True)
        dh = dlogits @ L["pi"]["W"].T + dV[:, None] @ L["v"]["W"].T
        dz = dh * (1 - h ** 2)
        g["trunk"]["W"] = S.T @ dz
        g["trunk"]["b"] = dz.sum(axis=0)
        return loss

    def clip_grads(self):
        total = np.sqrt(sum(np.sum(g ** 2) for d in self.grads.values() for g in d.values()))
        coef = min(self.max_norm / (total + 1e-6), 1.0)
        for d in self.grads.values():
            for k in d:
                d[k] = d[k] * coef

    def rmsprop(self):
        for l, d in self.layers.items():
            for k, p in d.items():
                g = self.grads[l][k]
                sq = self.square_avg[l][k]
                sq *= 1 - self.alpha
                sq += self.alpha * g * g
                p -= self.lr * g / (np.sqrt(sq) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_grads()
        self.rmsprop()
        return float(loss)
