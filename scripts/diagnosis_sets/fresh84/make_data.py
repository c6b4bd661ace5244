"""Writes the data sets of this folder (seeded): python3 make_data.py

    tabular.npz   X float (48, 10): ten standardised tabular features, three of them pure noise;
                  y int64 (48,): one of three classes, decided by products of feature pairs (a rule
                  a multiplicative gate can express). For the SE-gated SwiGLU classifier.
    response.npz  X float (40, 6): six standardised inputs; y float (40, 1): a smooth nonlinear
                  response (a sine, a product and a thresholded term) plus noise, standardised.
                  For the highway regressor.
    regimes.npz   X float (36, 8): rows drawn from three regimes (clusters) of eight features;
                  y float (36, 4): the one-hot class (four classes), decided by a different linear
                  rule inside each regime. For the softmax-gated mixture of experts.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(84)


def standardise(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


# ---------------------------------------------------------------- tabular classes
n, d = 48, 10
X = standardise(rng.standard_normal((n, d)))
score = np.stack([X[:, 0] * X[:, 1] + 0.5 * X[:, 2],
                  X[:, 3] * X[:, 4] - 0.5 * X[:, 2],
                  0.3 * X[:, 5] - 0.2 * X[:, 6]], axis=1)
score += 0.3 * rng.standard_normal(score.shape)
cls = score.argmax(axis=1).astype(np.int64)
np.savez(here / "tabular.npz", X=X.round(4), y=cls)

# ---------------------------------------------------------------- regression response
n, d = 40, 6
X = standardise(rng.standard_normal((n, d)))
r = np.sin(1.5 * X[:, 0]) + 0.8 * X[:, 1] * X[:, 2] + np.maximum(X[:, 3], 0.0) - 0.4 * X[:, 4]
r += 0.2 * rng.standard_normal(n)
np.savez(here / "response.npz", X=X.round(4), y=standardise(r)[:, None].round(4))

# ---------------------------------------------------------------- mixture regimes
n, d, k, regimes = 36, 8, 4, 3
centres = rng.normal(0.0, 2.0, (regimes, d))
which = rng.integers(regimes, size=n)
X = centres[which] + rng.standard_normal((n, d))
X = standardise(X)
rules = rng.standard_normal((regimes, d, k))
logits = np.einsum("nd,ndk->nk", X, rules[which]) + 0.3 * rng.standard_normal((n, k))
lab = logits.argmax(axis=1)
np.savez(here / "regimes.npz", X=X.round(4), y=np.eye(k)[lab])
print("tabular classes", np.bincount(cls), "regimes labels", np.bincount(lab, minlength=k),
      "regime sizes", np.bincount(which))
