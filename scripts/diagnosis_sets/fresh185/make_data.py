"""Write the seeded data sets of the fresh185 set (linear-chain CRF taggers), next to this file.

    mlp.npz  X float64 (48, 30): 48 sequences of T=6 tokens with 5 real features each, stored
             flat (token t is X[:, 5*t:5*t+5]); y int64 (48, 6) tags in {0..3}, drawn from a
             Markov chain; each token's features are its tag's mean plus noise.
    emb.npz  X int64 (32, 8) token ids in {0..14}, y int64 (32, 8) tags in {0..4}: tags from a
             Markov chain, each token drawn from its tag's word distribution (token 0, a
             frequent function word, shows up under every tag).

    python3 scripts/diagnosis_sets/fresh185/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def markov_tags(rng, n, T, K, stay=0.5):
    P = np.full((K, K), (1 - stay) / (K - 1))
    np.fill_diagonal(P, stay)
    P[0, 1] += 0.15           # some asymmetry: 0 tends to go to 1
    P[0, 0] -= 0.15
    y = np.zeros((n, T), dtype=np.int64)
    y[:, 0] = rng.integers(0, K, n)
    for t in range(1, T):
        for i in range(n):
            y[i, t] = rng.choice(K, p=P[y[i, t - 1]])
    return y


def mlp_data(rng, n=48, T=6, F=5, K=4):
    y = markov_tags(rng, n, T, K)
    means = rng.normal(0.0, 1.0, (K, F))
    X = means[y] + 0.8 * rng.standard_normal((n, T, F))
    return X.reshape(n, T * F), y


def emb_data(rng, n=32, T=8, V=15, K=5):
    y = markov_tags(rng, n, T, K, stay=0.4)
    word_probs = np.full((K, V), 0.02)
    word_probs[:, 0] = 0.25                       # the function word
    for k in range(K):
        word_probs[k, 1 + 3 * k:4 + 3 * k] += 0.22  # each tag's own three words
    word_probs /= word_probs.sum(axis=1, keepdims=True)
    X = np.zeros((n, T), dtype=np.int64)
    for i in range(n):
        for t in range(T):
            X[i, t] = rng.choice(V, p=word_probs[y[i, t]])
    return X, y


if __name__ == "__main__":
    rng = np.random.default_rng(185)
    X, y = mlp_data(rng)
    np.savez(os.path.join(HERE, "mlp.npz"), X=X, y=y)
    X, y = emb_data(rng)
    np.savez(os.path.join(HERE, "emb.npz"), X=X, y=y)
    print("wrote mlp.npz and emb.npz")
