"""DistilledMLP in PyTorch: the fixed teacher an nn.Sequential loaded from teacher.npz, frozen and
run under torch.no_grad; the student two nn.Linear layers with tanh; the loss
ALPHA * T**2 * F.kl_div(log_softmax(s / T), softmax(t / T), 'batchmean') + (1 - ALPHA) * CE;
torch.optim.SGD with momentum."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, K = 6, 5, 3
T, ALPHA = 4.0, 0.7
LR, MU = 0.1, 0.9

_T = np.load(Path(__file__).with_name("teacher.npz"))
TEACHER = nn.Sequential(nn.Linear(D_IN, 8), nn.ReLU(), nn.Linear(8, K))
with torch.no_grad():
    TEACHER[0].weight.copy_(torch.from_numpy(_T["W1"].T))
    TEACHER[0].bias.copy_(torch.from_numpy(_T["b1"]))
    TEACHER[2].weight.copy_(torch.from_numpy(_T["W2"].T))
    TEACHER[2].bias.copy_(torch.from_numpy(_T["b2"]))
TEACHER.requires_grad_(False).eval()

hard_loss = nn.CrossEntropyLoss()


class DistilledMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def distillation_loss(student_logits, teacher_logits, labels):
    log_student = F.log_softmax(student_logits / T, dim=1)
    soft_targets = F.softmax(teacher_logits / T, dim=1)
    soft = F.kl_div(log_student, soft_targets, reduction="batchmean")
    return ALPHA * T * T * soft + (1.0 - ALPHA) * hard_loss(student_logits, labels)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    with torch.no_grad():
        teacher_logits = TEACHER.to(X.dtype)(X)
    optimizer.zero_grad()
    loss = distillation_loss(model(X), teacher_logits, y.long())
    loss.backward()
    optimizer.step()
    return loss.item()
