"""ReZeroNet in PyTorch: ReZero blocks h + alpha * fc2(prelu(fc1(h))) with a learned scalar alpha
and a learned PReLU slope per block (one-element nn.Parameters), logits divided by a learned temperature,
F.cross_entropy on the one-hot targets, AdamW with two parameter groups (decay on the weight
matrices only)."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, WIDTH, INNER, N_CLASSES, NUM_BLOCKS = 10, 12, 24, 3, 4
ALPHA0, SLOPE0, TEMP0 = 0.1, 0.25, 1.5
LR, WD = 0.01, 0.05


class ReZeroBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(WIDTH, INNER)
        self.slope = nn.Parameter(torch.tensor([SLOPE0]))
        self.fc2 = nn.Linear(INNER, WIDTH)
        self.alpha = nn.Parameter(torch.tensor([ALPHA0]))

    def forward(self, h):
        z = self.fc1(h)
        q = torch.where(z > 0, z, self.slope * z)
        return h + self.alpha * self.fc2(q)


class ReZeroNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Linear(N_IN, WIDTH)
        self.blocks = nn.ModuleList([ReZeroBlock() for _ in range(NUM_BLOCKS)])
        self.head = nn.Linear(WIDTH, N_CLASSES)
        self.temperature = nn.Parameter(torch.tensor([TEMP0]))

    def forward(self, x):
        h = self.stem(x)
        for block in self.blocks:
            h = block(h)
        return self.head(h) / self.temperature


def make_optimizer(model):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (decay if p.ndim == 2 else no_decay).append(p)
    return torch.optim.AdamW([{"params": decay, "weight_decay": WD},
                              {"params": no_decay, "weight_decay": 0.0}], lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
