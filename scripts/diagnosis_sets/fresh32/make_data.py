"""Writes the data sets of this folder (seeded): python3 make_data.py

    chars.npz     X int64 (24, 8) windows of character ids over an alphabet of 8 ('.abcdefg'),
                  y int64 (24, 8) the next character at every position (a character-level corpus
                  drawn from a small Markov chain)
    attn.npz      X int64 (24, 6), y int64 (24, 6): shorter windows of the same corpus
    trigram.npz   X int64 (40, 2) the two previous words over a vocabulary of 10, y one-hot (40, 10)
                  the next word
    skipgram.npz  X int64 (40, 5): centre word, context word and 3 negative samples (vocabulary of
                  10), y float (40, 4) the labels 1, 0, 0, 0 of (context, negatives)
    cbow.npz      X int64 (40, 5) windows of 5 words, centre at index 2, y one-hot (40, 10) the
                  centre word
    bigram.npz    X one-hot float (40, 10) the previous word, y one-hot (40, 10) the next word
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(32)


def markov_text(n, vocab, rng, concentration=0.4):
    trans = rng.dirichlet(np.full(vocab, concentration), size=vocab)
    seq = [int(rng.integers(vocab))]
    for _ in range(n - 1):
        seq.append(int(rng.choice(vocab, p=trans[seq[-1]])))
    return np.array(seq, dtype=np.int64)


# characters
text = markov_text(400, 8, rng)
starts = rng.choice(len(text) - 9, size=24, replace=False)
np.savez(here / "chars.npz", X=np.stack([text[s:s + 8] for s in starts]),
         y=np.stack([text[s + 1:s + 9] for s in starts]))
starts = rng.choice(len(text) - 7, size=24, replace=False)
np.savez(here / "attn.npz", X=np.stack([text[s:s + 6] for s in starts]),
         y=np.stack([text[s + 1:s + 7] for s in starts]))

# words
words = markov_text(600, 10, rng, concentration=0.3)
starts = rng.choice(len(words) - 3, size=40, replace=False)
np.savez(here / "trigram.npz", X=np.stack([words[s:s + 2] for s in starts]),
         y=np.eye(10)[words[starts + 2]])

centres = rng.choice(np.arange(2, len(words) - 2), size=40, replace=False)
offsets = rng.choice([-2, -1, 1, 2], size=40)
negatives = rng.integers(0, 10, size=(40, 3))
X = np.column_stack([words[centres], words[centres + offsets], negatives]).astype(np.int64)
np.savez(here / "skipgram.npz", X=X, y=np.tile([1.0, 0.0, 0.0, 0.0], (40, 1)))

np.savez(here / "cbow.npz", X=np.stack([words[c - 2:c + 3] for c in centres]).astype(np.int64),
         y=np.eye(10)[words[centres]])

starts = rng.choice(len(words) - 2, size=40, replace=False)
np.savez(here / "bigram.npz", X=np.eye(10)[words[starts]], y=np.eye(10)[words[starts + 1]])
