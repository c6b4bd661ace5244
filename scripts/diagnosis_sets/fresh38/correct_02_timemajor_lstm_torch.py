"""TimeMajorLSTM in PyTorch: nn.LSTM(3, 4) in its default time-major layout, fed
x.transpose(0, 1) and explicit zero (h_0, c_0); the readout on every step's output, transposed
back to (n, T). F.mse_loss, torch.optim.Adam(amsgrad=True) at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 3, 4


class TimeMajorLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(D, H)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        zeros = x.new_zeros(1, x.shape[0], H)
        out, _ = self.lstm(x.transpose(0, 1), (zeros, zeros))     # (T, n, H)
        return self.readout(out).squeeze(-1).transpose(0, 1)       # (n, T)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, amsgrad=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
