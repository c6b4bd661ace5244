"""The label-embedding classifier of labelemb_numpy.py written in another style: the intent
table kept transposed, one column per intent (EMB, K), so the scores are h @ table; the
log-softmax through a row-wise log-sum-exp; the smoothed loss written as (1 - EPS_LS) * the
negative log-likelihood + EPS_LS * the mean over intents of -log p, and its gradient as
softmax - (1 - EPS_LS) * onehot - EPS_LS / K; RMSprop kept as a list of square averages in the
order of the parameters and updated in place with out= arguments.

    X: float (n, 9), y: int (n,) intent ids 0..7
"""

import numpy as np

D, EMB, K = 9, 6, 8
LR, ALPHA, EPS, EPS_LS = 0.01, 0.9, 1e-8, 0.1
ORDER = ("proj_w", "proj_b", "label_table")


def logsumexp_rows(s):
    m = s.max(axis=1, keepdims=True)
    return m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))


class LabelEmbAlt:
    def __init__(self, seed=82):
        rng = np.random.default_rng(seed)
        W = rng.normal(0.0, 1.0 / np.sqrt(D), (D, EMB))
        L = rng.normal(0.0, 0.5, (K, EMB))
        self.params = {"proj_w": W, "proj_b": np.zeros(EMB), "label_table": L.T.copy()}
        self.sq = [np.zeros_like(self.params[k]) for k in ORDER]

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        rows = np.arange(n)
        h = np.tanh(X @ p["proj_w"] + p["proj_b"])
        scores = h @ p["label_table"]
        logp = scores - logsumexp_rows(scores)
        nll = -logp[rows, y].mean()
        uniform = -logp.mean(axis=1).mean()
        loss = (1.0 - EPS_LS) * nll + EPS_LS * uniform

        dscores = np.exp(logp) - EPS_LS / K
        dscores[rows, y] -= 1.0 - EPS_LS
        dscores /= n
        dh = dscores @ p["label_table"].T
        dpre = dh * (1.0 - h) * (1.0 + h)
        self.grads = {
            "proj_w": X.T @ dpre,
            "proj_b": dpre.sum(axis=0),
            "label_table": h.T @ dscores,
        }

        for name, sq in zip(ORDER, self.sq):
            grad = self.grads[name]
            np.multiply(sq, ALPHA, out=sq)
            sq += (1.0 - ALPHA) * grad * grad
            p[name] -= LR * grad / (np.sqrt(sq) + EPS)
        return float(loss)
