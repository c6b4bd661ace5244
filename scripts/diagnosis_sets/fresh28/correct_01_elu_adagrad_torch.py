"""EluAdagradNet in PyTorch: an nn.Sequential 5 -> 8 ELU(0.7) -> 8 ELU(0.7) -> 1, BCE with logits,
the L1 penalty on the weights as torch.linalg.vector_norm(ord=1) of each weight matrix (biases
left out), torch.optim.Adagrad (initial accumulator 0, eps 1e-10)."""

import torch
import torch.nn.functional as F
from torch import nn

LR, ALPHA, L1 = 0.05, 0.7, 0.005


class EluAdagradNet(nn.Module):
    def __init__(self, sizes=(5, 8, 8, 1)):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]), nn.ELU(alpha=ALPHA),
            nn.Linear(sizes[1], sizes[2]), nn.ELU(alpha=ALPHA),
            nn.Linear(sizes[2], sizes[3]),
        )

    def forward(self, x):
        return self.body(x)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    penalty = sum(torch.linalg.vector_norm(w, ord=1) for w in weights)
    loss = F.binary_cross_entropy_with_logits(model(X), y) + L1 * penalty
    loss.backward()
    optimizer.step()
    return loss.item()
