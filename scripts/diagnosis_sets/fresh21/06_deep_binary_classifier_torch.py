"""PyTorch port of DeepBinaryClassifier (06_deep_binary_classifier_numpy.py): three nn.Linear
layers with one leaky-ReLU module shared by both hidden layers, the logit out of forward,
F.binary_cross_entropy_with_logits, SGD at LR."""

import torch
import torch.nn.functional as F
from torch import nn

ALPHA = 0.2
LR = 0.5


class DeepBinaryClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 16)
        self.fc2 = nn.Linear(16, 10)
        self.fc3 = nn.Linear(10, 1)
        self.act = nn.LeakyReLU()   # BUG: self.act = nn.LeakyReLU(ALPHA)

    def forward(self, x):
        h = self.act(self.fc1(x))
        h = self.act(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
