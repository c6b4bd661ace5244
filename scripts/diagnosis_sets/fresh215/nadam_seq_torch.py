"""Another port of nadam_numpy.py (correct): the layers in one nn.Sequential, the mean squared
error written out, the optimizer built from parameter groups (weights, then biases) with the same
NAdam settings.

    net.0 = (W1, b1)   net.2 = (W2, b2)   net.4 = (W3, b3)
"""

import torch
import torch.nn as nn


class NAdamRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 16), nn.Tanh(),
                                 nn.Linear(16, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    return torch.optim.NAdam([{"params": weights}, {"params": biases}], lr=0.01,
                             betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                             momentum_decay=4e-3)


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return float(loss)
