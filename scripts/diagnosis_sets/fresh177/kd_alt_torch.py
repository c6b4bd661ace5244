"""Another port of kd_numpy.py: an nn.Sequential student, the KL term through F.kl_div on
probabilities (log_target False) summed and divided by the batch size, the hard term as
nll_loss on log_softmax.

    net.0.weight = W1.T, net.0.bias = b1, net.2.weight = W2.T, net.2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class Student(nn.Module):
    def __init__(self, n_in=10, hidden=32, n_cls=5, temperature=4.0, alpha=0.7):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, n_cls))
        self.temperature = temperature
        self.alpha = alpha

    def forward(self, x):
        return self.net(x)

    def criterion(self, logits, target):
        T = self.temperature
        labels, teacher = target[:, 0].long(), target[:, 1:]
        soft_targets = torch.softmax(teacher / T, dim=-1)
        kl = F.kl_div(torch.log_softmax(logits / T, dim=-1), soft_targets, reduction="sum")
        kl = kl / logits.size(0) * T ** 2
        ce = F.nll_loss(torch.log_softmax(logits, dim=-1), labels)
        return self.alpha * kl + (1 - self.alpha) * ce


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = model.criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.detach().item()
