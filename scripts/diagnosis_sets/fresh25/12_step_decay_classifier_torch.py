"""PyTorch port of the step-decay classifier (12_step_decay_classifier_numpy.py): 5 -> 10 tanh -> 3,
F.cross_entropy, SGD with LambdaLR giving LR0 * DROP ** epoch, the epoch counted in mini-batch
updates (STEPS_PER_EPOCH of them per pass over the 45 examples)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.5
DROP = 0.7
STEPS_PER_EPOCH = math.ceil(45 / 12)


class StepDecayClassifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=10, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: DROP ** (t // STEPS_PER_EPOCH))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
