"""Writes the logged reinforcement-learning data of this folder (seeded): python3 make_data.py

No environment runs during training: every batch below was logged once by a fixed behaviour
policy, so each training step is deterministic.

    bandit.npz       X float (48, 5) contexts; y float (48, 3): the reward in (0, 1) of the action
                     taken in that action's column, 0 elsewhere (a REINFORCE batch without a baseline
                     in the kit's (X, y) layout: the mean cross-entropy against y is the REINFORCE loss)
    actions.npz      X float (40, 3) states; y float (40, 1): the continuous action the behaviour
                     policy took (for a unit-variance Gaussian policy fitted to them)
    episodes.npz     X float (12, 8, 4): 12 episodes of 8 steps, 4 state features;
                     y float (12, 8, 2): [action in {0, 1, 2}, reward] at each step
    transitions.npz  X float (40, 2, 4): [state, next state]; y float (40, 3): [action in {0, 1, 2},
                     reward, done]
    trajectory.npz   X float (48, 4): consecutive episodes of unequal length logged back to back;
                     y float (48, 3): [action in {0, 1, 2}, reward, done] (done = 1 at each episode's
                     last step)
    gaussian.npz     X float (40, 3) states; y float (40, 2): [continuous action, return]
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(39)


def behaviour(states, W):
    """Softmax behaviour policy with fixed weights."""
    z = states @ W
    p = np.exp(z - z.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    u = rng.random(p.shape[:-1] + (1,))
    return (u > np.cumsum(p, axis=-1)).sum(axis=-1).clip(0, p.shape[-1] - 1)


# contextual bandit, REINFORCE batch in (X, y) form
X = rng.normal(0.0, 1.0, size=(48, 5))
a = behaviour(X, rng.normal(0.0, 0.8, size=(5, 3)))
reward = 1.0 / (1.0 + np.exp(-2.0 * (X[np.arange(48), a] + 0.5 * X[:, 4]) - 0.5 * rng.normal(size=48)))
np.savez(here / "bandit.npz", X=X, y=np.eye(3)[a] * reward[:, None])

# continuous actions of a behaviour policy
X = rng.normal(0.0, 1.0, size=(40, 3))
act = np.tanh(X @ np.array([0.8, -0.5, 0.3])) + 0.4 * rng.normal(size=40)
np.savez(here / "actions.npz", X=X, y=act[:, None])

# whole episodes, time-major inside each episode
E, T = 12, 8
S = np.zeros((E, T, 4))
S[:, 0] = rng.normal(0.0, 1.0, size=(E, 4))
for t in range(1, T):
    S[:, t] = 0.8 * S[:, t - 1] + 0.4 * rng.normal(size=(E, 4))
A = behaviour(S, rng.normal(0.0, 0.7, size=(4, 3)))
R = np.where(A == (S[..., 0] > 0).astype(int) + (S[..., 1] > 0.5), 1.0, -0.2) + 0.1 * rng.normal(size=(E, T))
np.savez(here / "episodes.npz", X=S, y=np.stack([A, R], axis=-1).astype(float))

# one-step transitions
s = rng.normal(0.0, 1.0, size=(40, 4))
a = behaviour(s, rng.normal(0.0, 0.7, size=(4, 3)))
s_next = 0.7 * s + 0.5 * rng.normal(size=(40, 4))
r = np.sin(s[:, 0] + a) + 0.5 * s[:, 1] + 0.1 * rng.normal(size=40)
done = (rng.random(40) < 0.3).astype(float)
np.savez(here / "transitions.npz", X=np.stack([s, s_next], axis=1), y=np.stack([a, r, done], axis=1).astype(float))

# episodes logged back to back
lengths = [7, 5, 9, 6, 8, 4, 9]
assert sum(lengths) == 48
rows, ys = [], []
for L in lengths:
    st = rng.normal(0.0, 1.0, size=4)
    for t in range(L):
        act_t = int(behaviour(st[None], rng.normal(0.0, 0.5, size=(4, 3)))[0])
        rew = float(np.tanh(st[act_t]) + 0.1 * rng.normal())
        rows.append(st.copy())
        ys.append([act_t, rew, 1.0 if t == L - 1 else 0.0])
        st = 0.8 * st + 0.4 * rng.normal(size=4)
np.savez(here / "trajectory.npz", X=np.array(rows), y=np.array(ys))

# continuous actions with their returns
X = rng.normal(0.0, 1.0, size=(40, 3))
act = 0.5 * X[:, 0] - 0.3 * X[:, 2] + 0.8 * rng.normal(size=40)
ret = -np.abs(act - np.tanh(X[:, 1])) + 0.5 + 0.1 * rng.normal(size=40)
np.savez(here / "gaussian.npz", X=X, y=np.stack([act, ret], axis=1))
