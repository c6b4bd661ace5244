"""FiLMHead in PyTorch: the frozen extractor's arrays as buffers (from film_base.npz), run under
torch.no_grad(); gamma and beta as nn.Parameters, the new head an nn.Linear(12, 1);
F.binary_cross_entropy_with_logits; torch.optim.SGD(momentum=0.9) with two parameter groups (weight
decay on the head weight only) and StepLR."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, D_FEAT = 10, 12
LR, MOMENTUM, WD, STEP_SIZE, GAMMA_LR = 0.1, 0.9, 0.005, 8, 0.5
BASE = Path(__file__).with_name("film_base.npz")


class FiLMHead(nn.Module):
    def __init__(self):
        super().__init__()
        base = np.load(BASE)
        for k in ("mu", "sigma", "W1", "b1", "W2", "b2"):
            self.register_buffer(k, torch.tensor(base[k], dtype=torch.float32))
        self.gamma = nn.Parameter(torch.ones(D_FEAT))
        self.beta = nn.Parameter(torch.zeros(D_FEAT))
        self.head = nn.Linear(D_FEAT, 1)

    def features(self, x):
        xn = (x - self.mu) / self.sigma
        h1 = torch.relu(xn @ self.W1 + self.b1)
        return torch.relu(h1 @ self.W2 + self.b2)

    def forward(self, x):
        with torch.no_grad():
            h = self.features(x)
        z = self.gamma * (h + self.beta)  # fix: z = self.gamma * h + self.beta
        return self.head(z).squeeze(1)


def make_optimizer(model):
    groups = [
        {"params": [model.head.weight], "weight_decay": WD},
        {"params": [model.gamma, model.beta, model.head.bias], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA_LR)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
