"""Many-to-one LSTM regressor in NumPy, after Karpathy's lstm.py: one matrix WLSTM of shape
(1 + D + H, 4H) whose first row is the bias, the input and the previous hidden state
concatenated behind a column of ones, the gates stacked IFOG (input, forget, output, then the
candidate g: the three sigmoid gates first, the tanh block last), the forget biases started at
3 (Karpathy's fancy_forget_bias_init). The last hidden state goes through a linear readout.
Mean squared error, the backward pass of lstm.py, plain gradient descent.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 5


class IFOGLSTM:
    def __init__(self, lr=0.3, seed=1):
        rng = np.random.default_rng(seed)
        self.WLSTM = rng.standard_normal((1 + D + H, 4 * H)) / np.sqrt(D + H)
        self.WLSTM[0, :] = 0.0
        self.WLSTM[0, H:2 * H] = 3.0
        self.Wy = rng.normal(0.0, 0.5, (H, 1))
        self.by = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        n, T, _ = X.shape
        dt = X.dtype
        Hin = np.zeros((T, n, 1 + D + H), dtype=dt)
        IFOG = np.zeros((T, n, 4 * H), dtype=dt)
        IFOGf = np.zeros((T, n, 4 * H), dtype=dt)
        C = np.zeros((T, n, H), dtype=dt)
        Ct = np.zeros((T, n, H), dtype=dt)
        Hout = np.zeros((T, n, H), dtype=dt)
        for t in range(T):
            prevh = Hout[t - 1] if t > 0 else np.zeros((n, H), dtype=dt)
            Hin[t, :, 0] = 1
            Hin[t, :, 1:1 + D] = X[:, t]
            Hin[t, :, 1 + D:] = prevh
            IFOG[t] = Hin[t] @ self.WLSTM
            IFOGf[t, :, :3 * H] = 1.0 / (1.0 + np.exp(-IFOG[t, :, :3 * H]))
            IFOGf[t, :, 3 * H:] = np.tanh(IFOG[t, :, 3 * H:])
            C[t] = IFOGf[t, :, :H] * IFOGf[t, :, 3 * H:]
            if t > 0:
                C[t] += IFOGf[t, :, H:2 * H] * C[t - 1]
            Ct[t] = np.tanh(C[t])
            Hout[t] = IFOGf[t, :, 2 * H:3 * H] * Ct[t]
        self.cache = (Hin, IFOGf, C, Ct, Hout)
        return Hout[-1] @ self.Wy + self.by

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        n, T, _ = X.shape
        pred = self.forward(X)
        Hin, IFOGf, C, Ct, Hout = self.cache
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / n
        dWy = Hout[-1].T @ dpred
        dby = dpred.sum(axis=0)

        dIFOG = np.zeros_like(IFOGf)
        dIFOGf = np.zeros_like(IFOGf)
        dWLSTM = np.zeros_like(self.WLSTM)
        dC = np.zeros_like(C)
        dHout = np.zeros_like(Hout)
        dHout[-1] = dpred @ self.Wy.T
        for t in reversed(range(T)):
            tanhCt = Ct[t]
            dIFOGf[t, :, 2 * H:3 * H] = tanhCt * dHout[t]
            dC[t] += (1 - tanhCt ** 2) * (IFOGf[t, :, 2 * H:3 * H] * dHout[t])
            if t > 0:
                dIFOGf[t, :, H:2 * H] = C[t - 1] * dC[t]
                dC[t - 1] += IFOGf[t, :, H:2 * H] * dC[t]
            dIFOGf[t, :, :H] = IFOGf[t, :, 3 * H:] * dC[t]
            dIFOGf[t, :, 3 * H:] = IFOGf[t, :, :H] * dC[t]
            dIFOG[t, :, 3 * H:] = (1 - IFOGf[t, :, 3 * H:] ** 2) * dIFOGf[t, :, 3 * H:]
            s = IFOGf[t, :, :3 * H]
            dIFOG[t, :, :3 * H] = (s * (1.0 - s)) * dIFOGf[t, :, :3 * H]
            dWLSTM += Hin[t].T @ dIFOG[t]
            dHin = dIFOG[t] @ self.WLSTM.T
            if t > 0:
                dHout[t - 1] += dHin[:, 1 + D:]
        self.grads = {"WLSTM": dWLSTM, "Wy": dWy, "by": dby}
        self.WLSTM -= self.lr * dWLSTM
        self.Wy -= self.lr * dWy
        self.by -= self.lr * dby
        return float(loss)
