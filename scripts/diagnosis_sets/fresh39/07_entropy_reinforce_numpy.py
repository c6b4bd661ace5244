"""REINFORCE with an entropy bonus in NumPy on logged episodes: a softmax policy 4 -> 12 ReLU -> 3,
returns-to-go standardised over the whole batch, and the loss
-mean(A log pi(a|s)) - ENT_COEF * mean(H(pi(.|s))) (the bonus keeps the policy from collapsing),
the entropy's gradient taken through the softmax by hand: dH/dz = -p (log p + H). Adam.

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA = 0.9
ENT_COEF = 0.05
LR, BETAS, EPS = 0.01, (0.9, 0.999), 1e-8


class EntropyReinforce:
    def __init__(self, n_state=4, hidden=12, n_actions=3, seed=7):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, np.sqrt(2.0 / n_state), (n_state, hidden)),
                        rng.normal(0.0, 0.3, (hidden, n_actions))]
        self.biases = [np.zeros(hidden), np.zeros(n_actions)]
        self.m = [np.zeros_like(p) for p in self.weights + self.biases]
        self.v = [np.zeros_like(p) for p in self.weights + self.biases]
        self.t = 0

    def train_step(self, X, y):
        E, T, _ = X.shape
        rewards = y[..., 1]
        returns = np.zeros_like(rewards)
        running = np.zeros_like(rewards[:, 0])
        for t in reversed(range(T)):
            running = rewards[:, t] + GAMMA * running
            returns[:, t] = running
        adv = ((returns - returns.mean()) / (returns.std() + 1e-8)).ravel()
        a = y[..., 0].astype(int).ravel()
        S = X.reshape(E * T, -1)
        n = len(S)
        (W1, W2), (b1, b2) = self.weights, self.biases

        z1 = S @ W1 + b1
        h = np.maximum(z1, 0.0)
        z = h @ W2 + b2
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        p = np.exp(log_p)
        entropy = -(p * log_p).sum(axis=1)
        loss = -np.mean(adv * log_p[np.arange(n), a]) - ENT_COEF * entropy.mean()

        d_z = p.copy()
        d_z[np.arange(n), a] -= 1.0
        d_z = adv[:, None] * d_z + ENT_COEF * p * (log_p + entropy[:, None])
        d_z /= n
        d_h = (d_z @ W2.T) * (z1 > 0)
        grads = [S.T @ d_h, h.T @ d_z, d_h.sum(axis=0), d_z.sum(axis=0)]

        self.t += 1
        beta1, beta2 = BETAS
        params = self.weights + self.biases
        for i, g in enumerate(grads):
            self.m[i] = beta1 * self.m[i] + (1 - beta1) * g
            self.v[i] = beta2 * self.v[i] + (1 - beta2) * g ** 2
            m_hat = self.m[i] / (1 - beta1 ** self.t)
            v_hat = self.v[i] / (1 - beta2 ** self.t)
            params[i] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
