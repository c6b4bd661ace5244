"""Write the small data sets of fresh141/ (fixed seed).

ae.npz      denoising tied autoencoder: y (64, 12) clean rows lying near a
            3-dimensional subspace, X = y * mask with a fixed Bernoulli(0.8)
            dropout-noise mask (the noise is data, so both programs see it).
lm.npz      next-token language model: a token stream of 16 ids drawn from a
            fixed random Markov chain; X (96, 2) int64 the two previous ids,
            y (96,) int64 the next id.
shared.npz  regression for the weight-shared residual net: X (64, 6),
            y (64, 2) a smooth nonlinear function of X plus fixed noise.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(141)

    # --- tied autoencoder
    n, d, k = 64, 12, 3
    basis = rng.standard_normal((k, d))
    codes = rng.standard_normal((n, k))
    clean = np.tanh(codes @ basis / np.sqrt(k)) + 0.05 * rng.standard_normal((n, d))
    mask = (rng.random((n, d)) < 0.8).astype(np.float64)
    np.savez(os.path.join(HERE, "ae.npz"), X=(clean * mask).astype(np.float32),
             y=clean.astype(np.float32))

    # --- tied-embedding language model
    vocab, context, n_seq = 16, 2, 96
    logits = 2.0 * rng.standard_normal((vocab, vocab))
    trans = np.exp(logits)
    trans /= trans.sum(axis=1, keepdims=True)
    stream = [int(rng.integers(vocab))]
    for _ in range(n_seq + context):
        stream.append(int(rng.choice(vocab, p=trans[stream[-1]])))
    stream = np.array(stream, dtype=np.int64)
    X = np.stack([stream[i:i + context] for i in range(n_seq)]).astype(np.int64)
    y = stream[context:context + n_seq].astype(np.int64)
    np.savez(os.path.join(HERE, "lm.npz"), X=X, y=y)

    # --- shared-depth residual regression
    n, d_in = 64, 6
    X = rng.standard_normal((n, d_in))
    A = rng.standard_normal((d_in, 2)) / np.sqrt(d_in)
    y = np.sin(X @ A) + 0.3 * (X[:, :2] ** 2 - 1) + 0.05 * rng.standard_normal((n, 2))
    np.savez(os.path.join(HERE, "shared.npz"), X=X.astype(np.float32), y=y.astype(np.float32))


if __name__ == "__main__":
    main()
