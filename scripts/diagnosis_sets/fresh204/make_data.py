"""Write the logged-transition data sets of this folder (fixed seed).

Each row of a data set is one logged transition (s, a, r, s', done):

    X  float64 (N, 2, obs)   X[:, 0] the state s, X[:, 1] the next state s'
    y  float64 (N, 3)        y[:, 0] the action taken (an integer stored as a float),
                             y[:, 1] the reward, y[:, 2] the done flag (1.0 where s' is terminal)

    dqn.npz     N = 128, obs = 8, 4 actions; rewards in about [-3, 3] (the programs clip them)
    ddqn.npz    N = 48,  obs = 6, 3 actions; rewards in about [-1, 1]

    python3 scripts/diagnosis_sets/fresh204/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def transitions(rng, n, obs, n_actions, reward_scale, p_done):
    s = rng.standard_normal((n, obs))
    a = rng.integers(0, n_actions, n)
    drift = 0.3 * rng.standard_normal((n_actions, obs))
    s2 = 0.9 * s + drift[a] + 0.1 * rng.standard_normal((n, obs))
    w = rng.standard_normal((n_actions, obs)) / np.sqrt(obs)
    r = reward_scale * np.tanh((s * w[a]).sum(axis=1)) + 0.2 * rng.standard_normal(n)
    done = (rng.random(n) < p_done).astype(np.float64)
    X = np.stack([s, s2], axis=1)
    y = np.stack([a.astype(np.float64), r, done], axis=1)
    return X, y


def main():
    rng = np.random.default_rng(204)
    for name, n, obs, n_actions, scale, p_done in (("dqn", 128, 8, 4, 3.0, 0.2),
                                                   ("ddqn", 48, 6, 3, 1.0, 0.25)):
        X, y = transitions(rng, n, obs, n_actions, scale, p_done)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}, "
              f"|r|>1: {(np.abs(y[:, 1]) > 1).mean():.2f}, done: {y[:, 2].mean():.2f}")


if __name__ == "__main__":
    main()
