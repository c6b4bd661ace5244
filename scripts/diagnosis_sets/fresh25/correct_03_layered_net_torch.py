"""PyTorch version of the Deep Learning from Scratch TwoLayerNet (correct_03_layered_net_numpy.py):
Linear - ReLU - Linear, F.cross_entropy, torch.optim.Adagrad with the book's lr = 0.1 and its
epsilon 1e-7 added to the root of the accumulated squares."""

import torch
import torch.nn.functional as F
from torch import nn


class TwoLayerNet(nn.Module):
    def __init__(self, input_size=5, hidden_size=10, output_size=3):
        super().__init__()
        self.affine1 = nn.Linear(input_size, hidden_size)
        self.affine2 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        return self.affine2(F.relu(self.affine1(x)))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-7)


def train_step(model, optimizer, x, t):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), t.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
