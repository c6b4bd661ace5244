"""A tiny character-level GPT, written from scratch in NumPy (forward, backward, AdamW).

token embedding wte (V, d) + learned position embedding wpe (T, d)
-> one pre-LayerNorm transformer block:
       x = x + proj(causal multi-head self-attention(LN1(x)))     (fused qkv, 1/sqrt(d_head))
       x = x + W2 gelu_tanh(W1 LN2(x) + b1) + b2
-> final LayerNorm -> logits = h @ wte.T (the LM head tied to the token embedding)
-> cross entropy averaged over every position of every sequence.

AdamW (torch's formula) with decoupled weight decay on the matrices only
(wte, wpe, Wqkv, Wo, W1, W2); biases and LayerNorm gains/shifts are not decayed.

    X: int64 (B, T) token ids, y: int64 (B, T) next-token ids.

Weights are kept (in, out): a layer computes x @ W + b.
"""

import math
import os

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)


def layernorm(x, g, b, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    xhat = xc * rstd
    return xhat * g + b, (xhat, rstd)


def layernorm_backward(dout, cache, g):
    xhat, rstd = cache
    dg = (dout * xhat).sum(axis=(0, 1))
    db = dout.sum(axis=(0, 1))
    dxhat = dout * g
    dx = rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True)
                 - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
    return dx, dg, db


def gelu(x):
    t = np.tanh(GELU_C * (x + 0.044715 * x ** 3))
    return 0.5 * x * (1.0 + t), t


def gelu_backward(dout, x, t):
    du = GELU_C * (1.0 + 3 * 0.044715 * x ** 2)
    return dout * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du)


