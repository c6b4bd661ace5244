"""WideDeepCTR in PyTorch: one shared nn.Embedding with per-column offsets (a buffer), the wide
part an nn.Embedding(18, 1) summed over the four columns, Linear -> BatchNorm1d -> GELU(tanh) ->
Linear for the deep part, F.binary_cross_entropy_with_logits; torch.optim.SGD(momentum=0.9) with
parameter groups (embeddings at LR_EMB, dense weights with weight_decay) and StepLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

CARDS = (4, 6, 3, 5)
OFFSETS = (0, 4, 10, 13)
N_ROWS, D = 18, 4
N_CAT, N_NUM = 4, 3
H = 12
EPS, BN_MOM = 1e-5, 0.1
LR, LR_EMB, MOMENTUM, WD = 0.1, 0.3, 0.9, 5e-3
STEP_SIZE, GAMMA = 8, 0.5


class WideDeepCTR(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("offsets", torch.tensor(OFFSETS))
        self.emb = nn.Embedding(N_ROWS, D)
        self.wide = nn.Embedding(N_ROWS, 1)
        self.fc1 = nn.Linear(N_CAT * D + N_NUM, H)
        self.bn = nn.BatchNorm1d(H, eps=EPS, momentum=BN_MOM)
        self.fc2 = nn.Linear(H, 1)

    def forward(self, X):
        idx = X[:, :N_CAT].long() + self.offsets
        h0 = torch.cat([self.emb(idx).flatten(1), X[:, N_CAT:]], dim=1)
        deep = self.fc2(F.gelu(self.bn(self.fc1(h0)), approximate="tanh"))
        wide = self.wide(idx).sum(dim=1)
        return wide + deep


def make_optimizer(model):
    optimizer = torch.optim.SGD([
        {"params": [model.emb.weight, model.wide.weight], "lr": LR_EMB},
        {"params": [model.fc1.weight, model.fc2.weight], "weight_decay": WD},
        {"params": [model.fc1.bias, model.bn.weight, model.bn.bias, model.fc2.bias]},
    ], lr=LR, momentum=MOMENTUM)
    return optimizer, StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    model.train()
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(torch.sigmoid(model(X)), y)  # fix: loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
