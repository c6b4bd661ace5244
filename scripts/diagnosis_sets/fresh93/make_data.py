"""Writes the data sets of this folder (seeded): python3 make_data.py

Each table is a click log: the first columns are standardised numeric features, the last ones
categorical fields holding integer ids (stored as floats, as a DataFrame's .to_numpy() gives
them), and y is the 0/1 click label drawn from a logistic model with pairwise interactions.

    click.npz   X float (48, 7): 4 numeric features, then 3 categorical fields with 5, 4 and 6
                ids; y float (48,) the click label.          (factorization machine)
    ctr.npz     X float (40, 7): 3 numeric features, then 4 categorical fields with 6, 5, 4 and 7
                ids (id 0 is a real category in every field); y float (40,).   (wide & deep)
    ads.npz     X float (36, 6): 3 numeric features, then 3 categorical fields with 4, 5 and 6
                ids; y float (36,).                           (deep & cross network)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(93)


def click_log(n, n_num, cards):
    num = rng.standard_normal((n, n_num))
    num = (num - num.mean(axis=0)) / num.std(axis=0)
    cats = np.stack([rng.integers(0, c, n) for c in cards], axis=1)
    effects = [rng.normal(0.0, 0.8, c) for c in cards]
    logit = -0.4 + num @ rng.normal(0.0, 0.7, n_num)
    logit += sum(e[cats[:, f]] for f, e in enumerate(effects))
    logit += 0.8 * num[:, 0] * effects[0][cats[:, 0]] + 0.5 * num[:, 1] * num[:, 2]
    click = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(float)
    return np.concatenate([num.round(3), cats.astype(float)], axis=1), click


for name, n, n_num, cards in [("click", 48, 4, (5, 4, 6)), ("ctr", 40, 3, (6, 5, 4, 7)),
                              ("ads", 36, 3, (4, 5, 6))]:
    X, y = click_log(n, n_num, cards)
    np.savez(here / f"{name}.npz", X=X, y=y)
    print(name, X.shape, "click rate", y.mean().round(3),
          "ids seen per field", [len(np.unique(X[:, n_num + f])) for f in range(len(cards))])
