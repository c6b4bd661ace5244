"""Another PyTorch port of mt3_numpy.py: the layers as named attributes, the forward with
torch.nn.functional, and the three losses written out by hand (smoothed targets against
log_softmax, mean absolute error, mean squared error). Adam(lr 0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ThreeHeadManual(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 24)
        self.fc2 = nn.Linear(24, 16)
        self.cls = nn.Linear(16, 3)
        self.head_a = nn.Linear(16, 1)
        self.head_b = nn.Linear(16, 1)

    def forward(self, X):
        f = F.leaky_relu(self.fc2(torch.tanh(self.fc1(X))), negative_slope=0.1)
        return self.cls(f), self.head_a(f)[:, 0], self.head_b(f)[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, pa, pb = model(X)
    k = logits.shape[1]
    target = F.one_hot(y[:, 0].long(), k).to(logits.dtype) * 0.9 + 0.1 / k
    ce = -(target * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    l1 = (pa - y[:, 1]).abs().mean()
    mse = (pb - y[:, 2]).pow(2).mean()
    loss = ce + 0.3 * l1 + 0.2 * mse
    loss.backward()
    optimizer.step()
    return loss.item()
