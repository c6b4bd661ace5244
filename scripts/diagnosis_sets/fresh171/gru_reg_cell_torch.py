"""Another PyTorch port of gru_reg_numpy.py: an nn.GRUCell stepped over time by hand.

    cell.weight_ih = Wx.T, cell.weight_hh = Wh.T, cell.bias_ih = bx, cell.bias_hh = bh,
    fc.weight = Wo.T, fc.bias = bo
"""

import torch
import torch.nn as nn


class GRUCellRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=12):
        super().__init__()
        self.cell = nn.GRUCell(n_in, hidden)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, X):
        h = None
        for x_t in X.unbind(dim=1):
            h = self.cell(x_t, h)
        return self.fc(h)[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    err = model(X) - y
    loss = (err * err).mean()
    loss.backward()
    optimizer.step()
    return float(loss.detach())
