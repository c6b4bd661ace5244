"""IRNN in PyTorch: nn.RNN(4, 5, nonlinearity='relu', batch_first=True), the final state into a
Linear readout. MSE, SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 5


class IRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(D, H, nonlinearity="relu", batch_first=True)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        _, h_n = self.rnn(x)
        return self.readout(h_n[0])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
