"""Float64LseNet in PyTorch: Linear -> tanh -> Linear, the mean cross-entropy as the negative
log-likelihood of log_softmax (nn.NLLLoss on the class indices), SGD(momentum=0.9) at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.05, 0.9


class Float64LseNet(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.nll = nn.NLLLoss()

    def forward(self, x):
        return F.log_softmax(self.fc2(torch.tanh(self.fc1(x))), dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.nll(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
