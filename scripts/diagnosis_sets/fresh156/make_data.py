"""Write the character-level language-model data for the fresh156 set, next to this file.

    data.npz   X int64 (24, 8) windows of character ids, y int64 (24, 8) the same windows
               shifted by one character (the next character at every position).
               Vocabulary: 16 ids, 0 is ' ' (space), 1..15 the letters of ALPHABET; the other
               letters are dropped from the text.

    python3 scripts/diagnosis_sets/fresh156/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS, WINDOW = 24, 8

TEXT = (
    "the quick brown fox jumps over the lazy dog while the small cat sleeps on the warm mat "
    "a gated recurrent unit keeps a hidden state and decides at every step how much of it to "
    "keep and how much to replace with a new candidate built from the current character "
    "training by backpropagation through time sends the error back along the whole window "
    "and clipping the global norm of the gradient keeps a single bad step from blowing up "
    "the weights so that adam can move every parameter by roughly the same small amount"
)


ALPHABET = "abcdeghilmnorst"


def encode(text):
    stoi = {" ": 0}
    stoi.update({ch: i + 1 for i, ch in enumerate(ALPHABET)})
    return np.array([stoi[ch] for ch in text if ch in stoi], dtype=np.int64)


def main():
    rng = np.random.default_rng(156)
    ids = encode(TEXT)
    starts = rng.choice(len(ids) - WINDOW - 1, size=ROWS, replace=False)
    X = np.stack([ids[s:s + WINDOW] for s in starts])
    y = np.stack([ids[s + 1:s + WINDOW + 1] for s in starts])
    path = os.path.join(HERE, "data.npz")
    np.savez(path, X=X, y=y)
    print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
