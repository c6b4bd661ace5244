"""PreResMLP in NumPy written another way: torch's (out, in) weight layout, one dict per layer.

The same network, loss and training as preres_numpy.py (stem, NUM_BLOCKS pre-activation residual
blocks scaled by 1/sqrt(NUM_BLOCKS), a leaky-ReLU head, the mean squared error, global-norm
clipping, SGD with Nesterov momentum and coupled weight decay under a warmup-then-cosine
schedule), but: the weights are kept (out, in) and applied as x @ W.T, the stem, each block and
the head are dicts in self.stem / self.blocks (a list) / self.head, the leaky ReLU is
np.maximum(z, NEG * z), the products of the backward pass are np.einsum, the global norm is taken
of all gradients raveled into one vector, the momentum buffers live in a parallel structure and
the schedule is a closure built once.

    X: float (n, 8), y: float (n, 1)
"""

import numpy as np

N_IN, WIDTH, NUM_BLOCKS = 8, 16, 3
NEG = 0.1
LR, MU, WD, MAX_NORM = 0.05, 0.9, 5e-4, 3.0
WARMUP, TOTAL = 4, 20


def make_schedule(base_lr, warmup, total):
    ramp = np.arange(1, warmup + 1) / warmup

    def lr_at(t):
        if t < warmup:
            return base_lr * float(ramp[t])
        return base_lr * 0.5 * (1.0 + float(np.cos(np.pi * (t - warmup) / (total - warmup))))

    return lr_at


def leaky(z):
    return np.maximum(z, NEG * z)


def leaky_slope(z):
    s = np.full_like(z, NEG)
    s[z > 0] = 1.0
    return s


class PreResMLPAlt:
    def __init__(self, seed=86):
        rng = np.random.default_rng(seed)
        self.stem = {"W": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (WIDTH, N_IN)), "b": np.zeros(WIDTH)}
        self.blocks = []
        for _ in range(NUM_BLOCKS):
            self.blocks.append({
                "W1": rng.normal(0.0, np.sqrt(2.0 / WIDTH), (WIDTH, WIDTH)),
                "b1": rng.normal(0.0, 0.05, WIDTH),
                "W2": rng.normal(0.0, np.sqrt(2.0 / WIDTH), (WIDTH, WIDTH)),
                "b2": rng.normal(0.0, 0.05, WIDTH),
            })
        self.head = {"W": rng.normal(0.0, 0.25, (1, WIDTH)), "b": np.zeros(1)}
        self.layers = [self.stem, *self.blocks, self.head]
        self.momentum_buf = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.lr_at = make_schedule(LR, WARMUP, TOTAL)
        self.step_count = 0
        self.res_scale = NUM_BLOCKS ** -0.5

    def train_step(self, X, y):
        # forward
        h = np.einsum("ni,oi->no", X, self.stem["W"]) + self.stem["b"]
        saved = []
        for blk in self.blocks:
            u = leaky(h)
            z = np.einsum("ni,oi->no", u, blk["W1"]) + blk["b1"]
            v = leaky(z)
            r = np.einsum("ni,oi->no", v, blk["W2"]) + blk["b2"]
            saved.append((h, u, z, v))
            h = h + self.res_scale * r
        a = leaky(h)
        out = np.einsum("ni,oi->no", a, self.head["W"]) + self.head["b"]
        diff = out - y
        loss = float(np.mean(diff * diff))

        # backward
        grads = [None] * len(self.layers)
        dout = diff * (2.0 / diff.size)
        grads[-1] = {"W": np.einsum("no,ni->oi", dout, a), "b": dout.sum(axis=0)}
        dh = np.einsum("no,oi->ni", dout, self.head["W"]) * leaky_slope(h)
        for j in range(NUM_BLOCKS - 1, -1, -1):
            blk = self.blocks[j]
            h_in, u, z, v = saved[j]
            dr = dh * self.res_scale
            dz = np.einsum("no,oi->ni", dr, blk["W2"]) * leaky_slope(z)
            du = np.einsum("no,oi->ni", dz, blk["W1"])
            grads[1 + j] = {"W1": np.einsum("no,ni->oi", dz, u), "b1": dz.sum(axis=0),
                            "W2": np.einsum("no,ni->oi", dr, v), "b2": dr.sum(axis=0)}
            dh = dh + du * leaky_slope(h_in)
        grads[0] = {"W": np.einsum("no,ni->oi", dh, X), "b": dh.sum(axis=0)}

        # clip to the global norm
        flat = np.concatenate([gr.ravel() for layer in grads for gr in layer.values()])
        total = np.linalg.norm(flat)
        factor = MAX_NORM / (total + 1e-6)
        if factor < 1.0:
            grads = [{k: gr * factor for k, gr in layer.items()} for layer in grads]
        self.grads = grads

        # SGD, Nesterov, coupled decay
        lr = self.lr_at(self.step_count)
        self.step_count += 1
        for layer, g_layer, buf in zip(self.layers, grads, self.momentum_buf):
            for k in layer:
                d = g_layer[k] + WD * layer[k]
                buf[k] *= MU
                buf[k] += d
                layer[k] -= lr * d + (lr * MU) * buf[k]
        return loss
