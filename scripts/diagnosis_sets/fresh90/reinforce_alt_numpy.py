"""The REINFORCE-with-baseline program of reinforce_numpy.py written in another style.

Weights kept (out, in) as torch keeps them, under other names; products through np.einsum; the
policy's probabilities by a softmax and their log by np.log; the loss and the backward in
separate methods with a cache dict; the global norm through np.linalg.norm of all the gradients
concatenated; the entropy coefficient from a schedule function of the number of updates made;
and the momentum kept with the learning rate folded in (delta = MOMENTUM * delta + LR * g,
param -= delta), the same updates as torch.optim.SGD's lr * (MOMENTUM * buf + g) at a constant
rate.

    X: float (n, 9) features 0..5, action 6;  y: float (n,) the return G
"""

import math

import numpy as np

N_FEAT, HIDDEN, N_ACT = 6, 16, 4
LR, MOMENTUM, MAX_NORM = 0.05, 0.9, 1.0
VF_COEF, ENT0, ENT_DECAY = 0.5, 0.05, 0.9


def entropy_coef(updates_done):
    return ENT0 * math.pow(ENT_DECAY, updates_done)


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class ReinforceAlt:
    def __init__(self, seed=190):
        rng = np.random.default_rng(seed)
        self.params = {
            "trunk_w": rng.uniform(-0.4, 0.4, (HIDDEN, N_FEAT)),
            "trunk_b": rng.uniform(-0.1, 0.1, HIDDEN),
            "pi_w": rng.uniform(-0.3, 0.3, (N_ACT, HIDDEN)),
            "pi_b": np.zeros(N_ACT),
            "v_w": rng.uniform(-0.3, 0.3, (1, HIDDEN)),
            "v_b": np.zeros(1),
        }
        self.delta = {name: np.zeros_like(w) for name, w in self.params.items()}
        self.updates = 0

    def forward(self, S):
        P = self.params
        h = np.tanh(np.einsum("nf,hf->nh", S, P["trunk_w"]) + P["trunk_b"])
        logits = np.einsum("nh,ah->na", h, P["pi_w"]) + P["pi_b"]
        value = np.einsum("nh,h->n", h, P["v_w"][0]) + P["v_b"][0]
        probs = softmax(logits)
        self.cache = {"S": S, "h": h, "probs": probs, "logp": np.log(probs), "value": value}
        return probs, value

    def loss(self, X, y):
        S, actions = X[:, :N_FEAT], X[:, N_FEAT].astype(int)
        probs, value = self.forward(S)
        c = self.cache
        rows = np.arange(len(actions))
        c["actions"], c["returns"] = actions, y
        c["adv"] = y - value
        c["entropy"] = -np.sum(probs * c["logp"], axis=-1)
        c["beta"] = entropy_coef(self.updates)
        pg = -np.mean(c["adv"] * c["logp"][rows, actions])
        vf = np.mean(np.square(value - y))
        return pg + VF_COEF * vf - c["beta"] * np.mean(c["entropy"])

    def backward(self):
        c, P = self.cache, self.params
        n = len(c["actions"])
        probs = c["probs"]
        chosen = np.eye(N_ACT, dtype=probs.dtype)[c["actions"]]
        d_logits = (probs - chosen) * c["adv"][:, None]
        d_logits += c["beta"] * probs * (c["logp"] + c["entropy"][:, None])
        d_logits /= n
        d_value = 2.0 * VF_COEF * (c["value"] - c["returns"]) / n
        grads = {
            "pi_w": np.einsum("na,nh->ah", d_logits, c["h"]),
            "pi_b": np.sum(d_logits, axis=0),
            "v_w": np.einsum("n,nh->h", d_value, c["h"])[None, :],
            "v_b": np.sum(d_value, keepdims=True),
        }
        d_h = np.einsum("na,ah->nh", d_logits, P["pi_w"]) + np.outer(d_value, P["v_w"][0])
        d_pre = d_h * (1.0 - np.square(c["h"]))
        grads["trunk_w"] = np.einsum("nh,nf->hf", d_pre, c["S"])
        grads["trunk_b"] = np.sum(d_pre, axis=0)
        return grads

    def clip(self, grads):
        total = np.linalg.norm(np.concatenate([g.ravel() for g in grads.values()]))
        scale = min(1.0, MAX_NORM / (total + 1e-6))
        return {name: g * scale for name, g in grads.items()}

    def update(self, grads):
        for name, w in self.params.items():
            self.delta[name] = MOMENTUM * self.delta[name] + LR * grads[name]
            w -= self.delta[name]
        self.updates += 1

    def train_step(self, X, y):
        value = self.loss(X, y)
        self.grads = self.clip(self.backward())
        self.update(self.grads)
        return float(value)
