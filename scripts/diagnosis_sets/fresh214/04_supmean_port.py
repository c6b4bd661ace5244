"""PyTorch port of mt_numpy.py: a mean-teacher tanh MLP.

Parameters: fc1.weight (16, 6) = W1.T, fc1.bias = b1, fc2.weight (3, 16) = W2.T, fc2.bias = b2.
The EMA teacher lives in buffers (ema_fc1_weight, ...), filled from the student's weights at
the first step and averaged after every optimizer step with
alpha = min(1 - 1 / (global_step + 1), ema_decay).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

CONS_WEIGHT = 2.0


class MeanTeacherMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=3, ema_decay=0.9):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.ema_decay = ema_decay
        for name, p in list(self.named_parameters()):
            self.register_buffer("ema_" + name.replace(".", "_"), torch.zeros_like(p))
        self.register_buffer("global_step", torch.zeros((), dtype=torch.long))
        self.teacher_logits = None

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))

    def _ema(self, name):
        return getattr(self, "ema_" + name.replace(".", "_"))

    @torch.no_grad()
    def init_teacher(self):
        for name, p in self.named_parameters():
            self._ema(name).copy_(p)

    @torch.no_grad()
    def teacher(self, x):
        h = torch.tanh(F.linear(x, self.ema_fc1_weight, self.ema_fc1_bias))
        return F.linear(h, self.ema_fc2_weight, self.ema_fc2_bias)

    @torch.no_grad()
    def update_teacher(self):
        self.global_step += 1
        alpha = min(1.0 - 1.0 / (self.global_step.item() + 1), self.ema_decay)
        for name, p in self.named_parameters():
            self._ema(name).mul_(alpha).add_(p, alpha=1.0 - alpha)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    if model.global_step.item() == 0:
        model.init_teacher()
    optimizer.zero_grad()
    logits = model(X)
    t_logits = model.teacher(X)
    model.teacher_logits = t_logits
    sup = F.cross_entropy(logits, y, ignore_index=-1, reduction="sum") / X.shape[0]
    cons = F.mse_loss(F.softmax(logits, dim=1), F.softmax(t_logits, dim=1))
    loss = sup + CONS_WEIGHT * cons
    loss.backward()
    optimizer.step()
    model.update_teacher()
    return loss.item()
