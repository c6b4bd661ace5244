import numpy as np
class Frozen:
    def __init__(self, X, y):
        self.W1 = np.random.rand(X.shape[1], 4); self.W2 = np.random.rand(4, 1)
    def step(self, X, y):
        h = 1 / (1 + np.exp(-(X @ self.W1))); o = 1 / (1 + np.exp(-(h @ self.W2)))
        d = 2 * (o - y) * o * (1 - o)
        self.W2 = self.W2 + 0.0 * (h.T @ d)        # the update never happens
class Ascends(Frozen):
    def step(self, X, y):
        h = 1 / (1 + np.exp(-(X @ self.W1))); o = 1 / (1 + np.exp(-(h @ self.W2)))
        d = 2 * (o - y) * o * (1 - o)
        self.W2 += 1e-5 * h.T @ d                  # up the gradient
        self.W1 += 1e-5 * X.T @ ((d @ self.W2.T) * h * (1 - h))
class Right(Frozen):
    def step(self, X, y):
        h = 1 / (1 + np.exp(-(X @ self.W1))); o = 1 / (1 + np.exp(-(h @ self.W2)))
        d = 2 * (o - y) * o * (1 - o)
        g2, g1 = h.T @ d, X.T @ ((d @ self.W2.T) * h * (1 - h))
        self.W2 -= 1e-5 * g2; self.W1 -= 1e-5 * g1
