"""CountNet in PyTorch: the network returns the log-rate, scored by nn.PoissonNLLLoss (log_input
stays True), SGD."""

import torch
from torch import nn

LR = 0.1


class CountNet(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)
        self.loss_fn = nn.PoissonNLLLoss(log_input=True, full=True)   # fix: self.loss_fn = nn.PoissonNLLLoss(log_input=True, full=False)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
