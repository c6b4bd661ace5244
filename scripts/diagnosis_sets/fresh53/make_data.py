"""Writes the data sets of this folder (seeded): python3 make_data.py

Each y holds the hard label (or target) next to what a larger teacher network produced for the same
rows, so that a distillation step can read both from one batch:

    distill3.npz  X float (48, 5); y float (48, 4): column 0 the hard label (0..2), columns 1..3 the
                  teacher's logits
    distill4.npz  X float (40, 6); y float (40, 5): column 0 the hard label (0..3), columns 1..4 the
                  teacher's logits
    regress.npz   X float (40, 4); y float (40, 8): column 0 the target, column 1 the teacher's
                  prediction, columns 2..7 the teacher's hidden features (6 of them, in (-1, 1))
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(53)


def teacher_classifier(n, d, k):
    X = rng.normal(0.0, 1.0, (n, d))
    W = rng.normal(0.0, 1.5, (d, 16))
    V = rng.normal(0.0, 1.0, (16, k))
    logits = np.tanh(X @ W) @ V + rng.normal(0.0, 0.3, (n, k))
    labels = logits.argmax(axis=1)
    flip = rng.random(n) < 0.15
    labels[flip] = rng.integers(0, k, size=flip.sum())
    return X, np.concatenate([labels[:, None].astype(float), logits], axis=1)


X, y = teacher_classifier(48, 5, 3)
np.savez(here / "distill3.npz", X=X, y=y)
X, y = teacher_classifier(40, 6, 4)
np.savez(here / "distill4.npz", X=X, y=y)

X = rng.uniform(-1.5, 1.5, (40, 4))
feats = np.tanh(X @ rng.normal(0.0, 0.8, (4, 6)))
teacher = feats @ rng.normal(0.0, 0.7, (6, 1))
target = teacher + 0.3 * np.sin(2.0 * X[:, :1]) + rng.normal(0.0, 0.1, (40, 1))
np.savez(here / "regress.npz", X=X, y=np.concatenate([target, teacher, feats], axis=1))
