"""PyTorch port of gn_numpy.py written with its own group norm (variant): Conv2d(1, 4, 3, padding=1)
-> group norm by hand (2 groups, plain tensor ops, affine parameters gn_weight, gn_bias)
-> ReLU -> global average pooling (flatten + mean) -> Linear(4, 3), F.cross_entropy,
torch.optim.Adam(lr=0.01).

    conv.weight (4, 1, 3, 3) = Wc      conv.bias (4,) = bc
    gn_weight   (4,)         = gamma   gn_bias   (4,) = beta
    fc.weight   (3, 4)       = Wf      fc.bias   (3,) = bf
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GNConvNet(nn.Module):
    def __init__(self, cin=1, cout=4, k=3, groups=2, classes=3, eps=1e-5):
        super().__init__()
        self.groups = groups
        self.eps = eps
        self.conv = nn.Conv2d(cin, cout, k, padding=k // 2)
        self.gn_weight = nn.Parameter(torch.ones(cout))
        self.gn_bias = nn.Parameter(torch.zeros(cout))
        self.fc = nn.Linear(cout, classes)

    def group_norm(self, z):
        N, C, H, W = z.shape
        zg = z.view(N, self.groups, -1)
        mean = zg.mean(dim=-1, keepdim=True)
        var = zg.var(dim=-1, unbiased=False, keepdim=True)
        xhat = ((zg - mean) / torch.sqrt(var + self.eps)).view(N, C, H, W)
        return xhat * self.gn_weight.view(1, C, 1, 1) + self.gn_bias.view(1, C, 1, 1)

    def forward(self, x):
        a = F.relu(self.group_norm(self.conv(x)))
        return self.fc(a.flatten(2).mean(dim=-1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
