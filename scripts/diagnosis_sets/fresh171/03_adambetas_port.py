"""PyTorch port of gru_reg_numpy.py: nn.GRU (batch first), a linear head on the last output.

    gru.weight_ih_l0 = Wx.T, gru.weight_hh_l0 = Wh.T, gru.bias_ih_l0 = bx, gru.bias_hh_l0 = bh,
    head.weight = Wo.T, head.bias = bo
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GRURegressor(nn.Module):
    def __init__(self, n_in=3, hidden=12):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, X):
        out, _ = self.gru(X)
        return self.head(out[:, -1, :]).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y)
    loss.backward()
    optimizer.step()
    return loss.item()
