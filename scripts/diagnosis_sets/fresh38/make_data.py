"""Writes the data sets of this folder (seeded): python3 make_data.py

    seq.npz      X float (40, 5, 4) sequences of 5 steps with 4 features, y float (40, 1): a
                 squashed, decaying sum over time of an interaction of the features
                 (many-to-one: the LSTM, GRU and bidirectional RNN regressors)
    many.npz     X float (40, 6, 3), y float (40, 6): a target at every step, a leaky running
                 mix of the inputs so far (many-to-many: every step's prediction is scored)
    teach.npz    X float (40, 6, 2), y float (40, 6): an autoregressive sequence whose value at
                 step t depends on the inputs at t and on its own value at t - 1 (teacher forcing)
    wave.npz     X float (40, 16) noisy signals, y float (40, 1): a squashed measure of how much
                 each signal rises over time lags of 2 and 4 (the dilated causal convolutions)
    stream.npz   X float (40, 5, 2), y float (40, 5): ten long series of 20 steps cut into four
                 chunks of 5, stored chunk by chunk (row = 10 * chunk + series), the target the
                 next value of the first channel (stateful truncated back-propagation through time)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(38)

# many-to-one sequences
X = rng.standard_normal((40, 5, 4))
decay = 0.7 ** np.arange(5)[::-1]
y = np.tanh((X[:, :, 0] * (1.0 + 0.5 * X[:, :, 1]) - 0.6 * X[:, :, 2] + 0.3 * X[:, :, 3]) @ decay / 2.0)[:, None]
np.savez(here / "seq.npz", X=X, y=y)

# many-to-many: a target at every step
X = rng.standard_normal((40, 6, 3))
y = np.zeros((40, 6))
s = np.zeros(40)
for t in range(6):
    s = 0.6 * s + 0.5 * X[:, t, 0] - 0.3 * X[:, t, 1] * X[:, t, 2]
    y[:, t] = np.tanh(s)
np.savez(here / "many.npz", X=X, y=y)

# teacher forcing: y_t depends on x_t and y_{t-1}
X = rng.standard_normal((40, 6, 2))
y = np.zeros((40, 6))
prev = np.zeros(40)
for t in range(6):
    prev = np.tanh(0.8 * prev + 0.6 * X[:, t, 0] - 0.4 * X[:, t, 1]) + rng.normal(0.0, 0.05, 40)
    y[:, t] = prev
np.savez(here / "teach.npz", X=X, y=y)

# signals for the dilated convolutions
freq = rng.uniform(0.3, 1.2, size=(40, 1))
phase = rng.uniform(0.0, 6.0, size=(40, 1))
trend = rng.normal(0.0, 0.1, size=(40, 1))
tt = np.arange(16)[None, :]
X = np.sin(freq * tt + phase) + trend * tt + rng.normal(0.0, 0.2, size=(40, 16))
rise = (X[:, 4:] - X[:, :-4]).mean(axis=1) + 0.5 * (X[:, 2:] - X[:, :-2]).mean(axis=1)
y = np.tanh(2.0 * rise)[:, None]
np.savez(here / "wave.npz", X=X, y=y)

# streams cut into chunks for stateful truncated BPTT
series = np.zeros((10, 21, 2))
state = rng.standard_normal((10, 2)) * 0.5
for t in range(21):
    state = np.tanh(np.array([[0.9, -0.4], [0.3, 0.8]]) @ state.T).T + rng.normal(0.0, 0.2, (10, 2))
    series[:, t] = state
chunks_X = [series[:, 5 * c:5 * c + 5] for c in range(4)]
chunks_y = [series[:, 5 * c + 1:5 * c + 6, 0] for c in range(4)]
np.savez(here / "stream.npz", X=np.concatenate(chunks_X, axis=0), y=np.concatenate(chunks_y, axis=0))
