"""Correct port in an unusual style: parameters in an nn.ParameterDict, weights stored
(out, in) and applied with F.linear, two ReLU hidden layers, linear output, mean squared
error written by hand, Adam with its arguments spelled out (torch's defaults)."""

import torch
from torch import nn
import torch.nn.functional as F


class ParamDictNet(nn.Module):
    def __init__(self, n_in=3, h1=6, h2=4, n_out=1):
        super().__init__()
        dims = [n_in, h1, h2, n_out]
        self.params = nn.ParameterDict()
        for i, (a, b) in enumerate(zip(dims[:-1], dims[1:]), start=1):
            self.params[f"w{i}"] = nn.Parameter(torch.randn(b, a) * 0.4)
            self.params[f"b{i}"] = nn.Parameter(torch.zeros(b))

    def forward(self, x):
        p = self.params
        x = F.relu(F.linear(x, p["w1"], p["b1"]))
        x = F.relu(F.linear(x, p["w2"], p["b2"]))
        return F.linear(x, p["w3"], p["b3"])


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    err = model(X) - y
    loss = (err * err).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
