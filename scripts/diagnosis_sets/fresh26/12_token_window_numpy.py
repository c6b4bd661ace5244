"""Token-window classifier in NumPy: a window of 5 token ids (vocabulary of 10) is embedded with
a token table E (10 x 4) plus a learned position table P (5 x 4), the 5 x 4 embeddings are
flattened into 20 features, then a tanh hidden layer of 12 and a 4-way softmax. Mean
cross-entropy, heavy-ball momentum (v = mu v + g; theta -= lr v).

    X: int (n, 5) token ids, y: one-hot (n, 4)
"""

import numpy as np

VOCAB, WINDOW, DIM, HIDDEN, CLASSES = 10, 5, 4, 12, 4


class TokenWindowNet:
    def __init__(self, lr=0.2, mu=0.9, seed=12):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 1.0, (VOCAB, DIM)),
            "P": rng.normal(0.0, 0.5, (WINDOW, DIM)),
            "W1": rng.normal(0.0, 1.0 / np.sqrt(WINDOW * DIM), (WINDOW * DIM, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, CLASSES)),
            "b2": np.zeros(CLASSES),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        emb = p["E"][X] + p["P"]                      # (n, WINDOW, DIM)
        flat = emb.reshape(n, WINDOW * DIM)
        h = np.tanh(flat @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        d_z = (probs - y) / n
        d_h = (d_z @ p["W2"].T) * (1.0 - h ** 2)
        d_emb = (d_h @ p["W1"].T).reshape(n, WINDOW, DIM)
        grads = {"W2": h.T @ d_z, "b2": d_z.sum(axis=0), "W1": flat.T @ d_h, "b1": d_h.sum(axis=0)}
        grads["P"] = d_emb.sum(axis=(0, 1))   # BUG: grads["P"] = d_emb.sum(axis=0)
        grads["E"] = np.zeros_like(p["E"])
        np.add.at(grads["E"], X, d_emb)

        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
