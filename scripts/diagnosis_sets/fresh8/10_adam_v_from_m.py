"""NumPy tanh / softmax classifier (4 -> 6 -> 5 -> 3, summed cross-entropy, Adam, shuffled
mini-batches of 10), layers a list of dicts, Adam's moments in a dict keyed by (layer, name)
and updated in place. The second-moment line squares m, the first moment updated on the line
above, instead of the gradient g: v = beta2 v + (1 - beta2) m^2. On the first step m = 0.1 g,
so v_hat = 0.01 g^2 and the step is 10 times Adam's."""

import numpy as np


class TanhSoftmax:
    def __init__(self, X, y, sizes=(6, 5), lr=0.002, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(10)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.layers = [{"W": rng.normal(0, 1 / np.sqrt(a), (a, b)), "b": np.zeros(b)}
                       for a, b in zip(dims, dims[1:])]
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.moments = {}
        self.t = 0

    def fit_batch(self, X, y):
        acts = [X]
        for layer in self.layers[:-1]:
            acts.append(np.tanh(acts[-1] @ layer["W"] + layer["b"]))
        z = acts[-1] @ self.layers[-1]["W"] + self.layers[-1]["b"]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = float(-np.sum(y * np.log(p)))

        grads = [None] * len(self.layers)
        delta = p - y
        for i in reversed(range(len(self.layers))):
            grads[i] = {"W": acts[i].T @ delta, "b": delta.sum(axis=0)}
            if i:
                delta = (delta @ self.layers[i]["W"].T) * (1 - acts[i] ** 2)

        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for i, layer in enumerate(self.layers):
            for name in ("W", "b"):
                g = grads[i][name]
                if (i, name) not in self.moments:
                    self.moments[i, name] = (np.zeros_like(g), np.zeros_like(g))
                m, v = self.moments[i, name]
                m[...] = b1 * m + (1 - b1) * g
                v[...] = b2 * v + (1 - b2) * m * m   # BUG: the squared gradient: (1 - b2) * g * g
                m_hat = m / (1 - b1 ** self.t)
                v_hat = v / (1 - b2 ** self.t)
                layer[name] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
