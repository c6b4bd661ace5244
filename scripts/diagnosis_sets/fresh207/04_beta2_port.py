"""Port variant.

PyTorch port of seq_numpy.py: nn.LSTM(batch_first=True), the last hidden state into an
nn.Linear head, MSE, clip_grad_norm_(0.4), torch.optim.Adam(lr=0.005).

    lstm.weight_ih_l0 = weight_ih, lstm.weight_hh_l0 = weight_hh, lstm.bias_ih_l0 = bias_ih,
    lstm.bias_hh_l0 = bias_hh, head.weight = w_out, head.bias = b_out
"""

import torch
import torch.nn as nn

CLIP = 0.4


class SeqRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=10):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        _, (h_n, c_n) = self.lstm(x)
        return self.head(h_n[-1])


criterion = nn.MSELoss()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.005, betas=(0.9, 0.99))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
