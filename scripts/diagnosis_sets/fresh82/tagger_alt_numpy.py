"""The multi-label tagger of tagger_numpy.py written in another style: the weights kept as torch
keeps them, (out, in), under other names; the log-sigmoids written out by hand (log sigmoid(z) =
-(max(-z, 0) + log1p(exp(-|z|)))), the mask and targets with np.where, the logit gradient as
sigmoid(z) * (1 + (pw - 1) * y) - pw * y; separate backward() and step(); the global norm over
one concatenated gradient vector; and AdamW kept as torch keeps it: a lazily created state dict
per parameter (step, exp_avg, exp_avg_sq), the bias corrections folded into the step size and the
denominator.

    X: float (n, 12), y: float (n, 6) with 1 / 0 / -1 (unknown)
"""

import numpy as np

D, HIDDEN, N_TAGS = 12, 16, 6
LR, WD, MAX_NORM = 0.01, 0.01, 0.25
BETAS, EPS = (0.9, 0.999), 1e-8
POS_WEIGHT = (3.0, 1.2, 1.0, 2.5, 2.8, 1.3)


def log_sigmoid(z):
    return -(np.maximum(-z, 0.0) + np.log1p(np.exp(-np.abs(z))))


class TagNetAlt:
    def __init__(self, seed=82):
        rng = np.random.default_rng(seed)
        self.params = {
            "hidden_w": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)).T.copy(),
            "hidden_b": np.zeros(HIDDEN),
            "out_w": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_TAGS)).T.copy(),
            "out_b": np.zeros(N_TAGS),
        }
        self.state = {}

    def backward(self, X, y):
        p = self.params
        pw = np.asarray(POS_WEIGHT, dtype=X.dtype)
        known = np.where(y < 0, 0.0, 1.0).astype(X.dtype)
        target = np.where(y == 1, 1.0, 0.0).astype(X.dtype)

        h = np.tanh(np.einsum("nd,hd->nh", X, p["hidden_w"]) + p["hidden_b"])
        z = np.einsum("nh,th->nt", h, p["out_w"]) + p["out_b"]
        nll = -(pw * target * log_sigmoid(z) + (1.0 - target) * log_sigmoid(-z))
        n_known = known.sum()
        loss = (nll * known).sum() / max(n_known, 1.0)

        sig = np.exp(log_sigmoid(z))
        dz = (sig * (1.0 + (pw - 1.0) * target) - pw * target) * known / max(n_known, 1.0)
        dpre = (dz @ p["out_w"]) * (1.0 - h * h)
        grads = {
            "out_w": dz.T @ h,
            "out_b": dz.sum(axis=0),
            "hidden_w": dpre.T @ X,
            "hidden_b": dpre.sum(axis=0),
        }
        norm = np.linalg.norm(np.concatenate([gr.ravel() for gr in grads.values()]))
        scale = min(MAX_NORM / (norm + 1e-6), 1.0)
        self.grads = {k: gr * scale for k, gr in grads.items()}
        return loss

    def step(self):
        beta1, beta2 = BETAS
        for name, param in self.params.items():
            grad = self.grads[name]
            st = self.state.setdefault(
                name, {"step": 0, "exp_avg": np.zeros_like(param), "exp_avg_sq": np.zeros_like(param)})
            st["step"] += 1
            param *= 1.0 - LR * WD
            st["exp_avg"] = beta1 * st["exp_avg"] + (1.0 - beta1) * grad
            st["exp_avg_sq"] = beta2 * st["exp_avg_sq"] + (1.0 - beta2) * grad * grad
            bias_correction1 = 1.0 - beta1 ** st["step"]
            bias_correction2 = 1.0 - beta2 ** st["step"]
            denom = np.sqrt(st["exp_avg_sq"]) / np.sqrt(bias_correction2) + EPS
            param -= (LR / bias_correction1) * st["exp_avg"] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
