"""Another PyTorch port of grouped_numpy.py (correct): plain parameters and F.conv1d.

The weights are nn.Parameter attributes named as in the NumPy program, the convolutions are
F.conv1d(groups=2), the loss is log_softmax followed by nll_loss, the optimizer torch.optim.Adam
over a list of the parameters.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GroupedConvNet(nn.Module):
    def __init__(self, channels=4, length=12, classes=3):
        super().__init__()
        l2 = (length + 2 - 3) // 2 + 1
        self.W1 = nn.Parameter(torch.randn(6, channels // 2, 3) * 0.4)
        self.b1 = nn.Parameter(torch.zeros(6))
        self.W2 = nn.Parameter(torch.randn(4, 3, 3) * 0.4)
        self.b2 = nn.Parameter(torch.zeros(4))
        self.Wf = nn.Parameter(torch.randn(classes, 4 * l2) * 0.2)
        self.bf = nn.Parameter(torch.zeros(classes))

    def forward(self, X):
        h = torch.tanh(F.conv1d(X, self.W1, self.b1, stride=1, padding=1, groups=2))
        h = torch.relu(F.conv1d(h, self.W2, self.b2, stride=2, padding=1, groups=2))
        return F.linear(h.reshape(h.shape[0], -1), self.Wf, self.bf)


def make_optimizer(model):
    params = [model.W1, model.b1, model.W2, model.b2, model.Wf, model.bf]
    return torch.optim.Adam(params, lr=1e-2)


def train_step(model, optimizer, X, y):
    logp = F.log_softmax(model(X), dim=1)
    loss = F.nll_loss(logp, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
