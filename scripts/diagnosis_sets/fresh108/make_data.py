"""Writes the data sets of this folder (seeded): python3 make_data.py

All word ids are stored as floats in X (the programs cast them back with astype(int) / .long()).
The toy corpora are drawn from a Zipf-like unigram distribution with a little bigram structure,
so word 0 is the most frequent word (a real word, not padding).

    skipgram.npz  X float (48, 7): per row the centre word id, one true context word id (within
                  two positions of the centre) and five negative word ids pre-sampled from the
                  unigram distribution raised to 0.75; y float (48, 1): a dummy column of ones.
                  Vocabulary of 30 words.
    cbow.npz      X float (48, 5): per row a target word id and the ids of its four context words
                  (two on each side); y float (48, 1): the label, 1 for the true centre word of
                  that window, 0 for a target word drawn at random (the same windows appear once
                  with the true centre and once with a sampled one). Vocabulary of 24 words.
    glove.npz     X float (60, 3): co-occurrence triples (i, j, X_ij), the count of word j within
                  three positions of word i (integer counts >= 1); y float (60, 1): log X_ij.
                  Vocabulary of 20 words.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(108)


def corpus(vocab, length):
    """Zipf-like unigram draws, each word followed by a 'partner' word a third of the time."""
    p = 1.0 / np.arange(1, vocab + 1) ** 1.0
    p /= p.sum()
    partner = rng.permutation(vocab)
    words = [int(rng.choice(vocab, p=p))]
    while len(words) < length:
        if rng.random() < 0.33:
            words.append(int(partner[words[-1]]))
        else:
            words.append(int(rng.choice(vocab, p=p)))
    return np.array(words), p


# ---------------------------------------------------------------- skip-gram pairs
V_SG, K = 30, 5
text, p = corpus(V_SG, 300)
noise = p ** 0.75
noise /= noise.sum()
rows = []
for pos in rng.choice(np.arange(2, len(text) - 2), size=48, replace=False):
    off = rng.choice([-2, -1, 1, 2])
    negs = rng.choice(V_SG, size=K, p=noise)
    rows.append([text[pos], text[pos + off], *negs])
X = np.array(rows, dtype=float)
np.savez(here / "skipgram.npz", X=X, y=np.ones((len(X), 1)))

# ---------------------------------------------------------------- CBOW windows
V_CB = 24
text, p = corpus(V_CB, 300)
rows, labels = [], []
for pos in rng.choice(np.arange(2, len(text) - 2), size=24, replace=False):
    ctx = [text[pos - 2], text[pos - 1], text[pos + 1], text[pos + 2]]
    fake = int(rng.integers(V_CB))
    while fake == text[pos]:
        fake = int(rng.integers(V_CB))
    rows.append([text[pos], *ctx])
    labels.append(1.0)
    rows.append([fake, *ctx])
    labels.append(0.0)
order = rng.permutation(len(rows))
X = np.array(rows, dtype=float)[order]
y = np.array(labels)[order][:, None]
np.savez(here / "cbow.npz", X=X, y=y)

# ---------------------------------------------------------------- GloVe co-occurrence triples
V_GL = 20
text, p = corpus(V_GL, 500)
counts = np.zeros((V_GL, V_GL))
for a in range(len(text)):
    for b in range(max(0, a - 3), min(len(text), a + 4)):
        if b != a:
            counts[text[a], text[b]] += 1.0
nz = np.argwhere(counts > 0)
pick = nz[rng.choice(len(nz), size=60, replace=False)]
x = counts[pick[:, 0], pick[:, 1]]
X = np.column_stack([pick[:, 0], pick[:, 1], x]).astype(float)
np.savez(here / "glove.npz", X=X, y=np.log(x)[:, None])

if __name__ == "__main__":
    print("skipgram word-0 share", (np.load(here / "skipgram.npz")["X"] == 0).mean().round(3))
    print("cbow word-0 in context", (np.load(here / "cbow.npz")["X"][:, 1:] == 0).sum())
    print("glove counts", np.percentile(x, [0, 25, 50, 75, 100]), "above 10:", (x > 10).sum())
