"""Logged policy-gradient data for the fresh178 set (fixed seed).

Each file holds a batch of transitions taken from short episodes of a toy contextual
environment, played by a fixed behaviour policy:

    X (N, d)  float64  the state observed at each time step
    y (N, 2)  float64  column 0: the action taken (an integer id stored as a float),
                       column 1: the discounted return G_t = sum_k gamma^k r_{t+k},
                       computed in advance from the end of each episode backwards.

pg.npz   : 48 transitions, 6 state features, 4 actions, gamma 0.95 (episodes of 8 steps)
base.npz : 32 transitions, 5 state features, 3 actions, gamma 0.9  (episodes of 8 steps)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def rollout(rng, n_rows, d, n_actions, gamma, ep_len=8):
    A = rng.standard_normal((d, d)) * 0.4          # state dynamics
    R = rng.standard_normal((d, n_actions))        # reward weights per action
    B = rng.standard_normal((d, n_actions)) * 0.5  # behaviour policy logits
    Xs, acts, rets = [], [], []
    while len(Xs) < n_rows:
        s = rng.standard_normal(d)
        states, actions, rewards = [], [], []
        for _ in range(ep_len):
            logits = s @ B
            p = np.exp(logits - logits.max())
            p /= p.sum()
            a = rng.choice(n_actions, p=p)
            r = np.tanh(s @ R[:, a]) + 0.1 * rng.standard_normal()
            states.append(s.copy())
            actions.append(a)
            rewards.append(r)
            s = np.tanh(A @ s) + 0.3 * rng.standard_normal(d)
        G = 0.0
        returns = []
        for r in reversed(rewards):
            G = r + gamma * G
            returns.append(G)
        returns.reverse()
        Xs.extend(states)
        acts.extend(actions)
        rets.extend(returns)
    X = np.array(Xs[:n_rows])
    y = np.stack([np.array(acts[:n_rows], dtype=np.float64), np.array(rets[:n_rows])], axis=1)
    return X, y


def main():
    rng = np.random.default_rng(178)
    X, y = rollout(rng, 48, 6, 4, 0.95)
    np.savez(os.path.join(HERE, "pg.npz"), X=X, y=y)
    X, y = rollout(rng, 32, 5, 3, 0.9)
    np.savez(os.path.join(HERE, "base.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
