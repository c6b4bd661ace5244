"""Data for the fresh145 set: stateful sequence training (truncated BPTT).

charseq.npz   one long token sequence cut into chunks of 8 (min-char-rnn style), token 0 the blank:
              X (6, 8) int64 inputs, y (6, 8) int64 targets (the inputs shifted by one);
              the programs take chunk  step_count % 6  themselves (X and y are the whole set).
streams.npz   three parallel real-valued streams of length 30 cut into 5 chunks of 6 steps,
              one chunk per row: X (5, 3, 6, 2), y (5, 3, 6, 2); the targets need both the
              past and the future of each stream (run with --batch-size 1).
The noise is drawn here, once, with a fixed seed.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def char_sequence(rng, vocab=6, seq_len=8, n_chunks=6):
    probs = np.array([0.5, 0.2, 0.1, 0.1, 0.05, 0.05])
    n = seq_len * n_chunks + 1
    seq = np.empty(n, dtype=np.int64)
    seq[0] = 0
    for i in range(1, n):
        if seq[i - 1] != 0 and rng.random() < 0.6:
            seq[i] = 0                               # a consonant is mostly followed by 0
        else:
            seq[i] = rng.choice(vocab, p=probs)
    seq[33:44] = 0                                   # a long run of the blank symbol
    X = seq[:-1].reshape(n_chunks, seq_len)
    y = seq[1:].reshape(n_chunks, seq_len)
    return X, y


def streams(rng, n_streams=3, seq_len=6, n_chunks=5, n_in=2):
    L = seq_len * n_chunks
    t = np.arange(L + 2)
    phase = rng.uniform(0, 2 * np.pi, (n_streams, 1))
    x = np.stack([np.sin(0.5 * t + phase), np.cos(0.3 * t + 2 * phase)], axis=-1)
    x = x + 0.1 * rng.standard_normal(x.shape)       # (S, L+2, 2), noise fixed here
    inputs = x[:, 1:L + 1]                           # x_1 .. x_L
    past, future = x[:, 0:L], x[:, 2:L + 2]
    target = np.stack([1.5 * past[..., 0] + future[..., 1],
                       future[..., 0] - past[..., 1] + 0.5], axis=-1)
    X = inputs.reshape(n_streams, n_chunks, seq_len, n_in).transpose(1, 0, 2, 3)
    y = target.reshape(n_streams, n_chunks, seq_len, 2).transpose(1, 0, 2, 3)
    return np.ascontiguousarray(X), np.ascontiguousarray(y)


if __name__ == "__main__":
    rng = np.random.default_rng(145)
    X, y = char_sequence(rng)
    np.savez(os.path.join(HERE, "charseq.npz"), X=X, y=y)
    X, y = streams(rng)
    np.savez(os.path.join(HERE, "streams.npz"), X=X, y=y)
