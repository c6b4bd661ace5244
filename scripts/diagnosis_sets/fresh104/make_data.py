"""Writes the data sets of this folder (seeded): python3 make_data.py

    kd_cls.npz     X float (48, 14): ten standardised features, then the four logits a fixed
                   teacher gave each row (a noisy, scaled copy of the tanh scores the labels were
                   drawn from): student input X[:, :10], teacher logits X[:, 10:];
                   y int (48,): the hard class label 0..3 (the teacher gets about 75% right).
    kd_hint.npz    X float (36, 16): eight standardised features, then the teacher's six hidden
                   activations (tanh) and its two regression outputs: student input X[:, :8],
                   hint targets X[:, 8:14], teacher outputs X[:, 14:];
                   y float (36, 2): the true targets (the teacher's outputs plus noise).
    kd_anneal.npz  X float (40, 9): six standardised features, then the three logits of a fixed
                   teacher: student input X[:, :6], teacher logits X[:, 6:];
                   y int (40,): the hard class label 0..2 (the teacher gets about 85% right).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(104)


def standardise(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


# ---------------------------------------------------------------- classification, four classes
n, d, k = 48, 10, 4
feats = standardise(rng.standard_normal((n, d)) @ rng.normal(0.0, 0.6, (d, d)) + rng.standard_normal((n, d)))
w_true = rng.normal(0.0, 0.8, (d, k))
scores = np.tanh(feats @ w_true)
labels = np.argmax(scores + 0.12 * rng.gumbel(size=(n, k)), axis=1)
teacher = 2.5 * scores + 0.2 * rng.standard_normal((n, k))
np.savez(here / "kd_cls.npz", X=np.concatenate([feats, teacher], axis=1).round(4), y=labels.astype(np.int64))
agree_cls = (teacher.argmax(axis=1) == labels).mean()

# ---------------------------------------------------------------- regression with a hint layer
n, d, ht, o = 36, 8, 6, 2
feats = standardise(rng.standard_normal((n, d)))
wt1, bt1 = rng.normal(0.0, 0.5, (d, ht)), rng.normal(0.0, 0.2, ht)
wt2, bt2 = rng.normal(0.0, 0.8, (ht, o)), rng.normal(0.0, 0.2, o)
hidden = np.tanh(feats @ wt1 + bt1)
t_out = hidden @ wt2 + bt2
targets = t_out + 0.25 * rng.standard_normal((n, o))
np.savez(here / "kd_hint.npz", X=np.concatenate([feats, hidden, t_out], axis=1).round(4), y=targets.round(4))

# ---------------------------------------------------------------- classification, three classes
n, d, k = 40, 6, 3
feats = standardise(rng.standard_normal((n, d)))
w_true = rng.normal(0.0, 1.0, (d, k))
scores = feats @ w_true
labels = np.argmax(scores + 0.5 * rng.gumbel(size=(n, k)), axis=1)
teacher = 1.2 * scores + 0.3 * rng.standard_normal((n, k))
np.savez(here / "kd_anneal.npz", X=np.concatenate([feats, teacher], axis=1).round(4), y=labels.astype(np.int64))
agree_an = (teacher.argmax(axis=1) == labels).mean()
print("teacher accuracy: kd_cls", agree_cls.round(3), "kd_anneal", agree_an.round(3))
