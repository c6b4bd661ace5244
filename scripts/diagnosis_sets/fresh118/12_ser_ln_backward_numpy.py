"""A pre-norm transformer block for sequence regression, from scratch in NumPy.

Each row of X holds five time steps of three readings, stored flat. The readings are projected to
D = 8 features (W_in, b_in) and a fixed sinusoidal positional encoding is added. One pre-norm
block: x + MHA(LN1(x)) with two heads of causal scaled dot-product attention (Q, K, V without bias,
each head of width 4 scaled by 1/sqrt(4), an output projection Wo + bo), then x + MLP(LN2(x)) with
a ReLU MLP of width 16. The last time step is read out by a linear unit; the loss is the mean
squared error. Backward written by hand through the readout, the MLP, both layer norms (gain and
bias) and the causal softmax attention. Adam (betas 0.9, 0.98, eps 1e-9, eps outside the square
root, both moments bias-corrected).

    X: float (n, 15), step-major (columns 3t..3t+2 are step t); y: float (n,) the target
"""

import math

import numpy as np

T, D_IN, D, H, HIDDEN = 5, 3, 8, 2, 16
DH = D // H
LR, BETA1, BETA2, EPS = 0.005, 0.9, 0.98, 1e-9
LN_EPS = 1e-5


def sinusoidal(T, D):
    pos = np.arange(T)[:, None]
    div = np.exp(np.arange(0, D, 2) * (-math.log(10000.0) / D))
    pe = np.zeros((T, D))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe


def layer_norm(x, g, b):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    inv = 1.0 / np.sqrt(var + LN_EPS)
    xhat = (x - mu) * inv
    return xhat * g + b, (xhat, inv)


def layer_norm_backward(dy, g, cache):
    xhat, inv = cache
    dg = (dy * xhat).sum(axis=(0, 1))
    db = dy.sum(axis=(0, 1))
    dxhat = dy * g
    dx = inv * (dxhat - dxhat.mean(axis=-1, keepdims=True))  # fix: dx = inv * (dxhat - dxhat.mean(axis=-1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
    return dx, dg, db


class SeriesBlock:
    def __init__(self, seed=118):
        rng = np.random.default_rng(seed)
        s = 1.0 / math.sqrt(D)
        self.params = {
            "W_in": rng.normal(0.0, 1.0 / math.sqrt(D_IN), (D_IN, D)),
            "b_in": np.zeros(D),
            "g1": np.ones(D), "b1": np.zeros(D),
            "Wq": rng.normal(0.0, s, (D, D)),
            "Wk": rng.normal(0.0, s, (D, D)),
            "Wv": rng.normal(0.0, s, (D, D)),
            "Wo": rng.normal(0.0, s, (D, D)),
            "bo": np.zeros(D),
            "g2": np.ones(D), "b2": np.zeros(D),
            "W1": rng.normal(0.0, s, (D, HIDDEN)),
            "c1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(HIDDEN), (HIDDEN, D)),
            "c2": np.zeros(D),
            "W_out": rng.normal(0.0, s, (D, 1)),
            "b_out": np.zeros(1),
        }
        self.pe = sinusoidal(T, D)
        self.causal = np.triu(np.ones((T, T), dtype=bool), k=1)
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = X.shape[0]
        xin = X.reshape(n, T, D_IN)
        z = xin @ p["W_in"] + p["b_in"] + self.pe.astype(X.dtype)
        u, ln1 = layer_norm(z, p["g1"], p["b1"])
        heads = lambda a: a.reshape(n, T, H, DH).transpose(0, 2, 1, 3)
        q, k, v = heads(u @ p["Wq"]), heads(u @ p["Wk"]), heads(u @ p["Wv"])
        scale = 1.0 / math.sqrt(DH)
        s = (q @ k.transpose(0, 1, 3, 2)) * scale
        s = np.where(self.causal, -1e9, s)
        s = s - s.max(axis=-1, keepdims=True)
        a = np.exp(s)
        a = a / a.sum(axis=-1, keepdims=True)
        o = (a @ v).transpose(0, 2, 1, 3).reshape(n, T, D)
        h1 = z + o @ p["Wo"] + p["bo"]
        w, ln2 = layer_norm(h1, p["g2"], p["b2"])
        pre = w @ p["W1"] + p["c1"]
        r = np.maximum(pre, 0.0)
        h2 = h1 + r @ p["W2"] + p["c2"]
        last = h2[:, -1, :]
        pred = (last @ p["W_out"] + p["b_out"])[:, 0]
        self.cache = dict(n=n, xin=xin, u=u, ln1=ln1, q=q, k=k, v=v, a=a, o=o, w=w, ln2=ln2,
                          pre=pre, r=r, last=last, scale=scale)
        return pred

    def loss(self, X, y):
        return float(((self.forward(X) - y) ** 2).mean())

    def backward(self, X, y):
        p = self.params
        pred = self.forward(X)
        c = self.cache
        n = c["n"]
        loss = ((pred - y) ** 2).mean()
        g = {}
        dpred = 2.0 * (pred - y) / n
        g["W_out"] = c["last"].T @ dpred[:, None]
        g["b_out"] = dpred.sum(keepdims=True)
        dh2 = np.zeros((n, T, D), dtype=pred.dtype)
        dh2[:, -1, :] = dpred[:, None] * p["W_out"][:, 0]
        # MLP branch
        r = c["r"]
        g["W2"] = r.reshape(-1, HIDDEN).T @ dh2.reshape(-1, D)
        g["c2"] = dh2.sum(axis=(0, 1))
        dr = dh2 @ p["W2"].T
        dpre = dr * (c["pre"] > 0)
        g["W1"] = c["w"].reshape(-1, D).T @ dpre.reshape(-1, HIDDEN)
        g["c1"] = dpre.sum(axis=(0, 1))
        dw = dpre @ p["W1"].T
        dln2, g["g2"], g["b2"] = layer_norm_backward(dw, p["g2"], c["ln2"])
        dh1 = dh2 + dln2
        # attention branch
        o = c["o"]
        g["Wo"] = o.reshape(-1, D).T @ dh1.reshape(-1, D)
        g["bo"] = dh1.sum(axis=(0, 1))
        do = (dh1 @ p["Wo"].T).reshape(n, T, H, DH).transpose(0, 2, 1, 3)
        a, q, k, v = c["a"], c["q"], c["k"], c["v"]
        da = do @ v.transpose(0, 1, 3, 2)
        dv = a.transpose(0, 1, 3, 2) @ do
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True))
        ds = ds * c["scale"]
        dq = ds @ k
        dk = ds.transpose(0, 1, 3, 2) @ q
        merge = lambda t: t.transpose(0, 2, 1, 3).reshape(n * T, D)
        uf = c["u"].reshape(-1, D)
        g["Wq"] = uf.T @ merge(dq)
        g["Wk"] = uf.T @ merge(dk)
        g["Wv"] = uf.T @ merge(dv)
        du = (merge(dq) @ p["Wq"].T + merge(dk) @ p["Wk"].T + merge(dv) @ p["Wv"].T).reshape(n, T, D)
        dln1, g["g1"], g["b1"] = layer_norm_backward(du, p["g1"], c["ln1"])
        dz = dh1 + dln1
        g["W_in"] = c["xin"].reshape(-1, D_IN).T @ dz.reshape(-1, D)
        g["b_in"] = dz.sum(axis=(0, 1))
        return float(loss), g

    def train_step(self, X, y):
        loss, g = self.backward(X, y)
        self.grads = g
        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k, w in self.params.items():
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return loss
