"""XOR in PyTorch, following the "Learning PyTorch with Examples" recipe: autograd computes the
gradients and the gradient-descent update is written by hand under torch.no_grad(). Three inputs
(the third is the constant 1 of the classic table), 4 sigmoid hidden units, a sigmoid output,
the sum of squared errors, learning rate 0.5."""

import torch
from torch import nn

LEARNING_RATE = 0.5


class XorNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 4)
        self.output = nn.Linear(4, 1)

    def forward(self, x):
        return torch.sigmoid(self.output(torch.sigmoid(self.hidden(x))))


def train_step(model, optimizer, X, y):
    out = model(X)
    loss = ((out - y) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        for param in model.parameters():
            if param.grad is None:
                continue
            param -= LEARNING_RATE * param.grad
            model.zero_grad()   # BUG: param.grad = None
    return loss.item()
