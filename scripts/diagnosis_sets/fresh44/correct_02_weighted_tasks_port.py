"""Port of a two-task network (two sigmoid outputs sharing a tanh trunk): per-task mean binary
cross-entropies from one reduction='none' call averaged down the rows, combined with a task-weight
buffer [0.5, 0.5] by torch.dot; the trunk and heads in an nn.ModuleDict."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=6, n_tasks=2):
        super().__init__()
        self.layers = nn.ModuleDict({"trunk": nn.Linear(n_in, hidden), "heads": nn.Linear(hidden, n_tasks)})
        self.register_buffer("task_w", torch.full((n_tasks,), 1.0 / n_tasks))

    def forward(self, x):
        return torch.sigmoid(self.layers["heads"](torch.tanh(self.layers["trunk"](x))))


def make_optimizer(model, lr):
    return torch.optim.SGD([{"params": model.layers["trunk"].parameters()},
                            {"params": model.layers["heads"].parameters()}], lr=lr)


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    per_task = F.binary_cross_entropy(model(X), y, reduction="none").mean(dim=0)
    loss = torch.dot(model.task_w.to(per_task.dtype), per_task)
    loss.backward()
    optimizer.step()
    return loss.item()
