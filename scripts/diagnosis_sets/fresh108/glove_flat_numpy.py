"""GloVe in NumPy with every parameter in one flat vector.

theta holds W (V x D), C (V x D), b (V) and bc (V) end to end; self.W, self.C, self.b, self.bc
are reshaped views into it, and the gradient is built the same way in a flat buffer, so one
AdaGrad accumulator over the whole vector and one in-place update of theta train everything.
The weighting is written with np.where (1 above XMAX, (x / XMAX)^ALPHA below), the weighted
loss as np.dot(f, diff^2) / n, the scatter-add of the residual gradients with np.add.at.
The same model, loss and AdaGrad (sums starting at 0, eps outside the root) as glove_numpy.py.

    X: float (n, 3) word id i, context id j, count X_ij; y: float (n, 1) log X_ij
"""

import numpy as np

V, D = 20, 6
LR, XMAX, ALPHA, EPS = 0.05, 10.0, 0.75, 1e-10


def split(flat):
    """Views of a flat vector as W, C, b, bc."""
    a, c = V * D, 2 * V * D
    return flat[:a].reshape(V, D), flat[a:c].reshape(V, D), flat[c:c + V], flat[c + V:]


class GloVeFlat:
    def __init__(self, seed=108):
        rng = np.random.default_rng(seed)
        self.theta = np.concatenate([
            (rng.uniform(-0.5, 0.5, (V, D)) / D ** 0.5).ravel(),
            (rng.uniform(-0.5, 0.5, (V, D)) / D ** 0.5).ravel(),
            rng.uniform(-0.5, 0.5, V),
            rng.uniform(-0.5, 0.5, V),
        ])
        self.W, self.C, self.b, self.bc = split(self.theta)
        self.gradsq = np.zeros_like(self.theta)

    def train_step(self, X, y):
        n = X.shape[0]
        i = X[:, 0].astype(np.intp)
        j = X[:, 1].astype(np.intp)
        x, logx = X[:, 2], y[:, 0]
        wi, cj = self.W[i], self.C[j]
        diff = np.einsum("nd,nd->n", wi, cj) + self.b[i] + self.bc[j] - logx
        f = np.where(x < XMAX, (x / XMAX) ** ALPHA, 1.0).astype(X.dtype)
        loss = np.dot(f, diff * diff) / n

        flat = np.zeros_like(self.theta)
        gW, gC, gb, gbc = split(flat)
        r = (2.0 / n) * f * diff
        np.add.at(gW, i, r[:, None] * cj)
        np.add.at(gC, j, r[:, None] * wi)
        np.add.at(gb, i, r)
        np.add.at(gbc, j, r)
        self.grads = {"W": gW, "C": gC, "b": gb, "bc": gbc}

        self.gradsq += flat * flat
        self.theta -= LR * flat / (np.sqrt(self.gradsq) + EPS)
        return float(loss)
