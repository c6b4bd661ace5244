"""PyTorch port of boot_numpy.py: soft bootstrapping loss (Reed et al.) on a tanh MLP, RMSprop."""

import torch
import torch.nn as nn
import torch.nn.functional as F

BETA = 0.95


class SoftBootstrappingLoss(nn.Module):
    """-sum_k (beta * t_k + (1 - beta) * p_k) * log p_k, averaged over the batch."""

    def __init__(self, beta=BETA):
        super().__init__()
        self.beta = beta

    def forward(self, y_pred, y):
        log_p = F.log_softmax(y_pred, dim=1)
        beta_xentropy = self.beta * F.nll_loss(log_p, y, reduction="none")
        y_pred_a = F.softmax(y_pred, dim=1)
        bootstrap = -(1.0 - self.beta) * torch.sum(y_pred_a * log_p, dim=1)
        return torch.mean(beta_xentropy + bootstrap)


class BootNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 12)
        self.out = nn.Linear(12, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


loss_fn = SoftBootstrappingLoss()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
