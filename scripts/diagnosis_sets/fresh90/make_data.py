"""Writes the data sets of this folder (seeded): python3 make_data.py

Logged experience, no environment: each row is one (state, action) a behaviour policy took, with
what the training code needs beside it.

    discrete.npz    X float (48, 9): columns 0..5 the state's six features, column 6 the action
                    taken (0..3, stored as a float), column 7 the advantage estimated when the data
                    were collected (return minus an old critic's value), column 8 the behaviour
                    policy's log-probability of that action (a mild softmax policy, so the ratio of
                    a fresh policy to it lies mostly between 0.5 and 2);
                    y float (48,): the discounted return of the row (the value target).
    continuous.npz  X float (40, 8): columns 0..4 the state's five features, column 5 the
                    continuous action taken, column 6 its advantage, column 7 the behaviour
                    Gaussian's log-density of that action (mean linear in the state, std 0.6);
                    y float (40,): the return (the value target).
"""

import math
from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(90)

# ---------------------------------------------------------------- discrete actions
n, d, k = 48, 6, 4
S = rng.standard_normal((n, d))
Wb = rng.normal(0.0, 0.12, (d, k))
logits = S @ Wb
logits -= logits.max(axis=1, keepdims=True)
pb = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
a = np.array([rng.choice(k, p=row) for row in pb])
old_logp = np.log(pb[np.arange(n), a])
Wr = rng.normal(0.0, 0.6, (d, k))
G = 0.8 + (S * Wr[:, a].T).sum(axis=1) + 0.5 * rng.standard_normal(n)
old_value = 0.8 + S @ rng.normal(0.0, 0.2, d)
adv = G - old_value
X = np.column_stack([S.round(4), a.astype(float), adv.round(4), old_logp.round(5)])
np.savez(here / "discrete.npz", X=X, y=G.round(4))

# ---------------------------------------------------------------- one continuous action
n, d = 40, 5
S = rng.standard_normal((n, d))
mu_b = 0.15 * S @ rng.normal(0.0, 1.0, d)
sd_b = 0.6
act = mu_b + sd_b * rng.standard_normal(n)
old_logp = -0.5 * ((act - mu_b) / sd_b) ** 2 - math.log(sd_b) - 0.5 * math.log(2 * math.pi)
target = S @ rng.normal(0.0, 0.4, d)
R = 1.0 - (act - target) ** 2 + 0.3 * rng.standard_normal(n)
adv = R - (1.0 - 0.4 - target ** 2 * 0.1)
X = np.column_stack([S.round(4), act.round(4), adv.round(4), old_logp.round(5)])
np.savez(here / "continuous.npz", X=X, y=R.round(4))
print("discrete: adv mean/std", X[:, 7].mean().round(3), X[:, 7].std().round(3),
      "continuous: adv mean/std", adv.mean().round(3), adv.std().round(3))
