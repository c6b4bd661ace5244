"""SeriesRNN in PyTorch, the recurrence unrolled by hand: x2h (with the bias) and h2h (no bias)
Linear layers, tanh, the last state into a Linear readout. MSE, SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN = 2, 8


class SeriesRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2h = nn.Linear(N_IN, HIDDEN)
        self.h2h = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.readout = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], HIDDEN)
        for t in range(x.shape[1]):
            h = torch.tanh(self.x2h(x[:, t]) + self.h2h(h))
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
