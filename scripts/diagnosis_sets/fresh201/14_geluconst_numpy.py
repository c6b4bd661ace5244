"""A pre-norm residual GeGLU block with a final LayerNorm and a linear head, by hand in NumPy.

    h0     = X @ W_in.T + b_in                       (N, 12), the residual stream
    n      = LayerNorm(h0) (ln1_g, ln1_b)            eps 1e-5, biased variance
    u      = gelu_tanh(n @ W_gate.T) * (n @ W_up.T)  GeGLU, hidden 16, no biases
    h1     = h0 + u @ W_down.T                       residual add
    f      = LayerNorm(h1) (lnf_g, lnf_b)
    logits = f @ W_head.T + b_head                   3 classes
    loss   = softmax cross-entropy, mean over the batch

Weights are kept (out, in) as nn.Linear keeps them, every parameter an attribute; gradients in
self.grads keyed by attribute name. AdamW, betas (0.9, 0.95), eps 1e-8, decoupled weight decay
0.05 on the weight matrices only (norm gains, shifts and biases not decayed). Learning rate:
linear warmup over 5 updates, then linear decay to 0.1 * lr at update 20:
    t <= 5:  lr * t / 5;   t > 5:  lr * (1 - 0.9 * (t - 5) / 15).
"""

import math

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)

PARAMS = ("W_in", "b_in", "ln1_g", "ln1_b", "W_gate", "W_up", "W_down",
          "lnf_g", "lnf_b", "W_head", "b_head")


def layer_norm(x, gamma, beta, eps):
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    rstd = 1.0 / np.sqrt((xc * xc).mean(axis=-1, keepdims=True) + eps)
    xhat = xc * rstd
    return xhat * gamma + beta, (xhat, rstd)


def layer_norm_backward(dout, gamma, cache):
    xhat, rstd = cache
    dxhat = dout * gamma
    dgamma = (dout * xhat).sum(axis=0)
    dbeta = dout.sum(axis=0)
    dx = rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True)
                 - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta


class LNGeGLUNet:
    def __init__(self, d_in=10, d_model=12, d_ff=16, n_classes=3, lr=1e-2, warmup=5,
                 total=20, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.05, seed=1):
        rng = np.random.default_rng(seed)
        self.W_in = rng.uniform(-1, 1, (d_model, d_in)) / math.sqrt(d_in)
        self.b_in = rng.uniform(-1, 1, d_model) / math.sqrt(d_in)
        self.ln1_g = np.ones(d_model)
        self.ln1_b = np.zeros(d_model)
        self.W_gate = rng.uniform(-1, 1, (d_ff, d_model)) / math.sqrt(d_model)
        self.W_up = rng.uniform(-1, 1, (d_ff, d_model)) / math.sqrt(d_model)
        self.W_down = rng.uniform(-1, 1, (d_model, d_ff)) / math.sqrt(d_ff)
        self.lnf_g = np.ones(d_model)
        self.lnf_b = np.zeros(d_model)
        self.W_head = rng.uniform(-1, 1, (n_classes, d_model)) / math.sqrt(d_model)
        self.b_head = np.zeros(n_classes)
        self.ln_eps = 1e-5
        self.lr, self.warmup, self.total = lr, warmup, total
        self.beta1, self.beta2 = betas
        self.eps, self.weight_decay = eps, weight_decay
        self.grads = {}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in PARAMS}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in PARAMS}
        self.t = 0

    def _forward(self, X):
        h0 = X @ self.W_in.T + self.b_in
        n, c1 = layer_norm(h0, self.ln1_g, self.ln1_b, self.ln_eps)
        a = n @ self.W_gate.T
        b = n @ self.W_up.T
        th = np.tanh(GELU_C * (a + 0.044715 * a ** 3))
        ga = 0.5 * a * (1.0 + th)
        u = ga * b
        h1 = h0 + u @ self.W_down.T
        f, c2 = layer_norm(h1, self.lnf_g, self.lnf_b, self.ln_eps)
        logits = f @ self.W_head.T + self.b_head
        return logits, (n, c1, a, b, th, ga, u, f, c2)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        logits, (n, c1, a, b, th, ga, u, f, c2) = self._forward(X)
        N = len(y)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()

        dlogits = np.exp(logp)
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        gr = {}
        gr["W_head"] = dlogits.T @ f
        gr["b_head"] = dlogits.sum(axis=0)
        df = dlogits @ self.W_head
        dh1, gr["lnf_g"], gr["lnf_b"] = layer_norm_backward(df, self.lnf_g, c2)
        gr["W_down"] = dh1.T @ u
        du = dh1 @ self.W_down
        dga = du * b
        db = du * ga
        dgelu = 0.5 * (1.0 + th) + 0.5 * a * (1.0 - th * th) * GELU_C * (1.0 + 0.044715 * a * a)
        da = dga * dgelu
        gr["W_gate"] = da.T @ n
        gr["W_up"] = db.T @ n
        dn = da @ self.W_gate + db @ self.W_up
        dh0, gr["ln1_g"], gr["ln1_b"] = layer_norm_backward(dn, self.ln1_g, c1)
        dh0 = dh0 + dh1                                  # the residual path
        gr["W_in"] = dh0.T @ X
        gr["b_in"] = dh0.sum(axis=0)
        self.grads = gr
        return loss

    def learning_rate(self, t):
        if t <= self.warmup:
            return self.lr * t / self.warmup
        return self.lr * (1.0 - 0.9 * (t - self.warmup) / (self.total - self.warmup))

    def adamw(self):
        self.t += 1
        lr = self.learning_rate(self.t)
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k in PARAMS:
            w = getattr(self, k)
            g = self.grads[k]
            if w.ndim == 2:
                w *= 1.0 - lr * self.weight_decay
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * (g * g)
            step_size = lr / bc1
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= step_size * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        return float(loss)
