"""The advantage actor-critic of a2c_numpy.py written differently: the gradient accumulated
one transition at a time in a Python loop (outer products), the entropy gradient through the
softmax Jacobian diag(p) - p p^T, the global norm taken over one flat vector of all the
gradients, and RMSprop written with fresh arrays. Computes the same thing.

Parameters (self.layers, nested dicts, weights kept (in, out)): trunk W (4, 10), b (10,);
pi W (10, 4), b (4,); v W (10, 1), b (1,).
"""

import numpy as np


class A2CLoop:
    def __init__(self, seed=2):
        rng = np.random.default_rng(seed)
        self.layers = {
            "trunk": {"W": rng.standard_normal((4, 10)) / np.sqrt(4),
                      "b": 0.1 * rng.standard_normal(10)},
            "pi": {"W": rng.standard_normal((10, 4)) / np.sqrt(10), "b": np.zeros(4)},
            "v": {"W": rng.standard_normal((10, 1)) / np.sqrt(10), "b": np.zeros(1)},
        }
        self.square_avg = {l: {k: np.zeros_like(p) for k, p in d.items()}
                           for l, d in self.layers.items()}
        self.grads = {}
        self.gamma = 0.9

    def _value_and_policy(self, s):
        L = self.layers
        h = np.tanh(s @ L["trunk"]["W"] + L["trunk"]["b"])
        z = h @ L["pi"]["W"] + L["pi"]["b"]
        e = np.exp(z - z.max())
        p = e / e.sum()
        v = h @ L["v"]["W"][:, 0] + L["v"]["b"][0]
        return h, p, v

    def train_step(self, X, y):
        L = self.layers
        N = X.shape[0]
        g = {l: {k: np.zeros_like(p) for k, p in d.items()} for l, d in L.items()}
        total_loss = 0.0
        for i in range(N):
            s, r, done, s2 = X[i, :4], X[i, 4], X[i, 5], X[i, 6:]
            a = int(y[i])
            _, _, v2 = self._value_and_policy(s2)
            target = r + self.gamma * (1.0 - done) * v2
            h, p, v = self._value_and_policy(s)
            adv = target - v
            logp = np.log(p)
            H = -np.dot(p, logp)
            total_loss += -logp[a] * adv + 0.5 * adv * adv - 0.05 * H

            # policy term: d(-log p_a)/dz = p - e_a, times the (constant) advantage
            dz = (p - np.eye(4, dtype=p.dtype)[a]) * adv
            # entropy bonus: dH/dp = -(log p + 1), through the softmax Jacobian
            J = np.diag(p) - np.outer(p, p)
            dz += 0.05 * (J @ (logp + 1.0))
            dv = -adv          # d(0.5 * adv^2)/dv
            g["pi"]["W"] += np.outer(h, dz) / N
            g["pi"]["b"] += dz / N
            g["v"]["W"][:, 0] += h * dv / N
            g["v"]["b"][0] += dv / N
            dh = L["pi"]["W"] @ dz + L["v"]["W"][:, 0] * dv
            dpre = dh * (1.0 - h * h)
            g["trunk"]["W"] += np.outer(s, dpre) / N
            g["trunk"]["b"] += dpre / N

        flat = np.concatenate([g[l][k].ravel() for l in g for k in g[l]])
        norm = np.linalg.norm(flat)
        if norm + 1e-6 > 0.5:
            scale = 0.5 / (norm + 1e-6)
            g = {l: {k: x * scale for k, x in d.items()} for l, d in g.items()}
        self.grads = g

        for l in L:
            for k in L[l]:
                sq = 0.99 * self.square_avg[l][k] + 0.01 * g[l][k] ** 2
                self.square_avg[l][k] = sq
                L[l][k] -= 5e-3 * g[l][k] / (np.sqrt(sq) + 1e-5)
        return float(total_loss / N)
