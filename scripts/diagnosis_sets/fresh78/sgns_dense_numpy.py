"""Skip-gram with negative sampling in NumPy, written with dense one-hot algebra.

The same model and training as sgns_numpy.py, in another layout and another way of writing the
math: the context table is kept transposed, context_T (DIM, VOCAB); the centre vectors are read as
one-hot rows times the table (no fancy indexing); every word's score S = U context_T is formed and
the positive and negative scores are gathered from it with np.take_along_axis; the backward builds
the dense score gradient dS (n, VOCAB) from one-hot rows and gives dense table gradients by
matrix products (no np.add.at). The sigmoid is written with tanh, the log-sigmoid as its log, and
the linearly decaying learning rates are precomputed in a list indexed by the step count.

    X: int64 (n,) centre ids, y: int64 (n, 1 + K): the context id, then K negative ids
"""

import numpy as np

VOCAB, DIM, K = 30, 8, 4
LR, TOTAL = 2.0, 40


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class SkipGramDense:
    def __init__(self, seed=78):
        rng = np.random.default_rng(seed)
        centre = rng.normal(0.0, 0.3, (VOCAB, DIM))
        context = rng.normal(0.0, 0.3, (VOCAB, DIM))
        self.params = {"centre": centre, "context_T": context.T.copy()}
        self.lrs = [LR * (1.0 - s / TOTAL) for s in range(TOTAL)]
        self.steps_done = 0
        self.grads = {}

    def one_hot(self, ids):
        return np.eye(VOCAB, dtype=self.params["centre"].dtype)[ids]

    def scores(self, X, y):
        onehot_c = self.one_hot(X)                                # (n, VOCAB)
        U = onehot_c @ self.params["centre"]                      # (n, DIM)
        S = U @ self.params["context_T"]                          # (n, VOCAB)
        s_pos = np.take_along_axis(S, y[:, :1], axis=1)[:, 0]
        s_neg = np.take_along_axis(S, y[:, 1:], axis=1)
        return onehot_c, U, s_pos, s_neg

    def loss(self, X, y):
        _, _, s_pos, s_neg = self.scores(X, y)
        per_pair = np.log(sigmoid(s_pos)) + np.log(sigmoid(-s_neg)).sum(axis=1)
        return -per_pair.sum() / len(X)

    def backward(self, X, y):
        n = len(X)
        onehot_c, U, s_pos, s_neg = self.scores(X, y)
        loss = -(np.log(sigmoid(s_pos)) + np.log(sigmoid(-s_neg)).sum(axis=1)).sum() / n
        # -log sigmoid(s) has derivative -sigmoid(-s); -log sigmoid(-s) has derivative sigmoid(s)
        dS = self.one_hot(y[:, 0]) * (-sigmoid(-s_pos) / n)[:, None]
        for k in range(1, y.shape[1]):
            dS = dS + self.one_hot(y[:, k]) * (sigmoid(s_neg[:, k - 1]) / n)[:, None]
        self.grads["context_T"] = U.T @ dS                        # (DIM, VOCAB)
        dU = dS @ self.params["context_T"].T                      # (n, DIM)
        self.grads["centre"] = onehot_c.T @ dU                    # (VOCAB, DIM)
        return loss

    def update(self):
        lr = self.lrs[self.steps_done]
        for name, value in self.params.items():
            value -= lr * self.grads[name]
        self.steps_done += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
