"""REINFORCE with a learned baseline on a fixed batch of episodes, from scratch in NumPy.

    X (N, 6) = [s (4), r, done], y (N,) the actions taken; episodes laid end to end, done = 1
    on the last step of each.

    G_t      = r_t + gamma G_{t+1} (1 - done_t)         discounted return, reset at each episode end
    Gn       = (G - mean G) / (std G + 1e-8)             standardised (biased std)
    pi(.|s)  = softmax(tanh(s W1^T + b1) W2^T + b2)      policy, 4 -> 8 -> 3
    V(s)     = s Wv^T + bv                               linear baseline
    loss     = -mean(log pi(a|s) (Gn - V(s))) + 0.5 mean((V(s) - Gn)^2)
               (the advantage Gn - V is a constant in the policy term)

SGD with momentum 0.9 (v = mu v + g; p -= lr v), lr 0.05 halved every 8 steps (StepLR).

Parameters (attributes, torch layout (out, in)): W1 (8, 4), b1 (8,), W2 (3, 8), b2 (3,),
Wv (1, 4), bv (1,).
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "Wv", "bv")


class ReinforceBaseline:
    def __init__(self, n_state=4, n_hidden=8, n_actions=3, lr=0.05, momentum=0.9, gamma=0.95,
                 lr_decay=0.5, decay_every=8, seed=1):
        rng = np.random.default_rng(seed)
        self.n_state = n_state
        self.W1 = rng.standard_normal((n_hidden, n_state)) * 0.5
        self.b1 = 0.1 * rng.standard_normal(n_hidden)
        self.W2 = rng.standard_normal((n_actions, n_hidden)) * 0.5
        self.b2 = np.zeros(n_actions)
        self.Wv = rng.standard_normal((1, n_state)) * 0.1
        self.bv = np.zeros(1)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.grads = {}
        self.lr, self.momentum, self.gamma = lr, momentum, gamma
        self.lr_decay, self.decay_every = lr_decay, decay_every
        self.t = 0

    def discounted_returns(self, r, done):
        G = np.zeros_like(r)
        running = 0.0
        for t in reversed(range(len(r))):
            running = r[t] + self.gamma * running
            G[t] = running
        return G

    def forward(self, S):
        h = np.tanh(S @ self.W1.T + self.b1)
        logits = h @ self.W2.T + self.b2
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        V = (S @ self.Wv.T + self.bv)[:, 0]
        return h, logp, V

    def backward(self, X, y):
        d = self.n_state
        S, r, done = X[:, :d], X[:, d], X[:, d + 1]
        actions = np.asarray(y).astype(np.int64)
        N = S.shape[0]
        G = self.discounted_returns(r, done)
        Gn = (G - G.mean()) / (G.std() + 1e-8)

        h, logp, V = self.forward(S)
        rows = np.arange(N)
        adv = Gn - V
        loss = -np.mean(logp[rows, actions] * adv) + 0.5 * np.mean((V - Gn) ** 2)

        probs = np.exp(logp)
        onehot = np.zeros_like(probs)
        onehot[rows, actions] = 1.0
        dlogits = -(onehot - probs) * adv[:, None] / N
        self.grads["W2"] = dlogits.T @ h
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ self.W2
        dz = dh * (1 - h ** 2)
        self.grads["W1"] = dz.T @ S
        self.grads["b1"] = dz.sum(axis=0)
        dV = (V - Gn) / N
        self.grads["Wv"] = dV[None, :] @ S
        self.grads["bv"] = dV.sum(keepdims=True)
        return loss

    def sgd_momentum(self):
        lr = self.lr * self.lr_decay ** (self.t // self.decay_every)
        for k in NAMES:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p = getattr(self, k)
            p -= lr * self.velocity[k]
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_momentum()
        return float(loss)
