"""Actor-critic with generalised advantage estimation on logged episodes, NumPy by hand.

Two ReLU trunk layers shared by an actor head and a critic head (parameters in self.params):

    h1 = relu(X @ W1 + b1); h2 = relu(h1 @ W2 + b2)
    logits = h2 @ Wa + ba                  (N, A)
    V      = h2 @ wc + bc                  (N,)     wc (hidden,), bc (1,)

GAE(gamma, lambda) from the logged rewards, the critic's values taken as constants, the
next state's value cut at every episode end (done_t = 1 on the last step of an episode):

    delta_t = r_t + gamma * (1 - done_t) * V_{t+1} - V_t
    A_t     = delta_t + gamma * lam * (1 - done_t) * A_{t+1}
    R_t     = A_t + V_t                                   (the critic's target)
    A_norm  = (A - mean A) / (std A + 1e-8)               (biased std)

    loss = -mean(log pi(a|s) A_norm) + vf_coef * 0.5 * mean((R - V)^2) - ent_coef * mean(H)

Gradients clipped to a global L2 norm of 0.2 (as clip_grad_norm_), then RMSprop
(as torch.optim.RMSprop: alpha 0.99, eps 1e-5 added to the root, no momentum).
"""

import os

import numpy as np


class GAEActorCritic:
    def __init__(self, obs_dim=8, hidden=32, n_actions=5, gamma=0.97, lam=0.9, vf_coef=0.5,
                 ent_coef=0.01, lr=1e-3, alpha=0.99, eps=1e-5, max_grad_norm=0.2, seed=1):
        rng = np.random.default_rng(seed)

        def uniform(fan_in, shape):
            bound = 1.0 / np.sqrt(fan_in)
            return rng.uniform(-bound, bound, shape)

        self.params = {
            "W1": uniform(obs_dim, (obs_dim, hidden)),
            "b1": uniform(obs_dim, (hidden,)),
            "W2": uniform(hidden, (hidden, hidden)),
            "b2": uniform(hidden, (hidden,)),
            "Wa": uniform(hidden, (hidden, n_actions)),
            "ba": uniform(hidden, (n_actions,)),
            "wc": uniform(hidden, (hidden,)),
            "bc": uniform(hidden, (1,)),
        }
        self.gamma, self.lam = gamma, lam
        self.vf_coef, self.ent_coef = vf_coef, ent_coef
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.max_grad_norm = max_grad_norm
        self.square_avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grad_norm = None

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0.0)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(z2, 0.0)
        logits = h2 @ p["Wa"] + p["ba"]
        values = h2 @ p["wc"] + p["bc"]
        return logits, values, (z1, h1, z2, h2)

    def gae(self, rewards, dones, values):
        N = len(rewards)
        next_values = np.zeros_like(values)
        next_values[:-1] = values[1:]
        not_done = 1.0 - dones
        deltas = rewards + self.gamma * not_done * next_values - values
        adv = np.zeros_like(values)
        last = 0.0
        for t in reversed(range(N)):
            last = deltas[t] + self.gamma * self.lam * not_done[t] * last
            adv[t] = last
        return adv, adv + values

    def train_step(self, X, y):
        p = self.params
        N = X.shape[0]
        actions = y[:, 0].astype(int)
        logits, values, (z1, h1, z2, h2) = self.forward(X)
        adv, returns = self.gae(y[:, 1], y[:, 2], values)
        adv = (adv - adv.mean()) / (adv.std() + 1e-8)

        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        probs = np.exp(logp)
        rows = np.arange(N)
        entropy = -(probs * logp).sum(axis=1)
        policy_loss = -np.mean(logp[rows, actions] * adv)
        value_loss = 0.5 * np.mean((returns - values) ** 2)
        loss = policy_loss + self.vf_coef * value_loss - self.ent_coef * entropy.mean()

        # backward
        dlogits = probs.copy()
        dlogits[rows, actions] -= 1.0
        dlogits *= adv[:, None] / N
        dlogits += self.ent_coef / N * probs * (logp + entropy[:, None])
        dvalues = self.vf_coef * (values - returns) / N

        g = self.grads
        g["Wa"] = h2.T @ dlogits
        g["ba"] = dlogits.sum(axis=0)
        g["wc"] = h2.T @ dvalues
        g["bc"] = np.array([dvalues.sum()])
        dh2 = dlogits @ p["Wa"].T + np.outer(dvalues, p["wc"])
        dz2 = dh2 * (z2 > 0)
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        dz1 = dh1 * (z1 > 0)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)

        # clip by the global norm, as torch.nn.utils.clip_grad_norm_
        total = np.sqrt(sum((gk ** 2).sum() for gk in g.values()))
        self.grad_norm = float(total)
        coef = self.max_grad_norm / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef

        # RMSprop
        for k in p:
            self.square_avg[k] = self.alpha * self.square_avg[k] + (1.0 - self.alpha) * g[k] ** 2
            p[k] = p[k] - self.lr * g[k] / (np.sqrt(self.square_avg[k]) + self.eps)
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gae.npz"))
    net = GAEActorCritic()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, loss, net.grad_norm)
