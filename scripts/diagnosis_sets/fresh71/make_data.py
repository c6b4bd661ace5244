"""Writes the data set of this folder (seeded): python3 make_data.py

    pairs.npz   X int64 (32, 6): source token ids, 1..9 content, 0 padding at the end; each
                row holds 3 to 6 tokens.
                y int64 (32, 7): the target sequence for teacher forcing, column 0 the
                begin-of-sequence token 1, then the target tokens (the source tokens after
                the first, reversed, each shifted by 2 into 3..11), then the end-of-sequence
                token 2, then 0 padding. The decoder reads y[:, :-1] and predicts y[:, 1:];
                the 0 targets are padding and do not count in the loss.

Sizes shared by the programs: source vocabulary 10, target vocabulary 12, source length 6,
decoder steps 6 (source length and decoder steps are equal on purpose).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(71)

N, S, T = 32, 6, 6
PAD, BOS, EOS = 0, 1, 2

X = np.zeros((N, S), dtype=np.int64)
y = np.zeros((N, T + 1), dtype=np.int64)
for i in range(N):
    length = int(rng.integers(3, S + 1))
    src = rng.integers(1, 10, size=length)
    X[i, :length] = src
    tgt = list(src[1:][::-1] + 2) + [EOS]
    y[i, 0] = BOS
    y[i, 1:1 + len(tgt)] = tgt
np.savez(here / "pairs.npz", X=X, y=y)
print("rows", N, "source lengths", np.bincount((X > 0).sum(1)), "target tokens", int((y[:, 1:] > 0).sum()))
