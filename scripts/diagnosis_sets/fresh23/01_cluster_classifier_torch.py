"""PyTorch version of the cs231n-style TwoLayerNet (01_cluster_classifier_numpy.py): 5 -> 10 tanh
-> 3, F.cross_entropy on the scores, torch.optim.RMSprop with the assignment's settings."""

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 1e-2
DECAY_RATE = 0.99
EPSILON = 1e-8


class TwoLayerNet(nn.Module):
    def __init__(self, input_size=5, hidden_size=10, output_size=3):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE, momentum=DECAY_RATE, eps=EPSILON)   # BUG: return torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE, alpha=DECAY_RATE, eps=EPSILON)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
