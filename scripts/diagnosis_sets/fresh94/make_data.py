"""Writes the data sets of this folder (seeded): python3 make_data.py

    web.npz     X float (52, 9): column 0 the query id (0..11, the rows of a query together;
                queries of 2 to 7 documents), columns 1..8 eight standardised query-document
                features; y float (52,): graded relevance 0..3 from a noisy nonlinear function of
                the features, graded within each query (every query holds at least two different
                grades). Trained full batch.
    news.npz    X float (64, 7): column 0 the query id (0..11), columns 1..6 six standardised
                features; y float (64,): graded relevance 0..4. The queries (3 to 8 documents)
                are laid out so that every block of 16 rows holds whole queries: trained with
                --batch-size 16, each batch is three whole queries.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(94)


def queries(sizes, d, levels):
    w = rng.normal(0.0, 1.0, d)
    v = rng.normal(0.0, 1.0, d)
    rows, labels, ids = [], [], []
    for q, n in enumerate(sizes):
        while True:
            F = rng.normal(0.0, 0.7, d) + rng.standard_normal((n, d))
            raw = F @ w + 0.6 * np.tanh(F @ v) + 0.35 * rng.standard_normal(n)
            z = (raw - raw.mean()) / (raw.std() + 1e-9)
            lab = np.clip(np.round(z * (levels - 1) / 3.0 + (levels - 1) / 2.0), 0, levels - 1)
            if len(np.unique(lab)) >= 2:
                break
        rows.append(F)
        labels.append(lab)
        ids.append(np.full(n, q, dtype=float))
    F = np.concatenate(rows)
    F = (F - F.mean(axis=0)) / F.std(axis=0)
    X = np.column_stack([np.concatenate(ids), F.round(3)])
    return X, np.concatenate(labels)


X, y = queries([4, 6, 3, 5, 7, 4, 3, 5, 6, 4, 3, 2], 8, 4)
np.savez(here / "web.npz", X=X, y=y)

X2, y2 = queries([5, 4, 7, 3, 6, 7, 4, 4, 8, 6, 5, 5], 6, 5)
np.savez(here / "news.npz", X=X2, y=y2)
print("web", X.shape, np.bincount(y.astype(int)), "news", X2.shape, np.bincount(y2.astype(int)))
