"""FrequencyNet in PyTorch: log-rate = network(features) + log(exposure), nn.PoissonNLLLoss with
log_input=True, SGD."""

import torch
from torch import nn

LR = 0.05


class FrequencyNet(nn.Module):
    def __init__(self, n_feat=3, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_feat, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x[:, :3]))) + torch.log(x[:, 3:])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.PoissonNLLLoss(log_input=True)(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
