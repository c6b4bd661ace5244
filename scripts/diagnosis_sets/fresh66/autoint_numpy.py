"""AutoInt-style click-through model in NumPy: self-attention over feature embeddings.

Every column becomes a field embedding of width DIM: the slot and the device are looked up in
their embedding tables, each standardised numeric column (training-set mean and standard
deviation) scales a learned vector of its own. One single-head self-attention layer runs over
the 5 fields, softmax(Q K^T / sqrt(DIM)) V, with a ReLU residual connection
relu(attention + E W_res); the fields are flattened into one linear unit (a logit). Mean sigmoid
cross-entropy with the positive class weighted by POS_W, hand-written backward pass, plain SGD.

    X: float (n, 5) (slot id, device id, age, income, past clicks), y: float (n, 1) 0/1
"""

from pathlib import Path

import numpy as np

N_SLOT, N_DEVICE, N_NUM, DIM = 5, 4, 3, 4
FIELDS = 2 + N_NUM
POS_W, LR = 3.0, 0.3

_TRAIN = np.load(Path(__file__).with_name("ctr.npz"))["X"][:, 2:]
MEAN, STD = _TRAIN.mean(axis=0), _TRAIN.std(axis=0)


class AutoInt:
    def __init__(self, seed=66):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(DIM)
        self.params = {
            "E_slot": rng.normal(0.0, 0.5, (N_SLOT, DIM)),
            "E_device": rng.normal(0.0, 0.5, (N_DEVICE, DIM)),
            "V_num": rng.normal(0.0, 0.5, (N_NUM, DIM)),
            "Wq": rng.normal(0.0, s, (DIM, DIM)),
            "Wk": rng.normal(0.0, s, (DIM, DIM)),
            "Wv": rng.normal(0.0, s, (DIM, DIM)),
            "Wres": rng.normal(0.0, s, (DIM, DIM)),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(FIELDS * DIM), (FIELDS * DIM, 1)),
            "bo": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        dt = p["Wq"].dtype
        n = len(X)
        slot, device = X[:, 0].astype(int), X[:, 1].astype(int)
        num = ((X[:, 2:] - MEAN) / STD).astype(dt)
        E = np.concatenate([p["E_slot"][slot][:, None, :], p["E_device"][device][:, None, :],
                            num[:, :, None] * p["V_num"][None, :, :]], axis=1)

        Q, K, V = E @ p["Wq"], E @ p["Wk"], E @ p["Wv"]
        S = Q @ K.transpose(0, 2, 1) / np.sqrt(DIM)
        S = S - S.max(axis=-1, keepdims=True)
        A = np.exp(S)
        A /= A.sum(axis=-1, keepdims=True)
        O = A @ V
        pre = O + E @ p["Wres"]
        R = np.maximum(pre, 0.0)
        flat = R.reshape(n, FIELDS * DIM)
        z = flat @ p["Wo"] + p["bo"]

        y = y.astype(dt)
        loss = np.mean(POS_W * y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        prob = 1.0 / (1.0 + np.exp(-z))
        dz = np.where(y > 0, POS_W * (prob - 1.0), prob) / n

        g = {}
        g["Wo"] = flat.T @ dz
        g["bo"] = dz.sum(axis=0)
        dpre = (dz @ p["Wo"].T).reshape(n, FIELDS, DIM) * (pre > 0)
        g["Wres"] = np.einsum("nfd,nfe->de", E, dpre)
        dE = dpre @ p["Wres"].T
        dA = dpre @ V.transpose(0, 2, 1)
        dV = A.transpose(0, 2, 1) @ dpre
        dS = A * (dA - (dA * A).sum(axis=-1, keepdims=True))
        dS = dS / np.sqrt(DIM)
        dQ = dS @ K
        dK = dS.transpose(0, 2, 1) @ Q
        g["Wq"] = np.einsum("nfd,nfe->de", E, dQ)
        g["Wk"] = np.einsum("nfd,nfe->de", E, dK)
        g["Wv"] = np.einsum("nfd,nfe->de", E, dV)
        dE = dE + dQ @ p["Wq"].T + dK @ p["Wk"].T + dV @ p["Wv"].T

        g["E_slot"] = np.zeros_like(p["E_slot"])
        g["E_device"] = np.zeros_like(p["E_device"])
        np.add.at(g["E_slot"], slot, dE[:, 0])
        np.add.at(g["E_device"], device, dE[:, 1])
        g["V_num"] = (dE[:, 2:] * num[:, :, None]).sum(axis=0)

        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
