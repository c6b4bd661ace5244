"""Write the small seeded data sets of fresh151 next to this file.

Token 0 is padding in both vocabularies; in the target vocabulary 1 is BOS (the decoder's first
input under teacher forcing), never a target. Sources and targets are padded on the right.

    rnn.npz   X int64 (24, 5) source ids in 1..7, y int64 (24, 4) target ids in 2..7
              (source lengths 2..5, target = the source reversed and mapped, cut to 4)
    dot.npz   X int64 (20, 6) source ids in 1..8, y int64 (20, 5) target ids in 2..8
              (source lengths 2..6, target = a shifted copy of the source, cut to 5)

    python3 scripts/diagnosis_sets/fresh151/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def pairs(rng, n, S, T, v_src, v_tgt, rule):
    X = np.zeros((n, S), dtype=np.int64)
    y = np.zeros((n, T), dtype=np.int64)
    for i in range(n):
        length = int(rng.integers(2, S + 1))
        src = rng.integers(1, v_src, length)
        tgt = rule(src, v_tgt)[:T]
        X[i, :length] = src
        y[i, :len(tgt)] = tgt
    return X, y


def main():
    rng = np.random.default_rng(151)
    X, y = pairs(rng, 24, 5, 4, 8, 8, lambda s, v: (s[::-1] % (v - 2)) + 2)
    np.savez(os.path.join(HERE, "rnn.npz"), X=X, y=y)
    X, y = pairs(rng, 20, 6, 5, 9, 9, lambda s, v: ((s + 3) % (v - 2)) + 2)
    np.savez(os.path.join(HERE, "dot.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
