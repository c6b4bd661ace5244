"""HierSoftmax in PyTorch: nn.Linear + ReLU, a group head and a leaf head (nn.Linear each);
log-probability = log_softmax over the groups at the true group + log_softmax within the true
group's three leaf logits at the true leaf, averaged over the batch; torch.optim.SGD with
momentum and weight_decay, and StepLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import MultiStepLR, StepLR

D, HIDDEN, N_GROUPS, GROUP_SIZE = 10, 12, 4, 3
N_CLASSES = N_GROUPS * GROUP_SIZE
LR, MOMENTUM, WD, STEP_SIZE, GAMMA = 0.05, 0.9, 5e-3, 5, 0.5


class HierSoftmax(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.group_head = nn.Linear(HIDDEN, N_GROUPS)
        self.leaf_head = nn.Linear(HIDDEN, N_CLASSES)

    def forward(self, X):
        h = torch.relu(self.hidden(X))
        return self.group_head(h), self.leaf_head(h)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = MultiStepLR(optimizer, milestones=[STEP_SIZE], gamma=GAMMA)  # fix: scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    group = y // GROUP_SIZE
    optimizer.zero_grad()
    zg, zl = model(X)
    logp_group = F.log_softmax(zg, dim=1)
    logp_leaf = F.log_softmax(zl.view(-1, N_GROUPS, GROUP_SIZE), dim=2).reshape(-1, N_CLASSES)
    logp = logp_group.gather(1, group[:, None]) + logp_leaf.gather(1, y[:, None])
    loss = -logp.mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
