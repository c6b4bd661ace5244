"""Correct variant of scale_numpy.py: the same two-tower model with a learnable logit scale,
written another way.  Each tower is a list of layers, each a dict with W kept (out, in) as
nn.Linear does and b; products by np.einsum; the L2-normalisation backward through its Jacobian
(I - e e^T) / |z| applied row by row with einsum; the logit scale kept as a 0-d attribute; Adam
with explicit m_hat / v_hat and in-place moment updates.
"""

import math

import numpy as np


class LayeredTwoTower:
    def __init__(self, query_dim=12, item_dim=10, hidden=32, embed_dim=16, lr=5e-3,
                 betas=(0.9, 0.999), eps=1e-8, temperature=0.07, seed=0):
        rng = np.random.default_rng(seed)
        self.query_dim = query_dim

        def layer(fan_in, fan_out):
            bound = 1.0 / math.sqrt(fan_in)
            return {"W": rng.uniform(-bound, bound, (fan_out, fan_in)),
                    "b": rng.uniform(-bound, bound, fan_out)}

        self.query_layers = [layer(query_dim, hidden), layer(hidden, embed_dim)]
        self.item_layers = [layer(item_dim, hidden), layer(hidden, embed_dim)]
        self.logit_scale = np.array(math.log(1.0 / temperature))
        self.lr = lr
        self.b1, self.b2 = betas
        self.eps = eps
        self.step_count = 0
        self.m = {}
        self.v = {}

    def _slots(self):
        """(key, array) for every trainable array; each is updated in place."""
        for tower, layers in (("q", self.query_layers), ("i", self.item_layers)):
            for n, L in enumerate(layers):
                for name in ("W", "b"):
                    yield f"{tower}{n}{name}", L[name]
        yield "scale", self.logit_scale

    @staticmethod
    def _encode(layers, x):
        first, second = layers
        pre = np.einsum("nd,hd->nh", x, first["W"]) + first["b"]
        act = np.where(pre > 0, pre, 0.0)
        z = np.einsum("nh,eh->ne", act, second["W"]) + second["b"]
        length = np.linalg.norm(z, axis=1, keepdims=True)
        return z / length, (x, pre, act, length)

    def forward(self, X):
        q, _ = self._encode(self.query_layers, X[:, :self.query_dim])
        e, _ = self._encode(self.item_layers, X[:, self.query_dim:])
        return np.exp(self.logit_scale) * np.einsum("ne,me->nm", q, e)

    def loss(self, X, y):
        logits = self.forward(X)
        m = logits.max(axis=1)
        lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
        return np.mean(lse - logits[np.arange(len(y)), y])

    @staticmethod
    def _encode_backward(layers, du, u, cache):
        first, second = layers
        x, pre, act, length = cache
        eye = np.eye(u.shape[1], dtype=u.dtype)
        jac = (eye[None, :, :] - np.einsum("ni,nj->nij", u, u)) / length[:, :, None]
        dz = np.einsum("nij,nj->ni", jac, du)
        grads = [{}, {}]
        grads[1]["W"] = np.einsum("ne,nh->eh", dz, act)
        grads[1]["b"] = dz.sum(axis=0)
        dpre = np.einsum("ne,eh->nh", dz, second["W"]) * (pre > 0)
        grads[0]["W"] = np.einsum("nh,nd->hd", dpre, x)
        grads[0]["b"] = dpre.sum(axis=0)
        return grads

    def train_step(self, X, y):
        N = X.shape[0]
        q, cache_q = self._encode(self.query_layers, X[:, :self.query_dim])
        e, cache_i = self._encode(self.item_layers, X[:, self.query_dim:])
        scale = np.exp(self.logit_scale)
        sim = np.einsum("ne,me->nm", q, e)
        logits = scale * sim
        m = logits.max(axis=1, keepdims=True)
        expd = np.exp(logits - m)
        probs = expd / expd.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(N), y]))

        onehot = np.zeros_like(probs)
        onehot[np.arange(N), y] = 1.0
        dlogits = (probs - onehot) / N
        dscale = np.asarray(np.einsum("nm,nm->", dlogits, sim) * scale)
        dsim = dlogits * scale
        gq = self._encode_backward(self.query_layers, np.einsum("nm,me->ne", dsim, e), q, cache_q)
        gi = self._encode_backward(self.item_layers, np.einsum("nm,ne->me", dsim, q), e, cache_i)
        self.grads = {"q0W": gq[0]["W"], "q0b": gq[0]["b"], "q1W": gq[1]["W"], "q1b": gq[1]["b"],
                      "i0W": gi[0]["W"], "i0b": gi[0]["b"], "i1W": gi[1]["W"], "i1b": gi[1]["b"],
                      "scale": dscale}

        self.step_count += 1
        t = self.step_count
        for key, param in self._slots():
            g = self.grads[key]
            if key not in self.m:
                self.m[key] = np.zeros_like(g)
                self.v[key] = np.zeros_like(g)
            self.m[key] *= self.b1
            self.m[key] += (1.0 - self.b1) * g
            self.v[key] *= self.b2
            self.v[key] += (1.0 - self.b2) * g * g
            m_hat = self.m[key] / (1.0 - self.b1 ** t)
            v_hat = self.v[key] / (1.0 - self.b2 ** t)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
