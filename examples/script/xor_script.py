"""A training script with everything at module level: the data, the weights, the loop, a print at the end.

No class, no function: nothing an expression could drive. examples/script_adapter.py
drives it through the adapter protocol.
"""

import numpy as np

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)

np.random.seed(0)
w_ih = np.random.uniform(size=(3, 3))
w_ho = np.random.uniform(size=(3, 1))
lr = 0.8

for epoch in range(5000):
    hidden = 1 / (1 + np.exp(-(X @ w_ih)))
    out = 1 / (1 + np.exp(-(hidden @ w_ho)))
    err = y - out
    d_out = err * out * (1 - out)
    d_hidden = d_out @ w_ho.T * hidden * (1 - hidden)
    w_ho += lr * hidden.T @ d_out
    w_ih += lr * X.T @ d_hidden

print(out.round(3))
