"""Wide & Deep, the same model as wd_numpy.py written differently: a list of dense layers with
weights kept (out, in) and einsum products, the BCE in its logit form, and Adam with the bias
corrections folded into the step size (lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), eps scaled by
sqrt(1 - b2^t)), updates in place."""

import math

import numpy as np


class Dense:
    def __init__(self, rng, n_in, n_out, gain, bias):
        self.W = rng.normal(0.0, 1.0, size=(n_out, n_in)) * math.sqrt(gain / n_in)
        self.b = np.full(n_out, bias)


class WideDeepLayers:
    def __init__(self, cards=(7, 9, 5), emb_dim=4, hidden=16, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.cards = cards
        self.offsets = np.cumsum([0, *cards[:-1]])
        self.wide = rng.normal(0.0, 0.05, size=sum(cards))
        self.wide_bias = np.zeros(1)
        self.emb = [rng.normal(0.0, 0.3, size=(c, emb_dim)) for c in cards]
        self.layers = [Dense(rng, emb_dim * len(cards), hidden, 2.0, 0.01),
                       Dense(rng, hidden, hidden, 2.0, 0.01),
                       Dense(rng, hidden, 1, 1.0, 0.0)]
        self.lr, self.b1, self.b2, self.eps = lr, 0.9, 0.999, 1e-8
        self.step_count = 0
        self.moments = {}

    def param_list(self):
        out = [("wide", self, "wide"), ("wide_bias", self, "wide_bias")]
        out += [(f"emb{f}", self.emb, f) for f in range(len(self.emb))]
        for i, L in enumerate(self.layers):
            out += [(f"W{i}", L, "W"), (f"b{i}", L, "b")]
        return out

    def _forward(self, X):
        z = self.wide[X + self.offsets].sum(axis=1) + self.wide_bias[0]
        h = np.hstack([E[X[:, f]] for f, E in enumerate(self.emb)])
        acts = [h]
        for i, L in enumerate(self.layers):
            h = np.einsum("ni,oi->no", h, L.W) + L.b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0)
            acts.append(h)
        return z + h[:, 0], acts

    def loss(self, X, y):
        z = self._forward(X)[0]
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def train_step(self, X, y):
        z, acts = self._forward(X)
        loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
        delta = (np.exp(-np.logaddexp(0, -z)) - y) / X.shape[0]        # sigmoid(z) - y
        grads = {"wide_bias": np.array([delta.sum()], dtype=self.wide_bias.dtype)}
        gw = np.zeros_like(self.wide)
        for f in range(X.shape[1]):
            np.add.at(gw, X[:, f] + self.offsets[f], delta)
        grads["wide"] = gw
        d = delta[:, None]
        for i in range(len(self.layers) - 1, -1, -1):
            L = self.layers[i]
            if i < len(self.layers) - 1:
                d = d * (acts[i + 1] > 0)
            grads[f"W{i}"] = np.einsum("no,ni->oi", d, acts[i])
            grads[f"b{i}"] = d.sum(axis=0)
            d = np.einsum("no,oi->ni", d, L.W)
        k = self.emb[0].shape[1]
        for f, E in enumerate(self.emb):
            gE = np.zeros_like(E)
            np.add.at(gE, X[:, f], d[:, f * k:(f + 1) * k])
            grads[f"emb{f}"] = gE

        self.step_count += 1
        t = self.step_count
        lr_t = self.lr * math.sqrt(1 - self.b2 ** t) / (1 - self.b1 ** t)
        eps_t = self.eps * math.sqrt(1 - self.b2 ** t)
        for name, owner, key in self.param_list():
            p = owner[key] if isinstance(owner, list) else getattr(owner, key)
            g = grads[name]
            if name not in self.moments:
                self.moments[name] = (np.zeros_like(p), np.zeros_like(p))
            m, v = self.moments[name]
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= lr_t * m / (np.sqrt(v) + eps_t)
        self._last_grads = grads
        return float(loss)
