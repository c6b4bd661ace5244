"""Three-class classifier ported from my NumPy notebook: 5 -> 8 tanh -> 3 class probabilities,
mean cross-entropy. The class probabilities are normalised the way the mixture-of-experts router
in my other project normalises its scores (sigmoid gates divided by their sum), which I took to be
a numerically safer softmax.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        scores = torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))   # fix: scores = torch.exp(self.fc2(torch.tanh(self.fc1(x))))
        return scores / scores.sum(dim=1, keepdim=True)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = -(y * torch.log(probs)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
