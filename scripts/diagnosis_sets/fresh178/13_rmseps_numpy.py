"""REINFORCE with a running-mean baseline on logged transitions, in NumPy.

    X (N, 5) states; y (N, 2): column 0 the logged action, column 1 the discounted return G.

Policy: a ReLU MLP 5 -> 16 -> 16 -> 3 logits, softmax. Each layer is a dict with W kept
(out, in) like nn.Linear, and b.

The baseline is an exponential moving average of the batch mean return, kept by the
program (no gradient): the advantage of a batch uses the baseline *before* this batch,
which is then updated as  baseline <- 0.9 * baseline + 0.1 * mean(G).

    L = -mean((G - baseline) * log pi(a|s)) - 0.02 * mean(H(pi(.|s)))

Trained with RMSprop: cache <- 0.9 cache + 0.1 g^2;  p <- p - lr g / (sqrt(cache) + 1e-8).
"""

import numpy as np


class ReinforceBaseline:
    def __init__(self, sizes=(5, 16, 16, 3), lr=1e-3, decay=0.9, eps=1e-8, entropy_coef=0.02,
                 baseline_momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.layers = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / np.sqrt(n_in)
            self.layers.append({"W": rng.uniform(-bound, bound, (n_out, n_in)),
                                "b": rng.uniform(-bound, bound, n_out)})
        self.cache = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.grads = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.baseline = 0.0
        self.lr = lr
        self.decay = decay
        self.eps = eps
        self.entropy_coef = entropy_coef
        self.baseline_momentum = baseline_momentum

    def forward(self, X):
        acts = [X]
        pre = []
        a = X
        for i, layer in enumerate(self.layers):
            z = a @ layer["W"].T + layer["b"]
            pre.append(z)
            a = np.maximum(z, 0.0) if i < len(self.layers) - 1 else z
            acts.append(a)
        logits = acts[-1]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return logp, acts, pre

    def loss(self, X, y):
        N = X.shape[0]
        actions = y[:, 0].astype(np.int64)
        G = y[:, 1]
        logp, _, _ = self.forward(X)
        adv = G - self.baseline
        entropy = -(np.exp(logp) * logp).sum(axis=1)
        return -(adv * logp[np.arange(N), actions]).mean() - self.entropy_coef * entropy.mean()

    def train_step(self, X, y):
        N = X.shape[0]
        actions = y[:, 0].astype(np.int64)
        G = y[:, 1]

        logp, acts, pre = self.forward(X)
        probs = np.exp(logp)
        adv = G - self.baseline
        entropy = -(probs * logp).sum(axis=1)
        loss = -(adv * logp[np.arange(N), actions]).mean() - self.entropy_coef * entropy.mean()

        # backward
        onehot = np.eye(probs.shape[1], dtype=probs.dtype)[actions]
        delta = adv[:, None] * (probs - onehot) / N
        delta += self.entropy_coef * probs * (logp + entropy[:, None]) / N
        for i in reversed(range(len(self.layers))):
            self.grads[i]["W"] = delta.T @ acts[i]
            self.grads[i]["b"] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.layers[i]["W"]) * (pre[i - 1] > 0)

        # RMSprop
        for layer, grad, cache in zip(self.layers, self.grads, self.cache):
            for k in layer:
                cache[k] = self.decay * cache[k] + (1 - self.decay) * grad[k] ** 2
                layer[k] = layer[k] - self.lr * grad[k] / np.sqrt(cache[k] + self.eps)

        self.baseline = self.baseline_momentum * self.baseline + (1 - self.baseline_momentum) * G.mean()
        return float(loss)
