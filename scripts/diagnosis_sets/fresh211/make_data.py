"""Logged episodes for the fresh211 actor-critic programs (fixed seed).

Each file holds X, the observations in time order, and y (N, 3): column 0 the logged action
(a float holding an integer), column 1 the reward, column 2 the done flag (1.0 on the last
step of an episode). The last row of each file ends an episode.

    a2c.npz  X (48, 6), 4 actions, episodes of 10, 14, 9 and 15 steps
    gae.npz  X (64, 8), 5 actions, episodes of 12, 16, 9, 13 and 14 steps
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def episodes(rng, lengths, obs_dim, n_actions):
    obs, acts, rews, dones = [], [], [], []
    w = rng.normal(0.0, 1.0, (obs_dim, n_actions))
    for T in lengths:
        s = rng.normal(0.0, 1.0, obs_dim)
        for t in range(T):
            a = int(rng.integers(n_actions))
            r = 0.4 * np.tanh(s @ w[:, a]) + 0.1 * rng.normal()
            obs.append(s.copy())
            acts.append(a)
            rews.append(r)
            dones.append(1.0 if t == T - 1 else 0.0)
            s = 0.8 * s + 0.3 * rng.normal(0.0, 1.0, obs_dim)
            s[a % obs_dim] += 0.2
    X = np.array(obs)
    y = np.stack([np.array(acts, dtype=np.float64), np.array(rews), np.array(dones)], axis=1)
    return X, y


def main():
    rng = np.random.default_rng(211)
    X, y = episodes(rng, [10, 14, 9, 15], 6, 4)
    np.savez(os.path.join(HERE, "a2c.npz"), X=X, y=y)
    X, y = episodes(rng, [12, 16, 9, 13, 14], 8, 5)
    np.savez(os.path.join(HERE, "gae.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
