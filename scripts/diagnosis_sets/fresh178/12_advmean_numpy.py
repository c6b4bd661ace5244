"""REINFORCE with a learned baseline (a value head), on logged transitions, in NumPy.

    X (N, 6) states; y (N, 2): column 0 the logged action, column 1 the discounted return G.

Network: a shared tanh layer (6 -> 32), a policy head (32 -> 4 logits, softmax) and a
value head (32 -> 1).

Loss (minimised):
    A      = G - V(s)                      (the baseline treated as a constant)
    A_n    = (A - mean(A)) / (std(A) + 1e-8)   (population std)
    L      = -mean(A_n * log pi(a|s)) + 0.5 * mean((V - G)^2) - 0.01 * mean(H(pi(.|s)))
Trained with Adam (lr 1e-2, betas 0.9/0.999, eps 1e-8, bias-corrected).
"""

import numpy as np


class ActorCritic:
    def __init__(self, n_in=6, n_hidden=32, n_actions=4, lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 value_coef=0.5, entropy_coef=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
            "b1": np.zeros(n_hidden),
            "Wp": rng.standard_normal((n_hidden, n_actions)) * 0.1,
            "bp": np.zeros(n_actions),
            "Wv": rng.standard_normal((n_hidden, 1)) / np.sqrt(n_hidden),
            "bv": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.value_coef = value_coef
        self.entropy_coef = entropy_coef

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["Wp"] + p["bp"]
        value = (h @ p["Wv"] + p["bv"])[:, 0]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return h, logp, value

    def train_step(self, X, y):
        p = self.params
        N = X.shape[0]
        actions = y[:, 0].astype(np.int64)
        G = y[:, 1]

        h, logp, value = self.forward(X)
        probs = np.exp(logp)
        logp_a = logp[np.arange(N), actions]

        adv = G - value
        adv = adv / (adv.std() + 1e-8)

        entropy = -(probs * logp).sum(axis=1)
        policy_loss = -(adv * logp_a).mean()
        value_loss = ((value - G) ** 2).mean()
        loss = policy_loss + self.value_coef * value_loss - self.entropy_coef * entropy.mean()

        # backward
        onehot = np.zeros_like(probs)
        onehot[np.arange(N), actions] = 1.0
        dlogits = adv[:, None] * (probs - onehot) / N
        # d H / d logits = -p * (log p + H)
        dlogits += self.entropy_coef * probs * (logp + entropy[:, None]) / N
        dvalue = self.value_coef * 2.0 * (value - G) / N

        g = self.grads
        g["Wp"] = h.T @ dlogits
        g["bp"] = dlogits.sum(axis=0)
        g["Wv"] = h.T @ dvalue[:, None]
        g["bv"] = dvalue.sum(keepdims=True)
        dh = dlogits @ p["Wp"].T + dvalue[:, None] @ p["Wv"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        # Adam
        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] = p[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
