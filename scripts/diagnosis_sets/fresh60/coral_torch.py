"""CORAL-style ordinal regression in PyTorch: the shared score Linear -> tanh -> Linear(bias=False),
the thresholds an nn.Parameter, the K - 1 logits f - theta, the BCE with logits summed over the
tasks and averaged over the rows; SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

K = 4
LR = 0.5


class Coral(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 5)
        self.score = nn.Linear(5, 1, bias=False)
        self.theta = nn.Parameter(torch.tensor([-0.5, 0.0, 0.5]))

    def forward(self, x):
        return self.score(torch.tanh(self.hidden(x))) - self.theta


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    T = (y > torch.arange(K - 1, device=y.device)).to(logits.dtype)
    loss = F.binary_cross_entropy_with_logits(logits, T, reduction='sum') / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
