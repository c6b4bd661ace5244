"""Spiking network with a membrane-potential readout, in NumPy, trained by hand-written BPTT.

A hidden layer of leaky integrate-and-fire neurons with reset to zero, read out by a layer of
non-spiking leaky integrators, over the T time steps of latency-coded input spikes:

    v_t = BETA v_{t-1} (1 - s_{t-1}) + x_t W1 + b1,   s_t = H(v_t - THRESH)
    u_t = ALPHA u_{t-1} + s_t W2 + b2,                out = mean_t u_t

The reset gate (1 - s_{t-1}) is held constant in the backward pass (a detached reset). The
Heaviside step gets the scaled-sigmoid surrogate K sigma(K (v - THRESH)) (1 - sigma(...)) in the
backward pass. Loss: squared error of the time-averaged readout against the one-hot target,
summed over the outputs and averaged over the batch. SGD with momentum (as torch.optim.SGD).

    X: float (n, T, 6) input spike trains (0/1), y: float (n, 3) one-hot class
"""

import numpy as np

D_IN, HIDDEN, N_OUT = 6, 20, 3
BETA, ALPHA, THRESH, K_SIG = 0.8, 0.7, 1.0, 4.0
LR, MU = 0.01, 0.9


def heaviside(v):
    return (v > THRESH).astype(v.dtype)


def sigmoid_surrogate(v):
    sig = 1.0 / (1.0 + np.exp(-K_SIG * (v - THRESH)))
    return K_SIG * sig * (1.0 - sig)


class MembraneReadoutSNN:
    def __init__(self, seed=70):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.8, 0.6, (D_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 0.3, (HIDDEN, N_OUT)),
            "b2": np.zeros(N_OUT),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n, T, _ = X.shape
        y = y.astype(dt)

        v = np.zeros((n, HIDDEN), dtype=dt)
        s = np.zeros((n, HIDDEN), dtype=dt)
        u = np.zeros((n, N_OUT), dtype=dt)
        out = np.zeros((n, N_OUT), dtype=dt)
        vs, ss = [], []
        for t in range(T):
            v = BETA * v * (1.0 - s) + X[:, t] @ p["W1"] + p["b1"]
            s = heaviside(v)
            u = ALPHA * u + s @ p["W2"] + p["b2"]
            out += u
            vs.append(v)
            ss.append(s)
        out /= T

        loss = np.mean(np.sum((out - y) ** 2, axis=1))
        dout = 2.0 * (out - y) / n

        g = {k: np.zeros_like(a) for k, a in p.items()}
        du_next = np.zeros((n, N_OUT), dtype=dt)
        dv_next = np.zeros((n, HIDDEN), dtype=dt)
        for t in reversed(range(T)):
            du = dout / T + ALPHA * du_next
            g["W2"] += ss[t].T @ du
            g["b2"] += du.sum(axis=0)
            ds = du @ p["W2"].T
            dv = ds * sigmoid_surrogate(vs[t]) + BETA * (1.0 - ss[t]) * dv_next
            g["W1"] += X[:, t].T @ dv
            g["b1"] += dv.sum(axis=0)
            du_next, dv_next = du, dv
        self.grads = g

        for k in p:
            self.velocity[k] = MU * self.velocity[k] + g[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
