"""PyTorch port of kd_numpy.py: Linear -> ReLU -> Linear student, distilled with F.kl_div.

    fc1.weight (32, 10) = W1.T, fc1.bias = b1, fc2.weight (5, 32) = W2.T, fc2.bias = b2
y[:, 0] holds the hard labels, y[:, 1:] the teacher's logits.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

T = 4.0
ALPHA = 0.7


class KDStudent(nn.Module):
    def __init__(self, n_in=10, hidden=32, n_cls=5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_cls)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def distillation_loss(student_logits, teacher_logits, labels):
    soft = F.kl_div(F.log_softmax(student_logits / T, dim=1),
                    F.log_softmax(teacher_logits / T, dim=1),
                    log_target=True) * (T * T)
    hard = F.cross_entropy(student_logits, labels)
    return ALPHA * soft + (1.0 - ALPHA) * hard


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    labels = y[:, 0].long()
    teacher = y[:, 1:]
    optimizer.zero_grad()
    loss = distillation_loss(model(X), teacher, labels)
    loss.backward()
    optimizer.step()
    return loss.item()
