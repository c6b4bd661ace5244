"""Writes the data of this folder (seeded): python3 make_data.py

    distill.npz   X float (48, 6) standard-normal features; y int64 (48,) class labels 0..2,
                  drawn from the teacher's logits plus Gumbel noise (the teacher is right on most
                  rows, not all).
    teacher.npz   the fixed teacher, a 6-8-3 ReLU MLP in NumPy layout (W of shape (in, out)):
                  W1 (6, 8), b1 (8,), W2 (8, 3), b2 (3,). The programs read it from this file and
                  never train it.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(67)

n, d, t_hidden, k = 48, 6, 8, 3
X = rng.standard_normal((n, d))
W1 = rng.normal(0.0, 0.8, (d, t_hidden))
b1 = rng.normal(0.0, 0.2, t_hidden)
W2 = rng.normal(0.0, 0.8, (t_hidden, k))
b2 = rng.normal(0.0, 0.1, k)
logits = np.maximum(X @ W1 + b1, 0.0) @ W2 + b2
y = np.argmax(logits + 0.7 * rng.gumbel(size=(n, k)), axis=1).astype(np.int64)

np.savez(here / "distill.npz", X=X, y=y)
np.savez(here / "teacher.npz", W1=W1, b1=b1, W2=W2, b2=b2)
agree = float(np.mean(np.argmax(logits, axis=1) == y))
print("rows", n, "class counts", np.bincount(y, minlength=k).tolist(), "teacher agrees", agree)
