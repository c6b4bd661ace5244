"""Write the fixed batches of transitions the fresh152 programs train on, next to this file.

Every program steps on the whole batch each step; nothing random happens while training.

    dqn.npz  X float64 (48, 10) = [s (4), r, done, s' (4)], y int64 (48,) actions in {0, 1, 2}
             rewards scaled by 1.5 so that some TD errors pass the Huber threshold; done ~ 20%
    pg.npz   X float64 (48, 6) = [s (4), r, done], y int64 (48,) actions in {0, 1, 2}
             six episodes of lengths 9, 7, 8, 10, 6, 8 laid end to end; done = 1 on the last
             step of each episode
    a2c.npz  X float64 (40, 10) = [s (4), r, done, s' (4)], y int64 (40,) actions in {0..3}

    python3 scripts/diagnosis_sets/fresh152/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def dqn(rng, n=48, d=4, n_actions=3):
    s = rng.standard_normal((n, d))
    a = rng.integers(0, n_actions, size=n).astype(np.int64)
    r = 1.5 * rng.standard_normal(n)
    done = (rng.random(n) < 0.2).astype(np.float64)
    s2 = s + 0.5 * rng.standard_normal((n, d))
    X = np.concatenate([s, r[:, None], done[:, None], s2], axis=1)
    return X, a


def pg(rng, lengths=(9, 7, 8, 10, 6, 8), d=4, n_actions=3):
    n = sum(lengths)
    s = rng.standard_normal((n, d))
    a = rng.integers(0, n_actions, size=n).astype(np.int64)
    r = 0.5 + rng.standard_normal(n)
    done = np.zeros(n)
    done[np.cumsum(lengths) - 1] = 1.0
    X = np.concatenate([s, r[:, None], done[:, None]], axis=1)
    return X, a


def a2c(rng, n=40, d=4, n_actions=4):
    s = rng.standard_normal((n, d))
    a = rng.integers(0, n_actions, size=n).astype(np.int64)
    r = rng.standard_normal(n)
    done = (rng.random(n) < 0.2).astype(np.float64)
    s2 = 0.8 * s + 0.6 * rng.standard_normal((n, d))
    X = np.concatenate([s, r[:, None], done[:, None], s2], axis=1)
    return X, a


if __name__ == "__main__":
    rng = np.random.default_rng(152)
    for name, make in (("dqn", dqn), ("pg", pg), ("a2c", a2c)):
        X, y = make(rng)
        np.savez(os.path.join(HERE, name + ".npz"), X=X, y=y)
        print(name, X.shape, y.shape)
