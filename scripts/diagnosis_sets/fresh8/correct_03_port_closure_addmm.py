"""Correct port in an unusual style: raw (out, in) nn.Parameters applied with torch.addmm
(4 -> 6 -> 3, sigmoid hidden layer, logits out of forward), the summed cross-entropy written as
-(y * log_softmax(z)).sum(), and the step made through a closure handed to
optimizer.step(closure), which zeroes the gradients, computes the loss and back-propagates it;
torch.optim.SGD with momentum from make_optimizer."""

import torch
import torch.nn.functional as F
from torch import nn


class RawSoftmax(nn.Module):
    def __init__(self, n_in=4, n_hidden=6, n_out=3):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(n_hidden, n_in) * 0.5)
        self.c1 = nn.Parameter(torch.zeros(n_hidden))
        self.w2 = nn.Parameter(torch.randn(n_out, n_hidden) * 0.5)
        self.c2 = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        h = torch.sigmoid(torch.addmm(self.c1, x, self.w1.t()))
        return torch.addmm(self.c2, h, self.w2.t())


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    def closure():
        optimizer.zero_grad()
        loss = -(y * F.log_softmax(model(X), dim=1)).sum()
        loss.backward()
        return loss

    return optimizer.step(closure).item()
