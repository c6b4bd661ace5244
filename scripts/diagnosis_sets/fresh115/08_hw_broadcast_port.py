"""SEHighway in PyTorch: the (n, 16) input viewed as (n, 4, 4), squeezed by a mean over each
group, excited by two nn.Linear layers (relu, sigmoid); a tanh projection, a highway layer
(transform gate T, carry 1 - T) and an nn.Linear output; F.huber_loss; torch.optim.SGD with
momentum and weight_decay."""

import torch
import torch.nn.functional as F
from torch import nn

D, G, K, R, H = 16, 4, 4, 2, 8
LR, MOMENTUM, WD, DELTA = 0.05, 0.9, 1e-3, 1.0


class SEHighway(nn.Module):
    def __init__(self):
        super().__init__()
        self.reduce = nn.Linear(G, R)
        self.expand = nn.Linear(R, G)
        self.proj = nn.Linear(D, H)
        self.transform_gate = nn.Linear(H, H)
        self.transform = nn.Linear(H, H)
        self.out = nn.Linear(H, 1)
        nn.init.constant_(self.transform_gate.bias, -1.0)

    def forward(self, X):
        groups = X.view(-1, G, K)
        squeeze = groups.mean(dim=2)
        scale = torch.sigmoid(self.expand(torch.relu(self.reduce(squeeze))))
        x0 = torch.tanh(self.proj((groups * scale.unsqueeze(2)).reshape(-1, D)))
        t = torch.sigmoid(self.transform_gate(x0))
        h = torch.relu(self.transform(x0))
        x1 = t * h + (1 - t) * x0
        return self.out(x1)  # fix: return self.out(x1).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
