"""A two-block character-level GPT in NumPy, backward and AdamW by hand.

x = wte[X] + wpe[:T]
for each of the 2 blocks (pre-LayerNorm):
    a   = LN(x; ln1)                 biased variance, eps 1e-5
    q, k, v = a Wq, a Wk, a Wv       (no biases), split into n_head heads of d/n_head
    att = softmax(q k^T / sqrt(d/n_head) + causal mask) ; y = att v, heads merged
    x   = x + y Wo + bo
    x   = x + relu(LN(x; ln2) W1 + b1) W2 + b2
logits = LN(x; lnf) Wout + bout      (untied head)
loss   = cross entropy averaged over all B*T positions.

AdamW with torch's formula, decoupled weight decay on every parameter
(as torch.optim.AdamW(model.parameters(), weight_decay=wd)).
Parameters live in self.params under flat names 'wte', 'h0_Wq', ..., 'bout';
weights are (in, out).
"""

import math
import os

import numpy as np


def ln_forward(x, g, b, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    xhat = (x - mu) / np.sqrt(var + eps)
    return g * xhat + b, (xhat, var, eps)


def ln_backward(dy, cache, g):
    xhat, var, eps = cache
    D = xhat.shape[-1]
    dxhat = dy * g
    dx = (D * dxhat - dxhat.sum(axis=-1, keepdims=True)
          - xhat * (dxhat * xhat).sum(axis=-1, keepdims=True)) / (D * np.sqrt(var + eps))
    return dx, (dy * xhat).sum(axis=(0, 1)), dy.sum(axis=(0, 1))


def split_heads(a, H):
    B, T, C = a.shape
    return a.reshape(B, T, H, C // H).transpose(0, 2, 1, 3)


def merge_heads(a):
    B, H, T, hs = a.shape
    return a.transpose(0, 2, 1, 3).reshape(B, T, H * hs)


class TwoLayerGPT:
    def __init__(self, vocab_size=16, block_size=8, n_embd=16, n_head=4, n_layer=2,
                 lr=3e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05, seed=1):
        rng = np.random.default_rng(seed)
        d, V = n_embd, vocab_size
        self.n_head, self.n_layer, self.d = n_head, n_layer, d
        P = {"wte": rng.normal(0.0, 0.5, (V, d)), "wpe": rng.normal(0.0, 0.5, (block_size, d))}
        for l in range(n_layer):
            P[f"h{l}_ln1_g"] = np.ones(d)
            P[f"h{l}_ln1_b"] = np.zeros(d)
            for name in ("Wq", "Wk", "Wv", "Wo"):
                P[f"h{l}_{name}"] = rng.normal(0.0, 1.0 / math.sqrt(d), (d, d))
            P[f"h{l}_bo"] = np.zeros(d)
            P[f"h{l}_ln2_g"] = np.ones(d)
            P[f"h{l}_ln2_b"] = np.zeros(d)
            P[f"h{l}_W1"] = rng.normal(0.0, math.sqrt(2.0 / d), (d, 4 * d))
            P[f"h{l}_b1"] = rng.normal(0.0, 0.05, 4 * d)
            P[f"h{l}_W2"] = rng.normal(0.0, 1.0 / math.sqrt(4 * d), (4 * d, d))
            P[f"h{l}_b2"] = np.zeros(d)
        P["lnf_g"] = np.ones(d)
        P["lnf_b"] = np.zeros(d)
        P["Wout"] = rng.normal(0.0, 1.0 / math.sqrt(d), (d, V))
        P["bout"] = np.zeros(V)
        self.params = P
        self.grads = {k: np.zeros_like(p) for k, p in P.items()}
        self.lr, (self.beta1, self.beta2), self.eps, self.wd = lr, betas, eps, weight_decay
        self.m = {k: np.zeros_like(p) for k, p in P.items()}
        self.v = {k: np.zeros_like(p) for k, p in P.items()}
        self.t = 0

    # ------------------------------------------------------------------ blocks
    def block_forward(self, x, l):
        P, H = self.params, self.n_head
        T = x.shape[1]
        hs = self.d // H
        a, c1 = ln_forward(x, P[f"h{l}_ln1_g"], P[f"h{l}_ln1_b"])
        q = split_heads(a @ P[f"h{l}_Wq"], H)
        k = split_heads(a @ P[f"h{l}_Wk"], H)
        v = split_heads(a @ P[f"h{l}_Wv"], H)
        scores = q @ np.swapaxes(k, -1, -2) / math.sqrt(hs)
        mask = np.triu(np.ones((T, T), dtype=bool), k=1)        # True above the diagonal: the future
        scores[..., mask] = -np.inf
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        att = e / e.sum(axis=-1, keepdims=True)
        yh = att @ v
        y = merge_heads(yh)
        x = x + y @ P[f"h{l}_Wo"] + P[f"h{l}_bo"]
        b, c2 = ln_forward(x, P[f"h{l}_ln2_g"], P[f"h{l}_ln2_b"])
        z = b @ P[f"h{l}_W1"] + P[f"h{l}_b1"]
        r = np.maximum(z, 0)
        x = x + r @ P[f"h{l}_W2"] + P[f"h{l}_b2"]
        return x, (a, c1, q, k, v, att, y, b, c2, z, r)

    def block_backward(self, dx, cache, l):
        P, G, H = self.params, self.grads, self.n_head
        a, c1, q, k, v, att, y, b, c2, z, r = cache
        d = self.d
        hs = d // H
        flat = lambda t: t.reshape(-1, t.shape[-1])
        # MLP branch
        G[f"h{l}_W2"] = flat(r).T @ flat(dx)
        G[f"h{l}_b2"] = dx.sum(axis=(0, 1))
        dz = (dx @ P[f"h{l}_W2"].T) * (z > 0)
        G[f"h{l}_W1"] = flat(b).T @ flat(dz)
        G[f"h{l}_b1"] = dz.sum(axis=(0, 1))
        db, G[f"h{l}_ln2_g"], G[f"h{l}_ln2_b"] = ln_backward(dz @ P[f"h{l}_W1"].T, c2, P[f"h{l}_ln2_g"])
        dx = dx + db
        # attention branch
        G[f"h{l}_Wo"] = flat(y).T @ flat(dx)
        G[f"h{l}_bo"] = dx.sum(axis=(0, 1))
        dyh = split_heads(dx @ P[f"h{l}_Wo"].T, H)
        datt = dyh @ np.swapaxes(v, -1, -2)
        dv = np.swapaxes(att, -1, -2) @ dyh
        dscores = att * (datt - (datt * att).sum(axis=-1, keepdims=True)) / math.sqrt(hs)
        dq = dscores @ k
        dk = np.swapaxes(dscores, -1, -2) @ q
        dq, dk, dv = merge_heads(dq), merge_heads(dk), merge_heads(dv)
        G[f"h{l}_Wq"] = flat(a).T @ flat(dq)
        G[f"h{l}_Wk"] = flat(a).T @ flat(dk)
        G[f"h{l}_Wv"] = flat(a).T @ flat(dv)
        da = dq @ P[f"h{l}_Wq"].T + dk @ P[f"h{l}_Wk"].T + dv @ P[f"h{l}_Wv"].T
        dln1, G[f"h{l}_ln1_g"], G[f"h{l}_ln1_b"] = ln_backward(da, c1, P[f"h{l}_ln1_g"])
        return dx + dln1

    # ------------------------------------------------------------------- model
    def _forward(self, X):
        P = self.params
        T = X.shape[1]
        x = P["wte"][X] + P["wpe"][:T]
        caches = []
        for l in range(self.n_layer):
            x, c = self.block_forward(x, l)
            caches.append(c)
        hf, cf = ln_forward(x, P["lnf_g"], P["lnf_b"])
        logits = hf @ P["Wout"] + P["bout"]
        return logits, (caches, hf, cf)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        logits = self.forward(X)
        z = logits - logits.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        return -np.take_along_axis(logp, y[..., None], axis=-1).mean()

    def backward(self, X, y):
        P, G = self.params, self.grads
        B, T = X.shape
        logits, (caches, hf, cf) = self._forward(X)
        z = logits - logits.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        loss = -np.take_along_axis(logp, y[..., None], axis=-1).mean()
        onehot = np.eye(logits.shape[-1], dtype=logits.dtype)[y]
        dlogits = (np.exp(logp) - onehot) / (B * T)
        G["Wout"] = hf.reshape(-1, self.d).T @ dlogits.reshape(-1, dlogits.shape[-1])
        G["bout"] = dlogits.sum(axis=(0, 1))
        dx, G["lnf_g"], G["lnf_b"] = ln_backward(dlogits @ P["Wout"].T, cf, P["lnf_g"])
        for l in reversed(range(self.n_layer)):
            dx = self.block_backward(dx, caches[l], l)
        G["wpe"] = np.zeros_like(P["wpe"])
        G["wpe"][:T] = dx.sum(axis=0)
        G["wte"] = np.zeros_like(P["wte"])
        np.add.at(G["wte"], X, dx)
        return loss

    def step(self):
        self.t += 1
        for k in self.params:
            p, g = self.params[k], self.grads[k]
            p *= 1 - self.lr * self.wd
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * (g * g)
            step_size = self.lr  # fix: step_size = self.lr / (1 - self.beta1 ** self.t)
            denom = np.sqrt(self.v[k]) / math.sqrt(1 - self.beta2 ** self.t) + self.eps
            p -= step_size * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chars.npz"))
    net = TwoLayerGPT()
    for it in range(200):
        loss = net.train_step(data["X"], data["y"])
        if it % 20 == 0:
            print(it, round(loss, 4))
