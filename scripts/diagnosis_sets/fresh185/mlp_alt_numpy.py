"""The MLP-CRF tagger of mlp_numpy.py written another way (same model, same training).

Differences in the writing only:
  * the transition matrix is kept as trans_tf[j, i] = score of tag i followed by tag j
    ("to, from", the HMM-textbook layout), so it pairs with the port's transitions.T;
  * the backward messages include the emission of their own position:
    b[:, t, k] = e_t[k] + log sum_j exp(trans[k, j] + b[:, t+1, j]), b[:, T-1] = e_{T-1} + end,
    so that P(y_t = k) = exp(alpha_t[k] + b_t[k] - e_t[k] - log Z);
  * log Z is read off the backward messages (start + b_0) and the gold path score is a
    one-hot contraction; contractions with np.einsum;
  * momentum updates in place (v *= mu; v += g; p -= lr * v).
"""

import numpy as np


def _lse(x, axis):
    top = np.max(x, axis=axis)
    return top + np.log(np.sum(np.exp(x - np.expand_dims(top, axis)), axis=axis))


class MLPCRFTaggerAlt:
    def __init__(self, n_feat=5, seq_len=6, hidden=12, n_tags=4, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.shape = (seq_len, n_feat)
        self.theta = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_feat), (n_feat, hidden)),
            "b1": rng.normal(0.0, 0.1, hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_tags)),
            "b2": rng.normal(0.0, 0.1, n_tags),
            "trans_tf": rng.normal(0.0, 0.5, (n_tags, n_tags)),
            "start": rng.normal(0.0, 0.5, n_tags),
            "end": rng.normal(0.0, 0.5, n_tags),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.theta.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.theta.items()}
        self.lr, self.mu = lr, momentum

    def _messages(self, X):
        th = self.theta
        N = X.shape[0]
        Xs = X.reshape(N, *self.shape).astype(th["W1"].dtype, copy=False)
        h = np.tanh(np.einsum("ntf,fh->nth", Xs, th["W1"]) + th["b1"])
        em = np.einsum("nth,hk->ntk", h, th["W2"]) + th["b2"]
        A = th["trans_tf"].T                                    # A[i, j]: i followed by j
        T = em.shape[1]
        a = np.empty_like(em)
        b = np.empty_like(em)
        a[:, 0] = th["start"] + em[:, 0]
        for t in range(1, T):
            a[:, t] = em[:, t] + _lse(a[:, t - 1, :, None] + A, axis=1)
        b[:, T - 1] = em[:, T - 1] + th["end"]
        for t in range(T - 2, -1, -1):
            b[:, t] = em[:, t] + _lse(A + b[:, t + 1, None, :], axis=2)
        log_z = _lse(th["start"] + b[:, 0], axis=1)
        return Xs, h, em, A, a, b, log_z

    def _gold(self, em, A, Y):
        th = self.theta
        return (np.einsum("ntk,ntk->n", Y, em)
                + np.einsum("nti,ij,ntj->n", Y[:, :-1], A, Y[:, 1:])
                + Y[:, 0] @ th["start"] + Y[:, -1] @ th["end"])

    def nll(self, X, y):
        _, _, em, A, _, _, log_z = self._messages(X)
        Y = np.eye(em.shape[2], dtype=em.dtype)[y]
        return np.mean(log_z - self._gold(em, A, Y))

    def train_step(self, X, y):
        th, gr = self.theta, self.grads
        Xs, h, em, A, a, b, log_z = self._messages(X)
        N = em.shape[0]
        Y = np.eye(em.shape[2], dtype=em.dtype)[y]
        loss = np.mean(log_z - self._gold(em, A, Y))

        lz = log_z[:, None, None]
        node = np.exp(a + b - em - lz)
        edge = np.exp(a[:, :-1, :, None] + A + b[:, 1:, None, :] - lz[..., None])
        d_em = (node - Y) / N
        d_A = (edge.sum(axis=(0, 1)) - np.einsum("nti,ntj->ij", Y[:, :-1], Y[:, 1:])) / N

        gr["trans_tf"] = d_A.T
        gr["start"] = d_em[:, 0].sum(axis=0)
        gr["end"] = d_em[:, -1].sum(axis=0)
        gr["W2"] = np.einsum("nth,ntk->hk", h, d_em)
        gr["b2"] = d_em.sum(axis=(0, 1))
        d_pre = np.einsum("ntk,hk->nth", d_em, th["W2"]) * (1.0 - h * h)
        gr["W1"] = np.einsum("ntf,nth->fh", Xs, d_pre)
        gr["b1"] = d_pre.sum(axis=(0, 1))

        for k in th:
            v = self.velocity[k]
            v *= self.mu
            v += gr[k]
            th[k] -= self.lr * v
        return float(loss)
