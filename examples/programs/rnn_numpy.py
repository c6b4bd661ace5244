"""An Elman recurrent network trained by backpropagation through time, from scratch in NumPy.

    h_0 = 0
    h_t = tanh(x_t @ Wxh + h_{t-1} @ Whh + bh)        t = 1..T
    yhat = h_T @ Why + by
    loss = mean((yhat - y) ** 2)

Gradients are clipped by their global L2 norm (max norm 1.0, the way
torch.nn.utils.clip_grad_norm_ does it) and applied with plain SGD.

    X: float (N, T, n_in) = (N, 5, 3), y: float (N, 1).

Parameters (self.params): Wxh (n_in, hidden), Whh (hidden, hidden), bh (hidden,),
Why (hidden, n_out), by (n_out,).
Optimizer state: step count self.t (plain SGD keeps nothing else); the global
gradient norm before clipping of the last step is kept in self.grad_norm.
"""

import os

import numpy as np


class ElmanRNN:
    def __init__(self, n_in=3, hidden=8, n_out=1, lr=0.05, max_norm=1.0, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        scale = 1.0 / np.sqrt(hidden)
        self.params = {
            "Wxh": rng.uniform(-scale, scale, (n_in, hidden)),
            "Whh": rng.uniform(-scale, scale, (hidden, hidden)),
            "bh": rng.uniform(-scale, scale, hidden),
            "Why": rng.uniform(-scale, scale, (hidden, n_out)),
            "by": rng.uniform(-scale, scale, n_out),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

        self.lr = lr
        self.max_norm = max_norm
        self.grad_norm = None
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=self.dtype)
        N, T, _ = X.shape
        hs = [np.zeros((N, p["Whh"].shape[0]), dtype=self.dtype)]   # hs[t] is h_t
        for t in range(T):
            hs.append(np.tanh(X[:, t] @ p["Wxh"] + hs[-1] @ p["Whh"] + p["bh"]))
        out = hs[-1] @ p["Why"] + p["by"]
        return out, (X, hs)

    def forward(self, X):
        """Prediction from the last hidden state, shape (N, n_out)."""
        return self._forward(X)[0]

    def loss(self, X, y):
        y = np.asarray(y, dtype=self.dtype)
        return np.mean((self.forward(X) - y) ** 2)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        """Backpropagation through time; fills self.grads, returns the loss."""
        p = self.params
        y = np.asarray(y, dtype=self.dtype)
        out, (X, hs) = self._forward(X)
        N, T, _ = X.shape
        diff = out - y
        loss = np.mean(diff ** 2)

        dout = 2 * diff / diff.size
        self.grads["Why"] = hs[-1].T @ dout
        self.grads["by"] = dout.sum(axis=0)

        dWxh = np.zeros_like(p["Wxh"])
        dWhh = np.zeros_like(p["Whh"])
        dbh = np.zeros_like(p["bh"])
        dh = dout @ p["Why"].T                       # d loss / d h_T
        for t in reversed(range(T)):
            dpre = dh * (1 - hs[t + 1] ** 2)         # through tanh at step t+1
            dWxh += X[:, t].T @ dpre
            dWhh += hs[t].T @ dpre
            dbh += dpre.sum(axis=0)
            dh = dpre @ p["Whh"].T                   # on to h_{t}
        self.grads["Wxh"] = dWxh
        self.grads["Whh"] = dWhh
        self.grads["bh"] = dbh
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip_gradients(self):
        """Scale all gradients by max_norm / (total_norm + 1e-6) when that is below 1."""
        total_norm = np.linalg.norm([np.linalg.norm(g) for g in self.grads.values()])
        self.grad_norm = float(total_norm)
        clip_coef = self.max_norm / (total_norm + 1e-6)
        if clip_coef < 1:
            for k in self.grads:
                self.grads[k] = self.grads[k] * clip_coef
        return total_norm

    def update(self):
        self.t += 1
        for k, p in self.params.items():
            p -= self.lr * self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_gradients()
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rnn.npz"))
    X, y = data["X"], data["y"]
    model = ElmanRNN(seed=0)
    for step in range(300):
        loss = model.train_step(X, y)
        if step % 30 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.5f}  grad norm {model.grad_norm:.4f}")
