"""QuantileHeads in PyTorch: Linear -> Tanh -> Linear with three outputs, the pinball loss
torch.maximum(q e, (q - 1) e).mean() with q a (3,) tensor, SGD with momentum."""

import torch
from torch import nn

LR, MU = 0.05, 0.9
QUANTILES = (0.1, 0.5, 0.9)


class QuantileHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(3, 12)
        self.heads = nn.Linear(12, 3)
        self.register_buffer("q", torch.tensor(QUANTILES, dtype=torch.float64))

    def forward(self, x):
        return self.heads(torch.tanh(self.trunk(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    e = y - model(X)
    q = model.q.to(e.dtype)
    loss = torch.maximum(q * e, (q - 1) * e).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
