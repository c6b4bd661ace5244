"""Writes the data sets of this folder (seeded): python3 make_data.py

    chars.npz    X int64 (40, 3) contexts of 3 character ids over a vocabulary of 8 (0 is '.'),
                 y one-hot (40, 8): the next character (makemore-style)
    spiral.npz   X float (45, 2), y one-hot (45, 3): the cs231n spiral, three arms of 15 points
    planar.npz   X float (40, 2), y float (40, 1) 0/1: Andrew Ng's planar 'flower'
    curve.npz    X float (24, 3), y float (24, 1) in (0, 1): a smooth squashed target
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(29)

# makemore-style contexts: words over 7 letters (1..7) and '.' (0)
words = ["".join(chr(96 + c) for c in rng.integers(1, 8, size=rng.integers(2, 5))) for _ in range(16)]
X, Y = [], []
for w in words:
    context = [0, 0, 0]
    for ch in w + ".":
        ix = 0 if ch == "." else ord(ch) - 96
        X.append(context)
        Y.append(ix)
        context = context[1:] + [ix]
X, Y = np.array(X[:40], dtype=np.int64), np.array(Y[:40])
np.savez(here / "chars.npz", X=X, y=np.eye(8)[Y])

# cs231n spiral
N, K = 15, 3
Xs, ys = np.zeros((N * K, 2)), np.zeros(N * K, dtype=int)
for j in range(K):
    ix = range(N * j, N * (j + 1))
    r = np.linspace(0.0, 1, N)
    t = np.linspace(j * 4, (j + 1) * 4, N) + rng.standard_normal(N) * 0.2
    Xs[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
    ys[ix] = j
np.savez(here / "spiral.npz", X=Xs, y=np.eye(3)[ys])

# Ng's planar flower
m, a = 40, 4
t = np.linspace(0, 2 * np.pi, m) + rng.standard_normal(m) * 0.2
r = a * np.sin(4 * t) + rng.standard_normal(m) * 0.2
Xp = np.c_[r * np.sin(t), r * np.cos(t)] / 2.0
yp = (np.arange(m) % 2 == 0).astype(float)[:, None]
np.savez(here / "planar.npz", X=Xp, y=yp)

# smooth regression target
Xc = rng.uniform(-1, 1, size=(24, 3))
yc = 1 / (1 + np.exp(-(1.5 * Xc[:, :1] - Xc[:, 1:2] * Xc[:, 2:3] + 0.3)))
np.savez(here / "curve.npz", X=Xc, y=yc)
