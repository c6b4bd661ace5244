"""SimCLR in NumPy, written another way: weights kept (out, in) like nn.Linear, einsum for every
contraction, NT-Xent as logsumexp minus the positive logit, the positive of each row found by
rolling the stacked views by N, the normalisation backward as the Jacobian (I - u u^T) / ||z||,
the momentum buffers updated in place.

Same model as simclr_numpy.py: tanh encoder 12 -> 32, projection head 32 -> 32 (ReLU) -> 16,
tau 0.5, SGD lr 0.1 momentum 0.9 (buf = mu buf + g; p -= lr buf).
"""

import numpy as np


class SimCLRAlt:
    def __init__(self, d_in=12, d_hidden=32, d_proj=16, tau=0.5, lr=0.1, momentum=0.9, seed=3):
        rng = np.random.default_rng(seed)
        shapes = {"enc_w": (d_hidden, d_in), "enc_b": (d_hidden,),
                  "fc1_w": (d_hidden, d_hidden), "fc1_b": (d_hidden,),
                  "fc2_w": (d_proj, d_hidden), "fc2_b": (d_proj,)}
        fan_in = {"enc": d_in, "fc1": d_hidden, "fc2": d_hidden}
        self.params = {}
        for name, shape in shapes.items():
            bound = fan_in[name[:3]] ** -0.5
            self.params[name] = rng.uniform(-bound, bound, shape)
        self.grads = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.buf = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.tau, self.lr, self.mu = tau, lr, momentum

    def _forward(self, X):
        p = self.params
        x = X.transpose(1, 0, 2).reshape(-1, X.shape[2])          # [view 0; view 1]
        h = np.tanh(np.einsum("nd,hd->nh", x, p["enc_w"]) + p["enc_b"])
        pre = np.einsum("nh,kh->nk", h, p["fc1_w"]) + p["fc1_b"]
        r = np.where(pre > 0, pre, 0.0)
        z = np.einsum("nk,pk->np", r, p["fc2_w"]) + p["fc2_b"]
        return x, h, pre, r, z

    def _loss(self, z):
        n2 = len(z)
        norm = np.linalg.norm(z, axis=1)
        u = z / norm[:, None]
        logits = np.einsum("ip,jp->ij", u, u) / self.tau
        np.fill_diagonal(logits, -np.inf)
        m = logits.max(axis=1)
        lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
        partner = np.roll(np.arange(n2), n2 // 2)
        loss = (lse - logits[np.arange(n2), partner]).mean()
        return loss, u, norm, logits, lse, partner

    def loss(self, X, y=None):
        return self._loss(self._forward(X)[-1])[0]

    def train_step(self, X, y):
        p, gr = self.params, self.grads
        x, h, pre, r, z = self._forward(X)
        loss, u, norm, logits, lse, partner = self._loss(z)
        n2 = len(z)
        G = np.exp(logits - lse[:, None])
        G[np.arange(n2), partner] -= 1.0
        G *= 1.0 / (n2 * self.tau)
        du = np.einsum("ij,jp->ip", G, u) + np.einsum("ji,jp->ip", G, u)
        eye = np.eye(u.shape[1], dtype=u.dtype)
        J = (eye[None] - np.einsum("ip,iq->ipq", u, u)) / norm[:, None, None]
        dz = np.einsum("ipq,iq->ip", J, du)
        gr["fc2_w"] = np.einsum("np,nk->pk", dz, r)
        gr["fc2_b"] = dz.sum(0)
        dpre = np.einsum("np,pk->nk", dz, p["fc2_w"]) * (pre > 0)
        gr["fc1_w"] = np.einsum("nk,nh->kh", dpre, h)
        gr["fc1_b"] = dpre.sum(0)
        da = np.einsum("nk,kh->nh", dpre, p["fc1_w"]) * (1 - h * h)
        gr["enc_w"] = np.einsum("nh,nd->hd", da, x)
        gr["enc_b"] = da.sum(0)
        for k in p:
            self.buf[k] *= self.mu
            self.buf[k] += gr[k]
            p[k] -= self.lr * self.buf[k]
        return float(loss)
