"""Writes the data sets of this folder (seeded): python3 make_data.py

Each comes from a synthetic corpus of short "sentences" of word ids drawn from a Zipf-like unigram
distribution with a topic structure (a sentence favours the words of one of three topics), so
frequent words repeat inside every batch.

    skipgram.npz  X int64 (64,): centre word ids (vocabulary 30, frequent ids repeat in a batch);
                  y int64 (64, 5): column 0 the true context word (within two positions of the
                  centre), columns 1..4 four negative words drawn from the unigram^0.75
                  distribution, fixed here once.
    cbow.npz      X int64 (48, 4): the ids of the two words before and the two after a centre word
                  (vocabulary 24, id 0 is the padding token PAD used past a sentence's edge, so rows
                  near an edge have 2 or 3 real context words); y int64 (48,): the centre word id.
    glove.npz     X int64 (90, 2): (word i, context j) pairs with a nonzero co-occurrence count
                  (vocabulary 20, window 3, weighted 1/distance, scaled); y float (90,): the
                  co-occurrence count x_ij, between 1 and about 220 (x_max is 10 in the programs, so
                  about a fifth of the pairs are above it and get the weight 1).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(78)


def corpus(vocab, n_sent, length, first=0):
    """Sentences of word ids in [first, vocab), Zipf-like and topical."""
    ids = np.arange(first, vocab)
    zipf = 1.0 / (np.arange(1, len(ids) + 1) ** 1.0)
    topic = (ids - first) % 3
    sents = []
    for _ in range(n_sent):
        t = rng.integers(3)
        w = zipf * np.where(topic == t, 3.0, 1.0)
        w = w / w.sum()
        sents.append(rng.choice(ids, size=length, p=w))
    return sents, zipf


# ---------------------------------------------------------------- skip-gram with negatives
V_SG, K = 30, 4
sents, zipf = corpus(V_SG, 40, 8)
pairs = []
for s in sents:
    for a in range(len(s)):
        for b in range(max(0, a - 2), min(len(s), a + 3)):
            if a != b:
                pairs.append((s[a], s[b]))
pairs = np.array(pairs)
pick = rng.choice(len(pairs), size=64, replace=False)
centre, context = pairs[pick, 0], pairs[pick, 1]
unigram = zipf ** 0.75
unigram = unigram / unigram.sum()
negatives = rng.choice(V_SG, size=(64, K), p=unigram)
np.savez(here / "skipgram.npz", X=centre.astype(np.int64),
         y=np.column_stack([context, negatives]).astype(np.int64))

# ---------------------------------------------------------------- CBOW with padding
V_CB, PAD = 24, 0
sents, _ = corpus(V_CB, 12, 6, first=1)
rows, targets = [], []
for s in sents:
    padded = np.concatenate([[PAD, PAD], s, [PAD, PAD]])
    for a in range(len(s)):
        c = a + 2
        rows.append([padded[c - 2], padded[c - 1], padded[c + 1], padded[c + 2]])
        targets.append(s[a])
rows, targets = np.array(rows), np.array(targets)
order = rng.permutation(len(rows))[:48]
np.savez(here / "cbow.npz", X=rows[order].astype(np.int64), y=targets[order].astype(np.int64))

# ---------------------------------------------------------------- GloVe co-occurrences
V_GL = 20
sents, _ = corpus(V_GL, 60, 10)
cooc = np.zeros((V_GL, V_GL))
for s in sents:
    for a in range(len(s)):
        for d in range(1, 4):
            if a + d < len(s):
                cooc[s[a], s[a + d]] += 1.0 / d
                cooc[s[a + d], s[a]] += 1.0 / d
cooc = np.round(cooc * 1.5, 1)
nz = np.argwhere(cooc >= 1.0)
pick = rng.choice(len(nz), size=90, replace=False)
ij = nz[pick]
counts = cooc[ij[:, 0], ij[:, 1]]
np.savez(here / "glove.npz", X=ij.astype(np.int64), y=counts)
print("skipgram pairs", len(pairs), "cbow rows", len(rows), "with pads", int((rows == PAD).any(1).sum()),
      "glove nonzero", len(nz), "counts", counts.min(), counts.max(), "above 10", int((counts > 10).sum()))
