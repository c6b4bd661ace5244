"""Biased matrix factorisation in NumPy without regularisation, trained with heavy-ball
momentum: rating = mu + b_user + b_item + p_user . q_item, mu the global mean of the training
ratings (fixed), the biases kept as (n, 1) columns; mean squared error over the mini-batch; the
gradients of the factor tables and of the two bias columns are scattered onto their rows with
np.add.at.

    X: int (n, 2) (user, item), y: (n, 1) stars
"""

from pathlib import Path

import numpy as np

MU = float(np.load(Path(__file__).with_name("ratings.npz"))["y"].mean())
LR, MOMENTUM = 0.05, 0.9


class MomentumMF:
    def __init__(self, n_users=12, n_items=15, k=4, seed=29):
        rng = np.random.default_rng(seed)
        self.params = {"P": rng.normal(0.0, 0.3, (n_users, k)), "Q": rng.normal(0.0, 0.3, (n_items, k)),
                       "b_user": np.zeros((n_users, 1)), "b_item": np.zeros((n_items, 1))}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        P, Q = self.params["P"], self.params["Q"]
        u, i = X[:, 0], X[:, 1]
        pred = MU + self.params["b_user"][u, 0] + self.params["b_item"][i, 0] + np.einsum("nk,nk->n", P[u], Q[i])
        err = pred - y[:, 0]
        loss = np.mean(err ** 2)

        d = 2.0 * err / len(err)
        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        np.add.at(grads["P"], u, d[:, None] * Q[i])
        np.add.at(grads["Q"], i, d[:, None] * P[u])
        np.add.at(grads["b_user"], (u, 0), d)
        np.add.at(grads["b_item"], (u, 0), d)   # fix: np.add.at(grads["b_item"], (i, 0), d)
        for k, g in grads.items():
            self.velocity[k] = MOMENTUM * self.velocity[k] + g
            self.params[k] -= LR * self.velocity[k]
        return float(loss)
