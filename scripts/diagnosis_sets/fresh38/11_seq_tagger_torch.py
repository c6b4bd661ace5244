"""SeqTagger in PyTorch: the Elman recurrence unrolled by hand (x2h with the bias, h2h without),
a Linear readout applied to the stacked states, F.mse_loss over every step. SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 3, 6


class SeqTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2h = nn.Linear(D, H)
        self.h2h = nn.Linear(H, H, bias=False)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        states = []
        for t in range(x.shape[1]):
            h = torch.tanh(self.x2h(x[:, t]) + self.h2h(h))
            states.append(h)
        return self.readout(torch.stack(states, dim=1)).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
