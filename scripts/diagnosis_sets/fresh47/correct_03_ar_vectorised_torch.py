"""ARDecoder in PyTorch: a decoder cell unrolled over three horizons with teacher forcing from
the stored targets, F.mse_loss over the steps, SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

L, H, HID, LR = 12, 3, 8, 0.1


class ARDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.context = nn.Linear(L, HID)
        self.u = nn.Parameter(torch.randn(HID))
        self.readout = nn.Linear(HID, 1)

    def forward(self, x, y):
        preds = []
        prev = x[:, -1:]
        for k in range(H):
            z = torch.tanh(self.context(x) + prev * self.u)
            pred = self.readout(z)
            preds.append(pred)
            prev = y[:, k:k + 1]
        return torch.cat(preds, dim=1)


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X, y), y)
    loss.backward()
    optimizer.step()
    return loss.item()
