"""The residual SwiGLU regressor of glu_numpy.py written another way (same model, same training).

Weights kept in torch's layout (out, in) under torch's names ('blocks.0.up.weight', ...), samples
as rows, so every product is x @ W.T; the value and gate halves as two views of the fused
projection's rows; SiLU's derivative written as s + silu(g) (1 - s); the LayerNorm backward
through dvar and dmean; gradients of the two micro-batches gathered in a list and summed at the
end; AdamW moments updated in place with np.multiply / np.add (out=).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class GLUNetT:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        P = {"inp.weight": rng.standard_normal((12, 5)) / math.sqrt(5), "inp.bias": np.zeros(12)}
        for l in range(2):
            P[f"blocks.{l}.norm.weight"] = np.ones(12)
            P[f"blocks.{l}.norm.bias"] = np.zeros(12)
            P[f"blocks.{l}.up.weight"] = rng.standard_normal((48, 12)) / math.sqrt(12)
            P[f"blocks.{l}.up.bias"] = np.zeros(48)
            P[f"blocks.{l}.down.weight"] = rng.standard_normal((12, 24)) / math.sqrt(24)
            P[f"blocks.{l}.down.bias"] = np.zeros(12)
        P["head.weight"] = rng.standard_normal((2, 12)) / math.sqrt(12)
        P["head.bias"] = np.zeros(2)
        self.params = P
        self.keep = np.load(os.path.join(HERE, "glu_masks.npz"))["masks"]
        self.grads = {k: np.zeros_like(v) for k, v in P.items()}
        self.m = {k: np.zeros_like(v) for k, v in P.items()}
        self.v = {k: np.zeros_like(v) for k, v in P.items()}
        self.t = 0

    def _forward(self, x, micro):
        P = self.params
        h = x @ P["inp.weight"].T + P["inp.bias"]
        tape = []
        for l in range(2):
            pre = f"blocks.{l}."
            mean = h.mean(-1, keepdims=True)
            var = h.var(-1, keepdims=True)
            inv = 1.0 / np.sqrt(var + 1e-5)
            xc = h - mean
            u = xc * inv * P[pre + "norm.weight"] + P[pre + "norm.bias"]
            W_up = P[pre + "up.weight"]
            b_up = P[pre + "up.bias"]
            val = u @ W_up[:24].T + b_up[:24]
            gate = u @ W_up[24:].T + b_up[24:]
            sg = 1.0 / (1.0 + np.exp(-gate))
            silu = gate * sg
            z = val * silu * self.keep[micro, l] / 0.9
            tape.append((xc, inv, u, val, gate, sg, silu, z, micro, l))
            h = z @ P[pre + "down.weight"].T + P[pre + "down.bias"] + h
        return h @ P["head.weight"].T + P["head.bias"], h, tape

    def loss(self, X, y):
        n = len(X) // 2
        return sum(0.5 * np.mean((self._forward(X[i * n:(i + 1) * n], i)[0] - y[i * n:(i + 1) * n]) ** 2)
                   for i in range(2))

    def _grads(self, x, y, micro):
        P = self.params
        out, h, tape = self._forward(x, micro)
        r = out - y
        d = r / r.size                       # d(0.5 * mean(r^2)) / d out
        g = {"head.weight": d.T @ h, "head.bias": d.sum(0)}
        dh = d @ P["head.weight"]
        for xc, inv, u, val, gate, sg, silu, z, mb, l in reversed(tape):
            pre = f"blocks.{l}."
            g[pre + "down.weight"] = dh.T @ z
            g[pre + "down.bias"] = dh.sum(0)
            dz = dh @ P[pre + "down.weight"] * self.keep[mb, l] / 0.9
            dval = dz * silu
            dgate = dz * val * (sg + silu * (1.0 - sg))
            dag = np.hstack([dval, dgate])
            g[pre + "up.weight"] = dag.T @ u
            g[pre + "up.bias"] = dag.sum(0)
            du = dag @ P[pre + "up.weight"]
            gam = P[pre + "norm.weight"]
            g[pre + "norm.weight"] = (du * xc * inv).sum(0)
            g[pre + "norm.bias"] = du.sum(0)
            dxh = du * gam
            D = xc.shape[1]
            dvar = (dxh * xc).sum(1, keepdims=True) * -0.5 * inv ** 3
            dmean = -(dxh * inv).sum(1, keepdims=True) + dvar * (-2.0 * xc).mean(1, keepdims=True)
            dh = dh + dxh * inv + dvar * 2.0 * xc / D + dmean / D
        g["inp.weight"] = dh.T @ x
        g["inp.bias"] = dh.sum(0)
        return 0.5 * np.mean(r ** 2), g

    def train_step(self, X, y):
        n = len(X) // 2
        parts = [self._grads(X[i * n:(i + 1) * n], y[i * n:(i + 1) * n], i) for i in range(2)]
        loss = parts[0][0] + parts[1][0]
        for k in self.grads:
            self.grads[k] = parts[0][1][k] + parts[1][1][k]

        t = self.t
        if t < 3:
            lr = 5e-3 * (t + 1) / 3
        else:
            lr = 5e-3 * (0.1 + 0.45 * (1.0 + math.cos(math.pi * (t - 3) / 27)))
        t += 1
        self.t = t
        for k, w in self.params.items():
            grad, m, v = self.grads[k], self.m[k], self.v[k]
            np.multiply(w, 1.0 - 0.01 * lr, out=w)
            np.multiply(m, 0.9, out=m)
            np.add(m, 0.1 * grad, out=m)
            np.multiply(v, 0.999, out=v)
            np.add(v, 0.001 * np.square(grad), out=v)
            m_hat = m / (1.0 - 0.9 ** t)
            v_hat = v / (1.0 - 0.999 ** t)
            np.subtract(w, lr * m_hat / (np.sqrt(v_hat) + 1e-8), out=w)
        return float(loss)
