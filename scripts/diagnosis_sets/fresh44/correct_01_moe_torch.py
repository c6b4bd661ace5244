"""EinsumMixture in PyTorch: experts and gate as raw nn.Parameters, the gate as
log_softmax(...).exp(), the mixture by torch.einsum, the MSE written out; SGD."""

import torch
from torch import nn

LR = 0.1


class EinsumMixture(nn.Module):
    def __init__(self):
        super().__init__()
        self.expert_w = nn.Parameter(torch.zeros(3, 3))
        self.expert_b = nn.Parameter(torch.zeros(3))
        self.gate_w = nn.Parameter(torch.zeros(3, 3))
        self.gate_b = nn.Parameter(torch.zeros(3))

    def forward(self, x):
        f = torch.addmm(self.expert_b, x, self.expert_w)
        g = torch.log_softmax(torch.addmm(self.gate_b, x, self.gate_w), dim=-1).exp()
        return torch.einsum("ne,ne->n", g, f).unsqueeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = (model(X) - y).pow(2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
