"""Writes the data sets of this folder (seeded): python3 make_data.py

    text.npz   a little corpus of short words (13 characters: space and 12 letters), cut into
               32 windows of 8 characters with a stride of 5; X int64 (32, 8) the character ids
               of each window, y int64 (32, 8) the next character at every position (X shifted
               left by one). Read by the vanilla RNN and the GRU character models.
    names.npz  36 made-up names of 3 to 6 letters written as boundary-delimited rows:
               id 0 is padding, id 1 the '.' boundary, ids 2..12 the letters; X int64 (36, 9)
               is '.' + name + '.' padded with 0 to 9 ids, y int64 (36,) the name's length.
               The tied-embedding model reads X[:, :-1] as its inputs, X[:, 1:] as its targets
               and counts target t where t <= y (the letters and the closing '.').
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(74)

# ------------------------------------------------------------------ text.npz
WORDS = ["the", "cat", "sat", "on", "a", "mat", "rat", "ran", "to", "his", "hat", "and",
         "not", "so", "more", "tone", "dim", "cod", "ham", "rest", "it", "is", "sit", "do"]
words = []
while sum(len(w) + 1 for w in words) < 5 * 32 + 8 + 2:
    words.append(WORDS[rng.integers(len(WORDS))])
text = " ".join(words)
alphabet = sorted(set(" ".join(WORDS)))
assert len(alphabet) == 13 and set(text) <= set(alphabet), alphabet
stoi = {c: i for i, c in enumerate(alphabet)}
ids = np.array([stoi[c] for c in text], dtype=np.int64)
starts = np.arange(32) * 5
X = np.stack([ids[s:s + 8] for s in starts])
y = np.stack([ids[s + 1:s + 9] for s in starts])
np.savez(here / "text.npz", X=X, y=y)
print("text:", repr(text[:60]), "... vocab", "".join(alphabet), "X", X.shape)

# ------------------------------------------------------------------ names.npz
SYLLABLES = ["ka", "li", "no", "ra", "mi", "sa", "to", "ne", "ri", "la", "e", "an"]
LETTERS = sorted(set("".join(SYLLABLES)) | set("k"))
assert len(LETTERS) <= 11, LETTERS
letter_id = {c: 2 + i for i, c in enumerate(LETTERS)}
rows, lengths = [], []
while len(rows) < 36:
    name = "".join(SYLLABLES[rng.integers(len(SYLLABLES))] for _ in range(rng.integers(2, 4)))
    if not 3 <= len(name) <= 7:
        continue
    row = [1] + [letter_id[c] for c in name] + [1]
    rows.append(row + [0] * (9 - len(row)))
    lengths.append(len(name))
np.savez(here / "names.npz", X=np.array(rows, dtype=np.int64), y=np.array(lengths, dtype=np.int64))
print("names: letters", "".join(LETTERS), "lengths", lengths)
