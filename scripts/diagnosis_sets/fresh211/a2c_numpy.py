"""Advantage actor-critic on logged episodes, written by hand in NumPy.

A shared tanh trunk feeds a policy head (softmax over the actions) and a value head:

    h      = tanh(X @ W1 + b1)
    logits = h @ Wpi + bpi                   (N, A)
    V      = (h @ Wv + bv)[:, 0]             (N,)

The targets are the discounted returns of the logged rewards, reset at every episode end:

    G_t = r_t + gamma * (1 - done_t) * G_{t+1}

    adv         = G - V                      (a constant for the policy loss)
    policy_loss = -mean(log pi(a_t | s_t) * adv_t)
    value_loss  = mean((G - V) ** 2)
    entropy     = mean(-sum_a pi log pi)
    loss        = policy_loss + value_coef * value_loss - entropy_coef * entropy

Adam (as torch.optim.Adam). y holds (action, reward, done) per row.
"""

import os

import numpy as np


class ActorCritic:
    def __init__(self, obs_dim=6, hidden=32, n_actions=4, gamma=0.95, value_coef=0.5,
                 entropy_coef=0.01, lr=3e-3, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(obs_dim), (obs_dim, hidden))
        self.b1 = np.zeros(hidden)
        self.Wpi = rng.normal(0.0, 0.1, (hidden, n_actions))
        self.bpi = np.zeros(n_actions)
        self.Wv = rng.normal(0.0, 0.1, (hidden, 1))
        self.bv = np.zeros(1)
        self.names = ["W1", "b1", "Wpi", "bpi", "Wv", "bv"]

        self.gamma = gamma
        self.value_coef = value_coef
        self.entropy_coef = entropy_coef
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.t = 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}

    # ------------------------------------------------------------------ pieces
    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        logits = h @ self.Wpi + self.bpi
        value = (h @ self.Wv + self.bv)[:, 0]
        return h, logits, value

    def discounted_returns(self, rewards, dones):
        G = np.zeros_like(rewards)
        running = 0.0
        for t in reversed(range(len(rewards))):
            running = rewards[t] + self.gamma * (1.0 - dones[t]) * running
            G[t] = running
        return G

    @staticmethod
    def log_softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        actions = y[:, 0].astype(np.int64)
        _, logits, value = self.forward(X)
        G = self.discounted_returns(y[:, 1], y[:, 2])
        logp = self.log_softmax(logits)
        p = np.exp(logp)
        adv = G - value
        N = X.shape[0]
        policy_loss = -np.mean(logp[np.arange(N), actions] * adv)
        value_loss = np.mean((G - value) ** 2)
        entropy = np.mean(-(p * logp).sum(axis=1))
        return policy_loss + self.value_coef * value_loss - self.entropy_coef * entropy

    # ------------------------------------------------------------------ training
    def backward(self, X, y):
        actions = y[:, 0].astype(np.int64)
        N = X.shape[0]
        h, logits, value = self.forward(X)
        G = self.discounted_returns(y[:, 1], y[:, 2])
        logp = self.log_softmax(logits)
        p = np.exp(logp)
        adv = G - value

        policy_loss = -np.mean(logp[np.arange(N), actions] * adv)
        value_loss = np.mean((G - value) ** 2)
        H = -(p * logp).sum(axis=1)
        entropy = np.mean(H)
        loss = policy_loss + self.value_coef * value_loss - self.entropy_coef * entropy

        onehot = np.zeros_like(p)
        onehot[np.arange(N), actions] = 1.0
        dlogits = (p - onehot) * adv[:, None] / N
        # d(-c * mean H)/dz = c * p * (log p + H) / N
        dlogits += self.entropy_coef * p * (logp + H[:, None]) / N
        dvalue = self.value_coef * 2.0 * (value - G) / N

        g = {}
        g["Wpi"] = h.T @ dlogits
        g["bpi"] = dlogits.sum(axis=0)
        g["Wv"] = h.T @ dvalue[:, None]
        g["bv"] = dvalue.sum(keepdims=True)
        dh = dlogits @ self.Wpi.T + dvalue[:, None] @ self.Wv.T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k in self.names:
            grad = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * grad
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * grad * grad
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            param = getattr(self, k)
            setattr(self, k, param - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "a2c.npz"))
    net = ActorCritic()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(step, loss)
