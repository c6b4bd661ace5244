"""Double DQN on a fixed batch of transitions, from scratch in NumPy.

    X (N, 10) = [s (4), r, done, s' (4)], y (N,) the actions taken.

    Q(s)      = relu(s @ W1 + b1) @ W2 + b2                    (N, 3)
    a*        = argmax_a Q_online(s', a)                      (double DQN: the online net selects)
    target    = r + gamma (1 - done) Q_target(s', a*)         (the target net evaluates; a constant)
    loss      = mean Huber(Q(s, a) - target), delta 1         (smooth L1)

The target network is a copy of the online parameters, refreshed at the start of every
target_every-th update (updates 0, 5, 10, ...). Adam (torch.optim.Adam defaults, lr 0.01).

Parameters (self.params): W1 (4, 8), b1 (8,), W2 (8, 3), b2 (3,), weights kept (in, out).
"""

import numpy as np


class DoubleDQN:
    def __init__(self, n_state=4, n_hidden=8, n_actions=3, lr=0.01, gamma=0.9, target_every=5,
                 betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.n_state = n_state
        self.params = {
            "W1": rng.standard_normal((n_state, n_hidden)) * np.sqrt(2.0 / n_state),
            "b1": 0.1 * rng.standard_normal(n_hidden),
            "W2": rng.standard_normal((n_hidden, n_actions)) / np.sqrt(n_hidden),
            "b2": 0.1 * rng.standard_normal(n_actions),
        }
        self.target = {k: v.copy() for k, v in self.params.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.gamma, self.target_every = lr, gamma, target_every
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.t = 0
        self.updates = 0

    def q_values(self, S, p):
        h = S @ p["W1"] + p["b1"]
        a = np.maximum(h, 0)
        return a @ p["W2"] + p["b2"], (S, h, a)

    def sync_target(self):
        self.target = {k: v.copy() for k, v in self.params.items()}

    def td_target(self, r, done, S2):
        q_next_online, _ = self.q_values(S2, self.params)
        a_star = np.argmax(q_next_online, axis=1)
        q_next_target, _ = self.q_values(S2, self.target)
        q_eval = q_next_target[np.arange(len(a_star)), a_star]
        return r + self.gamma * q_eval

    def backward(self, X, y):
        d = self.n_state
        S, r, done, S2 = X[:, :d], X[:, d], X[:, d + 1], X[:, d + 2:]
        actions = np.asarray(y).astype(np.int64)
        N = S.shape[0]
        if self.updates % self.target_every == 0:
            self.sync_target()
        target = self.td_target(r, done, S2)

        q, (S, h, a) = self.q_values(S, self.params)
        rows = np.arange(N)
        q_sa = q[rows, actions]
        delta = q_sa - target
        small = np.abs(delta) < 1.0
        loss = np.mean(np.where(small, 0.5 * delta ** 2, np.abs(delta) - 0.5))

        ddelta = np.where(small, delta, np.sign(delta)) / N
        dq = np.zeros_like(q)
        dq[rows, actions] = ddelta
        p = self.params
        self.grads["W2"] = a.T @ dq
        self.grads["b2"] = dq.sum(axis=0)
        da = dq @ p["W2"].T
        dh = da * (h > 0)
        self.grads["W1"] = S.T @ dh
        self.grads["b1"] = dh.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        self.updates += 1
        return float(loss)
