"""Port variant.

PyTorch port of lstm_numpy.py: the LSTM cell written out with one nn.Linear on [x_t, h_{t-1}]
producing the four gates (order i, f, g, o), a linear head on the last hidden state, MSE,
clip_grad_norm_(0.2), torch.optim.Adam(lr=0.01).

    gates.weight (4H, n_in + H) = W.T, gates.bias = b, head.weight (1, H) = Wy.T, head.bias = by
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_NORM = 0.2


class LSTMRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=12, n_out=1):
        super().__init__()
        self.hidden = hidden
        self.gates = nn.Linear(n_in + hidden, 4 * hidden)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, X):
        N, T, _ = X.shape
        h = X.new_zeros(N, self.hidden)
        c = X.new_zeros(N, self.hidden)
        for t in range(T):
            z = self.gates(torch.cat([X[:, t], h], dim=1))
            i, f, o, g = z.chunk(4, dim=1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * c + i * g
            h = o * torch.tanh(c)
        return self.head(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)
    optimizer.step()
    return loss.item()
