"""Dense mixture of experts in NumPy, written with einsum: three linear experts and a softmax gate
computed as exp(s - logsumexp(s)); the gate's gradient through the softmax Jacobian taken as an
einsum over diag(g) - g g^T; MSE; SGD.

    X: (n, 3), y: (n, 1)
"""

import numpy as np

LR = 0.1


class EinsumMixture:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "We": rng.normal(0.0, 0.5, (3, 3)), "be": np.zeros(3),
            "Wg": rng.normal(0.0, 0.5, (3, 3)), "bg": np.zeros(3),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        f = np.einsum("ni,ie->ne", X, p["We"]) + p["be"]
        s = np.einsum("ni,ie->ne", X, p["Wg"]) + p["bg"]
        m = s.max(axis=1, keepdims=True)
        g = np.exp(s - (m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))))
        out = np.einsum("ne,ne->n", g, f)[:, None]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out[:, 0] - y[:, 0]) / n
        d_f = np.einsum("n,ne->ne", d_out, g)
        d_g = np.einsum("n,ne->ne", d_out, f)
        jac = np.einsum("ne,ef->nef", g, np.eye(3)) - np.einsum("ne,nf->nef", g, g)
        d_s = np.einsum("nef,nf->ne", jac, d_g)
        self.grads = {"We": np.einsum("ni,ne->ie", X, d_f), "be": d_f.sum(0),
                      "Wg": np.einsum("ni,ne->ie", X, d_s), "bg": d_s.sum(0)}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
