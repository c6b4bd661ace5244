"""CentralisedClassifier in PyTorch: gradient centralisation between backward() and step(), for
every parameter with more than one dimension (the nn.Linear weights, stored (out, in): the mean
over dim 1, each output unit's incoming weights), SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MOMENTUM = 0.1, 0.9


class CentralisedClassifier(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() > 1:
                p.grad -= p.grad.mean(dim=tuple(range(1, p.dim())), keepdim=True)
    optimizer.step()
    return loss.item()
