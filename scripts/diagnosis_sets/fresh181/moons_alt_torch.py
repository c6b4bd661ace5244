"""Another PyTorch port of moons_numpy.py: one module, the weights kept as the NumPy program keeps
them (x @ W, in nn.ParameterLists), masks built in forward, the base density from
torch.distributions.Normal, torch.optim.SGD with momentum 0.9.

    W1s.{i} = l{i}.W1   b1s.{i} = l{i}.b1   W2s.{i} = l{i}.W2   b2s.{i} = l{i}.b2   scales.{i} = l{i}.scale
"""

import torch
import torch.nn as nn
from torch.distributions import Normal


class FlatMoonsFlow(nn.Module):
    def __init__(self, dim=2, hidden=24, n_layers=4):
        super().__init__()
        self.dim, self.n_layers = dim, n_layers
        self.W1s = nn.ParameterList([nn.Parameter(torch.randn(dim, hidden) * 0.5) for _ in range(n_layers)])
        self.b1s = nn.ParameterList([nn.Parameter(torch.zeros(hidden)) for _ in range(n_layers)])
        self.W2s = nn.ParameterList([nn.Parameter(torch.randn(hidden, 2 * dim) * 0.05) for _ in range(n_layers)])
        self.b2s = nn.ParameterList([nn.Parameter(torch.zeros(2 * dim)) for _ in range(n_layers)])
        self.scales = nn.ParameterList([nn.Parameter(torch.ones(dim)) for _ in range(n_layers)])

    def forward(self, x):
        logdet = 0.0
        for i in range(self.n_layers):
            keep = (torch.arange(self.dim, device=x.device) % 2 == i % 2).to(x.dtype)
            free = 1 - keep
            h = torch.relu((x * keep) @ self.W1s[i] + self.b1s[i])
            out = h @ self.W2s[i] + self.b2s[i]
            s = free * self.scales[i] * torch.tanh(out[:, :self.dim])
            t = free * out[:, self.dim:]
            x = x * torch.exp(s) + t            # s = t = 0 on the kept coordinates
            logdet = logdet + s.sum(-1)
        return x, logdet


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, logdet = model(X)
    base = Normal(torch.zeros((), dtype=z.dtype), torch.ones((), dtype=z.dtype))
    loss = -(base.log_prob(z).sum(-1) + logdet).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
