"""Another PyTorch port of seq_numpy.py: an nn.LSTMCell stepped over time by hand (batch first),
the final hidden state into an nn.Linear head, F.mse_loss, clip_grad_norm_(0.4), Adam(lr=0.005),
with the optimizer and the step in a small trainer function pair.

    cell.weight_ih = weight_ih, cell.weight_hh = weight_hh, cell.bias_ih = bias_ih,
    cell.bias_hh = bias_hh, head.weight = w_out, head.bias = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CellRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=10):
        super().__init__()
        self.cell = nn.LSTMCell(n_in, hidden)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        state = None
        for x_t in x.unbind(dim=1):
            state = self.cell(x_t, state)
        h, _ = state
        return self.head(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    pred = model(X)
    loss = F.mse_loss(pred, y, reduction="mean")
    loss.backward()
    nn.utils.clip_grad_norm_(list(model.parameters()), max_norm=0.4, norm_type=2.0)
    optimizer.step()
    return float(loss.detach())
