"""PyTorch port of ln_numpy.py: Linear -> LayerNorm -> GELU(tanh) -> fixed-mask dropout -> Linear.

    fc1.weight (32, 8) = W1.T, fc1.bias = b1, ln_weight = ln_g, ln_bias = ln_b (layer norm by hand),
    fc2.weight (4, 32) = W2.T, fc2.bias = b2
AdamW, weight decay on the two Linear weights only.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LNClassifier(nn.Module):
    def __init__(self, n_in=8, hidden=32, n_classes=4, keep=0.8):
        super().__init__()
        self.n_in, self.keep = n_in, keep
        self.fc1 = nn.Linear(n_in, hidden)
        self.ln_weight = nn.Parameter(torch.ones(hidden))
        self.ln_bias = nn.Parameter(torch.zeros(hidden))
        self.act = nn.GELU(approximate="tanh")
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, X):
        x, mask = X[:, :self.n_in], X[:, self.n_in:]
        z = self.fc1(x)
        mu = z.mean(dim=-1, keepdim=True)
        var = z.var(dim=-1, keepdim=True)
        h = self.act(self.ln_weight * (z - mu) / torch.sqrt(var + 1e-5) + self.ln_bias)
        if self.training:
            h = h * mask / self.keep
        return self.fc2(h)


def make_optimizer(model):
    decay = [model.fc1.weight, model.fc2.weight]
    no_decay = [model.fc1.bias, model.ln_weight, model.ln_bias, model.fc2.bias]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
