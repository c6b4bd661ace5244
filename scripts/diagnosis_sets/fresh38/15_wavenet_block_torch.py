"""WaveNetBlock in PyTorch: nn.Conv1d(1, 4, 1) in, nn.Conv1d(4, 8, 3, dilation=2) after a causal
left pad of (3 - 1) * 2, tanh * sigmoid, a 1x1 residual convolution, the mean over time, a
Linear readout. MSE, Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

C, K, DIL = 4, 3, 2


class WaveNetBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Conv1d(1, C, 1)
        self.dil = nn.Conv1d(C, 2 * C, K, dilation=DIL)
        self.res = nn.Conv1d(C, C, 1)
        self.readout = nn.Linear(C, 1)

    def forward(self, x):
        e = self.inp(x.unsqueeze(1))
        filt, gate = self.dil(F.pad(e, ((K - 1) * DIL, 0))).chunk(2, dim=1)
        r = e + self.res(torch.tanh(filt) * torch.sigmoid(gate))
        return self.readout(r.mean(dim=2))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
