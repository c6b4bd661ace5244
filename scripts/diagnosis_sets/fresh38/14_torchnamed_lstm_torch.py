"""TorchNamedLSTM in PyTorch: nn.LSTM(4, 4, batch_first=True), the last step of its output into a
Linear readout. MSE, Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 4


class TorchNamedLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(D, H, batch_first=True)
        self.fc = nn.Linear(H, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out[:, -1])


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
