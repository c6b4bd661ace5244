"""The GAE actor-critic of gae_numpy.py written another way (a correct variant): weights in
torch's (out, in) layout under dotted names, the advantages computed episode by episode
(cut at each done flag, no bootstrap past an episode's end), the ReLU backward through
np.where on the activations, the global norm from one concatenated vector, RMSprop in place.
"""

import numpy as np


class GAELayers:
    def __init__(self, obs_dim=8, hidden=32, n_actions=5, gamma=0.97, lam=0.9, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "fc1.w": rng.normal(0.0, 0.3, (hidden, obs_dim)),
            "fc1.b": np.zeros(hidden),
            "fc2.w": rng.normal(0.0, 0.15, (hidden, hidden)),
            "fc2.b": np.zeros(hidden),
            "pi.w": rng.normal(0.0, 0.05, (n_actions, hidden)),
            "pi.b": np.zeros(n_actions),
            "v.w": rng.normal(0.0, 0.1, (1, hidden)),
            "v.b": np.zeros(1),
        }
        self.gamma, self.lam = gamma, lam
        self.vf_coef, self.ent_coef = 0.5, 0.01
        self.lr, self.alpha, self.eps, self.max_norm = 1e-3, 0.99, 1e-5, 0.2
        self.sq = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.grads = {}

    def advantages(self, r, done, v):
        adv = np.empty_like(v)
        ends = np.flatnonzero(done > 0.5)
        start = 0
        for end in ends:
            acc = 0.0
            for t in range(end, start - 1, -1):
                v_next = v[t + 1] if t < end else 0.0
                delta = r[t] + self.gamma * v_next - v[t]
                acc = delta + self.gamma * self.lam * acc
                adv[t] = acc
            start = end + 1
        return adv

    def train_step(self, X, y):
        P = self.params
        n = len(X)
        act = y[:, 0].astype(np.int64)
        h1 = np.maximum(X @ P["fc1.w"].T + P["fc1.b"], 0.0)
        h2 = np.maximum(h1 @ P["fc2.w"].T + P["fc2.b"], 0.0)
        logits = h2 @ P["pi.w"].T + P["pi.b"]
        v = (h2 @ P["v.w"].T)[:, 0] + P["v.b"][0]

        adv = self.advantages(y[:, 1], y[:, 2], v)
        target = adv + v
        adv_n = (adv - adv.mean()) / (np.sqrt(((adv - adv.mean()) ** 2).mean()) + 1e-8)

        logits = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        pi = e / e.sum(axis=1, keepdims=True)
        logpi = np.log(pi)
        H = -(pi * logpi).sum(axis=1)
        onehot = np.eye(pi.shape[1], dtype=pi.dtype)[act]
        loss = (-(logpi[np.arange(n), act] * adv_n).mean()
                + self.vf_coef * 0.5 * ((target - v) ** 2).mean() - self.ent_coef * H.mean())

        d_logits = ((pi - onehot) * adv_n[:, None] + self.ent_coef * pi * (logpi + H[:, None])) / n
        d_v = self.vf_coef * (v - target) / n
        g = {}
        g["pi.w"] = d_logits.T @ h2
        g["pi.b"] = d_logits.sum(0)
        g["v.w"] = (d_v @ h2)[None, :]
        g["v.b"] = d_v.sum(keepdims=True)
        d_h2 = d_logits @ P["pi.w"] + d_v[:, None] * P["v.w"]
        d_h2 = np.where(h2 > 0, d_h2, 0.0)
        g["fc2.w"] = d_h2.T @ h1
        g["fc2.b"] = d_h2.sum(0)
        d_h1 = np.where(h1 > 0, d_h2 @ P["fc2.w"], 0.0)
        g["fc1.w"] = d_h1.T @ X
        g["fc1.b"] = d_h1.sum(0)

        norm = np.linalg.norm(np.concatenate([gk.ravel() for gk in g.values()]))
        scale = min(1.0, self.max_norm / (norm + 1e-6))
        for k in g:
            g[k] *= scale
        self.grads = g

        for k, w in P.items():
            s = self.sq[k]
            s *= self.alpha
            s += (1.0 - self.alpha) * g[k] ** 2
            w -= self.lr * g[k] / (np.sqrt(s) + self.eps)
        return float(loss)
