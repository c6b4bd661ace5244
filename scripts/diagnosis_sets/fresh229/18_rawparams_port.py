"""Correct variant: the port of b_numpy.py written with raw nn.Parameters in the NumPy layout
(Win (4, 6), Wk (6, 6), Wout (6, 1): x @ W + b, no transposes) and the stochastic-depth
factors s_k / p_k precomputed for all 20 steps as one table in the constructor.

Parameters: Win, bin, W0, b0, W1, b1, Wout, bout = the NumPy program's params[...] as they are.
F.mse_loss (mean) on the (N,) output, torch.optim.Adam(lr=0.01).
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class SDResMLP(nn.Module):
    def __init__(self, data=os.path.join(HERE, "b.npz"), n_in=4, width=6, drop_keep=0.75,
                 p_survive=(0.8, 0.6)):
        super().__init__()
        d = np.load(data)
        # inverted-dropout factors and stochastic-depth factors, per step
        self.drop_scale = torch.from_numpy(d["drop_mask"] / drop_keep)            # (steps, N, width)
        self.depth_scale = torch.from_numpy(d["survive"] / np.asarray(p_survive))  # (steps, 2)
        self.Win = nn.Parameter(torch.zeros(n_in, width))
        self.bin = nn.Parameter(torch.zeros(width))
        self.W0 = nn.Parameter(torch.zeros(width, width))
        self.b0 = nn.Parameter(torch.zeros(width))
        self.W1 = nn.Parameter(torch.zeros(width, width))
        self.b1 = nn.Parameter(torch.zeros(width))
        self.Wout = nn.Parameter(torch.zeros(width, 1))
        self.bout = nn.Parameter(torch.zeros(1))
        self.t = 0

    def forward(self, X):
        dt = self.Win.dtype
        z = torch.relu(X @ self.Win + self.bin) * self.drop_scale[self.t].to(dt)
        c = self.depth_scale[self.t].to(dt)
        z = z + c[0] * torch.tanh(z @ self.W0 + self.b0)
        z = z + c[1] * torch.tanh(z @ self.W1 + self.b1)
        return (z @ self.Wout + self.bout)[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.detach()
