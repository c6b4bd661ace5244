"""Write the small seeded data sets the example programs train on, next to this file.

    ngram.npz      X int64 (64, 3) context token ids, y int64 (64,) next token id
                   (characters of a few names; 0 is '.', the start/end mark, 1..26 are 'a'..'z')
    convnet.npz    X float64 (64, 1, 8, 8) noisy images of a horizontal bar, a vertical
                   bar or a diagonal, y int64 (64,) which one (0, 1, 2)
    rnn.npz        X float64 (64, 5, 3) random sequences, y float64 (64, 1) a smooth
                   function of the whole sequence
    batchnorm.npz  X float64 (64, 4) features on different scales, y float64 (64, 1) in {0, 1}

    python3 examples/programs/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 64

NAMES = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia",
         "harper", "evelyn", "abigail", "emily", "elizabeth", "mila", "ella", "avery",
         "noah", "liam", "oliver", "elijah", "james", "william", "benjamin", "lucas"]


def ngram_data(rng, context=3):
    stoi = {ch: i + 1 for i, ch in enumerate("abcdefghijklmnopqrstuvwxyz")}
    stoi["."] = 0
    X, y = [], []
    for name in NAMES:
        window = [0] * context
        for ch in name + ".":
            X.append(window)
            y.append(stoi[ch])
            window = window[1:] + [stoi[ch]]
    X, y = np.array(X, dtype=np.int64), np.array(y, dtype=np.int64)
    rows = rng.choice(len(X), size=ROWS, replace=False)
    return X[rows], y[rows]


def convnet_data(rng, size=8):
    X = 0.1 * rng.standard_normal((ROWS, 1, size, size))
    y = rng.integers(0, 3, ROWS).astype(np.int64)
    for n in range(ROWS):
        k = rng.integers(1, size - 1)
        if y[n] == 0:
            X[n, 0, k, :] += 1.0                     # horizontal bar
        elif y[n] == 1:
            X[n, 0, :, k] += 1.0                     # vertical bar
        else:
            X[n, 0] += np.eye(size)[:, ::rng.choice([1, -1])]   # a diagonal
    return X, y


def rnn_data(rng, steps=5, features=3):
    X = rng.standard_normal((ROWS, steps, features))
    decay = 0.7 ** np.arange(steps)[::-1]            # later steps count more
    signal = (X[:, :, 0] * decay).sum(axis=1) - 0.5 * X[:, -1, 1] + 0.3 * X[:, 0, 2]
    y = np.tanh(0.5 * signal)[:, None]
    return X, y


def batchnorm_data(rng, features=4):
    X = rng.standard_normal((ROWS, features)) * np.array([1.0, 3.0, 0.5, 10.0]) + np.array([0.0, 2.0, -1.0, 5.0])
    score = X[:, 0] * (X[:, 1] - 2.0) / 3.0 + 2.0 * (X[:, 2] + 1.0) - 0.05 * (X[:, 3] - 5.0)
    y = (score > 0).astype(np.float64)[:, None]
    return X, y


def main():
    rng = np.random.default_rng(1234)
    for name, make in (("ngram", ngram_data), ("convnet", convnet_data),
                       ("rnn", rnn_data), ("batchnorm", batchnorm_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
