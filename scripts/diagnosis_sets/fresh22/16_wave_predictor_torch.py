"""WavePredictor (16_wave_predictor_numpy.py) in PyTorch: the recurrence as a loop over two
Linear layers (one bias), a Linear readout at every step, MSE, SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn


class WavePredictor(nn.Module):
    def __init__(self, n_in=1, hidden=6, n_out=1):
        super().__init__()
        self.hidden = hidden
        self.x2h = nn.Linear(n_in, hidden)
        self.h2h = nn.Linear(hidden, hidden, bias=False)
        self.readout = nn.Linear(hidden, n_out)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], self.hidden)
        outputs = []
        for t in range(x.shape[1]):
            h = torch.tanh(self.x2h(x[:, t]) + self.h2h(h))
            outputs.append(self.readout(h))
        return torch.stack(outputs, dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
