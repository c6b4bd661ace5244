"""Write the small seeded data sets of this folder's gated recurrent programs.

Every sequence is stored flat: row n of X holds T steps of D features,
x_{n,t,d} = X[n, t * D + d].

    lstm.npz     X float64 (64, 15) = 5 steps of 3 features, y float64 (64, 2):
                 a leaky sum and a gated product of the sequence (regression)
    gru.npz      X float64 (64, 15) = 5 steps of 3 features, y float64 (64, 5):
                 a target at every step, a smoothed running function of the inputs
    grucls.npz   X float64 (48, 16) = 4 steps of 4 features, y int64 (48,):
                 which of 3 patterns the sequence follows

    python3 scripts/diagnosis_sets/fresh136/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def lstm_data(rng, n=64, T=5, D=3):
    X = rng.normal(0.0, 1.0, (n, T, D))
    leak = np.zeros(n)
    for t in range(T):
        leak = 0.6 * leak + X[:, t, 0] - 0.5 * X[:, t, 2]
    gate = 1.0 / (1.0 + np.exp(-X[:, :, 1].sum(axis=1)))
    y = np.stack([0.5 * leak, gate * np.tanh(X[:, -1, 0] + X[:, 0, 2])], axis=1)
    return X.reshape(n, T * D), y


def gru_data(rng, n=64, T=5, D=3):
    X = rng.normal(0.0, 1.0, (n, T, D))
    y = np.zeros((n, T))
    s = np.zeros(n)
    for t in range(T):
        s = 0.5 * s + np.tanh(X[:, t, 0] - X[:, t, 1] + 0.3 * X[:, t, 2])
        y[:, t] = s
    return X.reshape(n, T * D), y


def grucls_data(rng, n=48, T=4, D=4):
    y = rng.integers(0, 3, n)
    X = rng.normal(0.0, 0.6, (n, T, D))
    ramp = np.linspace(-1.0, 1.0, T)
    for k in range(n):
        if y[k] == 0:
            X[k, :, 0] += ramp            # rising first feature
        elif y[k] == 1:
            X[k, :, 1] -= ramp            # falling second feature
        else:
            X[k, ::2, 2] += 1.0           # alternating third feature
    return X.reshape(n, T * D), y.astype(np.int64)


def main():
    rng = np.random.default_rng(136)
    X, y = lstm_data(rng)
    np.savez(os.path.join(HERE, "lstm.npz"), X=X, y=y)
    X, y = gru_data(rng)
    np.savez(os.path.join(HERE, "gru.npz"), X=X, y=y)
    X, y = grucls_data(rng)
    np.savez(os.path.join(HERE, "grucls.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
