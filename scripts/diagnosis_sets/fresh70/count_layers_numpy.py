"""The spike-count classifier of count_numpy.py written another way: the two layers kept as a
list of dicts (W1, b1 in the first, W2, b2 in the second), the whole input current of the first
layer computed for every time step at once with np.einsum, membranes and spikes in preallocated
time-major arrays (T, n, units), the cross-entropy through a log-softmax, the weight gradients
summed over time with np.einsum after the backward sweep, and Adam's moments kept in lists beside
the layers.

    X: float (n, T, 8) input spike trains (0/1), y: float (n, 3) one-hot class
"""

import numpy as np

SIZES = (8, 16, 3)
DECAY, V_TH, K = 0.85, 1.0, 5.0
STEP_SIZE, B1, B2, ADAM_EPS = 0.01, 0.9, 0.999, 1e-8


def surrogate_grad(v):
    return (1.0 + K * np.abs(v - V_TH)) ** -2


class SpikeCountLayers:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.layers = []
        for i, (fan_in, fan_out) in enumerate(zip(SIZES[:-1], SIZES[1:]), start=1):
            self.layers.append({f"W{i}": rng.uniform(-1.0, 1.0, (fan_in, fan_out)) * 0.9,
                                f"b{i}": rng.uniform(0.0, 0.2, fan_out)})
        self.m = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.s = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.step_count = 0

    def _run(self, X):
        (l1, l2), n, T = self.layers, X.shape[0], X.shape[1]
        dt = l1["W1"].dtype
        cur1 = np.einsum("ntd,dh->tnh", X, l1["W1"]) + l1["b1"]
        V1 = np.empty((T, n, SIZES[1]), dtype=dt)
        S1 = np.empty_like(V1)
        V2 = np.empty((T, n, SIZES[2]), dtype=dt)
        S2 = np.empty_like(V2)
        v1, v2 = np.zeros_like(V1[0]), np.zeros_like(V2[0])
        prev1, prev2 = np.zeros_like(V1[0]), np.zeros_like(V2[0])
        for t in range(T):
            v1 = DECAY * v1 + cur1[t] - V_TH * prev1
            V1[t] = v1
            S1[t] = prev1 = np.where(v1 > V_TH, 1.0, 0.0).astype(dt)
            v2 = DECAY * v2 + prev1 @ l2["W2"] + l2["b2"] - V_TH * prev2
            V2[t] = v2
            S2[t] = prev2 = np.where(v2 > V_TH, 1.0, 0.0).astype(dt)
        return V1, S1, V2, S2

    def train_step(self, X, y):
        (l1, l2) = self.layers
        dt = l1["W1"].dtype
        n, T = X.shape[0], X.shape[1]
        V1, S1, V2, S2 = self._run(X)
        logits = S2.sum(axis=0)
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -(y * log_p).sum() / n
        d_logits = (np.exp(log_p) - y).astype(dt) / n

        dV1 = np.zeros_like(V1)
        dV2 = np.zeros_like(V2)
        carry1, carry2 = np.zeros_like(V1[0]), np.zeros_like(V2[0])
        for t in range(T - 1, -1, -1):
            carry2 = d_logits * surrogate_grad(V2[t]) + DECAY * carry2
            dV2[t] = carry2
            carry1 = (carry2 @ l2["W2"].T) * surrogate_grad(V1[t]) + DECAY * carry1
            dV1[t] = carry1
        grads = [{"W1": np.einsum("ntd,tnh->dh", X, dV1), "b1": dV1.sum(axis=(0, 1))},
                 {"W2": np.einsum("tnh,tnk->hk", S1, dV2), "b2": dV2.sum(axis=(0, 1))}]
        self.grads = grads

        self.step_count += 1
        c1, c2 = 1.0 - B1 ** self.step_count, 1.0 - B2 ** self.step_count
        for layer, grad, m, s in zip(self.layers, grads, self.m, self.s):
            for k in layer:
                m[k] = B1 * m[k] + (1.0 - B1) * grad[k]
                s[k] = B2 * s[k] + (1.0 - B2) * np.square(grad[k])
                layer[k] -= STEP_SIZE * (m[k] / c1) / (np.sqrt(s[k] / c2) + ADAM_EPS)
        return float(loss)
