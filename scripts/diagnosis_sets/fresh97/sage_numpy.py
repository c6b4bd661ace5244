"""Two-layer GraphSAGE (mean aggregator) in NumPy for node classification on a directed graph.

The edge list (source, target) is loaded in __init__; each node aggregates its in-neighbours:
P = D_in^-1 A with A[target, source] = 1, so (P H)[i] is the mean of the features of the nodes
that point to i. Layer: relu([H, P H] W + b) (own features concatenated with the neighbour mean,
then one linear map); the second layer gives the logits. Softmax cross-entropy averaged over all
nodes. The backward goes through the mean with P^T (P is not symmetric). SGD with heavy-ball
momentum (torch's: v = MU v + g, p -= lr v), weight decay WD * W added to the weights' gradient
only, and a step schedule: updates 0..7 use LR, 8..15 LR * GAMMA, 16.. LR * GAMMA^2.

    X: float (36, 8) node features, y: int (36,) the group of every node
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
N_NODES, F_IN, HIDDEN, CLASSES = 36, 8, 10, 4
LR, MU, WD, STEP_SIZE, GAMMA = 0.1, 0.9, 1e-3, 8, 0.5


class GraphSAGE:
    def __init__(self, seed=97):
        edges = np.load(HERE / "follows.npz")["edges"]
        A = np.zeros((N_NODES, N_NODES))
        A[edges[:, 1], edges[:, 0]] = 1.0
        deg = A.sum(axis=1, keepdims=True)
        self.P = A / deg
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / (2 * F_IN)), (2 * F_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, np.sqrt(1.0 / (2 * HIDDEN)), (2 * HIDDEN, CLASSES)),
            "b2": np.zeros(CLASSES),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        C1 = np.concatenate([X, self.P @ X], axis=1)
        Z1 = C1 @ p["W1"] + p["b1"]
        H1 = np.maximum(Z1, 0.0)
        C2 = np.concatenate([H1, self.P @ H1], axis=1)
        logits = C2 @ p["W2"] + p["b2"]
        return C1, Z1, H1, C2, logits

    @staticmethod
    def log_softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        logp = self.log_softmax(self.forward(X)[-1])
        return float(-logp[np.arange(len(y)), y].mean())

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        C1, Z1, H1, C2, logits = self.forward(X)
        logp = self.log_softmax(logits)
        loss = -logp[np.arange(n), y].mean()

        dlogits = np.exp(logp)
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g = {}
        g["W2"] = C2.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dC2 = dlogits @ p["W2"].T
        dH1 = dC2[:, :HIDDEN] + self.P.T @ dC2[:, HIDDEN:]
        dZ1 = dH1 * (Z1 > 0)
        g["W1"] = C1.T @ dZ1
        g["b1"] = dZ1.sum(axis=0)
        self.grads = g

        lr = LR * GAMMA ** (self.t // STEP_SIZE)
        for k in p:
            grad = g[k] + WD * p[k] if k.startswith("W") else g[k]
            self.velocity[k] = MU * self.velocity[k] + grad
            p[k] -= lr * self.velocity[k]
        self.t += 1
        return float(loss)