class TiedGPT:
    def __init__(self, vocab_size=16, block_size=8, n_embd=16, n_head=2, lr=1e-2,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1, seed=0):
        rng = np.random.default_rng(seed)
        d, V = n_embd, vocab_size
        self.n_head = n_head
        self.n_embd = d
        self.vocab_size = V
        s = 1.0 / math.sqrt(d)
        self.params = {
            "wte": rng.standard_normal((V, d)) * 0.5,
            "wpe": rng.standard_normal((block_size, d)) * 0.5,
            "ln1_g": np.ones(d), "ln1_b": np.zeros(d),
            "Wqkv": rng.standard_normal((d, 3 * d)) * s,
            "bqkv": rng.standard_normal(3 * d) * 0.02,
            "Wo": rng.standard_normal((d, d)) * s,
            "bo": rng.standard_normal(d) * 0.02,
            "ln2_g": np.ones(d), "ln2_b": np.zeros(d),
            "W1": rng.standard_normal((d, 4 * d)) * s,
            "b1": rng.standard_normal(4 * d) * 0.02,
            "W2": rng.standard_normal((4 * d, d)) * (1.0 / math.sqrt(4 * d)),
            "b2": rng.standard_normal(d) * 0.02,
            "lnf_g": np.ones(d), "lnf_b": np.zeros(d),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.decay = {"wte", "wpe", "Wqkv", "Wo", "W1", "W2"}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ---------------------------------------------------------------- attention
    def attention(self, h):
        p = self.params
        B, T, d = h.shape
        H = self.n_head
        dh = d // H
        scale = 1.0 / math.sqrt(dh)
        qkv = h @ p["Wqkv"] + p["bqkv"]
        q, k, v = np.split(qkv, 3, axis=-1)
        q = q.reshape(B, T, H, dh).transpose(0, 2, 1, 3)          # (B, H, T, dh)
        k = k.reshape(B, T, H, dh).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, H, dh).transpose(0, 2, 1, 3)
        S = (q @ k.transpose(0, 1, 3, 2)) * scale                  # (B, H, T, T)
        causal = np.tril(np.ones((T, T), dtype=bool))
        S = np.where(causal, S, -np.inf)
        S = S - S.max(axis=-1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(axis=-1, keepdims=True)
        Y = P @ v                                                  # (B, H, T, dh)
        Ym = Y.transpose(0, 2, 1, 3).reshape(B, T, d)              # heads merged
        out = Ym @ p["Wo"] + p["bo"]
        return out, (h, q, k, v, P, Ym)

    def attention_backward(self, dout, cache):
        p, g = self.params, self.grads
        h, q, k, v, P, Ym = cache
        B, T, d = h.shape
        H = self.n_head
        dh = d // H
        scale = 1.0 / math.sqrt(dh)
        g["Wo"] = Ym.reshape(-1, d).T @ dout.reshape(-1, d)
        g["bo"] = dout.sum(axis=(0, 1))
        dYm = dout @ p["Wo"].T
        dY = dYm.reshape(B, T, H, dh).transpose(0, 2, 1, 3)
        dP = dY @ v.transpose(0, 1, 3, 2)
        dv = P.transpose(0, 1, 3, 2) @ dY
        dS = P * (dP - (dP * P).sum(axis=-1, keepdims=True))       # softmax backward
        dS = dS * scale
        dq = dS @ k
        dk = dS.transpose(0, 1, 3, 2) @ q
        merge = lambda a: a.transpose(0, 2, 1, 3).reshape(B, T, d)
        dqkv = np.concatenate([merge(dq), merge(dk), merge(dv)], axis=-1)
        g["Wqkv"] = h.reshape(-1, d).T @ dqkv.reshape(-1, 3 * d)
        g["bqkv"] = dqkv.sum(axis=(0, 1))
        return dqkv @ p["Wqkv"].T

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        B, T = X.shape
        x0 = p["wte"][X] + p["wpe"][:T]
        h1, c1 = layernorm(x0, p["ln1_g"], p["ln1_b"])
        a, ca = self.attention(h1)
        x1 = x0 + a
        h2, c2 = layernorm(x1, p["ln2_g"], p["ln2_b"])
        m = h2 @ p["W1"] + p["b1"]
        gm, t = gelu(m)
        f = gm @ p["W2"] + p["b2"]
        x2 = x1 + f
        hf, cf = layernorm(x2, p["lnf_g"], p["lnf_b"])
        logits = hf @ p["wte"].T                                   # tied head
        return logits, (c1, ca, c2, h2, m, gm, t, cf, hf)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        V = logits.shape[-1]
        z = logits.reshape(-1, V)
        t = y.reshape(-1)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(t)), t].mean()
        return loss, np.exp(logp)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        B, T = X.shape
        d = self.n_embd
        logits, (c1, ca, c2, h2, m, gm, t, cf, hf) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N = B * T
        dz = probs
        dz[np.arange(N), y.reshape(-1)] -= 1
        dz /= N
        dlogits = dz.reshape(B, T, -1)

        dwte_head = dz.T @ hf.reshape(-1, d)                       # (V, d), from the tied head
        dhf = dlogits @ p["wte"]
        dx2, g["lnf_g"], g["lnf_b"] = layernorm_backward(dhf, cf, p["lnf_g"])

        g["W2"] = gm.reshape(-1, 4 * d).T @ dx2.reshape(-1, d)
        g["b2"] = dx2.sum(axis=(0, 1))
        dgm = dx2 @ p["W2"].T
        dm = gelu_backward(dgm, m, t)
        g["W1"] = h2.reshape(-1, d).T @ dm.reshape(-1, 4 * d)
        g["b1"] = dm.sum(axis=(0, 1))
        dh2 = dm @ p["W1"].T
        dln2, g["ln2_g"], g["ln2_b"] = layernorm_backward(dh2, c2, p["ln2_g"])
        dx1 = dx2 + dln2

        dh1 = self.attention_backward(dx1, ca)
        dln1, g["ln1_g"], g["ln1_b"] = layernorm_backward(dh1, c1, p["ln1_g"])
        dx0 = dx1 + dln1

        g["wpe"] = np.zeros_like(p["wpe"])
        g["wpe"][:T] = dx0.sum(axis=0)
        dwte = np.zeros_like(p["wte"])
        np.add.at(dwte, X, dx0)                                    # repeated tokens add up
        g["wte"] = dwte + dwte_head
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            if k in self.decay:
                p *= 1 - self.lr * self.weight_decay               # decoupled weight decay
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chars.npz"))
    net = TiedGPT()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(step, round(loss, 4))
