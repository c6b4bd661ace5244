"""GraphSAGE in PyTorch: a SAGEConv module (nn.Linear over torch.cat([h, P @ h])), the in-neighbour
mean operator P = D_in^-1 A as a buffer, ReLU, F.cross_entropy; torch.optim.SGD with momentum and
weight_decay on the weights' parameter group, StepLR(step_size=8, gamma=0.5) stepped after each
optimizer.step()."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = Path(__file__).resolve().parent
N_NODES, F_IN, HIDDEN, CLASSES = 36, 8, 10, 4
LR, MU, WD, STEP_SIZE, GAMMA = 0.1, 0.9, 1e-3, 8, 0.5


class SAGEConv(nn.Module):
    def __init__(self, fin, fout):
        super().__init__()
        self.lin = nn.Linear(2 * fin, fout)

    def forward(self, h, P):
        return self.lin(torch.cat([h, P @ h], dim=1))


class GraphSAGE(nn.Module):
    def __init__(self):
        super().__init__()
        edges = torch.from_numpy(np.load(HERE / "follows.npz")["edges"])
        A = torch.zeros(N_NODES, N_NODES)
        A[edges[:, 1], edges[:, 0]] = 1.0
        self.register_buffer("P", A / A.sum(dim=1, keepdim=True))
        self.conv1 = SAGEConv(F_IN, HIDDEN)
        self.conv2 = SAGEConv(HIDDEN, CLASSES)

    def forward(self, X):
        h = torch.relu(self.conv1(X, self.P))
        return self.conv2(h, self.P)


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if n.endswith("weight")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias")]
    optimizer = torch.optim.SGD([{"params": decay, "weight_decay": WD},
                                 {"params": no_decay, "weight_decay": 0.0}], lr=LR, momentum=MU)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
