"""Correct variant of surv_numpy.py: the likelihood and its gradient accumulated row by row over
the bins each row was at risk, weights kept in a list of layer dicts, Adam updated in place."""
import numpy as np


class SurvLoopNet:
    def __init__(self, n_in=5, hidden=12, n_bins=6, seed=1):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, hidden))
        b1 = np.zeros(hidden)
        W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), size=(hidden, n_bins))
        b2 = np.full(n_bins, -1.0)
        self.layers = [{"W": W1, "b": b1}, {"W": W2, "b": b2}]
        self.state = [{k: (np.zeros_like(v), np.zeros_like(v)) for k, v in L.items()} for L in self.layers]
        self.step_count = 0

    def train_step(self, X, y):
        L1, L2 = self.layers
        N = X.shape[0]
        a1 = X @ L1["W"] + L1["b"]
        h1 = np.where(a1 > 0, a1, 0.0)
        z = h1 @ L2["W"] + L2["b"]
        dz = np.zeros_like(z)
        loss = 0.0
        for n in range(N):
            t, e = int(y[n, 0]), y[n, 1] > 0.5
            for j in range(t + 1):
                hz = 1.0 / (1.0 + np.exp(-z[n, j]))
                if j == t and e:
                    loss -= np.log(hz)
                    dz[n, j] = (hz - 1.0) / N
                else:
                    loss -= np.log1p(-hz)
                    dz[n, j] = hz / N
        grads = [None, {"W": h1.T @ dz, "b": dz.sum(axis=0)}]
        da1 = (dz @ L2["W"].T) * (a1 > 0)
        grads[0] = {"W": X.T @ da1, "b": da1.sum(axis=0)}
        self.step_count += 1
        c1 = 1.0 - 0.9 ** self.step_count
        c2 = 1.0 - 0.999 ** self.step_count
        for L, S, G in zip(self.layers, self.state, grads):
            for k in L:
                m, v = S[k]
                g = G[k]
                m *= 0.9
                m += 0.1 * g
                v *= 0.999
                v += 0.001 * g * g
                L[k] -= 0.01 * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        return float(loss / N)
